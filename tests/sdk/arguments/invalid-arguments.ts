import fc from "fast-check";
import { NatGatewayStrategy, NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { AWS_LIMITS } from "../../../sdk/aws/limits";
import { parseIpv4Block } from "../../../sdk/addresses/cidr";
import {
    endpointPolicyDocument,
    largestVpcPrefix,
    newVpcArgs,
    s3BucketArn,
    securityGroupId,
    servicesWithEndpoints,
    validArguments,
    validExistingVpcArguments,
    validNewVpcArguments,
    vpcCidr,
} from "./valid-arguments";

// Invalid arguments, each made from a valid argument set by one mistake a user can make, and
// the field the error must name. Arguments are loose records: JavaScript and YAML users can
// pass anything, and the type system is no help to them.

export type LooseArgs = Record<string, unknown>;

/** Arguments with one mistake, and the field the error must name for it. */
export interface Mistake {
    args: LooseArgs;
    field: string;
}

const KNOWN_ARGUMENTS = ["pattern", "cidrBlock", "numberOfAvailabilityZones", "availabilityZoneNames", "natGateways", "gatewayEndpoints", "interfaceEndpoints", "endpointPolicy", "endpointPolicies", "allowTo", "flowLogs", "existingVpc", "tags"];
const PATTERNS: readonly string[] = Object.values(NetworkPattern);
const loose = (args: VpcLambdaNetworkArgs): LooseArgs => ({ ...args });
const anyOutwardNewVpc = fc.oneof(newVpcArgs(NetworkPattern.PrivateWithNat), newVpcArgs(NetworkPattern.PrivateWithEndpoints));

/** A new-VPC argument set with its zone arguments replaced. */
function withZones(args: VpcLambdaNetworkArgs, zones: LooseArgs): LooseArgs {
    const rest = loose(args);
    delete rest.numberOfAvailabilityZones;
    delete rest.availabilityZoneNames;
    return { ...rest, ...zones };
}

const badPattern: fc.Arbitrary<Mistake> = fc
    .tuple(validArguments, fc.oneof(fc.string(), fc.constant(undefined), fc.constantFrom("privateWithNat", "NAT", "isolated")))
    .filter(([, pattern]) => !PATTERNS.includes(pattern as string))
    .map(([args, pattern]) => ({ args: { ...args, pattern }, field: "pattern" }));

const cidrOutsideAwsRange: fc.Arbitrary<Mistake> = fc
    .tuple(validNewVpcArguments, fc.oneof(vpcCidr(8, AWS_LIMITS.minPrefixLength - 1), vpcCidr(AWS_LIMITS.maxPrefixLength + 1, 32)))
    .map(([args, cidrBlock]) => ({ args: { ...args, cidrBlock }, field: "cidrBlock" }));

const cidrTooSmallForNat: fc.Arbitrary<Mistake> = fc
    .tuple(newVpcArgs(NetworkPattern.PrivateWithNat), vpcCidr(largestVpcPrefix(true) + 1, AWS_LIMITS.maxPrefixLength))
    .map(([args, cidrBlock]) => ({ args: { ...args, cidrBlock }, field: "cidrBlock" }));

const cidrNotFirstAddress: fc.Arbitrary<Mistake> = fc
    .tuple(validNewVpcArguments, vpcCidr(16, 22), fc.integer({ min: 1, max: 255 }))
    .map(([args, cidr, hostBits]) => {
        const [address, prefix] = cidr.split("/");
        const octets = address.split(".");
        octets[3] = String(hostBits);
        return { args: { ...args, cidrBlock: `${octets.join(".")}/${prefix}` }, field: "cidrBlock" };
    });

const cidrNotCidr: fc.Arbitrary<Mistake> = fc
    .tuple(validNewVpcArguments, fc.oneof(fc.string(), fc.constantFrom("10.0.0.0", "10.0.0.0/", "10.0.0/16", "256.0.0.0/16", "10.0.0.0/33", "::/56"), fc.integer()))
    .filter(([, cidr]) => typeof cidr !== "string" || "problem" in parseIpv4Block(cidr))
    .map(([args, cidrBlock]) => ({ args: { ...args, cidrBlock }, field: "cidrBlock" }));

const zoneCountOutOfRange: fc.Arbitrary<Mistake> = fc
    .tuple(validNewVpcArguments, fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 7 }), fc.double({ min: 1.01, max: 5.99, noNaN: true }).filter((n) => !Number.isInteger(n)), fc.constant("2")))
    .map(([args, count]) => ({ args: withZones(args, { numberOfAvailabilityZones: count }), field: "numberOfAvailabilityZones" }));

const zoneCountAndNames: fc.Arbitrary<Mistake> = fc
    .tuple(validNewVpcArguments, fc.integer({ min: 1, max: 6 }))
    .map(([args, count]) => ({ args: withZones(args, { numberOfAvailabilityZones: count, availabilityZoneNames: ["us-east-1a"] }), field: "availabilityZoneNames" }));

const repeatedZone: fc.Arbitrary<Mistake> = fc
    .tuple(validNewVpcArguments, fc.shuffledSubarray(["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e"], { minLength: 1, maxLength: 5 }), fc.nat())
    .map(([args, names, pick]) => ({
        args: withZones(args, { availabilityZoneNames: [...names, names[pick % names.length]] }),
        field: `availabilityZoneNames[${names.length}]`,
    }));

const natGatewaysWithoutNat: fc.Arbitrary<Mistake> = fc
    .tuple(fc.oneof(newVpcArgs(NetworkPattern.PrivateWithEndpoints), newVpcArgs(NetworkPattern.Isolated)), fc.constantFrom(...Object.values(NatGatewayStrategy)))
    .map(([args, strategy]) => ({ args: { ...args, natGateways: { strategy } }, field: "natGateways" }));

const unknownNatStrategy: fc.Arbitrary<Mistake> = fc
    .tuple(newVpcArgs(NetworkPattern.PrivateWithNat), fc.oneof(fc.string(), fc.constantFrom("onePerAz", "SINGLE", "PerAz")))
    .filter(([, strategy]) => !(Object.values(NatGatewayStrategy) as string[]).includes(strategy))
    .map(([args, strategy]) => ({ args: { ...args, natGateways: { strategy } }, field: "natGateways.strategy" }));

const serviceWithoutGatewayEndpoint: fc.Arbitrary<Mistake> = fc
    .tuple(anyOutwardNewVpc, fc.constantFrom("sqs", "secretsmanager", "S3", "dynamo", "s3-express"))
    .map(([args, service]) => ({ args: { ...args, gatewayEndpoints: ["s3", service] }, field: "gatewayEndpoints[1]" }));

const endpointsInIsolated: fc.Arbitrary<Mistake> = fc
    .tuple(newVpcArgs(NetworkPattern.Isolated), fc.boolean())
    .map(([args, gateway]) =>
        gateway ? { args: { ...args, gatewayEndpoints: ["s3"] }, field: "gatewayEndpoints" } : { args: { ...args, interfaceEndpoints: ["sqs"] }, field: "interfaceEndpoints" },
    );

const badInterfaceService: fc.Arbitrary<Mistake> = fc
    .tuple(anyOutwardNewVpc, fc.oneof(fc.constantFrom("SQS", "secrets manager", "com.amazonaws.us-east-1.sqs", "s3", "dynamodb", "", "sqs.", "-sqs"), fc.integer()))
    .map(([args, service]) => ({ args: { ...args, interfaceEndpoints: ["kms", service] }, field: "interfaceEndpoints[1]" }));

/** An `allowTo` list of valid targets with one bad one appended, and that one's field. */
function badAllowTo(entry: fc.Arbitrary<LooseArgs>, subfield: string): fc.Arbitrary<Mistake> {
    return fc.tuple(validArguments, entry).map(([args, bad]) => {
        const targets = [...(args.allowTo ?? [])];
        return { args: { ...args, allowTo: [...targets, bad] }, field: `allowTo[${targets.length}]${subfield}` };
    });
}

const allowToBadPort = badAllowTo(
    fc.record({ securityGroupId, port: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 65536 }), fc.constant(443.5), fc.constant("443")) }),
    ".port",
);
const allowToBadGroup = badAllowTo(
    fc.record({ securityGroupId: fc.constantFrom("sg-123", "sg-0123456789ABCDEF0", "vpc-0123456789abcdef0", "", "0123456789abcdef0"), port: fc.integer({ min: 1, max: 65535 }) }),
    ".securityGroupId",
);
const allowToRepeated: fc.Arbitrary<Mistake> = fc
    .tuple(validArguments, securityGroupId, fc.integer({ min: 1, max: 65535 }))
    .map(([args, group, port]) => {
        const targets = (args.allowTo ?? []).filter((t) => !(t.securityGroupId === group && t.port === port));
        return { args: { ...args, allowTo: [...targets, { securityGroupId: group, port }, { securityGroupId: group, port }] }, field: `allowTo[${targets.length + 1}]` };
    });

const badRetention: fc.Arbitrary<Mistake> = fc
    .tuple(validArguments, fc.oneof(fc.integer(), fc.constant("90")))
    .filter(([, days]) => !(AWS_LIMITS.logRetentionDays as readonly unknown[]).includes(days))
    .map(([args, retentionInDays]) => ({ args: { ...args, flowLogs: { retentionInDays } }, field: "flowLogs.retentionInDays" }));

const badTrafficType: fc.Arbitrary<Mistake> = fc
    .tuple(validArguments, fc.constantFrom("all", "Accept", "REJECTED", "", "BOTH"))
    .map(([args, trafficType]) => ({ args: { ...args, flowLogs: { trafficType } }, field: "flowLogs.trafficType" }));

const badAggregationInterval: fc.Arbitrary<Mistake> = fc
    .tuple(validArguments, fc.integer())
    .filter(([, seconds]) => !(AWS_LIMITS.flowLogAggregationIntervals as readonly number[]).includes(seconds))
    .map(([args, maxAggregationInterval]) => ({ args: { ...args, flowLogs: { maxAggregationInterval } }, field: "flowLogs.maxAggregationInterval" }));

const badS3BucketArn: fc.Arbitrary<Mistake> = fc
    .tuple(
        validArguments,
        fc.constantFrom("flow-logs", "arn:aws:s3:::", "arn:aws-iso:s3:::flow-logs", "arn:aws:logs:us-east-1:123456789012:log-group:flows", "arn:aws:s3:us-east-1:123456789012:accesspoint/x", "arn:aws:s3:::Flow_Logs", "arn:aws:s3:::flow-logs/AWSLogs/", 42),
    )
    .map(([args, arn]) => ({ args: { ...args, flowLogs: { destination: "s3", s3BucketArn: arn } }, field: "flowLogs.s3BucketArn" }));

const misplacedFlowLogSetting: fc.Arbitrary<Mistake> = fc
    .tuple(
        validArguments,
        s3BucketArn,
        fc.constantFrom(
            ...AWS_LIMITS.logRetentionDays.map((days) => ({ setting: "retentionInDays", flowLogs: { destination: "s3", retentionInDays: days } })),
            { setting: "s3BucketArn", flowLogs: { destination: "s3", s3BucketArn: undefined } },
            { setting: "s3BucketArn", flowLogs: { destination: "cloud-watch-logs" } },
            { setting: "s3BucketArn", flowLogs: {} },
            { setting: "destination", flowLogs: { destination: "kinesis-data-firehose" } },
        ),
    )
    .map(([args, arn, { setting, flowLogs }]) => ({ args: { ...args, flowLogs: { s3BucketArn: arn, ...flowLogs } }, field: `flowLogs.${setting}` }));

const settingOnDisabledFlowLogs: fc.Arbitrary<Mistake> = fc
    .tuple(validArguments, fc.constantFrom(["retentionInDays", 30], ["trafficType", "REJECT"], ["maxAggregationInterval", 60], ["destination", "s3"], ["s3BucketArn", "arn:aws:s3:::flow-logs"]))
    .map(([args, [setting, value]]) => ({ args: { ...args, flowLogs: { enabled: false, [setting]: value } }, field: `flowLogs.${setting}` }));

const unknownArgument: fc.Arbitrary<Mistake> = fc
    .tuple(validArguments, fc.oneof(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,20}$/), fc.constantFrom("natGateway", "cidr", "azs", "interfaceEndpoint", "flowlogs")), fc.jsonValue())
    .filter(([, key, value]) => !KNOWN_ARGUMENTS.includes(key) && value !== undefined && !["__proto__", "constructor"].includes(key))
    .map(([args, key, value]) => ({ args: { ...args, [key]: value }, field: key }));

const reservedTag: fc.Arbitrary<Mistake> = fc
    .tuple(validArguments, fc.constantFrom("Name", "aws:createdBy", "AWS:team"))
    .map(([args, key]) => ({ args: { ...args, tags: { ...args.tags, [key]: "x" } }, field: `tags.${key}` }));

const newVpcArgumentWithExistingVpc: fc.Arbitrary<Mistake> = fc
    .tuple(
        validExistingVpcArguments,
        fc.constantFrom<[string, unknown]>(["cidrBlock", "10.0.0.0/16"], ["numberOfAvailabilityZones", 2], ["availabilityZoneNames", ["us-east-1a"]]),
    )
    .map(([args, [field, value]]) => ({ args: { ...args, [field]: value }, field }));

const existingVpcBadSubnets: fc.Arbitrary<Mistake> = fc
    .tuple(
        validExistingVpcArguments,
        fc.oneof(fc.constant([]), fc.constant(Array.from({ length: AWS_LIMITS.lambdaMaxSubnets + 1 }, (_, i) => `subnet-${String(i).padStart(17, "0")}`)), fc.constant("subnet-0123456789abcdef0")),
    )
    .map(([args, subnetIds]) => ({ args: { ...args, existingVpc: { ...args.existingVpc, subnetIds } }, field: "existingVpc.subnetIds" }));

const existingVpcBadId: fc.Arbitrary<Mistake> = fc
    .tuple(validExistingVpcArguments, fc.constantFrom("vpc-123", "subnet-0123456789abcdef0", "", "VPC-0123456789ABCDEF0"))
    .map(([args, vpcId]) => ({ args: { ...args, existingVpc: { ...args.existingVpc, vpcId } }, field: "existingVpc.vpcId" }));

// endpointPolicy and endpointPolicies: a value that is not a policy, a service without an
// endpoint here, and documents AWS would refuse, each for one service of the network.

const unknownEndpointPolicy: fc.Arbitrary<Mistake> = fc
    .tuple(validArguments, fc.oneof(fc.string(), fc.constantFrom("sameAccount", "SAME_ACCOUNT", "Full", "None", "")))
    .filter(([, policy]) => !["FullAccess", "SameAccount"].includes(policy))
    .map(([args, endpointPolicy]) => ({ args: { ...args, endpointPolicy }, field: "endpointPolicy" }));

const endpointPolicyWithoutEndpoint: fc.Arbitrary<Mistake> = fc
    .tuple(validArguments, fc.constantFrom("kms", "sts", "lambda", "s3", "dynamodb", "sqs"), endpointPolicyDocument)
    .filter(([args, service]) => !servicesWithEndpoints(args).includes(service))
    .map(([args, service, document]) => ({ args: { ...args, endpointPolicies: { ...args.endpointPolicies, [service]: document } }, field: `endpointPolicies.${service}` }));

/** A document AWS would refuse, given for one service of a network that has endpoints. */
function badEndpointPolicy(document: fc.Arbitrary<unknown>): fc.Arbitrary<Mistake> {
    return fc
        .tuple(anyOutwardNewVpc, document, fc.nat())
        .filter(([args]) => servicesWithEndpoints(args).length > 0)
        .map(([args, bad, pick]) => {
            const services = servicesWithEndpoints(args);
            const service = services[pick % services.length];
            return { args: { ...args, endpointPolicies: { ...args.endpointPolicies, [service]: bad } }, field: `endpointPolicies.${service}` };
        });
}

const endpointPolicyNotJson = badEndpointPolicy(
    fc.oneof(fc.constantFrom("", "{", "Statement: []", "{'Version': '2012-10-17'}"), endpointPolicyDocument.map((json) => json.slice(0, -1))),
);
const endpointPolicyTooLong = badEndpointPolicy(
    fc.integer({ min: 1, max: 500 }).map((over) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] }) + " ".repeat(AWS_LIMITS.endpointPolicyMaxCharacters + over)),
);
const endpointPolicyNotAPolicy = badEndpointPolicy(
    fc.constantFrom(
        "{}",
        "[]",
        "42",
        '{"Version": "2012-10-17", "Statement": []}',
        '{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}',
        '{"Statement": {"Effect": "Permit", "Principal": "*", "Action": "*"}}',
    ),
);
const endpointPolicyNotText = badEndpointPolicy(fc.constantFrom<unknown>(42, true, ["{}"], { Statement: [] }, null));

/** Every family of mistakes, by name (the name shows in a failing property's counterexample). */
export const MISTAKES: Record<string, fc.Arbitrary<Mistake>> = {
    badPattern,
    cidrOutsideAwsRange,
    cidrTooSmallForNat,
    cidrNotFirstAddress,
    cidrNotCidr,
    zoneCountOutOfRange,
    zoneCountAndNames,
    repeatedZone,
    natGatewaysWithoutNat,
    unknownNatStrategy,
    serviceWithoutGatewayEndpoint,
    endpointsInIsolated,
    badInterfaceService,
    allowToBadPort,
    allowToBadGroup,
    allowToRepeated,
    badRetention,
    badTrafficType,
    badAggregationInterval,
    badS3BucketArn,
    misplacedFlowLogSetting,
    settingOnDisabledFlowLogs,
    unknownArgument,
    reservedTag,
    newVpcArgumentWithExistingVpc,
    existingVpcBadSubnets,
    existingVpcBadId,
    unknownEndpointPolicy,
    endpointPolicyWithoutEndpoint,
    endpointPolicyNotJson,
    endpointPolicyTooLong,
    endpointPolicyNotAPolicy,
    endpointPolicyNotText,
};

/** One mistake of any family. */
export const oneMistake: fc.Arbitrary<Mistake> = fc.oneof(...Object.values(MISTAKES));

/**
 * Several mistakes in different fields at once: a bad port, a bad retention, a reserved tag and
 * an unknown argument are independent of each other and of the rest of the arguments.
 */
export const severalMistakes: fc.Arbitrary<{ args: LooseArgs; fields: string[] }> = fc
    .tuple(validArguments, fc.integer({ min: 65536 }), fc.constantFrom(2, 10, 100), fc.constantFrom("vpcId", "subnets", "natGateway"), fc.subarray([0, 1, 2, 3], { minLength: 2 }))
    .map(([args, port, retentionInDays, typo, chosen]) => {
        const targets = args.allowTo ?? [];
        const mistakes: Mistake[] = [
            { args: { allowTo: [...targets, { securityGroupId: "sg-0123456789abcdef0", port }] }, field: `allowTo[${targets.length}].port` },
            { args: { flowLogs: { retentionInDays } }, field: "flowLogs.retentionInDays" },
            { args: { tags: { ...args.tags, Name: "mine" } }, field: "tags.Name" },
            { args: { [typo]: true }, field: typo },
        ];
        const picked = chosen.map((i) => mistakes[i]);
        return { args: Object.assign(loose(args), ...picked.map((m) => m.args)), fields: picked.map((m) => m.field) };
    });
