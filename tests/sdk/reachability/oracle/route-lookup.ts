// Which route of a table takes a packet, as AWS chooses: the most specific route that matches
// (longest prefix), and between a CIDR route and a prefix-list route of the same length, the
// CIDR route (https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html:
// "Longest prefix", then "Static routes", then "Prefix list routes"). IPv4 and IPv6 routes are
// independent: a route of one family never takes a packet of the other.
import { Address, contains } from "./addresses";
import type { DeployedNetwork, Route, RouteTable } from "./deployed-network";

export function routeFor(network: DeployedNetwork, table: RouteTable, address: Address): Route | undefined {
    let best: { route: Route; prefix: number; static: boolean } | undefined;
    for (const route of table.routes) {
        const prefix = matchingPrefix(network, route, address);
        if (prefix === undefined) {
            continue;
        }
        const isStatic = route.destination.kind === "block";
        if (!best || prefix > best.prefix || (prefix === best.prefix && isStatic && !best.static)) {
            best = { route, prefix, static: isStatic };
        }
    }
    return best?.route;
}

/** How specific a route is for this address: its block's length, or its prefix list's longest entry holding the address. */
function matchingPrefix(network: DeployedNetwork, route: Route, address: Address): number | undefined {
    const blocks = route.destination.kind === "block" ? [route.destination.block] : (network.prefixLists.get(route.destination.id) ?? []);
    const holding = blocks.filter((block) => contains(block, address)).map((block) => block.prefix);
    return holding.length === 0 ? undefined : Math.max(...holding);
}
