// Which route table decides a subnet's traffic, and the routes it holds: the one rule the
// reachability model, the reports and the policies read. A subnet uses the table associated with
// it, else its VPC's main route table (AWS's rule for a subnet with no association: the VPC user
// guide, "Route tables", "Main route table").
import { isWholeRange } from "../addresses/whole-range";
import { AWS_RESOURCE_TYPES, ROUTE_TABLE_TYPES, VPC_TYPES } from "../aws/resource-types";
import { isKnownString, isPlainObject, isUnknown, knownText } from "./known-values";
import { NetworkResource, value } from "./network-resource";
import { pushTo, ResourceIndex } from "./resource-index";
import { subnetOf } from "./subnets";

/** The two address families a route or a block belongs to. */
export type AddressFamily = "ipv4" | "ipv6";

/** The destination of a family's default route: everything. */
export const ANY_DESTINATION: Record<AddressFamily, string> = { ipv4: "0.0.0.0/0", ipv6: "::/0" };

export type RouteTarget =
    | { kind: "natGateway"; id: string }
    | { kind: "internetGateway"; id: string }
    /** IPv6 out only: the internet cannot open a connection back. */
    | { kind: "egressOnlyInternetGateway"; id: string }
    | { kind: "other"; id: string; property: string };

export interface RouteNode {
    /** A CIDR block or a prefix list id; a placeholder when `destinationUnknown`. */
    destination: string;
    /** The family of the destination; undefined for a prefix list. */
    family?: AddressFamily;
    /** The destination is a prefix list (`destinationPrefixListId`). */
    prefixList?: true;
    /** The destination is not known yet (a preview): the route may take any traffic. */
    destinationUnknown?: true;
    /** The destination is a whole family (`0.0.0.0/0`, `::/0`): the table's default route for it. */
    defaultRoute?: true;
    target: RouteTarget;
    /** The `aws.ec2.Route` that declares it; absent for an inline route of the table. */
    routeName?: string;
}

/** The table that decides a subnet's routing; `implicit` for a new VPC's own main table. */
export interface RoutingTable {
    id: string;
    implicit: boolean;
}

/** The route table a subnet is associated with, if the stack associates it. */
export function routeTableOf(index: ResourceIndex, subnetId: string): string | undefined {
    const associations = index.memo("routeTableAssociations", () => {
        const bySubnet = new Map<string, string | undefined>();
        for (const association of index.ofType(AWS_RESOURCE_TYPES.routeTableAssociation)) {
            const subnet = index.ref(association, "subnetId", [AWS_RESOURCE_TYPES.subnet]);
            if (subnet !== undefined && !bySubnet.has(subnet)) {
                bySubnet.set(subnet, index.ref(association, "routeTableId", ROUTE_TABLE_TYPES));
            }
        }
        return bySubnet;
    });
    return associations.get(subnetId);
}

/**
 * The route table that decides a subnet's routing: the one associated with it, else its
 * VPC's main route table (AWS's rule for a subnet with no association). `implicit` is a new
 * VPC's own main table, which the stack does not manage and which holds the local route only;
 * undefined when the stack cannot tell (a subnet or VPC it does not create).
 */
export function routingTableOf(index: ResourceIndex, subnetId: string): RoutingTable | undefined {
    const associated = routeTableOf(index, subnetId);
    if (associated !== undefined) {
        return { id: associated, implicit: false };
    }
    const subnet = subnetOf(index, subnetId);
    return subnet.inStack && subnet.vpcId !== undefined ? mainRouteTableOf(index, subnet.vpcId) : undefined;
}

/**
 * A VPC's main route table: chosen with a MainRouteTableAssociation (which replaces the VPC's
 * original main table), else the original adopted as a DefaultRouteTable, else a new VPC's own,
 * which holds its local routes only. Undefined for a VPC the stack does not create, and for a
 * default VPC whose main table it does not adopt (AWS gave that table a route to the default
 * VPC's internet gateway, which the stack does not show).
 */
export function mainRouteTableOf(index: ResourceIndex, vpcId: string): RoutingTable | undefined {
    return index.memo(`mainRouteTable:${vpcId}`, () => {
        const chosen = index.ofType(AWS_RESOURCE_TYPES.mainRouteTableAssociation).find((a) => index.ref(a, "vpcId", VPC_TYPES) === vpcId);
        const chosenTable = chosen && index.ref(chosen, "routeTableId", ROUTE_TABLE_TYPES);
        if (chosenTable !== undefined) {
            return { id: chosenTable, implicit: false };
        }
        const vpc = index.resource(vpcId);
        if (!vpc || !VPC_TYPES.includes(vpc.type)) {
            return undefined;
        }
        // aws.ec2.DefaultRouteTable adopts the main table through the VPC's `defaultRouteTableId`.
        const vpcTableIds = [value(vpc, "defaultRouteTableId"), value(vpc, "mainRouteTableId")].filter(isKnownString);
        const adopted = index.ofType(AWS_RESOURCE_TYPES.defaultRouteTable).find((table) => {
            const id = value(table, "defaultRouteTableId");
            return isKnownString(id) ? vpcTableIds.includes(id) : (table.propertyDependencies.defaultRouteTableId ?? []).includes(vpc.urn);
        });
        if (adopted) {
            return { id: index.identity(adopted), implicit: false };
        }
        return vpc.type === AWS_RESOURCE_TYPES.vpc ? { id: `${vpcId}#main`, implicit: true } : undefined;
    });
}

/** A route table's routes: its own `aws.ec2.Route`s and any inline `routes`. */
export function routesOf(index: ResourceIndex, routeTableId: string): RouteNode[] {
    const byTable = index.memo("routesByTable", () => {
        const found = new Map<string, RouteNode[]>();
        for (const r of index.ofType(AWS_RESOURCE_TYPES.route)) {
            const table = index.ref(r, "routeTableId", ROUTE_TABLE_TYPES);
            const route = table === undefined ? undefined : routeNode(index, r, r.inputs, (key) => key);
            if (table !== undefined && route) {
                pushTo(found, table, route);
            }
        }
        return found;
    });
    return index.memo(`routes:${routeTableId}`, () => [...(byTable.get(routeTableId) ?? []), ...inlineRoutesOf(index, routeTableId)]);
}

function inlineRoutesOf(index: ResourceIndex, routeTableId: string): RouteNode[] {
    const routes: RouteNode[] = [];
    const table = index.resource(routeTableId);
    const inline = table && ROUTE_TABLE_TYPES.includes(table.type) ? value(table, "routes") : undefined;
    for (const entry of Array.isArray(inline) ? inline : []) {
        // An inline route's dependencies are recorded on the table's `routes` as a whole.
        if (!isPlainObject(entry)) {
            continue;
        }
        const route = routeNode(index, table!, { destinationCidrBlock: entry.cidrBlock, destinationIpv6CidrBlock: entry.ipv6CidrBlock, ...entry }, () => "routes");
        if (route) {
            routes.push(route);
        }
    }
    return routes;
}

/** Where a subnet sends traffic for the internet (`0.0.0.0/0`, or `::/0` for IPv6), if anywhere. */
export function defaultRouteOf(index: ResourceIndex, subnetId: string, family: AddressFamily = "ipv4"): RouteTarget | undefined {
    const table = routingTableOf(index, subnetId);
    return table ? routesOf(index, table.id).find((r) => r.family === family && r.defaultRoute)?.target : undefined;
}

/**
 * The routes that make a subnet public: its routing table's default routes (of either family)
 * to an internet gateway, which lets the internet in too. A NAT gateway or an egress-only
 * internet gateway does not.
 */
export function internetRoutesOf(index: ResourceIndex, subnetId: string): RouteNode[] {
    const table = routingTableOf(index, subnetId);
    return table ? routesOf(index, table.id).filter((r) => r.defaultRoute && r.target.kind === "internetGateway") : [];
}

/**
 * A route's target. `dependenciesOf` names the property whose dependencies hold a target
 * that is unknown in a preview (the route's own, or an inline route's table's `routes`).
 */
function routeNode(index: ResourceIndex, owner: NetworkResource, inputs: Record<string, any>, dependenciesOf: (key: string) => string): RouteNode | undefined {
    const ipv4 = knownText(inputs.destinationCidrBlock);
    const ipv6 = knownText(inputs.destinationIpv6CidrBlock);
    const prefixList = knownText(inputs.destinationPrefixListId);
    const destination = ipv4 ?? ipv6 ?? prefixList;
    const unknown = [inputs.destinationCidrBlock, inputs.destinationIpv6CidrBlock, inputs.destinationPrefixListId].some(isUnknown);
    if (!destination && !unknown) {
        return undefined;
    }
    const family: AddressFamily | undefined = ipv4 ? (ipv4.includes(":") ? "ipv6" : "ipv4") : ipv6 ? "ipv6" : undefined;
    const declaredBy = owner.type === AWS_RESOURCE_TYPES.route ? { routeName: owner.name } : {};
    const at: Omit<RouteNode, "target"> = destination
        ? {
              destination,
              ...(family ? { family } : {}),
              ...(destination === prefixList ? { prefixList: true as const } : {}),
              ...(family && isWholeRange(destination) ? { defaultRoute: true as const } : {}),
              ...declaredBy,
          }
        : { destination: "(destination unknown until deployed)", destinationUnknown: true, ...declaredBy };
    const follow = (key: string, type: string) => (inputs[key] === undefined ? undefined : index.refs(owner, dependenciesOf(key), [type], inputs[key])[0]);
    const nat = follow("natGatewayId", AWS_RESOURCE_TYPES.natGateway);
    if (nat) {
        return { ...at, target: { kind: "natGateway", id: nat } };
    }
    const igw = follow("gatewayId", AWS_RESOURCE_TYPES.internetGateway);
    if (igw && isInternetGateway(index, igw)) {
        return { ...at, target: { kind: "internetGateway", id: igw } };
    }
    const eigw = follow("egressOnlyGatewayId", AWS_RESOURCE_TYPES.egressOnlyInternetGateway);
    if (eigw) {
        return { ...at, target: { kind: "egressOnlyInternetGateway", id: eigw } };
    }
    const other = ["transitGatewayId", "vpcPeeringConnectionId", "networkInterfaceId", "egressOnlyGatewayId", "vpcEndpointId", "gatewayId", "localGatewayId", "carrierGatewayId", "coreNetworkArn"].find(
        (key) => inputs[key] !== undefined && inputs[key] !== null && inputs[key] !== "",
    );
    return other ? { ...at, target: { kind: "other", id: isKnownString(inputs[other]) ? inputs[other] : `${other} (unknown until deployed)`, property: other } } : undefined;
}

/**
 * Whether a route's `gatewayId` is an internet gateway: one of the stack's, or an `igw-` id
 * outside it. The field also takes virtual private gateways (`vgw-`), `local`, and (the AWS API
 * being forgiving, as the provider's docs of aws.ec2.Route note) NAT and egress-only gateways.
 */
function isInternetGateway(index: ResourceIndex, id: string): boolean {
    const resource = index.resource(id);
    return resource ? resource.type === AWS_RESOURCE_TYPES.internetGateway : id.startsWith("igw-");
}
