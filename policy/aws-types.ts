/**
 * The type tokens of the AWS resources the policies read, as the engine reports them. Policies
 * match on tokens rather than on `@pulumi/aws` classes so that the pack does not load the whole
 * AWS SDK to start, and works with any provider version that keeps these tokens.
 */
export const AWS = {
    function: "aws:lambda/function:Function",
    vpc: "aws:ec2/vpc:Vpc",
    defaultVpc: "aws:ec2/defaultVpc:DefaultVpc",
    subnet: "aws:ec2/subnet:Subnet",
    routeTable: "aws:ec2/routeTable:RouteTable",
    defaultRouteTable: "aws:ec2/defaultRouteTable:DefaultRouteTable",
    route: "aws:ec2/route:Route",
    routeTableAssociation: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    mainRouteTableAssociation: "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
    internetGateway: "aws:ec2/internetGateway:InternetGateway",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    endpointPrivateDns: "aws:vpc/endpointPrivateDns:EndpointPrivateDns",
    flowLog: "aws:ec2/flowLog:FlowLog",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    rolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    policyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
    policy: "aws:iam/policy:Policy",
} as const;

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
