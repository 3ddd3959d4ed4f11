import type * as pulumi from "@pulumi/pulumi";

// Enumerations are declared as `const` objects with a matching type, the form Pulumi's own
// generated SDKs use: TypeScript users can write either `NetworkPattern.PrivateWithNat` or the
// literal `"PrivateWithNat"`, and the provider's schema analyzer turns each into a named enum.
//
// Each default is written twice: as `@default` for TypeScript tooling, and as a "Default: ..."
// sentence, because the provider schema (and so every other language's SDK) carries a comment's
// text but not its tags. tests/provider/schema.spec.ts keeps the two equal. Every optional
// argument has one; where absence is not a value, CDK's form says what it means:
// `@default - none (what happens without it)`, and the sentence "Default: none (...)."
// tests/provider/defaults.spec.ts fails on an optional argument without either.

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

/** Where a VPC flow log delivers its records. */
export const FlowLogDestination = {
    /**
     * A CloudWatch log group the component creates, with retention, written through a role
     * that only this account's flow logs may assume. Searchable at once with Logs Insights.
     */
    CloudWatchLogs: "cloud-watch-logs",
    /**
     * An S3 bucket you own (`s3BucketArn`), written by the log delivery service under the
     * bucket's policy: no role, no log group. Delivery costs less than to CloudWatch Logs; the
     * bucket's lifecycle rules decide how long the records are kept.
     */
    S3: "s3",
} as const;
/** Where a VPC flow log delivers its records. */
export type FlowLogDestination = (typeof FlowLogDestination)[keyof typeof FlowLogDestination];

/** Which policy the network writes on its VPC endpoints: who may call through them. */
export const EndpointPolicy = {
    /**
     * No policy is set: AWS attaches its default, which lets any principal call any action on any
     * resource through the endpoint, and IAM and resource policies alone decide. Endpoints already
     * running see no change.
     */
    FullAccess: "FullAccess",
    /**
     * Every endpoint gets a policy allowing only requests by principals of the stack's account to
     * resources of that account (`aws:PrincipalAccount` and `aws:ResourceAccount`): credentials of
     * another account cannot be used through the network's endpoints, nor its own credentials reach
     * another account's buckets, tables, queues or keys. It breaks what crosses accounts, AWS-owned
     * resources included (ECR's image layer bucket, Amazon Linux repositories, SSM public
     * parameters, other accounts' roles in sts:AssumeRole): see docs/endpoint-policies.md for the list
     * and how to allow them through `endpointPolicies`.
     */
    SameAccount: "SameAccount",
} as const;
/** Which policy the network writes on its VPC endpoints: who may call through them. */
export type EndpointPolicy = (typeof EndpointPolicy)[keyof typeof EndpointPolicy];

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

/** A security group the functions must reach, on a TCP port. */
export interface NeededSecurityGroup {
    /** The target's security group (a database's, a cache's): `sg-...`, or the output of the group that makes it. */
    securityGroupId: pulumi.Input<string>;
    /** The TCP port on the target, 1 to 65535. */
    port: number;
}

/**
 * What the functions on this network must reach. The component refuses, before creating
 * anything, a need its own design cannot meet (an AWS service with no endpoint and no NAT
 * gateway, the internet without `PrivateWithNat`, a security group missing from `allowTo` where
 * the Lambda security group does not open everything). It also writes the needs on the Lambda
 * security group, as the tag `vpc-lambda:needs` (`internet`, service names and
 * `<security group id>:<port>`, separated by spaces), where the policy pack's
 * `reachability-declared-needs` checks each is reachable in the whole stack and
 * `reachability-undeclared` flags what is reachable beyond them.
 */
export interface NetworkNeeds {
    /**
     * The internet over IPv4 (needs `PrivateWithNat` in a new VPC). Default: false.
     * @default false
     */
    internet?: boolean;
    /**
     * AWS services by their endpoint name, as in `com.amazonaws.<region>.<service>`: `sts`,
     * `secretsmanager`, `s3`, `ecr.api`... Each must be reachable through an endpoint of the
     * network, or through its NAT gateway. Default: [].
     * @default []
     */
    services?: string[];
    /**
     * Security groups (databases, caches) and TCP ports. With any pattern but `PrivateWithNat`
     * (whose Lambda security group lets everything out), each must be in `allowTo`; the target's
     * own group must admit the Lambda security group, which only the policy pack can see.
     * Default: [].
     * @default []
     */
    securityGroups?: NeededSecurityGroup[];
}

/** VPC flow logs, to CloudWatch Logs (the default) or to an S3 bucket. */
export interface FlowLogSettings {
    /**
     * Record the VPC's traffic. On by default: without flow logs, a function that times out
     * leaves no trace of which connection was rejected.
     * Default: true.
     * @default true
     */
    enabled?: boolean;
    /**
     * Where the records go: `cloud-watch-logs` (a log group the component creates, with
     * `retentionInDays`, and a role for the flow log) or `s3` (the bucket in `s3BucketArn`; no
     * log group and no role are created). Changing it replaces the flow log (AWS cannot update
     * one), and switching to `s3` deletes the log group with the records in it.
     * Default: "cloud-watch-logs".
     * @default "cloud-watch-logs"
     */
    destination?: FlowLogDestination;
    /**
     * The bucket to deliver to with `destination: "s3"`, as an ARN, optionally with a prefix:
     * `arn:aws:s3:::my-bucket` or `arn:aws:s3:::my-bucket/vpc-flow-logs/` (not `AWSLogs`, which
     * AWS reserves). Required with `s3`, not allowed otherwise. The records land under
     * `<prefix>/AWSLogs/<account>/vpcflowlogs/<region>/...`.
     *
     * The bucket must let the log delivery service write: a bucket policy allowing
     * `delivery.logs.amazonaws.com` `s3:PutObject` on those objects and `s3:GetBucketAcl` and
     * `s3:ListBucket` on the bucket, with the conditions `aws:SourceAccount` (this account) and
     * `aws:SourceArn` (`arn:<partition>:logs:<region>:<account>:*`) against the confused deputy.
     * When the deploying identity owns the bucket and may `s3:GetBucketPolicy` and
     * `s3:PutBucketPolicy`, AWS writes that policy itself when the flow log is created (the VPC
     * user guide warns that it overwrites the bucket's policy); otherwise the bucket owner must
     * add it first, or creating the flow log fails. Better to own it: an `aws.s3.BucketPolicy`
     * in your program, and `s3BucketArn` built from the policy's `bucket` output, so that the
     * flow log is created after the policy (see docs/flow-logs.md). A bucket encrypted with a
     * customer managed KMS key also needs the key policy to admit the delivery service.
     * Default: none (no bucket: required with `s3`).
     * @default - none (no bucket: required with `s3`)
     */
    s3BucketArn?: pulumi.Input<string>;
    /**
     * The ARN of a symmetric KMS key to encrypt the flow log's log group with
     * (`arn:aws:kms:<region>:<account>:key/<key id>`, not an alias), in the network's Region.
     * CloudWatch Logs only: with `s3`, the bucket's own encryption applies and setting this is an
     * error. Without it, CloudWatch Logs encrypts the records with a key of its own.
     *
     * The key's policy must let CloudWatch Logs use it: allow the principal
     * `logs.<region>.amazonaws.com` `kms:Encrypt*`, `kms:Decrypt*`, `kms:ReEncrypt*`,
     * `kms:GenerateDataKey*` and `kms:Describe*`, with the condition `ArnLike`
     * `kms:EncryptionContext:aws:logs:arn` = `arn:<partition>:logs:<region>:<account>:log-group:*`
     * (or the group's own ARN: its name is `<name>-flow-log-group-<7 random characters>`).
     * Otherwise creating the log group fails. The component checks the ARN's form and Region; it
     * cannot read the key policy.
     * Default: none (CloudWatch Logs encrypts the log group with a key of its own).
     * @default - none (CloudWatch Logs encrypts the log group with a key of its own)
     */
    kmsKeyId?: pulumi.Input<string>;
    /**
     * Days CloudWatch Logs keeps the records: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180,
     * 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, or 0 to keep them forever.
     * CloudWatch Logs only: with `s3`, the bucket's lifecycle rules keep or expire the records,
     * and setting this is an error.
     * Default: 90 (with `cloud-watch-logs`).
     * @default 90 (with `cloud-watch-logs`)
     */
    retentionInDays?: number;
    /**
     * `ALL`, `ACCEPT` or `REJECT`, for either destination. Changing it replaces the flow log
     * (AWS cannot update one).
     * Default: "ALL".
     * @default "ALL"
     */
    trafficType?: FlowLogTrafficType;
    /**
     * Seconds over which records are aggregated, for either destination: 600 (fewer records,
     * cheaper) or 60 (finer records, sooner). S3 receives the records in files AWS publishes
     * every 5 minutes whichever is chosen. Changing it replaces the flow log.
     * Default: 600.
     * @default 600
     */
    maxAggregationInterval?: number;
}

/**
 * A VPC you already own, to build the Lambda network into instead of creating one. Its endpoints
 * are looked up: a gateway endpoint skips the route tables another endpoint of its service is on
 * (with a warning), and an interface endpoint whose service's private DNS another endpoint holds
 * is an error (use that endpoint through `allowTo` instead).
 */
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
     * Default: none (no gateway endpoint is built, and a warning says so).
     * @default - none (no gateway endpoint is built, and a warning says so)
     */
    routeTableIds?: pulumi.Input<string>[];
}

/** A host and TCP port the diagnostics function checks it can resolve and connect to. */
export interface DiagnosticsTarget {
    /**
     * A DNS name (an RDS instance's `address`, a cache's endpoint) or an IP address. Private
     * hosted zones resolve from inside the VPC as they do for your functions.
     */
    host: pulumi.Input<string>;
    /** The TCP port, 1 to 65535. */
    port: number;
    /**
     * The security group the host wears (a database's group): the live check then compares the
     * connection with the reachability predicted for that group and port, which exists when the
     * group is in `allowTo` or `needs`.
     * Default: none (the host is probed; no group's predicted reachability is compared with it).
     * @default - none (the host is probed; no group's predicted reachability is compared with it)
     */
    securityGroupId?: pulumi.Input<string>;
}

/**
 * An in-VPC function that checks the network from where your functions run: DNS and TCP to
 * your targets, each AWS service the network serves (does its name resolve privately, does it
 * answer on 443), whether the internet is reachable, and its own address, routes and resolver.
 */
export interface DiagnosticsSettings {
    /**
     * Build the diagnostics function; with `false` nothing is created. It costs nothing while
     * it is not invoked, and it runs in the Lambda subnets with the Lambda security group, so it
     * shares your functions' network interfaces and takes no extra IP addresses.
     */
    enabled: boolean;
    /**
     * Hosts and ports to check on every invoke, at most 20; more can be passed in the invoke's
     * event. Default: [].
     * @default []
     */
    targets?: DiagnosticsTarget[];
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
    /**
     * The Availability Zones to use, e.g. `["us-east-1a", "us-east-1b"]` (1 to 6, distinct). Not
     * with `numberOfAvailabilityZones`.
     * Default: none (the first `numberOfAvailabilityZones` zones the region lists).
     * @default - none (the first `numberOfAvailabilityZones` zones the region lists)
     */
    availabilityZoneNames?: string[];
    /**
     * NAT gateway placement. Only with `PrivateWithNat`.
     * Default: { strategy: "OnePerAz" } with `PrivateWithNat`.
     * @default { strategy: "OnePerAz" } with `PrivateWithNat`
     */
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
     * allowed with `Isolated`. Each service is looked up: its full name (in the China Regions
     * several are `cn.com.amazonaws.<region>.<service>`) and the zones it is offered in; an
     * endpoint goes only into those zones, and a service offered in none of the network's zones
     * is an error. Every endpoint takes one address in each Lambda subnet it is in: the subnets
     * must hold them all and one more for the functions.
     * Default: [].
     * @default []
     */
    interfaceEndpoints?: string[];
    /**
     * The policy every VPC endpoint of the network gets, unless `endpointPolicies` gives its
     * service one: `FullAccess` (none set: AWS's default, full access) or `SameAccount` (only
     * this account's principals, to this account's resources). A service whose endpoint supports
     * no policy (the endpoint service lookup's `vpcEndpointPolicySupported`) keeps full access,
     * with a warning. Setting a policy updates running endpoints in place; going back to
     * `FullAccess` leaves the policy they have (the provider keeps a policy no longer given):
     * give the service AWS's full-access document in `endpointPolicies` to open it again.
     * Default: "FullAccess".
     * @default "FullAccess"
     */
    endpointPolicy?: EndpointPolicy;
    /**
     * A policy of your own for the endpoint of a service, by the service's name as in
     * `gatewayEndpoints` and `interfaceEndpoints` (`s3`, `secretsmanager`, `ecr.api`): IAM policy
     * JSON, at most 20,480 characters, with a `Principal` in each statement (AWS's rules for
     * endpoint policies). It replaces `endpointPolicy` for that service, so that the exceptions
     * `SameAccount` breaks can be allowed there. Each service must have an endpoint in the network
     * whose service supports policies. Refused before anything is created: JSON that does not
     * parse or is not a policy, a document over the limit, a service without an endpoint here, or
     * one whose endpoint takes no policy (told by its endpoint service's lookup, in `pulumi
     * preview`). A policy given as an Output is checked once it is known.
     * Default: {}.
     * @default {}
     */
    endpointPolicies?: Record<string, pulumi.Input<string>>;
    /**
     * Security groups (databases, caches, file systems) the functions may connect to over TCP.
     * Default: [].
     * @default []
     */
    allowTo?: AllowToTarget[];
    /**
     * VPC flow logs, on by default: to CloudWatch Logs, or to an S3 bucket you own.
     * Default: { enabled: true, destination: "cloud-watch-logs", retentionInDays: 90, trafficType: "ALL", maxAggregationInterval: 600 }.
     * @default { enabled: true, destination: "cloud-watch-logs", retentionInDays: 90, trafficType: "ALL", maxAggregationInterval: 600 }
     */
    flowLogs?: FlowLogSettings;
    /**
     * Build into a VPC you already own instead of creating one.
     * Default: none (a new VPC is created, with `cidrBlock`).
     * @default - none (a new VPC is created, with `cidrBlock`)
     */
    existingVpc?: ExistingVpc;
    /**
     * IPv6 beside IPv4. A new VPC gets an Amazon-provided /56 and every subnet a /64 of it (the
     * same eighth of the range as its IPv4 block), with addresses assigned on creation; functions
     * get `ipv6AllowedForDualStack`. With `PrivateWithNat`, an egress-only internet gateway takes
     * the Lambda subnets' IPv6 traffic out (no NAT charge for it) and the Lambda security group's
     * egress to the world is opened for `::/0` too; the other patterns get no IPv6 route out.
     * With `existingVpc`, the given subnets must already be dual-stack (an IPv6 /64 and an IPv4
     * block: Lambda does not support IPv6-only subnets); a lookup checks them. Turning it on
     * later updates the VPC and subnets in place. Turning it off again replaces nothing, but AWS
     * refuses it in one `pulumi up`: the VPC, updated before its subnets, cannot give up its /56
     * while they hold /64s of it (see docs/operating.md for the steps).
     * Default: false.
     * @default false
     */
    dualStack?: boolean;
    /**
     * An in-VPC function for troubleshooting the network (output `diagnosticsFunctionName`).
     * Default: none (no diagnostics function).
     * @default - none (no diagnostics function)
     */
    diagnostics?: DiagnosticsSettings;
    /**
     * What the functions must reach: the internet, AWS services, security groups on a port.
     * Checked against the network before anything is created, and written on the Lambda
     * security group (tag `vpc-lambda:needs`) for the policy pack.
     * Default: none (nothing declared: no check, and no `vpc-lambda:needs` tag).
     * @default - none (nothing declared: no check, and no `vpc-lambda:needs` tag)
     */
    needs?: NetworkNeeds;
    /**
     * Tags applied to every resource the component creates, beside a `Name` tag.
     * Default: {}.
     * @default {}
     */
    tags?: Record<string, pulumi.Input<string>>;
}

/** The `vpcConfig` block of an `aws.lambda.Function`. */
export interface LambdaVpcConfig {
    /** The Lambda subnets. */
    subnetIds: string[];
    /** The Lambda security group. */
    securityGroupIds: string[];
    /** True with `dualStack`: the function may use IPv6 in its dual-stack subnets. */
    ipv6AllowedForDualStack: boolean;
}

/** The keys of `T` whose values are numbers, optional or not. */
type NumberKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends number ? K : never }[keyof T];

/** The argument interfaces, by the name the provider schema gives their types. */
interface ArgumentInterfaces {
    VpcLambdaNetworkArgs: VpcLambdaNetworkArgs;
    NatGatewayConfiguration: NatGatewayConfiguration;
    AllowToTarget: AllowToTarget;
    FlowLogSettings: FlowLogSettings;
    ExistingVpc: ExistingVpc;
    DiagnosticsSettings: DiagnosticsSettings;
    DiagnosticsTarget: DiagnosticsTarget;
    NetworkNeeds: NetworkNeeds;
    NeededSecurityGroup: NeededSecurityGroup;
}

/**
 * The arguments that take whole numbers, by interface: the one list of them. TypeScript has a
 * single `number` type, which Pulumi's schema analyzer writes as the schema's `number`, a float
 * (`float64` in Go, `Double` in Java, `double` in .NET); the provider declares these `integer`
 * instead (provider/component-provider.ts) and fails when one of them is not in the schema.
 * The compiler checks that each name is a `number` property of its interface; validation
 * refuses fractions for each of them. Not exported from the package's index.
 */
export const INTEGER_ARGUMENTS: { readonly [I in keyof ArgumentInterfaces]?: readonly NumberKeys<ArgumentInterfaces[I]>[] } = {
    VpcLambdaNetworkArgs: ["numberOfAvailabilityZones"],
    AllowToTarget: ["port"],
    FlowLogSettings: ["retentionInDays", "maxAggregationInterval"],
    DiagnosticsTarget: ["port"],
    NeededSecurityGroup: ["port"],
};
