import { Address4, Address6 } from "ip-address";
import { blockContains, blocksOverlap } from "../addresses/cidr";
import type { AddressFamily } from "../network/network-graph";

/** A CIDR block of either family, parsed once: what routes, rules and ACL entries name. */
export interface AddressBlock {
    family: AddressFamily;
    cidr: string;
    prefixLength: number;
    first: bigint;
    size: bigint;
}

const parsed = new Map<string, AddressBlock | undefined>();

/**
 * `10.0.0.0/16` or `2600:1f18::/56`, or undefined when the text is neither. Lenient about host
 * bits, as a route or rule the provider accepted may not be canonical: the block is what its
 * prefix covers. Address parsing is `ip-address`'s.
 */
export function parseBlock(text: string): AddressBlock | undefined {
    if (parsed.has(text)) {
        return parsed.get(text);
    }
    let block: AddressBlock | undefined;
    try {
        const ipv6 = text.includes(":");
        const address = ipv6 ? new Address6(text) : new Address4(text);
        const bits = ipv6 ? 128 : 32;
        block = {
            family: ipv6 ? "ipv6" : "ipv4",
            cidr: text,
            prefixLength: address.subnetMask,
            first: address.startAddress().bigInt(),
            size: 1n << BigInt(bits - address.subnetMask),
        };
    } catch {
        block = undefined;
    }
    parsed.set(text, block);
    return block;
}

/** True when the block is a family's whole space (`0.0.0.0/0`, `::/0`). */
export function isEverything(block: AddressBlock): boolean {
    return block.prefixLength === 0;
}

/** How a rule's block stands to the addresses a hop is about. */
export type Coverage = "all" | "some" | "none";

/** Whether `outer` covers all, some or none of `inner`; blocks of different families share nothing. */
export function coverage(outer: AddressBlock, inner: AddressBlock): Coverage {
    if (outer.family !== inner.family) {
        return "none";
    }
    return blockContains(outer, inner) ? "all" : blocksOverlap(outer, inner) ? "some" : "none";
}

/** The stretches of `target`'s addresses that none of `blocks` holds, as first and last addresses. */
export function remainderOf(target: AddressBlock, blocks: readonly AddressBlock[]): [bigint, bigint][] {
    let left: [bigint, bigint][] = [[target.first, target.first + target.size - 1n]];
    for (const block of blocks.filter((b) => b.family === target.family)) {
        const [lo, hi] = [block.first, block.first + block.size - 1n];
        left = left.flatMap(([a, z]): [bigint, bigint][] => (hi < a || z < lo ? [[a, z]] : [...(a < lo ? [[a, lo - 1n] as [bigint, bigint]] : []), ...(hi < z ? [[hi + 1n, z] as [bigint, bigint]] : [])]));
    }
    return left;
}

// RFC 1918 and the shared address space (RFC 6598): never a public address on the internet.
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].map((cidr) => parseBlock(cidr)!);

/** True for an IPv4 block within the private ranges, which the internet does not route. */
export function isPrivate(block: AddressBlock): boolean {
    return PRIVATE_RANGES.some((range) => coverage(range, block) === "all");
}
