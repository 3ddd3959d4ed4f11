import type { Input } from "@pulumi/pulumi";
import type { FlowLogTrafficType, GatewayEndpointService, NatGatewayStrategy, NetworkPattern } from "../args";

/** The arguments after validation: every default applied, every value checked. */
export interface ValidatedArgs {
    pattern: NetworkPattern;
    vpc: NewVpcSettings | ExistingVpcSettings;
    gatewayEndpoints: GatewayEndpointService[];
    interfaceEndpoints: string[];
    allowTo: ValidatedAllowTo[];
    /** Absent when flow logs are turned off. */
    flowLogs?: ValidatedFlowLogs;
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

export interface ValidatedFlowLogs {
    retentionInDays: number;
    trafficType: FlowLogTrafficType;
    maxAggregationInterval: number;
}
