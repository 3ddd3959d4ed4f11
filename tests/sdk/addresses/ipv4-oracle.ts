import { Address4 } from "ip-address";

// An oracle for IPv4 blocks that shares no code with sdk/addresses/cidr.ts: the planner's own
// blockContains/blocksOverlap cannot be the judge of the planner's layout.

/** True when block `inner` lies within block `outer`, as ip-address decides it. */
export function isWithin(inner: string, outer: string): boolean {
    return new Address4(inner).isInSubnet(new Address4(outer));
}

/** Two CIDR blocks share an address exactly when one lies within the other (both are aligned). */
export function areDisjoint(a: string, b: string): boolean {
    return !isWithin(a, b) && !isWithin(b, a);
}

/** The prefix length written after the slash. */
export function prefixLengthOf(cidr: string): number {
    return new Address4(cidr).subnetMask;
}
