import fc from "fast-check";
import { EndpointPolicy, FlowLogDestination, FlowLogTrafficType, GatewayEndpointService, NatGatewayStrategy, NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { AWS_LIMITS } from "../../../sdk/aws/limits";

// Arbitraries for arguments the component must accept: every pattern, new and existing VPCs,
// and every option in the range AWS and the component allow. Each is built from the rules
// (AWS_LIMITS, the layout's largest prefix), not from a list of known-good examples.

/** The private ranges AWS suggests for a VPC (RFC 1918) and the shared range (RFC 6598). */
const PRIVATE_RANGES = [
    { first: 0x0a000000, prefixLength: 8 }, // 10.0.0.0/8
    { first: 0xac100000, prefixLength: 12 }, // 172.16.0.0/12
    { first: 0xc0a80000, prefixLength: 16 }, // 192.168.0.0/16
    { first: 0x64400000, prefixLength: 10 }, // 100.64.0.0/10
];

const SERVICES_WITH_INTERFACE_ENDPOINTS = ["secretsmanager", "ssm", "sts", "kms", "sqs", "sns", "lambda", "ecr.api", "ecr.dkr", "xray", "logs", "execute-api", "bedrock-runtime"];
const ZONES = ["a", "b", "c", "d", "e", "f"].map((letter) => `us-east-1${letter}`);

const hexId = (prefix: string) => fc.stringMatching(/^[0-9a-f]{17}$/).map((digits) => `${prefix}-${digits}`);
export const securityGroupId = hexId("sg");

function dotted(address: number): string {
    return [24, 16, 8, 0].map((shift) => (address >>> shift) & 0xff).join(".");
}

/** A block of the given prefix length at a random aligned position inside one of the private ranges. */
export function vpcCidr(minPrefixLength: number, maxPrefixLength: number): fc.Arbitrary<string> {
    return fc
        .record({ range: fc.constantFrom(...PRIVATE_RANGES), prefixLength: fc.integer({ min: minPrefixLength, max: maxPrefixLength }), offset: fc.nat({ max: 0xffffffff }) })
        .filter(({ range, prefixLength }) => prefixLength >= range.prefixLength)
        .map(({ range, prefixLength, offset }) => {
            const blocksInRange = 2 ** (prefixLength - range.prefixLength);
            const blockSize = 2 ** (32 - prefixLength);
            return `${dotted(range.first + (offset % blocksInRange) * blockSize)}/${prefixLength}`;
        });
}

/**
 * The longest VPC prefix whose subnets are still /28 or larger, worked out here rather than asked
 * of the planner whose layout the properties judge: a Lambda subnet is an eighth of the VPC
 * (3 more prefix bits), a public subnet an eighth of an eighth (6 more).
 */
export function largestVpcPrefix(withPublicSubnets: boolean): number {
    return AWS_LIMITS.maxPrefixLength - (withPublicSubnets ? 6 : 3);
}

/** The VPC sizes the issue asks to cover (/16 to /24), cut to what the pattern's layout fits. */
export function cidrFor(pattern: NetworkPattern): fc.Arbitrary<string> {
    const largestPrefix = Math.min(24, largestVpcPrefix(pattern === NetworkPattern.PrivateWithNat));
    return vpcCidr(AWS_LIMITS.minPrefixLength, largestPrefix);
}

const zones: fc.Arbitrary<Pick<VpcLambdaNetworkArgs, "numberOfAvailabilityZones" | "availabilityZoneNames">> = fc.oneof(
    fc.constant({}),
    fc.integer({ min: 1, max: 6 }).map((count) => ({ numberOfAvailabilityZones: count })),
    fc.shuffledSubarray(ZONES, { minLength: 1, maxLength: 6 }).map((names) => ({ availabilityZoneNames: names })),
);

const allowTo = fc.uniqueArray(
    fc.record(
        {
            securityGroupId,
            port: fc.integer({ min: 1, max: 65535 }),
            description: fc.stringMatching(/^[a-zA-Z0-9 ._:/()#,@+=&;{}!$*-]{0,40}$/),
        },
        { requiredKeys: ["securityGroupId", "port"] },
    ),
    { maxLength: 5, selector: (target) => `${target.securityGroupId}:${target.port}` },
);

/** A bucket name as S3 allows it today: 3 to 63 of a-z, 0-9, dots and hyphens, a letter or digit at each end, no two dots in a row. */
const bucketName = fc
    .stringMatching(new RegExp(`^[a-z0-9][a-z0-9.-]{${AWS_LIMITS.s3BucketNameMinLength - 2},${AWS_LIMITS.s3BucketNameMaxLength - 2}}[a-z0-9]$`))
    .filter((name) => !name.includes(".."));
const s3Prefix = fc.option(fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}(\/[a-zA-Z0-9_-]{1,20}){0,2}\/?$/), { nil: undefined }).filter((prefix) => !prefix?.split("/").includes(AWS_LIMITS.flowLogReservedS3Folder));
/** `arn:<partition>:s3:::<bucket>[/<prefix>]`, in every partition the component accepts. */
export const s3BucketArn = fc
    .tuple(fc.constantFrom(...AWS_LIMITS.partitions), bucketName, s3Prefix)
    .map(([partition, bucket, prefix]) => `arn:${partition}:s3:::${bucket}${prefix === undefined ? "" : `/${prefix}`}`);

const sharedFlowLogSettings = {
    trafficType: fc.constantFrom(...Object.values(FlowLogTrafficType)),
    maxAggregationInterval: fc.constantFrom(...AWS_LIMITS.flowLogAggregationIntervals),
};

const flowLogs: fc.Arbitrary<VpcLambdaNetworkArgs["flowLogs"]> = fc.oneof(
    fc.constant(undefined),
    fc.constant({ enabled: false }),
    fc.record(
        {
            enabled: fc.constant(true),
            destination: fc.constant(FlowLogDestination.CloudWatchLogs),
            retentionInDays: fc.constantFrom(...AWS_LIMITS.logRetentionDays),
            ...sharedFlowLogSettings,
        },
        { requiredKeys: [] },
    ),
    fc.record(
        { enabled: fc.constant(true), destination: fc.constant(FlowLogDestination.S3), s3BucketArn, ...sharedFlowLogSettings },
        { requiredKeys: ["destination", "s3BucketArn"] },
    ),
);

const tags = fc.option(fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), fc.stringMatching(/^[a-zA-Z0-9 ._-]{0,30}$/), { maxKeys: 3 }), { nil: undefined });

const interfaceEndpoints = fc.option(fc.shuffledSubarray(SERVICES_WITH_INTERFACE_ENDPOINTS, { maxLength: 6 }), { nil: undefined });
const gatewayEndpoints = fc.option(fc.shuffledSubarray([GatewayEndpointService.S3, GatewayEndpointService.DynamoDb]), { nil: undefined });

/** Options every pattern shares; the endpoint lists are left to the pattern. */
const diagnostics = fc.option(
    fc.record({
        enabled: fc.boolean(),
        targets: fc.option(fc.array(fc.record({ host: fc.constantFrom("db.internal", "10.0.192.10", "cache.abc123.use1.cache.amazonaws.com"), port: fc.integer({ min: 1, max: 65535 }) }), { maxLength: 3 }), { nil: undefined }),
    }),
    { nil: undefined },
);
const common = fc.record({ allowTo: fc.option(allowTo, { nil: undefined }), flowLogs, tags, dualStack: fc.option(fc.boolean(), { nil: undefined }), diagnostics });

/** Removes keys whose value is undefined, as a user who never wrote them. */
function compact<T extends object>(args: T): T {
    return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined)) as T;
}

/** Valid arguments of one pattern for a VPC the component creates. */
export function newVpcArgs(pattern: NetworkPattern): fc.Arbitrary<VpcLambdaNetworkArgs> {
    const natGateways =
        pattern === NetworkPattern.PrivateWithNat
            ? fc.option(fc.oneof(fc.constant({}), fc.constantFrom(...Object.values(NatGatewayStrategy)).map((strategy) => ({ strategy }))), { nil: undefined })
            : fc.constant(undefined);
    const outward = pattern !== NetworkPattern.Isolated;
    return fc
        .tuple(
            fc.option(cidrFor(pattern), { nil: undefined }),
            zones,
            natGateways,
            outward ? gatewayEndpoints : fc.constantFrom<GatewayEndpointService[] | undefined>(undefined, []),
            outward ? interfaceEndpoints : fc.constantFrom<string[] | undefined>(undefined, []),
            common,
        )
        .map(([cidrBlock, zoneArgs, nat, gateway, iface, rest]) =>
            compact({ pattern, cidrBlock, ...zoneArgs, natGateways: nat, gatewayEndpoints: gateway, interfaceEndpoints: iface, ...rest }),
        )
        .chain(withEndpointPolicies);
}

/** Valid arguments of one pattern for a VPC the user owns. */
export function existingVpcArgs(pattern: NetworkPattern): fc.Arbitrary<VpcLambdaNetworkArgs> {
    const outward = pattern !== NetworkPattern.Isolated;
    const existingVpc = fc.record({
        vpcId: hexId("vpc"),
        subnetIds: fc.uniqueArray(hexId("subnet"), { minLength: 1, maxLength: AWS_LIMITS.lambdaMaxSubnets }),
        routeTableIds: fc.option(fc.uniqueArray(hexId("rtb"), { minLength: 1, maxLength: 6 }), { nil: undefined }),
    });
    return fc
        .tuple(existingVpc, outward ? gatewayEndpoints : fc.constantFrom<GatewayEndpointService[] | undefined>(undefined, []), outward ? interfaceEndpoints : fc.constantFrom<string[] | undefined>(undefined, []), common)
        .map(([vpc, gateway, iface, rest]) =>
            compact({
                pattern,
                existingVpc: compact(vpc),
                // Gateway endpoints attach to route tables: without them, none is the only valid list.
                gatewayEndpoints: vpc.routeTableIds ? gateway : gateway && [],
                interfaceEndpoints: iface,
                ...rest,
            }),
        )
        .chain(withEndpointPolicies);
}

// endpointPolicy and endpointPolicies, for the endpoints the rest of the arguments give the network.

/** An endpoint policy AWS takes: statements with a Principal, as JSON text, compact or indented. */
const endpointPolicyStatement = fc.record(
    {
        Sid: fc.stringMatching(/^[A-Za-z0-9]{1,20}$/),
        Effect: fc.constantFrom("Allow", "Deny"),
        Principal: fc.constantFrom<unknown>("*", { AWS: "*" }, { AWS: "arn:aws:iam::123456789012:root" }),
        Action: fc.constantFrom<unknown>("*", "s3:GetObject", ["sqs:SendMessage", "sqs:ReceiveMessage"]),
        Resource: fc.constantFrom<unknown>("*", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*", ["arn:aws:sqs:us-east-1:123456789012:orders"]),
        Condition: fc.constantFrom<unknown>({ StringEquals: { "aws:PrincipalAccount": "123456789012", "aws:ResourceAccount": "123456789012" } }, { Bool: { "aws:PrincipalIsAWSService": "true" } }),
    },
    { requiredKeys: ["Effect", "Principal", "Action"] },
);
export const endpointPolicyDocument: fc.Arbitrary<string> = fc
    .tuple(fc.array(endpointPolicyStatement, { minLength: 1, maxLength: 4 }), fc.constantFrom(undefined, 2, 4))
    .map(([Statement, indent]) => JSON.stringify({ Version: "2012-10-17", Statement }, null, indent));

/** The services the network gets an endpoint for, with the defaults applied, as the reference says them. */
export function servicesWithEndpoints(args: VpcLambdaNetworkArgs): string[] {
    const canAttach = args.existingVpc === undefined || (args.existingVpc.routeTableIds ?? []).length > 0;
    const gatewayDefault = args.pattern === NetworkPattern.Isolated || !canAttach ? [] : [GatewayEndpointService.S3, GatewayEndpointService.DynamoDb];
    return [...(args.gatewayEndpoints ?? gatewayDefault), ...(args.interfaceEndpoints ?? [])];
}

function withEndpointPolicies(args: VpcLambdaNetworkArgs): fc.Arbitrary<VpcLambdaNetworkArgs> {
    const ownPolicies = fc
        .subarray(servicesWithEndpoints(args))
        .chain((services) => fc.tuple(...services.map(() => endpointPolicyDocument)).map((documents) => Object.fromEntries(services.map((service, i) => [service, documents[i]]))));
    return fc
        .record({ endpointPolicy: fc.option(fc.constantFrom(...Object.values(EndpointPolicy)), { nil: undefined }), endpointPolicies: fc.option(ownPolicies, { nil: undefined }) })
        .map((policies) => compact({ ...args, ...policies }));
}

const PATTERNS = Object.values(NetworkPattern);

/** Valid arguments of any pattern, for a new VPC (three in four) or an existing one. */
export const validArguments: fc.Arbitrary<VpcLambdaNetworkArgs> = fc.oneof(
    ...PATTERNS.flatMap((pattern) => [
        { arbitrary: newVpcArgs(pattern), weight: 3 },
        { arbitrary: existingVpcArgs(pattern), weight: 1 },
    ]),
);

/** Valid arguments for a new VPC only (the layout and routing invariants are about those). */
export const validNewVpcArguments: fc.Arbitrary<VpcLambdaNetworkArgs> = fc.oneof(...PATTERNS.map(newVpcArgs));

/** Valid arguments for an existing VPC, any pattern. */
export const validExistingVpcArguments: fc.Arbitrary<VpcLambdaNetworkArgs> = fc.oneof(...PATTERNS.map(existingVpcArgs));

/** Valid arguments of the patterns without NAT, for a new or an existing VPC. */
export const validArgumentsWithoutNat: fc.Arbitrary<VpcLambdaNetworkArgs> = fc.oneof(
    ...PATTERNS.filter((p) => p !== NetworkPattern.PrivateWithNat).flatMap((pattern) => [newVpcArgs(pattern), existingVpcArgs(pattern)]),
);
