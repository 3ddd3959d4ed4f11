import { AWS_RESOURCE_TYPES } from "../sdk/aws/resource-types";

// How a violation names each kind of resource, in the user's words.
const NOUNS: Record<string, string> = {
    [AWS_RESOURCE_TYPES.function]: "function",
    [AWS_RESOURCE_TYPES.vpc]: "VPC",
    [AWS_RESOURCE_TYPES.defaultVpc]: "default VPC",
    [AWS_RESOURCE_TYPES.subnet]: "subnet",
    [AWS_RESOURCE_TYPES.routeTable]: "route table",
    [AWS_RESOURCE_TYPES.defaultRouteTable]: "main route table",
    [AWS_RESOURCE_TYPES.route]: "route",
    [AWS_RESOURCE_TYPES.securityGroup]: "security group",
    [AWS_RESOURCE_TYPES.defaultSecurityGroup]: "default security group",
    [AWS_RESOURCE_TYPES.securityGroupRule]: "security group rule",
    [AWS_RESOURCE_TYPES.ingressRule]: "ingress rule",
    [AWS_RESOURCE_TYPES.vpcEndpoint]: "VPC endpoint",
    [AWS_RESOURCE_TYPES.flowLog]: "flow log",
    [AWS_RESOURCE_TYPES.logGroup]: "log group",
    [AWS_RESOURCE_TYPES.role]: "role",
    [AWS_RESOURCE_TYPES.rolePolicy]: "role policy",
    [AWS_RESOURCE_TYPES.rolePolicyAttachment]: "policy attachment",
    [AWS_RESOURCE_TYPES.policy]: "IAM policy",
};

/** `subnet "app-public-1"`: how a violation message names a resource. */
export function describe(resource: { type: string; name: string }): string {
    return `${NOUNS[resource.type] ?? resource.type} "${resource.name}"`;
}

/** `Subnet "app-public-1"`: `describe` at the start of a sentence. */
export function describeAtSentenceStart(resource: { type: string; name: string }): string {
    const text = describe(resource);
    return text.charAt(0).toUpperCase() + text.slice(1);
}
