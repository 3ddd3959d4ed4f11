import type { NetworkGraph, RouteNode, SubnetNode } from "../sdk/network/network-graph";
import { describe } from "./describe";

/**
 * Why a subnet is public, as far as the stack shows, in words: it assigns public IPv4 addresses
 * on launch, or the route table that decides its routing (the network model's rule) sends
 * `0.0.0.0/0` or `::/0` to an internet gateway. An empty list means nothing in the stack makes
 * it public (routes outside the stack cannot be seen).
 */
export function publicExposureOf(graph: NetworkGraph, subnet: SubnetNode): string[] {
    const reasons: string[] = [];
    if (subnet.mapPublicIpOnLaunch) {
        reasons.push("assigns public IPv4 addresses on launch (mapPublicIpOnLaunch)");
    }
    const tableId = graph.routingTableOf(subnet.id)?.id;
    const table = graph.resource(tableId);
    for (const route of graph.internetRoutesOf(subnet.id)) {
        reasons.push(`${declaration(route)} sends ${route.destination} to ${gatewayOf(graph, route)} in ${table ? describe(table) : `route table ${tableId}`}`);
    }
    return reasons;
}

/** `route "r"`, or an inline route of the table. */
function declaration(route: RouteNode): string {
    return route.routeName !== undefined ? `route "${route.routeName}"` : "an inline route";
}

/** `internet gateway "igw"`, or its id when the stack does not create it. */
function gatewayOf(graph: NetworkGraph, route: RouteNode): string {
    const gateway = graph.resource(route.target.id);
    return gateway ? `internet gateway "${gateway.name}"` : `internet gateway ${route.target.id}`;
}
