import * as pulumi from "@pulumi/pulumi";

// Enumerations are declared as `const` objects with a matching type, the form Pulumi's own
// generated SDKs use: TypeScript users can write either `NetworkPattern.PrivateWithNat` or the
// literal `"PrivateWithNat"`, and the provider's schema analyzer turns each into a named enum.
//
// Each default is written twice: as `@default` for TypeScript tooling, and as a "Default: ..."
// sentence, because the provider schema (and so every other language's SDK) carries a comment's
// text but not its tags. tests/provider/schema.spec.ts keeps the two equal.

/** How the Lambda subnets reach (or do not reach) anything outside the VPC. */
export const NetworkPattern = {
    /**
     * Private Lambda subnets whose default route goes to a NAT gateway in a public subnet.
     * Use when functions call the internet or AWS APIs without endpoints. S3 and DynamoDB
     * gateway endpoints are added so that traffic stays off the (billed) NAT gateway.
     */
    PrivateWithNat: "PrivateWithNat",
    /**
     * Private Lambda subnets with no route out: AWS services are reached through gateway
     * endpoints (S3, DynamoDB) and the interface endpoints you list. No internet gateway,
     * NAT gateway or public address exists.
     */
    PrivateWithEndpoints: "PrivateWithEndpoints",
    /** Private Lambda subnets that reach only resources inside the VPC (RDS, ElastiCache, EFS). */
    Isolated: "Isolated",
} as const;
/** How the Lambda subnets reach (or do not reach) anything outside the VPC. */
export type NetworkPattern = (typeof NetworkPattern)[keyof typeof NetworkPattern];

/** Where NAT gateways are placed. */
export const NatGatewayStrategy = {
    /**
     * One NAT gateway per Availability Zone, each Lambda route table pointing at the one in its
     * own zone: a zone outage takes out only that zone's egress (AWS's recommendation).
     */
    OnePerAz: "OnePerAz",
    /**
     * One NAT gateway for every zone: cheaper, but when its zone fails every function loses
     * egress, and cross-zone traffic is billed.
     */
    Single: "Single",
} as const;
/** Where NAT gateways are placed. */
export type NatGatewayStrategy = (typeof NatGatewayStrategy)[keyof typeof NatGatewayStrategy];

/** Services reachable through a (free) gateway endpoint. */
export const GatewayEndpointService = {
    /** Amazon S3. */
    S3: "s3",
    /** Amazon DynamoDB. */
    DynamoDb: "dynamodb",
} as const;
/** Services reachable through a (free) gateway endpoint. */
export type GatewayEndpointService = (typeof GatewayEndpointService)[keyof typeof GatewayEndpointService];

/** Which traffic a VPC flow log records. */
export const FlowLogTrafficType = {
    /** Accepted and rejected traffic. */
    All: "ALL",
    /** Accepted traffic only. */
    Accept: "ACCEPT",
    /** Rejected traffic only: the cheapest way to see what security groups block. */
    Reject: "REJECT",
} as const;
/** Which traffic a VPC flow log records. */
export type FlowLogTrafficType = (typeof FlowLogTrafficType)[keyof typeof FlowLogTrafficType];

/** NAT gateway placement. Only valid with the `PrivateWithNat` pattern. */
export interface NatGatewayConfiguration {
    /**
     * `OnePerAz` (one NAT gateway in each zone, zone-local routes) or `Single` (one shared
     * NAT gateway, cheaper and not zone-resilient).
     * Default: "OnePerAz".
     * @default "OnePerAz"
     */
    strategy?: NatGatewayStrategy;
}

/** A destination the Lambda security group may open TCP connections to. */
export interface AllowToTarget {
    /**
     * The security group of the target (an RDS instance, an ElastiCache cluster, an EFS mount
     * target...). The Lambda security group gets an egress rule to it; the target's own
     * security group must still admit the Lambda security group (`lambdaSecurityGroupId`).
     */
    securityGroupId: pulumi.Input<string>;
    /** The TCP port on the target, 1 to 65535 (3306 MySQL, 5432 PostgreSQL, 6379 Redis, 2049 NFS). */
    port: number;
    /**
     * The rule's description, shown in the console and in `pulumi preview`.
     * Default: "Lambda to port <port>".
     * @default "Lambda to port <port>"
     */
    description?: string;
}

/** VPC flow logs to CloudWatch Logs. */
export interface FlowLogSettings {
    /**
     * Record the VPC's traffic. On by default: without flow logs, a function that times out
     * leaves no trace of which connection was rejected.
     * Default: true.
     * @default true
     */
    enabled?: boolean;
    /**
     * Days CloudWatch Logs keeps the records: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180,
     * 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, or 0 to keep them forever.
     * Default: 90.
     * @default 90
     */
    retentionInDays?: number;
    /**
     * `ALL`, `ACCEPT` or `REJECT`. Changing it replaces the flow log (AWS cannot update one).
     * Default: "ALL".
     * @default "ALL"
     */
    trafficType?: FlowLogTrafficType;
    /**
     * Seconds over which records are aggregated: 600 (cheaper) or 60 (faster to show up).
     * Changing it replaces the flow log.
     * Default: 600.
     * @default 600
     */
    maxAggregationInterval?: number;
}

/** A VPC you already own, to build the Lambda network into instead of creating one. */
export interface ExistingVpc {
    /** The VPC's id (`vpc-...`). */
    vpcId: pulumi.Input<string>;
    /**
     * The private subnets the functions run in, 1 to 16 (Lambda's limit), ideally one per
     * Availability Zone. Interface endpoints are placed in one of them per zone.
     */
    subnetIds: pulumi.Input<string>[];
    /**
     * The route tables of those subnets. Gateway endpoints (S3, DynamoDB) are attached to them;
     * without route tables no gateway endpoint can be built.
     */
    routeTableIds?: pulumi.Input<string>[];
}

/** The arguments of a `VpcLambdaNetwork`. */
export interface VpcLambdaNetworkArgs {
    /**
     * How the Lambda subnets reach the outside: `PrivateWithNat`, `PrivateWithEndpoints` or
     * `Isolated`.
     */
    pattern: NetworkPattern;
    /**
     * The IPv4 range of the new VPC, /16 to /28 as AWS allows, and room for the subnets:
     * at most /25 (/22 with `PrivateWithNat`, whose public subnets are smaller). Each Lambda
     * subnet gets one eighth of the range, whatever the number of zones, so adding a zone never
     * renumbers an existing subnet. Not allowed with `existingVpc`.
     * Default: "10.0.0.0/16".
     * @default "10.0.0.0/16"
     */
    cidrBlock?: string;
    /**
     * How many Availability Zones (1 to 6) get a Lambda subnet, taken in the order the region
     * lists them. Use `availabilityZoneNames` instead to pick them.
     * Default: 2.
     * @default 2
     */
    numberOfAvailabilityZones?: number;
    /** The Availability Zones to use, e.g. `["us-east-1a", "us-east-1b"]` (1 to 6, distinct). */
    availabilityZoneNames?: string[];
    /** NAT gateway placement. Only with `PrivateWithNat`. */
    natGateways?: NatGatewayConfiguration;
    /**
     * Gateway endpoints to build on every Lambda route table (`s3`, `dynamodb`). They cost
     * nothing and keep that traffic off NAT gateways. Not allowed with `Isolated`.
     * Default: ["s3", "dynamodb"] with `PrivateWithNat` and `PrivateWithEndpoints`.
     * @default ["s3", "dynamodb"] with `PrivateWithNat` and `PrivateWithEndpoints`
     */
    gatewayEndpoints?: GatewayEndpointService[];
    /**
     * Interface endpoints (with private DNS) to build in the Lambda subnets, by service name as
     * in `com.amazonaws.<region>.<service>`: `secretsmanager`, `ssm`, `sts`, `kms`, `sqs`, `sns`,
     * `lambda`, `ecr.api`, `ecr.dkr`, `xray`, `logs`... Each is billed per zone per hour. Not
     * allowed with `Isolated`.
     * Default: [].
     * @default []
     */
    interfaceEndpoints?: string[];
    /** Security groups (databases, caches, file systems) the functions may connect to over TCP. */
    allowTo?: AllowToTarget[];
    /** VPC flow logs to CloudWatch Logs, on by default. */
    flowLogs?: FlowLogSettings;
    /** Build into a VPC you already own instead of creating one. */
    existingVpc?: ExistingVpc;
    /** Tags applied to every resource the component creates, beside a `Name` tag. */
    tags?: Record<string, pulumi.Input<string>>;
}

/** The `vpcConfig` block of an `aws.lambda.Function`. */
export interface LambdaVpcConfig {
    /** The Lambda subnets. */
    subnetIds: string[];
    /** The Lambda security group. */
    securityGroupIds: string[];
}
