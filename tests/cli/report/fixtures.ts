import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { NetworkGraph } from "../../../sdk/network/network-graph";
import type { MockStack } from "../../../sdk/offline-engine/mock-stack";

/** Runs a program fragment against the installed mocks and reads its network back. */
export async function recordNetwork(stack: MockStack, program: () => void): Promise<NetworkGraph> {
    stack.reset();
    program();
    await stack.settle();
    return new NetworkGraph([...stack.resources]);
}

/** A function placed in the given subnets with the given security groups, as users write it. */
export function vpcFunction(
    name: string,
    vpcConfig: pulumi.Input<{ subnetIds: pulumi.Input<pulumi.Input<string>[]>; securityGroupIds: pulumi.Input<pulumi.Input<string>[]> }>,
    extra: Partial<aws.lambda.FunctionArgs> = {},
): aws.lambda.Function {
    return new aws.lambda.Function(name, {
        role: "arn:aws:iam::123456789012:role/fn-role",
        runtime: "nodejs20.x",
        handler: "index.handler",
        code: new pulumi.asset.AssetArchive({}),
        vpcConfig,
        ...extra,
    });
}

/** A plain `aws.*` VPC with one subnet of the given size in one zone: no component involved. */
export function plainVpc(name: string, subnetCidr: string): { vpc: aws.ec2.Vpc; subnet: aws.ec2.Subnet } {
    const vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: "10.1.0.0/16", enableDnsHostnames: true, enableDnsSupport: true });
    const subnet = new aws.ec2.Subnet(`${name}-subnet`, { vpcId: vpc.id, cidrBlock: subnetCidr, availabilityZone: "us-east-1a" });
    return { vpc, subnet };
}

/** Interface endpoints for `services`, each placed in `subnetIds`. */
export function interfaceEndpoints(name: string, vpcId: pulumi.Input<string>, services: string[], subnetIds: pulumi.Input<string>[]): void {
    for (const service of services) {
        new aws.ec2.VpcEndpoint(`${name}-${service}`, {
            vpcId,
            serviceName: `com.amazonaws.us-east-1.${service}`,
            vpcEndpointType: "Interface",
            privateDnsEnabled: true,
            subnetIds,
        });
    }
}

/** `count` security groups in the VPC. */
export function securityGroups(name: string, vpcId: pulumi.Input<string>, count: number): aws.ec2.SecurityGroup[] {
    return Array.from({ length: count }, (_, i) => new aws.ec2.SecurityGroup(`${name}-sg-${i + 1}`, { vpcId }));
}
