import * as pulumi from "@pulumi/pulumi";
import { NatGatewayStrategy, NetworkPattern, VpcLambdaNetworkArgs } from "../args";
import { AWS_LIMITS } from "../aws/limits";
import { parseIpv4Block } from "../addresses/cidr";
import { LAYOUT, maxVpcPrefixLength } from "../addresses/subnet-layout";
import { checkKnownKeys, checkNoDuplicates, isIntegerIn, isPlainObject, oneOf, ProblemList, show } from "./problems";
import type { ExistingVpcSettings, NewVpcSettings } from "./validated-args";

export const DEFAULT_CIDR_BLOCK = "10.0.0.0/16";
export const DEFAULT_NUMBER_OF_AZS = 2;

const PATTERNS = Object.values(NetworkPattern);
const NAT_STRATEGIES = Object.values(NatGatewayStrategy);
// Regular zones (us-east-1a, us-gov-west-1b, ap-southeast-4c); Local and Wavelength zones
// cannot host Lambda ENIs.
const AZ_NAME = /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/;
// EC2 ids are a prefix and 8 or 17 hexadecimal digits.
const EC2_ID = (prefix: string) => new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`);

export function validatePattern(problems: ProblemList, value: unknown): NetworkPattern | undefined {
    if (value === undefined) {
        problems.add("pattern", `is required; choose one of ${oneOf(PATTERNS)}.`);
        return undefined;
    }
    if (!PATTERNS.includes(value as NetworkPattern)) {
        problems.add("pattern", `${show(value)} is not a network pattern; allowed: ${oneOf(PATTERNS)}.`);
        return undefined;
    }
    return value as NetworkPattern;
}

/** Validates the arguments that describe a VPC the component creates. */
export function validateNewVpc(problems: ProblemList, args: VpcLambdaNetworkArgs, pattern: NetworkPattern | undefined): NewVpcSettings {
    const cidrBlock = validateCidrBlock(problems, args.cidrBlock ?? DEFAULT_CIDR_BLOCK, pattern);
    const zones = validateZones(problems, args);
    const natGatewayStrategy = validateNatGateways(problems, args.natGateways, pattern);
    return { kind: "new", cidrBlock, zones, ...(natGatewayStrategy ? { natGatewayStrategy } : {}) };
}

function validateCidrBlock(problems: ProblemList, value: unknown, pattern: NetworkPattern | undefined): string {
    if (typeof value !== "string") {
        problems.add("cidrBlock", `${show(value)} is not a string; write an IPv4 block such as "10.0.0.0/16".`);
        return DEFAULT_CIDR_BLOCK;
    }
    const block = parseIpv4Block(value);
    if ("problem" in block) {
        problems.add("cidrBlock", `${show(value)} ${block.problem}.`);
        return DEFAULT_CIDR_BLOCK;
    }
    const { minPrefixLength, maxPrefixLength } = AWS_LIMITS;
    if (block.prefixLength < minPrefixLength || block.prefixLength > maxPrefixLength) {
        problems.add("cidrBlock", `${show(value)} has a /${block.prefixLength} prefix; AWS allows /${minPrefixLength} to /${maxPrefixLength} for a VPC.`);
        return DEFAULT_CIDR_BLOCK;
    }
    const hasPublicSubnets = pattern === NetworkPattern.PrivateWithNat;
    const largest = maxVpcPrefixLength(hasPublicSubnets);
    if (block.prefixLength > largest) {
        const why = hasPublicSubnets
            ? `public subnets are 1/${2 ** (LAYOUT.publicPrefixDelta)} of the VPC`
            : `Lambda subnets are 1/${2 ** LAYOUT.lambdaPrefixDelta} of the VPC`;
        problems.add(
            "cidrBlock",
            `${show(value)} is too small for the subnets: ${why} and AWS's smallest subnet is /${maxPrefixLength}, so the VPC must be /${largest} or larger.`,
        );
        return DEFAULT_CIDR_BLOCK;
    }
    return value;
}

function validateZones(problems: ProblemList, args: VpcLambdaNetworkArgs): NewVpcSettings["zones"] {
    const fallback = { kind: "count" as const, count: DEFAULT_NUMBER_OF_AZS };
    const { numberOfAvailabilityZones: count, availabilityZoneNames: names } = args;
    if (count !== undefined && names !== undefined) {
        problems.add("availabilityZoneNames", "cannot be set together with numberOfAvailabilityZones; keep one of them.");
        return fallback;
    }
    if (names !== undefined) {
        if (!Array.isArray(names) || names.length < 1 || names.length > LAYOUT.maxZones) {
            problems.add("availabilityZoneNames", `${show(names)} must list 1 to ${LAYOUT.maxZones} zone names.`);
            return fallback;
        }
        names.forEach((zone, i) => {
            if (typeof zone !== "string" || !AZ_NAME.test(zone)) {
                problems.add(`availabilityZoneNames[${i}]`, `${show(zone)} is not an Availability Zone name such as "us-east-1a".`);
            }
        });
        checkNoDuplicates(problems, "availabilityZoneNames", names);
        const regions = new Set(names.filter((z) => typeof z === "string").map((z) => z.slice(0, -1)));
        if (regions.size > 1) {
            problems.add("availabilityZoneNames", `${show(names)} spans regions ${[...regions].join(", ")}; a VPC lives in one region.`);
        }
        return { kind: "names", names: [...names] };
    }
    if (count !== undefined && !isIntegerIn(count, 1, LAYOUT.maxZones)) {
        problems.add("numberOfAvailabilityZones", `${show(count)} is not an integer from 1 to ${LAYOUT.maxZones}.`);
        return fallback;
    }
    return { kind: "count", count: count ?? DEFAULT_NUMBER_OF_AZS };
}

function validateNatGateways(problems: ProblemList, value: unknown, pattern: NetworkPattern | undefined): NatGatewayStrategy | undefined {
    const wantsNat = pattern === NetworkPattern.PrivateWithNat;
    if (value === undefined) {
        return wantsNat ? NatGatewayStrategy.OnePerAz : undefined;
    }
    if (pattern !== undefined && !wantsNat) {
        problems.add("natGateways", `is only allowed with pattern "PrivateWithNat", not ${show(pattern)}; remove it.`);
        return undefined;
    }
    if (!isPlainObject(value)) {
        problems.add("natGateways", `${show(value)} is not an object such as { strategy: "OnePerAz" }.`);
        return undefined;
    }
    checkKnownKeys(problems, "natGateways", value, ["strategy"]);
    const strategy = value.strategy ?? NatGatewayStrategy.OnePerAz;
    if (!NAT_STRATEGIES.includes(strategy as NatGatewayStrategy)) {
        problems.add("natGateways.strategy", `${show(strategy)} is not a NAT gateway strategy; allowed: ${oneOf(NAT_STRATEGIES)}.`);
        return NatGatewayStrategy.OnePerAz;
    }
    return strategy as NatGatewayStrategy;
}

/** Validates `existingVpc` and reports the new-VPC arguments that cannot go with it. */
export function validateExistingVpc(problems: ProblemList, args: VpcLambdaNetworkArgs): ExistingVpcSettings | undefined {
    const value: unknown = args.existingVpc;
    for (const field of ["cidrBlock", "numberOfAvailabilityZones", "availabilityZoneNames", "natGateways"] as const) {
        if (args[field] !== undefined) {
            problems.add(field, `cannot be set with existingVpc: the component creates no VPC, subnet or NAT gateway there; remove it.`);
        }
    }
    if (!isPlainObject(value)) {
        problems.add("existingVpc", `${show(value)} is not an object such as { vpcId, subnetIds, routeTableIds }.`);
        return undefined;
    }
    checkKnownKeys(problems, "existingVpc", value, ["vpcId", "subnetIds", "routeTableIds"]);
    const { vpcId, subnetIds, routeTableIds } = value;
    if (!isIdInput(vpcId, "vpc")) {
        problems.add("existingVpc.vpcId", `${show(vpcId)} is not a VPC id such as "vpc-0123456789abcdef0".`);
    }
    if (!Array.isArray(subnetIds) || subnetIds.length < 1 || subnetIds.length > AWS_LIMITS.lambdaMaxSubnets) {
        const count = Array.isArray(subnetIds) ? `${subnetIds.length} subnets` : show(subnetIds);
        problems.add("existingVpc.subnetIds", `has ${count}; a Lambda function takes 1 to ${AWS_LIMITS.lambdaMaxSubnets} subnets.`);
    } else {
        checkIdList(problems, "existingVpc.subnetIds", subnetIds, "subnet", "a subnet id such as \"subnet-0123456789abcdef0\"");
    }
    if (routeTableIds !== undefined) {
        if (!Array.isArray(routeTableIds)) {
            problems.add("existingVpc.routeTableIds", `${show(routeTableIds)} is not a list of route table ids.`);
        } else {
            checkIdList(problems, "existingVpc.routeTableIds", routeTableIds, "rtb", "a route table id such as \"rtb-0123456789abcdef0\"");
        }
    }
    return {
        kind: "existing",
        vpcId: vpcId as pulumi.Input<string>,
        subnetIds: Array.isArray(subnetIds) ? [...subnetIds] : [],
        routeTableIds: Array.isArray(routeTableIds) ? [...routeTableIds] : [],
    };
}

function checkIdList(problems: ProblemList, field: string, ids: unknown[], prefix: string, what: string): void {
    ids.forEach((id, i) => {
        if (!isIdInput(id, prefix)) {
            problems.add(`${field}[${i}]`, `${show(id)} is not ${what}.`);
        }
    });
    checkNoDuplicates(problems, field, ids);
}

/** An id known now must have the right form; one that arrives later (an Output or Promise) is taken as it comes. */
export function isIdInput(value: unknown, prefix: string): boolean {
    if (typeof value === "string") {
        return EC2_ID(prefix).test(value);
    }
    return pulumi.Output.isInstance(value) || value instanceof Promise;
}
