/** What `aws.ec2.getSubnet` reports of a subnet's IPv6 set-up. */
export interface SubnetIpv6Attributes {
    /** The subnet's IPv6 block, empty when it has none. */
    ipv6CidrBlock: string;
    /** True for an IPv6-only subnet. */
    ipv6Native: boolean;
}

/**
 * Why a subnet given in `existingVpc` cannot carry dual-stack functions, as a sentence for the
 * user; undefined when it can. Lambda's `ipv6AllowedForDualStack` needs dual-stack subnets (an
 * IPv4 block and an IPv6 block); it does not support IPv6-only subnets.
 */
export function dualStackSubnetProblem(componentName: string, subnetId: string, subnet: SubnetIpv6Attributes): string | undefined {
    const prefix = `VpcLambdaNetwork "${componentName}": dualStack is on, but existingVpc subnet ${JSON.stringify(subnetId)}`;
    if (subnet.ipv6Native) {
        return `${prefix} is IPv6-only; Lambda does not support IPv6-only subnets. Give dual-stack subnets (an IPv4 and an IPv6 block) instead.`;
    }
    if (!subnet.ipv6CidrBlock) {
        return (
            `${prefix} has no IPv6 block, so functions could not use IPv6 there. Give the VPC an IPv6 block and the subnet a /64 of it ` +
            `(assignGeneratedIpv6CidrBlock on the aws.ec2.Vpc, ipv6CidrBlock on the aws.ec2.Subnet), or turn dualStack off.`
        );
    }
    return undefined;
}
