import { AWS_LIMITS } from "../aws/limits";
import { Ipv4Block, nthSubBlock, parseIpv4Block } from "./cidr";

/**
 * The address layout of a VPC the component creates, fixed so that it never moves:
 *
 *   eighth 0..5   Lambda subnet of zone 1..6 (1/8 of the VPC each: a /19 in a /16)
 *   eighth 6      left free for your own subnets (databases, caches), never used here
 *   eighth 7      cut in eight: public subnet of zone 1..6 (a /22 in a /16), used by NAT only
 *
 * With dual stack, the IPv6 /64s follow the same eighths of the VPC's /56 (32 /64s each): the
 * Lambda subnet of zone n takes the first /64 of eighth n-1, the public subnet of zone n the
 * (n)th /64 of the last eighth, and the seventh eighth is again left free.
 *
 * Every subnet's block depends only on its zone's position, never on how many zones or
 * endpoints there are, so adding a zone or an endpoint never renumbers (and so never replaces)
 * an existing subnet. awsx and CDK divide the VPC by the zone count instead, which moves every
 * subnet when a zone is added.
 */
export const LAYOUT = {
    maxZones: 6,
    /** A Lambda subnet is the VPC's prefix + 3 (one eighth). */
    lambdaPrefixDelta: 3,
    /** The eighth left free for the user's own subnets. */
    freeEighth: 6,
    /** The eighth the public subnets are cut from. */
    publicEighth: 7,
    /** A public subnet is the VPC's prefix + 6 (one eighth of the last eighth). */
    publicPrefixDelta: 6,
} as const;

/** The longest VPC prefix that still leaves every subnet at /28 or larger. */
export function maxVpcPrefixLength(hasPublicSubnets: boolean): number {
    const delta = hasPublicSubnets ? LAYOUT.publicPrefixDelta : LAYOUT.lambdaPrefixDelta;
    return AWS_LIMITS.maxPrefixLength - delta;
}

/** The block left free for the user's own subnets. */
export function freeBlock(vpcCidr: string): string {
    const vpc = parseVpc(vpcCidr);
    return nthSubBlock(vpc, vpc.prefixLength + LAYOUT.lambdaPrefixDelta, LAYOUT.freeEighth).cidr;
}

/** How many /64s one eighth of an IPv6 /56 holds. */
const IPV6_SUBNETS_PER_EIGHTH = 2 ** (AWS_LIMITS.ipv6SubnetPrefixLength - AWS_LIMITS.ipv6VpcPrefixLength - LAYOUT.lambdaPrefixDelta);

/** Where a subnet goes: its IPv4 block, and the index of its /64 in the VPC's /56 (for dual stack). */
export interface SubnetSlot {
    cidrBlock: string;
    ipv6SubnetIndex: number;
}

/** The Lambda subnet of zone `zoneNumber` (1..6): eighth `zoneNumber - 1` of the VPC, and of its /56. */
export function lambdaSubnetSlot(vpcCidr: string, zoneNumber: number): SubnetSlot {
    const vpc = parseVpc(vpcCidr);
    return {
        cidrBlock: nthSubBlock(vpc, vpc.prefixLength + LAYOUT.lambdaPrefixDelta, zoneNumber - 1).cidr,
        ipv6SubnetIndex: (zoneNumber - 1) * IPV6_SUBNETS_PER_EIGHTH,
    };
}

/** The public subnet of zone `zoneNumber` (1..6): the `zoneNumber`th cut of the last eighth, and of the /56's last eighth. */
export function publicSubnetSlot(vpcCidr: string, zoneNumber: number): SubnetSlot {
    const vpc = parseVpc(vpcCidr);
    const publicParent = nthSubBlock(vpc, vpc.prefixLength + LAYOUT.lambdaPrefixDelta, LAYOUT.publicEighth);
    return {
        cidrBlock: nthSubBlock(publicParent, vpc.prefixLength + LAYOUT.publicPrefixDelta, zoneNumber - 1).cidr,
        ipv6SubnetIndex: LAYOUT.publicEighth * IPV6_SUBNETS_PER_EIGHTH + zoneNumber - 1,
    };
}

function parseVpc(cidr: string): Ipv4Block {
    const block = parseIpv4Block(cidr);
    if ("problem" in block) {
        // Validation runs first; reaching this is a bug in the caller, not bad user input.
        throw new Error(`internal: the VPC CIDR "${cidr}" ${block.problem}`);
    }
    return block;
}
