import type { Input } from "@pulumi/pulumi";
import type { FlowLogDestination, FlowLogTrafficType, GatewayEndpointService, NatGatewayStrategy, NetworkPattern } from "../args";
import type { ValidatedNeeds } from "../arguments/validated-args";
import type { PolicyDocument } from "./iam-documents";

/**
 * The whole network as plain data: what to build, named and wired, before anything is built.
 * Planned resources are referred to by `key` (their name is `<component name>-<key>`); things
 * the user already owns are referred to by `id`.
 */
export interface NetworkPlan {
    /** The component's name: every resource is named `<name>-<key>`. */
    name: string;
    pattern: NetworkPattern;
    vpc: NewVpcPlan | ExistingVpcPlan;
    /** The zones the Lambda subnets are in (empty with an existing VPC, whose zones are its own). */
    zones: ZonePlan[];
    subnets: SubnetPlan[];
    /** The subnets functions attach to, in zone order. */
    lambdaSubnets: Ref[];
    internetGateway?: { key: string };
    natGateways: NatGatewayPlan[];
    natGatewayStrategy?: NatGatewayStrategy;
    routeTables: RouteTablePlan[];
    gatewayEndpoints: GatewayEndpointPlan[];
    interfaceEndpoints: InterfaceEndpointPlan[];
    securityGroups: SecurityGroupPlan[];
    securityGroupRules: SecurityGroupRulePlan[];
    eniPolicy: { key: string; description: string; document: PolicyDocument };
    flowLog?: FlowLogPlan;
    /** IPv6 beside IPv4: the VPC's /56, a /64 per subnet, and `ipv6AllowedForDualStack` for functions. */
    dualStack: boolean;
    /** Takes the Lambda subnets' IPv6 traffic out (dual stack with `PrivateWithNat` only). */
    egressOnlyInternetGateway?: { key: string };
    /** The in-VPC diagnostics function, when enabled. */
    diagnostics?: DiagnosticsPlan;
    /** What the functions must reach, when declared: checked against this plan, and tagged on the Lambda security group. */
    needs?: ValidatedNeeds;
    tags: Record<string, Input<string>>;
}

/** A planned resource (by key) or one that already exists (by id). */
export type Ref = { key: string } | { id: Input<string> };

export interface NewVpcPlan {
    kind: "new";
    key: string;
    cidrBlock: string;
    /** Private DNS for interface endpoints needs both on; `enableDnsHostnames` defaults to off. */
    enableDnsSupport: true;
    enableDnsHostnames: true;
    /** With dual stack, an Amazon-provided IPv6 /56. */
    assignGeneratedIpv6CidrBlock: boolean;
    /** The block left free for the user's own subnets. */
    freeCidrBlock: string;
    /** The VPC's default security group, adopted and stripped of its allow-all rules. */
    defaultSecurityGroupKey: string;
}

export interface ExistingVpcPlan {
    kind: "existing";
    vpcId: Input<string>;
    /**
     * True when interface endpoints with private DNS go into it: AWS then needs the VPC's
     * `enableDnsSupport` and `enableDnsHostnames` both on, and only a lookup of the VPC can tell.
     */
    needsPrivateDns: boolean;
}

export interface ZonePlan {
    /** 1-based position, stable across changes: zone 1 stays zone 1. */
    number: number;
    /** The zone's name when the user chose it; otherwise the region's `number`-th zone. */
    name?: string;
}

export interface SubnetPlan {
    key: string;
    role: "lambda" | "public";
    /** The zone number (1-based). */
    zone: number;
    cidrBlock: string;
    mapPublicIpOnLaunch: boolean;
    /**
     * With dual stack, which /64 of the VPC's /56 the subnet gets (0 to 255): fixed by role and
     * zone like the IPv4 block, since the /56 itself is known only once the VPC exists.
     */
    ipv6SubnetIndex?: number;
}

export interface NatGatewayPlan {
    key: string;
    elasticIpKey: string;
    zone: number;
    subnetKey: string;
}

export type RouteTarget =
    | { kind: "internetGateway"; key: string }
    | { kind: "natGateway"; key: string }
    | { kind: "egressOnlyInternetGateway"; key: string };

/** A route for IPv4 (`destinationCidrBlock`) or IPv6 (`destinationIpv6CidrBlock`): exactly one is set. */
export interface RoutePlan {
    key: string;
    destinationCidrBlock?: string;
    destinationIpv6CidrBlock?: string;
    target: RouteTarget;
}

export interface RouteTablePlan {
    key: string;
    role: "lambda" | "public";
    /** The zone a Lambda route table serves; public route tables serve every zone. */
    zone?: number;
    subnetKeys: string[];
    routes: RoutePlan[];
}

export interface GatewayEndpointPlan {
    key: string;
    service: GatewayEndpointService;
    routeTables: Ref[];
    /** Absent: no policy is set, and AWS's default allows full access. */
    policy?: EndpointPolicyPlan;
}

export interface InterfaceEndpointPlan {
    key: string;
    service: string;
    privateDnsEnabled: true;
    /** The Lambda subnets; with an existing VPC, one per zone is picked when the zones are known. */
    subnets: Ref[];
    securityGroupKey: string;
    /** Absent: no policy is set, and AWS's default allows full access. */
    policy?: EndpointPolicyPlan;
}

/** The policy an endpoint gets, when it gets one. */
export type EndpointPolicyPlan =
    /** `endpointPolicy: "SameAccount"`: `sameAccountEndpointPolicy`, written once the stack's account is looked up. */
    | { kind: "sameAccount" }
    /** The service's own, from `endpointPolicies.<service>` (an Output is checked once known). */
    | { kind: "given"; document: Input<string> };

export interface SecurityGroupPlan {
    key: string;
    /**
     * `replacement` is the rule-less group functions switch to just before they are deleted
     * (`replacementSecurityGroupIds`), so that their lingering ENIs stop holding the Lambda group.
     */
    role: "lambda" | "endpoint" | "replacement";
    description: string;
}

/** Who is on the other side of a rule. */
export type RulePeer =
    | { kind: "cidr"; cidrIpv4: string }
    | { kind: "cidrIpv6"; cidrIpv6: string }
    | { kind: "securityGroup"; ref: Ref }
    | { kind: "gatewayEndpointPrefixList"; endpointKey: string; service: GatewayEndpointService };

export interface SecurityGroupRulePlan {
    key: string;
    securityGroupKey: string;
    direction: "ingress" | "egress";
    description: string;
    /** `tcp` with a port range, or `-1` for every protocol and port. */
    ipProtocol: "tcp" | "-1";
    fromPort?: number;
    toPort?: number;
    peer: RulePeer;
}

/** The VPC's flow log. AWS cannot modify a flow log: changing any of this replaces it. */
export interface FlowLogPlan {
    key: string;
    trafficType: FlowLogTrafficType;
    maxAggregationInterval: number;
    destination: FlowLogDestinationPlan;
}

export type FlowLogDestinationPlan = CloudWatchLogsDestinationPlan | S3DestinationPlan;

/** A log group of the component's, written through a role only this account's flow logs may assume. */
export interface CloudWatchLogsDestinationPlan {
    kind: typeof FlowLogDestination.CloudWatchLogs;
    logGroupKey: string;
    retentionInDays: number;
    /** The KMS key ARN the log group is encrypted with; absent: CloudWatch Logs' own encryption. */
    kmsKeyId?: Input<string>;
    roleKey: string;
    /**
     * The role's permissions, a customer-managed policy (`aws.iam.Policy`) attached to the role,
     * not an inline one: cdk-nag's IAMNoInlinePolicy (NIST 800-53 R5, HIPAA) flags inline policies.
     */
    policyKey: string;
    policyAttachmentKey: string;
}

/**
 * The user's bucket. The log delivery service writes to it under the bucket's policy, so the
 * component builds nothing for it: no role, no log group.
 */
export interface S3DestinationPlan {
    kind: typeof FlowLogDestination.S3;
    /** `arn:<partition>:s3:::<bucket>[/<prefix>]`. */
    bucketArn: Input<string>;
}

/** What the diagnostics function is told to check; the handler reads it as JSON. */
export interface DiagnosticsConfiguration {
    pattern: NetworkPattern;
    /** Only `PrivateWithNat` reaches the internet; elsewhere reaching it is a finding. */
    internetExpected: boolean;
    /** The AWS services the network serves through its endpoints. */
    services: { service: string; endpointType: "Gateway" | "Interface" }[];
    dualStack: boolean;
}

/** The diagnostics function, its role and its log group, in the Lambda subnets and security group. */
export interface DiagnosticsPlan {
    functionKey: string;
    roleKey: string;
    logGroupKey: string;
    /** Its log-writing permissions: a customer-managed policy attached to its role, as for the flow log. */
    logsPolicyKey: string;
    logsPolicyAttachmentKey: string;
    /** The attachment of the network's ENI policy to its role. */
    eniPolicyAttachmentKey: string;
    /** Days its logs are kept: it is a troubleshooting tool, not an audit trail. */
    logRetentionInDays: number;
    configuration: DiagnosticsConfiguration;
    /** Hosts and ports to check, besides the services; their hosts (and the groups they wear) may be Outputs. */
    targets: { host: Input<string>; port: number; securityGroupId?: Input<string> }[];
}
