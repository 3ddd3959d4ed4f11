// One TCP connection from a Lambda function's network interface, packet by packet: out through
// the function's security groups, routed by its subnet's route table (and, through a NAT gateway,
// by the NAT gateway's subnet's table), across every subnet edge on the way there and back under
// that subnet's network ACL, and into the destination's security groups. Written from AWS's
// documentation, each rule with its source; nothing here comes from the model.
import { Address, addressIn, formatAddress } from "./addresses";
import { aclDecision, deniedPorts, Direction } from "./acl-evaluation";
import type { DeployedNetwork, LambdaFunction, Route } from "./deployed-network";
import { groupsAllow } from "./group-evaluation";
import { routeFor } from "./route-lookup";

/** A network interface: its address, its subnet (none for an address outside the VPC), the groups it wears. */
export interface NetworkInterface {
    address: Address;
    subnetId?: string;
    groupIds: readonly string[];
}

/** A check that stops a connection: `check` names the check (which ACL crossing, which port) the same way for every address. */
export interface Stop {
    check: string;
    why: string;
}

/** Every check that stops the connection: all of them, not the first only, so that a verdict can tell which check stops every address. */
export type Walk = { passes: true } | { passes: false; stops: Stop[] };

/**
 * The client picks the port the replies come back to. Lambda functions and NAT gateways both use
 * 1024-65535 (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html), so
 * every port of that range must get back through the network ACLs for every connection to work.
 */
export const EPHEMERAL = { from: 1024, to: 65535 } as const;

/** One packet's way across subnet edges: from a subnet (or from outside the VPC) to a subnet (or out). */
interface Leg {
    from?: string;
    to?: string;
    source: Address;
    destination: Address;
}

export function walkConnection(network: DeployedNetwork, fn: LambdaFunction, source: NetworkInterface, destination: NetworkInterface, port: number): Walk {
    const to = formatAddress(destination.address);
    const stops: Stop[] = [];
    if (!groupsAllow(network, fn.groupIds, "egress", destination, port)) {
        stops.push({ check: "egress", why: `the function's security groups let no TCP ${port} out to ${to}` });
    }
    const route = routeFor(network, network.routeTableOf(source.subnetId!), destination.address);
    if (!route) {
        return { passes: false, stops: [...stops, { check: "route", why: `route table ${network.routeTableOf(source.subnetId!).name} has no route for ${to}` }] };
    }
    const legs = legsOf(network, route, source, destination);
    if (typeof legs === "string") {
        return { passes: false, stops: [...stops, { check: "route", why: legs }] };
    }
    legs.forEach((leg, i) => stops.push(...crossRequest(network, leg, port, i), ...crossReply(network, reverse(leg), i)));
    if (destination.subnetId !== undefined && !groupsAllow(network, destination.groupIds, "ingress", { address: source.address, groupIds: fn.groupIds }, port)) {
        stops.push({ check: "ingress", why: `the destination's security groups let no TCP ${port} in from ${formatAddress(source.address)}` });
    }
    return stops.length === 0 ? { passes: true } : { passes: false, stops };
}

/** The subnet edges the request crosses on the way the route sends it, or why it goes nowhere. */
function legsOf(network: DeployedNetwork, route: Route, source: NetworkInterface, destination: NetworkInterface): Leg[] | string {
    const to = formatAddress(destination.address);
    const direct: Leg = { from: source.subnetId, to: destination.subnetId, source: source.address, destination: destination.address };
    switch (route.target.kind) {
        case "local":
            return [direct];
        case "internetGateway":
            if (!network.internetGateways.has(route.target.id)) {
                return `the route for ${to} leads to ${route.target.id}, no internet gateway attached to the VPC`;
            }
            // A Lambda network interface never has a public IPv4 address, even in a public subnet
            // (shared/AWS-FACTS.md, "Lambda in a VPC"; https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-internet.html),
            // and an internet gateway only takes IPv4 from public addresses; IPv6 addresses are
            // public already (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html).
            return destination.address.family === 4 ? `the route for ${to} leads straight to an internet gateway, and a Lambda function has no public IPv4 address` : [direct];
        case "egressOnlyInternetGateway":
            // IPv6 out only, and the replies back (https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html).
            return network.egressOnlyGateways.has(route.target.id) ? [direct] : `the route for ${to} leads to ${route.target.id}, no egress-only internet gateway of the stack`;
        case "vpcEndpoint":
            return network.gatewayEndpoints.has(route.target.id) ? [direct] : `the route for ${to} leads to ${route.target.id}, no gateway endpoint of the stack`;
        case "natGateway":
            return natLegs(network, route.target.id, direct);
    }
}

/**
 * Through a NAT gateway: the packet crosses into the NAT gateway's subnet, which must send it on
 * to an internet gateway (the documented way out; the generator attaches no gateway endpoint to a
 * NAT gateway's table, as AWS does not say whether a NAT gateway's traffic takes one). Only a public NAT gateway, with its Elastic IP, reaches the internet; an
 * internet gateway drops what a private one sends it
 * (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html, "Connectivity types").
 * A NAT gateway translates IPv4; IPv6 it takes only for NAT64's 64:ff9b::/96, which no generated
 * destination is in (https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html).
 */
function natLegs(network: DeployedNetwork, natId: string, direct: Leg): Leg[] | string {
    const nat = network.natGateways.get(natId);
    const to = formatAddress(direct.destination);
    if (!nat) {
        return `the route for ${to} leads to ${natId}, no NAT gateway of the stack`;
    }
    if (direct.destination.family === 6) {
        return `the route for ${to} leads to NAT gateway ${nat.name}, which does not translate IPv6`;
    }
    if (!nat.isPublic || !nat.hasElasticIp) {
        return `NAT gateway ${nat.name} is private: it cannot reach the internet`;
    }
    const onward = routeFor(network, network.routeTableOf(nat.subnetId), direct.destination);
    if (onward?.target.kind !== "internetGateway" || !network.internetGateways.has(onward.target.id)) {
        return `NAT gateway ${nat.name}'s subnet routes ${to} to no internet gateway`;
    }
    const natAddress = addressIn(network.subnets.get(nat.subnetId)!.block, 4);
    return [
        { from: direct.from, to: nat.subnetId, source: direct.source, destination: direct.destination },
        { from: nat.subnetId, to: undefined, source: natAddress, destination: direct.destination },
    ];
}

/** The request across one edge pair: out of the subnet it leaves, into the one it enters (rules match the destination port). */
function crossRequest(network: DeployedNetwork, leg: Leg, port: number, legIndex: number): Stop[] {
    if (leg.from !== undefined && leg.from === leg.to) {
        // "We evaluate the network ACL rules when traffic enters and leaves the subnet, not as it
        // is routed within a subnet" (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html).
        return [];
    }
    return sides(leg).flatMap(([subnetId, direction, peer]) => {
        const acl = network.aclOf(subnetId);
        const decision = aclDecision(acl, direction, peer, port);
        return decision.allowed ? [] : [aclStop(network, acl.name, subnetId, direction, `request ${legIndex}`, port, decision.rule)];
    });
}

/** The replies across one edge pair: ACLs are stateless, so they judge the replies too, on every ephemeral port. */
function crossReply(network: DeployedNetwork, leg: Leg, legIndex: number): Stop[] {
    if (leg.from !== undefined && leg.from === leg.to) {
        return [];
    }
    return sides(leg).flatMap(([subnetId, direction, peer]) => {
        const acl = network.aclOf(subnetId);
        return deniedPorts(acl, direction, peer, EPHEMERAL.from, EPHEMERAL.to).map((denied) => aclStop(network, acl.name, subnetId, direction, `reply ${legIndex}`, denied.port, denied.decision.rule));
    });
}

function aclStop(network: DeployedNetwork, aclName: string, subnetId: string, direction: Direction, leg: string, port: number, rule: number | "*"): Stop {
    const subnet = network.subnets.get(subnetId)!.name;
    return {
        check: `acl ${subnetId} ${direction} ${leg} ${port}`,
        why: `network ACL ${aclName} stops the ${leg.split(" ")[0]} (TCP ${port}) ${direction === "egress" ? "leaving" : "entering"} subnet ${subnet} at rule ${rule}`,
    };
}

/** The ACL checks of a leg: outbound rules of the subnet left (by destination), inbound rules of the subnet entered (by source). */
function sides(leg: Leg): [string, Direction, Address][] {
    return [
        ...(leg.from !== undefined ? [[leg.from, "egress", leg.destination] as [string, Direction, Address]] : []),
        ...(leg.to !== undefined ? [[leg.to, "ingress", leg.source] as [string, Direction, Address]] : []),
    ];
}

function reverse(leg: Leg): Leg {
    return { from: leg.to, to: leg.from, source: leg.destination, destination: leg.source };
}
