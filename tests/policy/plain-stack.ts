import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { lambdaEniPolicyDocument } from "../../sdk/plan/iam-documents";

/** How the function's role gets the network-interface permissions. */
export type EniAccess =
    | "vpc-access-managed-policy"
    | "eni-management-managed-policy"
    | "customer-managed-policy"
    | "inline-role-policy"
    | "role-inline-policies"
    | "logs-only"
    | "logs-and-an-unread-managed-policy";

/**
 * A Lambda function in a VPC built from plain `aws.*` resources, without VpcLambdaNetwork, that
 * every policy of the pack accepts; each option breaks (or varies) one thing.
 */
export interface PlainStackOptions {
    /** The zones of the function's subnets, one subnet each. @default ["us-east-1a", "us-east-1b"] */
    subnetZones?: string[];
    mapPublicIpOnLaunch?: boolean;
    /** Where the function subnets' 0.0.0.0/0 goes. @default "none" */
    defaultRoute?: "none" | "internet-gateway" | "internet-gateway-inline" | "internet-gateway-ipv6" | "nat-gateway";
    /** An ingress rule on the function's security group. */
    functionIngress?: { cidrIpv4?: string; cidrIpv6?: string; fromPort: number; toPort: number; ipProtocol?: string };
    /** The function's vpcConfig. @default "subnets-and-group" */
    vpcConfig?: "subnets-and-group" | "absent" | "empty" | "seventeen-subnets" | "six-groups";
    eniAccess?: EniAccess;
    /** @default true */
    flowLog?: boolean;
    /** The flow log group's retentionInDays; `undefined` never expires. @default 90 */
    logRetentionDays?: number | undefined;
    /** An interface endpoint for Secrets Manager. */
    interfaceEndpoint?: { privateDnsEnabled?: boolean; admitHttpsFromAnywhere?: boolean };
    /** @default true */
    enableDnsHostnames?: boolean;
}

const LAMBDA_TRUST = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const VPC_ACCESS_ARN = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";
const ENI_MANAGEMENT_ARN = "arn:aws:iam::aws:policy/service-role/AWSLambdaENIManagementAccess";
const BASIC_EXECUTION_ARN = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

/** Registers the stack; resource names start with `prefix` so that cases never share a URN. */
export function plainStack(prefix: string, options: PlainStackOptions = {}): void {
    const n = (name: string) => `${prefix}-${name}`;
    const vpc = new aws.ec2.Vpc(n("vpc"), { cidrBlock: "10.0.0.0/16", enableDnsSupport: true, enableDnsHostnames: options.enableDnsHostnames ?? true });
    const subnets = (options.subnetZones ?? ["us-east-1a", "us-east-1b"]).map(
        (zone, i) =>
            new aws.ec2.Subnet(n(`subnet-${i + 1}`), {
                vpcId: vpc.id,
                cidrBlock: `10.0.${i}.0/24`,
                availabilityZone: zone,
                mapPublicIpOnLaunch: options.mapPublicIpOnLaunch ?? false,
            }),
    );
    const routeTable = buildRouteTable(n, vpc, options.defaultRoute ?? "none");
    subnets.forEach((subnet, i) => new aws.ec2.RouteTableAssociation(n(`rta-${i + 1}`), { subnetId: subnet.id, routeTableId: routeTable.id }));

    const functionSg = new aws.ec2.SecurityGroup(n("fn-sg"), { vpcId: vpc.id, description: "the function" });
    if (options.functionIngress) {
        new aws.vpc.SecurityGroupIngressRule(n("fn-sg-open"), { securityGroupId: functionSg.id, ipProtocol: "tcp", ...options.functionIngress });
    }

    if (options.flowLog ?? true) {
        const logGroup = new aws.cloudwatch.LogGroup(n("flow-logs"), {
            ...(Object.prototype.hasOwnProperty.call(options, "logRetentionDays") ? { retentionInDays: options.logRetentionDays } : { retentionInDays: 90 }),
        });
        const flowLogRole = new aws.iam.Role(n("flow-log-role"), { assumeRolePolicy: LAMBDA_TRUST });
        new aws.ec2.FlowLog(n("flow-log"), { vpcId: vpc.id, trafficType: "ALL", logDestination: logGroup.arn, iamRoleArn: flowLogRole.arn });
    }

    if (options.interfaceEndpoint) {
        const endpointSg = new aws.ec2.SecurityGroup(n("endpoint-sg"), { vpcId: vpc.id, description: "interface endpoints" });
        new aws.vpc.SecurityGroupIngressRule(
            n("endpoint-https"),
            options.interfaceEndpoint.admitHttpsFromAnywhere
                ? { securityGroupId: endpointSg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" }
                : { securityGroupId: endpointSg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, referencedSecurityGroupId: functionSg.id },
        );
        new aws.ec2.VpcEndpoint(n("secretsmanager"), {
            vpcId: vpc.id,
            serviceName: "com.amazonaws.us-east-1.secretsmanager",
            vpcEndpointType: "Interface",
            subnetIds: subnets.map((s) => s.id),
            securityGroupIds: [endpointSg.id],
            ...(options.interfaceEndpoint.privateDnsEnabled === undefined ? {} : { privateDnsEnabled: options.interfaceEndpoint.privateDnsEnabled }),
        });
    }

    const role = new aws.iam.Role(n("fn-role"), { assumeRolePolicy: LAMBDA_TRUST, ...roleInlinePolicies(options.eniAccess) });
    grantEniAccess(n, role, options.eniAccess ?? "vpc-access-managed-policy");
    new aws.lambda.Function(n("fn"), {
        role: role.arn,
        runtime: aws.lambda.Runtime.NodeJS20dX,
        handler: "index.handler",
        code: new pulumi.asset.AssetArchive({}),
        ...vpcConfigFor(options.vpcConfig ?? "subnets-and-group", subnets, functionSg),
    });
}

function buildRouteTable(n: (name: string) => string, vpc: aws.ec2.Vpc, defaultRoute: NonNullable<PlainStackOptions["defaultRoute"]>): aws.ec2.RouteTable {
    if (defaultRoute === "internet-gateway-inline") {
        const igw = new aws.ec2.InternetGateway(n("igw"), { vpcId: vpc.id });
        return new aws.ec2.RouteTable(n("rt"), { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }] });
    }
    const routeTable = new aws.ec2.RouteTable(n("rt"), { vpcId: vpc.id });
    if (defaultRoute === "internet-gateway" || defaultRoute === "internet-gateway-ipv6") {
        const igw = new aws.ec2.InternetGateway(n("igw"), { vpcId: vpc.id });
        const destination = defaultRoute === "internet-gateway" ? { destinationCidrBlock: "0.0.0.0/0" } : { destinationIpv6CidrBlock: "::/0" };
        new aws.ec2.Route(n("default-route"), { routeTableId: routeTable.id, gatewayId: igw.id, ...destination });
    } else if (defaultRoute === "nat-gateway") {
        // The NAT gateway's own (public) subnet is not the function's: only the route matters here.
        const eip = new aws.ec2.Eip(n("nat-eip"), { domain: "vpc" });
        const natSubnet = new aws.ec2.Subnet(n("nat-subnet"), { vpcId: vpc.id, cidrBlock: "10.0.200.0/24", availabilityZone: "us-east-1a" });
        const nat = new aws.ec2.NatGateway(n("nat"), { allocationId: eip.allocationId, subnetId: natSubnet.id });
        new aws.ec2.Route(n("default-route"), { routeTableId: routeTable.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat.id });
    }
    return routeTable;
}

function roleInlinePolicies(eniAccess: EniAccess | undefined): Partial<aws.iam.RoleArgs> {
    return eniAccess === "role-inline-policies" ? { inlinePolicies: [{ name: "eni", policy: JSON.stringify(lambdaEniPolicyDocument()) }] } : {};
}

function grantEniAccess(n: (name: string) => string, role: aws.iam.Role, eniAccess: EniAccess): void {
    new aws.iam.RolePolicyAttachment(n("fn-logs"), { role: role.name, policyArn: BASIC_EXECUTION_ARN });
    switch (eniAccess) {
        case "vpc-access-managed-policy":
            new aws.iam.RolePolicyAttachment(n("fn-eni"), { role: role.name, policyArn: VPC_ACCESS_ARN });
            break;
        case "eni-management-managed-policy":
            new aws.iam.RolePolicyAttachment(n("fn-eni"), { role: role.name, policyArn: ENI_MANAGEMENT_ARN });
            break;
        case "customer-managed-policy": {
            const policy = new aws.iam.Policy(n("eni-policy"), { policy: JSON.stringify(lambdaEniPolicyDocument()) });
            new aws.iam.RolePolicyAttachment(n("fn-eni"), { role: role.name, policyArn: policy.arn });
            break;
        }
        case "inline-role-policy":
            new aws.iam.RolePolicy(n("fn-eni"), { role: role.id, policy: JSON.stringify(lambdaEniPolicyDocument()) });
            break;
        case "logs-and-an-unread-managed-policy":
            // An AWS managed policy the pack has no copy of: it may grant anything.
            new aws.iam.RolePolicyAttachment(n("fn-power-user"), { role: role.name, policyArn: "arn:aws:iam::aws:policy/PowerUserAccess" });
            break;
        case "role-inline-policies":
        case "logs-only":
            break;
    }
}

function vpcConfigFor(
    kind: NonNullable<PlainStackOptions["vpcConfig"]>,
    subnets: aws.ec2.Subnet[],
    group: aws.ec2.SecurityGroup,
): Partial<aws.lambda.FunctionArgs> {
    switch (kind) {
        case "absent":
            return {};
        case "empty":
            return { vpcConfig: { subnetIds: [], securityGroupIds: [] } };
        case "seventeen-subnets":
            return { vpcConfig: { subnetIds: Array.from({ length: 17 }, (_, i) => `subnet-0${String(i).padStart(16, "0")}`), securityGroupIds: [group.id] } };
        case "six-groups":
            return { vpcConfig: { subnetIds: subnets.map((s) => s.id), securityGroupIds: [group.id, ...Array.from({ length: 5 }, (_, i) => `sg-0${String(i).padStart(16, "0")}`)] } };
        case "subnets-and-group":
            return { vpcConfig: { subnetIds: subnets.map((s) => s.id), securityGroupIds: [group.id] } };
    }
}
