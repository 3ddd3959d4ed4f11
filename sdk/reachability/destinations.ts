// The destinations judged for each function: the internet over both families; every AWS
// service its execution role lets it call, or that it declares it needs; every security group
// one of its groups has an egress rule to (an `allowTo` target) and every group that admits one
// of its groups, on the rule's TCP port; and every security group it declares it needs.
import { servicesFunctionCalls } from "../network/called-services";
import { FunctionNode, NetworkGraph, protocolOf, pushTo, SecurityGroupPermission, UNATTRIBUTED_GROUP } from "../network/network-graph";
import type { Need } from "../network/needs";
import { Destination, destinationKey, DestinationReason } from "./types";

export interface FunctionDestination {
    destination: Destination;
    reasons: DestinationReason[];
}

export function destinationsOf(graph: NetworkGraph, fn: FunctionNode, needs: readonly Need[]): FunctionDestination[] {
    const found = new Map<string, FunctionDestination>();
    const add = (destination: Destination, reason: DestinationReason) => {
        const key = destinationKey(destination);
        const known = found.get(key);
        if (!known) {
            found.set(key, { destination, reasons: [reason] });
        } else if (!known.reasons.includes(reason)) {
            known.reasons.push(reason);
        }
    };
    const internetNeeded = needs.some((n) => n.kind === "internet");
    for (const ipVersion of [4, 6] as const) {
        add({ kind: "internet", ipVersion }, "always");
        if (internetNeeded) {
            add({ kind: "internet", ipVersion }, "needs");
        }
    }
    const services: [string, DestinationReason][] = [
        ...servicesFunctionCalls(graph, fn.id).services.map((s): [string, DestinationReason] => [s, "role"]),
        ...needs.flatMap((n): [string, DestinationReason][] => (n.kind === "service" ? [[n.service, "needs"]] : [])),
    ];
    for (const [service, reason] of services.sort(([a], [b]) => a.localeCompare(b))) {
        add({ kind: "service", service }, reason);
    }
    const groups: { id: string; port: number; reason: DestinationReason }[] = [];
    for (const group of fn.securityGroupIds) {
        for (const rule of graph.permissionsOf(group, "egress")) {
            const port = singlePort(rule);
            if (rule.peer.kind === "securityGroup" && port !== undefined) {
                groups.push({ id: rule.peer.id, port, reason: "egress" });
            }
        }
    }
    for (const rule of fn.securityGroupIds.flatMap((group) => admitting(graph).get(group) ?? [])) {
        const port = singlePort(rule);
        if (port !== undefined) {
            groups.push({ id: rule.securityGroupId, port, reason: "admits" });
        }
    }
    for (const need of needs) {
        if (need.kind === "securityGroup") {
            groups.push({ id: groupIdentity(graph, need.securityGroupId), port: need.port, reason: "needs" });
        }
    }
    const named = groups.map((g) => ({ ...g, name: graph.resource(g.id) ? graph.nameOf(g.id) : undefined }));
    for (const { id, port, reason, name } of named.sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id) || a.port - b.port)) {
        add({ kind: "securityGroup", securityGroupId: id, port, ...(name ? { name } : {}) }, reason);
    }
    return [...found.values()];
}

/** The stack's ingress rules that admit a security group, by that group: built once per graph. */
function admitting(graph: NetworkGraph): Map<string, SecurityGroupPermission[]> {
    return graph.memo("ingressByPeerGroup", () => {
        const byPeer = new Map<string, SecurityGroupPermission[]>();
        for (const rule of graph.permissions) {
            if (rule.direction === "ingress" && rule.securityGroupId !== UNATTRIBUTED_GROUP && rule.peer.kind === "securityGroup") {
                pushTo(byPeer, rule.peer.id, rule);
            }
        }
        return byPeer;
    });
}

/** The TCP port a rule is about: its first port (one destination per rule, not per port of a range); none for all traffic. */
function singlePort(rule: SecurityGroupPermission): number | undefined {
    return protocolOf(rule) === "tcp" && !rule.portsUnknown && rule.fromPort !== undefined ? rule.fromPort : undefined;
}

/** A needed group's id as the graph knows it: a group of the stack with that id is named by it already. */
function groupIdentity(graph: NetworkGraph, id: string): string {
    const resource = graph.resource(id);
    return resource ? graph.identity(resource) : id;
}
