import { AWS, describe, ROUTE_TABLE_TYPES, VPC_TYPES } from "./aws-types";
import { elementsOf, isUnknown, knownString } from "./known-values";
import type { StackIndex, StackResource } from "./stack-index";

/**
 * Why a subnet is public, as far as the stack shows: it assigns public IPv4 addresses on
 * launch, or its route table sends `0.0.0.0/0` or `::/0` to an internet gateway. An empty list
 * means nothing in the stack makes it public (routes outside the stack cannot be seen).
 */
export function publicExposureOf(index: StackIndex, subnet: StackResource): string[] {
    const reasons: string[] = [];
    if (subnet.props.mapPublicIpOnLaunch === true) {
        reasons.push("assigns public IPv4 addresses on launch (mapPublicIpOnLaunch)");
    }
    for (const table of routeTablesOf(index, subnet)) {
        for (const route of internetRoutesOf(index, table)) {
            reasons.push(`${route} in ${describe(table)}`);
        }
    }
    return reasons;
}

/**
 * The route tables that decide the subnet's routing: those explicitly associated with it, or,
 * without an explicit association, its VPC's main route table (AWS's rule for unassociated
 * subnets) when the stack manages it.
 */
function routeTablesOf(index: StackIndex, subnet: StackResource): StackResource[] {
    const associated = index
        .referrers(subnet, AWS.routeTableAssociation, "subnetId")
        .flatMap((association) => index.followProperty(association, "routeTableId", ROUTE_TABLE_TYPES).resources);
    if (associated.length > 0) {
        return associated;
    }
    return index.followProperty(subnet, "vpcId", VPC_TYPES).resources.flatMap((vpc) => mainRouteTablesOf(index, vpc));
}

function mainRouteTablesOf(index: StackIndex, vpc: StackResource): StackResource[] {
    const chosen = index
        .referrers(vpc, AWS.mainRouteTableAssociation, "vpcId")
        .flatMap((association) => index.followProperty(association, "routeTableId", ROUTE_TABLE_TYPES).resources);
    // `aws.ec2.DefaultRouteTable` adopts the main table through the VPC's `defaultRouteTableId`.
    const vpcTableIds = [vpc.props.defaultRouteTableId, vpc.props.mainRouteTableId].map(knownString).filter((id) => id !== undefined);
    const adopted = index.ofType(AWS.defaultRouteTable).filter((table) => {
        const id = knownString(table.props.defaultRouteTableId);
        return id !== undefined ? vpcTableIds.includes(id) : (table.propertyDependencies.defaultRouteTableId ?? []).includes(vpc.urn);
    });
    return [...chosen, ...adopted];
}

/** `route "r" sends 0.0.0.0/0 to internet gateway "igw"`: each default route to the Internet. */
function internetRoutesOf(index: StackIndex, table: StackResource): string[] {
    const found: string[] = [];
    for (const route of index.referrers(table, AWS.route, "routeTableId")) {
        const destination = worldDestination(route.props.destinationCidrBlock, route.props.destinationIpv6CidrBlock);
        const gateway = destination && internetGateway(index, route, "gatewayId", route.props.gatewayId);
        if (destination && gateway) {
            found.push(`${describe(route)} sends ${destination} to ${gateway}`);
        }
    }
    for (const inline of elementsOf(table.props.routes)) {
        const route = (isUnknown(inline) ? {} : inline) as Record<string, unknown>;
        const destination = worldDestination(route.cidrBlock, route.ipv6CidrBlock);
        const gateway = destination && internetGateway(index, table, "routes", route.gatewayId);
        if (destination && gateway) {
            found.push(`an inline route sends ${destination} to ${gateway}`);
        }
    }
    return found;
}

function worldDestination(ipv4: unknown, ipv6: unknown): string | undefined {
    return [ipv4, ipv6].map(knownString).find((cidr) => cidr !== undefined && cidr.trim().endsWith("/0"));
}

/**
 * The internet gateway a route's `gatewayId` names, described, or `undefined`. `gatewayId` also
 * takes virtual private gateways (`vgw-`) and `local`; only an internet gateway makes a subnet
 * public. A NAT gateway (`natGatewayId`) or an egress-only gateway does not.
 */
function internetGateway(index: StackIndex, from: StackResource, property: string, gatewayId: unknown): string | undefined {
    const [gateway] = index.follow(from, property, gatewayId, [AWS.internetGateway]).resources;
    if (gateway) {
        return `internet gateway "${gateway.name}"`;
    }
    const id = knownString(gatewayId);
    return id?.startsWith("igw-") ? `internet gateway ${id}` : undefined;
}
