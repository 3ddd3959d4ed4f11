// Which route a subnet's traffic takes: the subnet's route table (its own, else its VPC's main
// one), then the longest prefix that matches. A gateway endpoint adds a route to its service's
// prefix list on every table it is attached to; that route covers the service's addresses more
// specifically than 0.0.0.0/0, so the service's traffic takes the endpoint. A route to a managed
// prefix list of the stack that holds 0.0.0.0/0 (or ::/0) takes the internet too, when no CIDR
// route of that length does (a CIDR route wins over a prefix-list route of the same length).
// Facts: the VPC user guide, "Route priority" (longest prefix match; IPv4 and IPv6 routes are
// independent; the local route covers the VPC's own range; static before prefix-list routes)
// and "Gateway endpoints".
import { AWS_RESOURCE_TYPES, ROUTE_TABLE_TYPES } from "../aws/resource-types";
import { ANY_DESTINATION, AddressFamily, NetworkGraph, RouteNode, RouteTarget } from "../network/network-graph";
import { AddressBlock, coverage, isEverything, parseBlock } from "./address-blocks";
import { prefixListContents } from "./prefix-lists";
import type { Hop } from "./types";

/** A route as the model reads it: the graph's routes, and those a gateway endpoint adds, with their target's name. */
export type TableRoute = Omit<RouteNode, "target"> & {
    target: RouteTarget | { kind: "gatewayEndpoint"; id: string; service: string };
    targetName: string;
    /** A route to a managed prefix list of the stack: the list's entries. */
    entries?: AddressBlock[];
};

export interface RoutingTable {
    id: string;
    name: string;
    routes: TableRoute[];
    /** Every route of the table is in the stack: a route it lacks does not exist. */
    complete: boolean;
}

/** The subnet's route table, and the hop that says which it is. */
export function routeTableHop(graph: NetworkGraph, subnetId: string): { hop: Hop; table?: RoutingTable } {
    return graph.memo(`routeTableHop:${subnetId}`, () => {
        const subnet = graph.subnet(subnetId);
        const routing = graph.routingTableOf(subnetId);
        if (!routing) {
            return {
                hop: {
                    hop: "routeTable",
                    status: "unknown",
                    resource: subnet.name,
                    says: `subnet ${subnet.name} is not created by this stack and no route table of the stack is associated with it: its routes cannot be read here.`,
                },
            };
        }
        if (routing.implicit) {
            const vpc = graph.nameOf(subnet.vpcId!);
            const table: RoutingTable = { id: routing.id, name: `the main route table of VPC ${vpc}`, routes: gatewayEndpointRoutes(graph, routing.id), complete: true };
            return { hop: { hop: "routeTable", status: "allows", resource: table.name, says: `subnet ${subnet.name} has no route table association, so it uses VPC ${vpc}'s main route table, which holds the local route only.` }, table };
        }
        const resource = graph.resource(routing.id);
        const inStack = resource !== undefined && (resource.type === AWS_RESOURCE_TYPES.routeTable || resource.type === AWS_RESOURCE_TYPES.defaultRouteTable);
        const routes = graph.routesOf(routing.id).map((route) => ({ ...route, targetName: graph.nameOf(route.target.id), ...prefixListEntries(graph, route) }));
        const table: RoutingTable = { id: routing.id, name: graph.nameOf(routing.id), routes: [...routes, ...gatewayEndpointRoutes(graph, routing.id)], complete: inStack };
        return {
            hop: {
                hop: "routeTable",
                status: "allows",
                resource: table.name,
                says: `subnet ${subnet.name} uses route table ${table.name}${inStack ? "" : ", which this stack does not create: only the routes the stack adds to it are known"}.`,
            },
            table,
        };
    });
}

/** What a route is looked up for: the internet, an AWS service's public addresses, or a block of addresses. */
export type RouteQuery = { kind: "internet"; family: AddressFamily } | { kind: "service"; service: string } | { kind: "block"; block: AddressBlock };

/** The route a destination takes in the table: the longest prefix that covers it, as a hop. */
export function routeHop(table: RoutingTable, query: RouteQuery, localBlocks: readonly AddressBlock[]): { hop: Hop; route?: TableRoute | "local" } {
    if (query.kind === "block") {
        return blockRoute(table, query.block, localBlocks);
    }
    if (query.kind === "service") {
        const endpointRoute = table.routes.find((r) => r.target.kind === "gatewayEndpoint" && r.target.service === query.service);
        if (endpointRoute) {
            return {
                hop: { hop: "route", status: "allows", resource: table.name, says: `${query.service}'s prefix list -> gateway endpoint ${endpointRoute.targetName} (more specific than any default route).` },
                route: endpointRoute,
            };
        }
    }
    const family: AddressFamily = query.kind === "internet" ? query.family : "ipv4";
    const any = ANY_DESTINATION[family];
    const route = table.routes.find((r) => r.family === family && r.defaultRoute);
    if (route) {
        return { hop: { hop: "route", status: "allows", resource: table.name, says: `${any} -> ${describeTarget(route)}.` }, route };
    }
    // A prefix list holding the whole family's range takes it too, after a CIDR route of the same length.
    const listRoute = table.routes.find((r) => r.entries?.some((block) => block.family === family && isEverything(block)));
    if (listRoute) {
        return { hop: { hop: "route", status: "allows", resource: table.name, says: `${listRoute.destination} (holding ${any}) -> ${describeTarget(listRoute)}.` }, route: listRoute };
    }
    if (table.routes.some((r) => r.destinationUnknown)) {
        return { hop: { hop: "route", status: "unknown", resource: table.name, says: `route table ${table.name} has a route whose destination is not known yet: it may be the ${any} route.` } };
    }
    if (!table.complete) {
        return { hop: { hop: "route", status: "unknown", resource: table.name, says: `route table ${table.name} is not created by this stack, and the stack adds no ${any} route to it.` } };
    }
    return {
        hop: {
            hop: "route",
            status: "denies",
            resource: table.name,
            says: `${table.name} has no ${any} route${query.kind === "service" ? ` and no ${query.service} gateway endpoint` : ""}: the traffic has nowhere to go.`,
            fix:
                family === "ipv4"
                    ? `Add a 0.0.0.0/0 route from ${table.name} to a NAT gateway in a public subnet.`
                    : `Add a ::/0 route from ${table.name} to an egress-only internet gateway.`,
        },
    };
}

/** A gateway endpoint for the service that is in the VPC but not on this table: the reason its traffic misses it. */
export function gatewayEndpointElsewhere(graph: NetworkGraph, table: RoutingTable, vpcId: string | undefined, service: string): { id: string; name: string } | undefined {
    const endpoint = graph.endpoints.find((e) => e.type === "Gateway" && e.service === service && (vpcId === undefined || e.vpcId === undefined || e.vpcId === vpcId));
    return endpoint && !table.routes.some((r) => r.target.kind === "gatewayEndpoint" && r.target.id === endpoint.id) ? { id: endpoint.id, name: endpoint.name } : undefined;
}

function blockRoute(table: RoutingTable, block: AddressBlock, localBlocks: readonly AddressBlock[]): { hop: Hop; route?: TableRoute | "local" } {
    const local = localBlocks.find((l) => coverage(l, block) === "all");
    if (local) {
        return { hop: { hop: "route", status: "allows", resource: table.name, says: `${local.cidr} -> local: the VPC routes its own range.` }, route: "local" };
    }
    let best: { route: TableRoute; block: AddressBlock } | undefined;
    for (const route of table.routes) {
        const destination = route.destinationUnknown ? undefined : parseBlock(route.destination);
        if (!destination) {
            continue;
        }
        const covered = coverage(destination, block);
        if (covered === "some" && destination.prefixLength > block.prefixLength) {
            // A more specific route takes part of the addresses elsewhere.
            return { hop: { hop: "route", status: "unknown", resource: table.name, says: `${route.destination} takes part of ${block.cidr} to ${describeTarget(route)}: which way depends on the address.` } };
        }
        if (covered === "all" && (!best || destination.prefixLength > best.block.prefixLength)) {
            best = { route, block: destination };
        }
    }
    if (best) {
        return { hop: { hop: "route", status: "allows", resource: table.name, says: `${best.route.destination} -> ${describeTarget(best.route)}.` }, route: best.route };
    }
    if (!table.complete || table.routes.some((r) => r.destinationUnknown)) {
        return { hop: { hop: "route", status: "unknown", resource: table.name, says: `route table ${table.name} has no route known to cover ${block.cidr}.` } };
    }
    return {
        hop: { hop: "route", status: "denies", resource: table.name, says: `${table.name} has no route to ${block.cidr}.`, fix: `Add a route to ${block.cidr} (a peering connection or transit gateway to its VPC) to ${table.name}.` },
    };
}

/** The entries of the managed prefix list a route goes to, when the stack shows them. */
function prefixListEntries(graph: NetworkGraph, route: RouteNode): { entries?: AddressBlock[] } {
    const contents = route.prefixList && !route.destinationUnknown ? prefixListContents(graph, route.destination) : undefined;
    return contents?.kind === "blocks" ? { entries: contents.blocks } : {};
}


/** `NAT gateway app-nat-1`: what a route leads to, in words. */
export function describeTarget(route: TableRoute): string {
    const target = route.target;
    switch (target.kind) {
        case "natGateway":
            return `NAT gateway ${route.targetName}`;
        case "internetGateway":
            return `internet gateway ${route.targetName}`;
        case "egressOnlyInternetGateway":
            return `egress-only internet gateway ${route.targetName}`;
        case "gatewayEndpoint":
            return `gateway endpoint ${route.targetName}`;
        case "other":
            return `${target.property.replace(/Id$|Arn$/, "")} ${target.id}`;
    }
}

/** The routes gateway endpoints add to a table: by `routeTableIds`, or a VpcEndpointRouteTableAssociation. */
function gatewayEndpointRoutes(graph: NetworkGraph, tableId: string): TableRoute[] {
    const associated = new Set(
        graph
            .ofType(AWS_RESOURCE_TYPES.vpcEndpointRouteTableAssociation)
            .filter((a) => graph.ref(a, "routeTableId", ROUTE_TABLE_TYPES) === tableId)
            .map((a) => graph.ref(a, "vpcEndpointId", [AWS_RESOURCE_TYPES.vpcEndpoint])),
    );
    const routes: TableRoute[] = [];
    for (const endpoint of graph.endpoints) {
        if (endpoint.type !== "Gateway" || !(endpoint.routeTableIds.includes(tableId) || associated.has(endpoint.id))) {
            continue;
        }
        const prefixList = graph.resource(endpoint.id)?.outputs?.prefixListId;
        routes.push({
            destination: typeof prefixList === "string" && prefixList.startsWith("pl-") ? prefixList : `the ${endpoint.service} prefix list`,
            prefixList: true,
            target: { kind: "gatewayEndpoint", id: endpoint.id, service: endpoint.service },
            targetName: endpoint.name,
        });
    }
    return routes;
}
