// Addresses and blocks as numbers, for the oracle's packets: an address is a family and a
// bigint, a block a first and a last address. Parsing is ip-address's; the rest is compare.
import { Address4, Address6 } from "ip-address";

export type Family = 4 | 6;

export interface Address {
    family: Family;
    value: bigint;
}

export interface Block {
    family: Family;
    first: bigint;
    last: bigint;
    prefix: number;
    text: string;
}

export function parseBlock(text: string): Block {
    const family: Family = text.includes(":") ? 6 : 4;
    const parsed = family === 4 ? new Address4(text) : new Address6(text);
    return { family, first: parsed.startAddress().bigInt(), last: parsed.endAddress().bigInt(), prefix: parsed.subnetMask, text };
}

export function parseAddress(text: string): Address {
    const family: Family = text.includes(":") ? 6 : 4;
    return { family, value: (family === 4 ? new Address4(text) : new Address6(text)).bigInt() };
}

export function formatAddress(address: Address): string {
    return address.family === 4 ? Address4.fromBigInt(address.value).correctForm() : Address6.fromBigInt(address.value).correctForm();
}

export function contains(block: Block, address: Address): boolean {
    return block.family === address.family && block.first <= address.value && address.value <= block.last;
}

/** An address `offset` into a block: the oracle's ENIs sit at fixed offsets in their subnets. */
export function addressIn(block: Block, offset: number): Address {
    return { family: block.family, value: block.first + BigInt(offset) };
}

/**
 * The addresses an ENI may take in a subnet, one per stretch over which no rule's block starts
 * or ends: whatever address AWS gives the ENI, it behaves like one of these. AWS keeps the
 * first four addresses and the last of every subnet (shared/AWS-FACTS.md, "Addresses"), so the
 * stretches run from the fifth address to the one before the last.
 */
export function distinctAddresses(subnet: Block, ruleBlocks: readonly Block[]): Address[] {
    const low = subnet.first + 4n;
    const high = subnet.last - 1n;
    const starts = new Set<bigint>([low]);
    for (const block of ruleBlocks) {
        if (block.family !== subnet.family) {
            continue;
        }
        for (const edge of [block.first, block.last + 1n]) {
            if (edge > low && edge <= high) {
                starts.add(edge);
            }
        }
    }
    return [...starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((value) => ({ family: subnet.family, value }));
}
