import type { Input } from "@pulumi/pulumi";
import type { EndpointPolicy, FlowLogDestination, FlowLogTrafficType, GatewayEndpointService, NatGatewayStrategy, NetworkPattern } from "../args";

/** The arguments after validation: every default applied, every value checked. */
export interface ValidatedArgs extends ValidatedEndpointPolicies {
    pattern: NetworkPattern;
    vpc: NewVpcSettings | ExistingVpcSettings;
    gatewayEndpoints: GatewayEndpointService[];
    interfaceEndpoints: string[];
    allowTo: ValidatedAllowTo[];
    /** Absent when flow logs are turned off. */
    flowLogs?: ValidatedFlowLogs;
    /** IPv6 beside IPv4. */
    dualStack: boolean;
    /** Absent unless the diagnostics function is enabled. */
    diagnostics?: ValidatedDiagnostics;
    /** Absent when no need is declared. */
    needs?: ValidatedNeeds;
    tags: Record<string, Input<string>>;
    /** Valid but worth telling the user: a default that could not apply, and why. */
    warnings: string[];
}

export interface NewVpcSettings {
    kind: "new";
    cidrBlock: string;
    /** Either explicit zone names, or a count of the region's zones taken in order. */
    zones: { kind: "names"; names: string[] } | { kind: "count"; count: number };
    /** Present with `PrivateWithNat` only. */
    natGatewayStrategy?: NatGatewayStrategy;
}

export interface ExistingVpcSettings {
    kind: "existing";
    vpcId: Input<string>;
    subnetIds: Input<string>[];
    routeTableIds: Input<string>[];
}

export interface ValidatedAllowTo {
    securityGroupId: Input<string>;
    port: number;
    description: string;
}

export interface ValidatedNeeds {
    internet: boolean;
    services: string[];
    securityGroups: { securityGroupId: Input<string>; port: number }[];
}

export interface ValidatedDiagnostics {
    targets: { host: Input<string>; port: number; securityGroupId?: Input<string> }[];
}

/** The flow log's settings; what else it needs depends on where its records go. */
export type ValidatedFlowLogs = ValidatedCloudWatchFlowLogs | ValidatedS3FlowLogs;

interface ValidatedFlowLogCommon {
    trafficType: FlowLogTrafficType;
    maxAggregationInterval: number;
}

export interface ValidatedCloudWatchFlowLogs extends ValidatedFlowLogCommon {
    destination: typeof FlowLogDestination.CloudWatchLogs;
    retentionInDays: number;
    /** A KMS key ARN to encrypt the log group with; a plain string is checked, an Output taken as given. */
    kmsKeyId?: Input<string>;
}

export interface ValidatedS3FlowLogs extends ValidatedFlowLogCommon {
    destination: typeof FlowLogDestination.S3;
    /** Checked when it is a plain string; an Output is taken as given. */
    s3BucketArn: Input<string>;
}

/** The policy each VPC endpoint gets: the one for every endpoint, and the services' own. */
export interface ValidatedEndpointPolicies {
    endpointPolicy: EndpointPolicy;
    /** By service: plain text checked already; an Output or a Promise is checked once known. */
    endpointPolicies: Record<string, Input<string>>;
}
