import { AWS_RESOURCE_TYPES } from "../sdk/aws/resource-types";

/** The type tokens the policies match on (one table, shared with the review reports). */
export const AWS = AWS_RESOURCE_TYPES;

/** Both kinds of security group a function or endpoint may name by id. */
export const SECURITY_GROUP_TYPES = [AWS.securityGroup, AWS.defaultSecurityGroup] as const;
/** Both kinds of VPC a stack may hold. */
export const VPC_TYPES = [AWS.vpc, AWS.defaultVpc] as const;
/** Route tables, including a VPC's adopted main (default) route table. */
export const ROUTE_TABLE_TYPES = [AWS.routeTable, AWS.defaultRouteTable] as const;

const NOUNS: Record<string, string> = {
    [AWS.function]: "function",
    [AWS.vpc]: "VPC",
    [AWS.defaultVpc]: "default VPC",
    [AWS.subnet]: "subnet",
    [AWS.routeTable]: "route table",
    [AWS.defaultRouteTable]: "main route table",
    [AWS.route]: "route",
    [AWS.securityGroup]: "security group",
    [AWS.defaultSecurityGroup]: "default security group",
    [AWS.securityGroupRule]: "security group rule",
    [AWS.ingressRule]: "ingress rule",
    [AWS.vpcEndpoint]: "VPC endpoint",
    [AWS.flowLog]: "flow log",
    [AWS.logGroup]: "log group",
    [AWS.role]: "role",
    [AWS.rolePolicy]: "role policy",
    [AWS.rolePolicyAttachment]: "policy attachment",
    [AWS.policy]: "IAM policy",
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
