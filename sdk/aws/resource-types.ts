/**
 * The Pulumi type tokens of the AWS resources this package builds or reads, as the engine
 * reports them: one table for the policy pack and the review reports. They match on tokens
 * rather than on `@pulumi/aws` classes so that neither loads the whole AWS SDK, and so that
 * they work with any provider version that keeps these tokens.
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
    natGateway: "aws:ec2/natGateway:NatGateway",
    eip: "aws:ec2/eip:Eip",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    endpointPrivateDns: "aws:vpc/endpointPrivateDns:EndpointPrivateDns",
    flowLog: "aws:ec2/flowLog:FlowLog",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    rolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    policyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
    policy: "aws:iam/policy:Policy",
    // What else takes addresses in a subnet, for the subnet-ip-capacity policy.
    instance: "aws:ec2/instance:Instance",
    networkInterface: "aws:ec2/networkInterface:NetworkInterface",
    efsMountTarget: "aws:efs/mountTarget:MountTarget",
    dbInstance: "aws:rds/instance:Instance",
    dbSubnetGroup: "aws:rds/subnetGroup:SubnetGroup",
} as const;

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
