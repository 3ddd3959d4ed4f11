import { Address4, Address6 } from "ip-address";
import { AWS_LIMITS } from "../aws/limits";

/** An IPv4 block in CIDR notation, parsed once. */
export interface Ipv4Block {
    /** The canonical text, e.g. `10.0.32.0/19`. */
    cidr: string;
    prefixLength: number;
    /** The first address as an integer. */
    first: bigint;
    /** The number of addresses in the block. */
    size: bigint;
}

/**
 * Parses `a.b.c.d/n`. Returns a sentence saying what is wrong instead of throwing, so that
 * validation can report every bad field at once. Address parsing is `ip-address`'s, not ours.
 */
export function parseIpv4Block(text: string): Ipv4Block | { problem: string } {
    if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(text)) {
        return { problem: "is not IPv4 CIDR notation (a.b.c.d/n)" };
    }
    // ip-address would only say "Invalid IPv4 address" / "Invalid subnet mask"; say what is allowed.
    const [dotted, prefix] = text.split("/");
    if (dotted.split(".").some((octet) => Number(octet) > 255)) {
        return { problem: "has a number above 255; each of the four numbers in a.b.c.d/n is 0 to 255" };
    }
    if (Number(prefix) > 32) {
        return { problem: `has a /${prefix} prefix; an IPv4 prefix is at most /32` };
    }
    let address: Address4;
    try {
        address = new Address4(text);
    } catch (e) {
        return { problem: `is not a valid IPv4 block (${(e as Error).message.replace(/\.$/, "")})` };
    }
    const first = address.startAddress().bigInt();
    const block = toBlock(first, address.subnetMask);
    if (address.bigInt() !== first) {
        return { problem: `is not the first address of its block (did you mean "${block.cidr}"?)` };
    }
    return block;
}

function toBlock(first: bigint, prefixLength: number): Ipv4Block {
    return {
        cidr: `${Address4.fromBigInt(first).correctForm()}/${prefixLength}`,
        prefixLength,
        first,
        size: 1n << BigInt(32 - prefixLength),
    };
}

/**
 * The `index`-th block of `prefixLength` inside `parent`, counting from the parent's first
 * address. Index-addressed carving is what keeps the layout stable: block `i` is the same
 * whatever else is carved beside it.
 */
export function nthSubBlock(parent: Ipv4Block, prefixLength: number, index: number): Ipv4Block {
    if (prefixLength < parent.prefixLength || prefixLength > 32) {
        throw new RangeError(`a /${prefixLength} block does not fit in ${parent.cidr}`);
    }
    const size = 1n << BigInt(32 - prefixLength);
    const count = parent.size / size;
    if (index < 0 || BigInt(index) >= count) {
        throw new RangeError(`${parent.cidr} has ${count} blocks of /${prefixLength}; index ${index} is outside`);
    }
    return toBlock(parent.first + size * BigInt(index), prefixLength);
}

/** True when `inner` lies entirely within `outer`. */
export function blockContains(outer: Ipv4Block, inner: Ipv4Block): boolean {
    return inner.first >= outer.first && inner.first + inner.size <= outer.first + outer.size;
}

/** True when the two blocks share at least one address. */
export function blocksOverlap(a: Ipv4Block, b: Ipv4Block): boolean {
    return a.first < b.first + b.size && b.first < a.first + a.size;
}

/**
 * The `index`-th /64 of an IPv6 /56 (`2600:1f18:abcd:1200::/56`, index 1 → `2600:1f18:abcd:1201::/64`).
 * Used on the VPC's Amazon-provided block once it is known; validation never sees that block,
 * so a malformed one is a bug here or in AWS's answer, and throws.
 */
export function ipv6SubnetBlock(vpcBlock: string, index: number): string {
    const { ipv6VpcPrefixLength: vpcPrefix, ipv6SubnetPrefixLength: subnetPrefix } = AWS_LIMITS;
    const count = 2 ** (subnetPrefix - vpcPrefix);
    if (!Number.isInteger(index) || index < 0 || index >= count) {
        throw new RangeError(`an IPv6 /${vpcPrefix} has ${count} blocks of /${subnetPrefix}; index ${index} is outside`);
    }
    let vpc: Address6;
    try {
        vpc = new Address6(vpcBlock);
    } catch (e) {
        throw new Error(`internal: the VPC's IPv6 block "${vpcBlock}" is not IPv6 CIDR notation (${(e as Error).message})`);
    }
    if (vpc.subnetMask !== vpcPrefix || vpc.bigInt() !== vpc.startAddress().bigInt()) {
        throw new Error(`internal: the VPC's IPv6 block "${vpcBlock}" is not the first address of a /${vpcPrefix}`);
    }
    const first = vpc.bigInt() + (BigInt(index) << BigInt(128 - subnetPrefix));
    return `${Address6.fromBigInt(first).correctForm()}/${subnetPrefix}`;
}

/**
 * The prefix length of an IPv4 block in CIDR notation (`10.0.0.0/28` -> 28), or undefined for
 * anything else (an IPv6 block, no prefix). It reads what a stack declares, which AWS judges:
 * validation of the component's own arguments uses `parseIpv4Block`.
 */
export function ipv4PrefixLength(cidrBlock: string): number | undefined {
    const prefix = /^\d{1,3}(\.\d{1,3}){3}\/(\d{1,2})$/.exec(cidrBlock)?.[2];
    return prefix !== undefined && Number(prefix) <= 32 ? Number(prefix) : undefined;
}

/** The number of IPv4 addresses in a CIDR block: a /28 holds 16. */
export function addressesIn(cidrBlock: string): number | undefined {
    const prefixLength = ipv4PrefixLength(cidrBlock);
    return prefixLength === undefined ? undefined : 2 ** (32 - prefixLength);
}

/** The addresses of an IPv4 block of this prefix that AWS lets resources use: all but the 5 it reserves in every subnet. */
export function usableAddresses(prefixLength: number): number {
    return 2 ** (32 - prefixLength) - AWS_LIMITS.reservedAddressesPerSubnet;
}
