/**
 * The Pulumi type tokens of the AWS resources this package builds or reads, as the engine
 * reports them: the one table the network model, the reachability model, the review reports and
 * the policy pack match on. They match on tokens rather than on `@pulumi/aws` classes so that
 * none of them loads the whole AWS SDK, and so that they work with any provider version that
 * keeps these tokens.
 */
export const AWS_RESOURCE_TYPES = {
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
    egressOnlyInternetGateway: "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
    natGateway: "aws:ec2/natGateway:NatGateway",
    eip: "aws:ec2/eip:Eip",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    networkAcl: "aws:ec2/networkAcl:NetworkAcl",
    defaultNetworkAcl: "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
    networkAclRule: "aws:ec2/networkAclRule:NetworkAclRule",
    networkAclAssociation: "aws:ec2/networkAclAssociation:NetworkAclAssociation",
    managedPrefixList: "aws:ec2/managedPrefixList:ManagedPrefixList",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    vpcEndpointRouteTableAssociation: "aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation",
    endpointPrivateDns: "aws:vpc/endpointPrivateDns:EndpointPrivateDns",
    flowLog: "aws:ec2/flowLog:FlowLog",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    rolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    policyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
    policy: "aws:iam/policy:Policy",
    // What else sits in subnets, wears security groups or takes addresses there.
    instance: "aws:ec2/instance:Instance",
    networkInterface: "aws:ec2/networkInterface:NetworkInterface",
    efsMountTarget: "aws:efs/mountTarget:MountTarget",
    dbInstance: "aws:rds/instance:Instance",
    dbCluster: "aws:rds/cluster:Cluster",
    dbSubnetGroup: "aws:rds/subnetGroup:SubnetGroup",
    docdbCluster: "aws:docdb/cluster:Cluster",
    docdbSubnetGroup: "aws:docdb/subnetGroup:SubnetGroup",
    cacheCluster: "aws:elasticache/cluster:Cluster",
    cacheReplicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    serverlessCache: "aws:elasticache/serverlessCache:ServerlessCache",
    cacheSubnetGroup: "aws:elasticache/subnetGroup:SubnetGroup",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
} as const;

/** Both kinds of VPC a stack may hold: its own, and the region's default VPC it adopts. */
export const VPC_TYPES: readonly string[] = [AWS_RESOURCE_TYPES.vpc, AWS_RESOURCE_TYPES.defaultVpc];
/** Both kinds of security group a function, endpoint or rule may name by id. */
export const SECURITY_GROUP_TYPES: readonly string[] = [AWS_RESOURCE_TYPES.securityGroup, AWS_RESOURCE_TYPES.defaultSecurityGroup];
/** Route tables, including a VPC's adopted main (default) route table. */
export const ROUTE_TABLE_TYPES: readonly string[] = [AWS_RESOURCE_TYPES.routeTable, AWS_RESOURCE_TYPES.defaultRouteTable];
/** Network ACLs, including a VPC's adopted default one. */
export const NETWORK_ACL_TYPES: readonly string[] = [AWS_RESOURCE_TYPES.networkAcl, AWS_RESOURCE_TYPES.defaultNetworkAcl];

// Endpoint service names live here, beside the type tokens, because the policy pack reads them
// too and `make policy-pack` copies this file into the published pack. Most are
// `com.amazonaws.<region>.<service>`; in the China Regions several are
// `cn.com.amazonaws.<region>.<service>` (ecr.api, ecr.dkr, execute-api, ec2, among others:
// shared/AWS-FACTS.md, "Added after the first round"), and which ones varies by service, so the
// component looks each name up (`aws.ec2.getVpcEndpointService`) rather than build it.

/** The names the service may have in a region: the lookup asks for both, and AWS has one. */
export function endpointServiceNameCandidates(region: string, service: string): string[] {
    return [`com.amazonaws.${region}.${service}`, `cn.com.amazonaws.${region}.${service}`];
}

const AWS_SERVICE_NAME = /^(?:cn\.)?com\.amazonaws\.([a-z0-9-]+)\.(.+)$/;

/**
 * The short name of the AWS service an endpoint service name stands for (`ecr.api` for
 * `cn.com.amazonaws.cn-north-1.ecr.api`), or undefined for a PrivateLink service of another
 * account (`com.amazonaws.vpce.<region>.vpce-svc-...`) or any other name.
 */
export function awsServiceOf(serviceName: string): string | undefined {
    const match = AWS_SERVICE_NAME.exec(serviceName);
    return match && match[1] !== "vpce" ? match[2] : undefined;
}
