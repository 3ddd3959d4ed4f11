import { isWholeRange } from "../sdk/addresses/whole-range";
import { SECURITY_GROUP_TYPES } from "../sdk/aws/resource-types";
import { NetworkGraph, protocolOf, SecurityGroupPermission } from "../sdk/network/network-graph";
import type { NetworkResource } from "../sdk/network/network-resource";
import { describe } from "./describe";

/** `tcp 443`, `tcp 0-65535`, `all traffic`: what a rule lets in, for messages. */
export function describeTraffic(rule: SecurityGroupPermission): string {
    const protocol = protocolOf(rule);
    if (protocol === "all") {
        return "all traffic";
    }
    const named = protocol === "unknown" ? "traffic" : protocol;
    if (rule.fromPort === undefined || rule.toPort === undefined) {
        return named;
    }
    return rule.fromPort === rule.toPort ? `${named} ${rule.fromPort}` : `${named} ${rule.fromPort}-${rule.toPort}`;
}

/** The stack's own security groups among these ids: those it can judge. */
export function stackGroups(graph: NetworkGraph, ids: readonly string[]): NetworkResource[] {
    return [...new Set(ids.map((id) => graph.resource(id)).filter((g): g is NetworkResource => g !== undefined && SECURITY_GROUP_TYPES.includes(g.type)))];
}

/** A security group open to the Internet, the resources it guards, and how it is open. */
export interface WorldOpening {
    group: NetworkResource;
    /** `"fn"`: the functions or endpoints the group is attached to. */
    guarded: string[];
    /** `tcp 22 from 0.0.0.0/0 (ingress rule "ssh")`, each opening once. */
    openings: string[];
}

/**
 * The groups among `attachments` with ingress rules (the network model's, whichever way they
 * are declared) that `admits` and that are open to 0.0.0.0/0 or ::/0, one entry per group however
 * many resources share it. After a deployment the provider also reports standalone rules among
 * the group's inline ones, so a rule may be seen twice: each opening is reported once.
 */
export function worldOpenings(
    graph: NetworkGraph,
    attachments: { guarded: NetworkResource; groups: NetworkResource[] }[],
    admits: (rule: SecurityGroupPermission) => boolean,
): WorldOpening[] {
    const byGroup = new Map<NetworkResource, { guarded: Set<string>; openings: Set<string> }>();
    for (const { guarded, groups } of attachments) {
        for (const group of groups) {
            for (const rule of graph.permissionsOf(graph.identity(group), "ingress").filter(admits)) {
                if (rule.peer.kind !== "cidr" || !isWholeRange(rule.peer.cidr)) {
                    continue;
                }
                const where = rule.declaredBy === group ? "an inline rule" : describe(rule.declaredBy);
                const entry = byGroup.get(group) ?? { guarded: new Set<string>(), openings: new Set<string>() };
                entry.guarded.add(`"${guarded.name}"`);
                entry.openings.add(`${describeTraffic(rule)} from ${rule.peer.cidr} (${where})`);
                byGroup.set(group, entry);
            }
        }
    }
    return [...byGroup].map(([group, { guarded, openings }]) => ({ group, guarded: [...guarded], openings: [...openings] }));
}
