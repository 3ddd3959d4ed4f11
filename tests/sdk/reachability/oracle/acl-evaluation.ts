// What a network ACL does with a TCP packet crossing its subnet's edge. Rules are read from the
// lowest number up and the first that matches decides; a packet no rule matches is denied by the
// rule numbered `*` (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html). Inbound
// rules match the packet's source, outbound rules its destination, and both its destination port
// (same page: "Port range", "Source", "Destination"). A rule of protocol -1 matches every
// protocol on every port; a TCP rule (tcp or 6) matches its port range; a rule of another protocol
// never matches TCP. IPv4 and IPv6 rules are separate: a rule's block must be of the packet's family.
import { Address, contains } from "./addresses";
import type { AclRule, NetworkAcl } from "./deployed-network";

export type Direction = "ingress" | "egress";

export interface AclDecision {
    allowed: boolean;
    /** The rule that decided, or `*` when none matched. */
    rule: number | "*";
}

export function aclDecision(acl: NetworkAcl, direction: Direction, peer: Address, port: number): AclDecision {
    const rule = [...acl[direction]].sort((a, b) => a.number - b.number).find((r) => matches(r, peer, port));
    return rule ? { allowed: rule.allow, rule: rule.number } : { allowed: false, rule: "*" };
}

/**
 * The ports of a range that do not get through: the replies of a connection come back to an
 * ephemeral port the client picked, any one of the range. The rules' decision only changes
 * where one of their port ranges starts or ends, so one port per stretch stands for the stretch.
 */
export function deniedPorts(acl: NetworkAcl, direction: Direction, peer: Address, from: number, to: number): { port: number; decision: AclDecision }[] {
    const starts = new Set([from]);
    for (const rule of acl[direction]) {
        for (const edge of [rule.fromPort, rule.toPort + 1]) {
            if (edge > from && edge <= to) {
                starts.add(edge);
            }
        }
    }
    return [...starts]
        .sort((a, b) => a - b)
        .map((port) => ({ port, decision: aclDecision(acl, direction, peer, port) }))
        .filter(({ decision }) => !decision.allowed);
}

function matches(rule: AclRule, peer: Address, port: number): boolean {
    if (!contains(rule.block, peer)) {
        return false;
    }
    if (rule.protocol === "-1" || rule.protocol === "all") {
        return true;
    }
    return (rule.protocol === "tcp" || rule.protocol === "6") && rule.fromPort <= port && port <= rule.toPort;
}
