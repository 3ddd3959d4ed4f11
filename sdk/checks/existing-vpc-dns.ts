/** The DNS attributes of a VPC, as `aws.ec2.getVpc` reports them. */
export interface VpcDnsAttributes {
    enableDnsSupport: boolean;
    enableDnsHostnames: boolean;
}

/**
 * Why AWS would refuse the interface endpoints (private DNS on) in the user's VPC, as a sentence
 * for the user; undefined when it would not. AWS's CreateVpcEndpoint reference: "To use a
 * private hosted zone, you must set the following VPC attributes to true: enableDnsHostnames and
 * enableDnsSupport". `enableDnsHostnames` defaults to false on `aws.ec2.Vpc` and `awsx.ec2.Vpc`,
 * so a VPC made without it is the usual case; AWS's own error comes only at `pulumi up`.
 */
export function privateDnsProblem(componentName: string, vpcId: string, services: readonly string[], vpc: VpcDnsAttributes): string | undefined {
    const off = (["enableDnsSupport", "enableDnsHostnames"] as const).filter((flag) => !vpc[flag]);
    if (off.length === 0) {
        return undefined;
    }
    const endpoints = services.length === 1 ? `the interface endpoint (${services[0]}) was` : `the interface endpoints (${services.join(", ")}) were`;
    return (
        `VpcLambdaNetwork "${componentName}": existingVpc ${JSON.stringify(vpcId)} has ${off.join(" and ")} off; AWS allows the private DNS ` +
        `of interface endpoints only in a VPC with enableDnsSupport and enableDnsHostnames both on, so ${endpoints} not created. ` +
        `Turn both on for that VPC: enableDnsSupport: true and enableDnsHostnames: true on its aws.ec2.Vpc (enableDnsHostnames defaults to false), ` +
        `enableDnsHostnames: true on an awsx.ec2.Vpc, or \`aws ec2 modify-vpc-attribute\` for a VPC made elsewhere.`
    );
}
