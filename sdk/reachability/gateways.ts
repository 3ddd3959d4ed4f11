// What a route leads to, and whether it goes on to the internet. Facts: shared/AWS-FACTS.md,
// "Lambda in a VPC" (a function's network interfaces never get a public IPv4 address: out to the
// internet over IPv4 only through a NAT gateway; over IPv6 through an egress-only internet
// gateway). A public NAT gateway reaches the internet through its own subnet's route to an
// internet gateway; a private one never does; a NAT gateway translates IPv6 only to IPv4
// (NAT64, 64:ff9b::/96), so ::/0 to it does not reach the IPv6 internet (VPC user guide, "NAT
// gateways" and "DNS64 and NAT64").
import type { AddressFamily, NetworkGraph } from "../network/network-graph";
import { AddressBlock, isPrivate, parseBlock } from "./address-blocks";
import { throughEndpointPolicy } from "./endpoint-policies";
import { describeTarget, routeHop, routeTableHop, TableRoute } from "./routes";
import type { Hop } from "./types";

/** The hop of a route's target for traffic to the internet or an AWS service's public addresses; a NAT gateway's subnet also filters it. */
export function targetHop(graph: NetworkGraph, route: TableRoute, family: AddressFamily): { hop: Hop; natSubnetId?: string } {
    const name = route.targetName;
    switch (route.target.kind) {
        case "natGateway":
            return natGatewayHop(graph, route.target.id, name, family);
        case "internetGateway":
            return family === "ipv6"
                ? { hop: { hop: "internetGateway", status: "allows", resource: name, says: `internet gateway ${name} takes IPv6 out (IPv6 addresses are public: it would let connections in too, were a security group to admit them).` } }
                : {
                      hop: {
                          hop: "internetGateway",
                          status: "denies",
                          resource: name,
                          says: `Lambda's network interfaces get no public IPv4 address, so a route to internet gateway ${name} takes them nowhere.`,
                          fix: "Run the function in private subnets whose 0.0.0.0/0 route goes to a NAT gateway in a public subnet.",
                      },
                  };
        case "egressOnlyInternetGateway":
            return { hop: { hop: "egressOnlyInternetGateway", status: family === "ipv6" ? "allows" : "unknown", resource: name, says: `egress-only internet gateway ${name} takes IPv6 out and lets nothing in.` } };
        case "gatewayEndpoint": {
            const hop: Hop = { hop: "vpcEndpoint", status: "allows", resource: name, says: `gateway endpoint ${name} takes it to ${route.target.service} without leaving AWS's network.` };
            return { hop: throughEndpointPolicy(graph, route.target.id, route.target.service, hop) };
        }
        case "other":
            return {
                hop: {
                    hop: "routeTarget",
                    status: "unknown",
                    resource: route.target.id,
                    says: `the traffic leaves through ${route.target.property.replace(/Id$|Arn$/, "")} ${route.target.id}: what lies beyond it is not in this stack.`,
                },
            };
    }
}

function natGatewayHop(graph: NetworkGraph, id: string, name: string, family: AddressFamily): { hop: Hop; natSubnetId?: string } {
    if (family === "ipv6") {
        return {
            hop: {
                hop: "natGateway",
                status: "denies",
                resource: name,
                says: `NAT gateway ${name} translates IPv6 only to IPv4 (NAT64, for 64:ff9b::/96): it does not take ::/0 to the IPv6 internet.`,
                fix: "Route ::/0 to an egress-only internet gateway instead.",
            },
        };
    }
    const nat = graph.natGateway(id);
    if (!nat) {
        return { hop: { hop: "natGateway", status: "unknown", resource: name, says: `NAT gateway ${name} is not created by this stack: whether it reaches the internet cannot be read here.` } };
    }
    if (nat.connectivity === "private") {
        return {
            hop: {
                hop: "natGateway",
                status: "denies",
                resource: name,
                says: `NAT gateway ${name} is private (connectivityType "private"): it reaches other networks, never the internet.`,
                fix: `Route 0.0.0.0/0 to a public NAT gateway (with an Elastic IP, in a subnet routed to an internet gateway) instead of ${name}.`,
            },
        };
    }
    if (nat.connectivity === "unknown") {
        return { hop: { hop: "natGateway", status: "unknown", resource: name, says: `whether NAT gateway ${name} is public or private is not known yet.` } };
    }
    if (nat.subnetId === undefined) {
        return { hop: { hop: "natGateway", status: "unknown", resource: name, says: `the subnet of NAT gateway ${name} is not known.` } };
    }
    const host = graph.subnet(nat.subnetId);
    const { table } = routeTableHop(graph, nat.subnetId);
    if (!table) {
        return { hop: { hop: "natGateway", status: "unknown", resource: name, says: `the routes of NAT gateway ${name}'s subnet ${host.name} cannot be read here.` }, natSubnetId: nat.subnetId };
    }
    const out = routeHop(table, { kind: "internet", family: "ipv4" }, []);
    const route = out.route === "local" ? undefined : out.route;
    if (route?.target.kind === "internetGateway") {
        return {
            hop: { hop: "natGateway", status: "allows", resource: name, says: `NAT gateway ${name} in ${host.name} sends it on through internet gateway ${route.targetName}.` },
            natSubnetId: nat.subnetId,
        };
    }
    if (out.hop.status === "unknown" || route?.target.kind === "other") {
        return { hop: { hop: "natGateway", status: "unknown", resource: name, says: `where NAT gateway ${name}'s subnet ${host.name} sends 0.0.0.0/0 cannot be read here.` }, natSubnetId: nat.subnetId };
    }
    return {
        hop: {
            hop: "natGateway",
            status: "denies",
            resource: name,
            says: `NAT gateway ${name} sits in subnet ${host.name}, whose route table ${table.name} has no 0.0.0.0/0 route to an internet gateway: it cannot reach the internet.`,
            fix: `Route 0.0.0.0/0 from ${table.name} to an internet gateway, or place ${name} in a public subnet.`,
        },
        natSubnetId: nat.subnetId,
    };
}

/**
 * The hop of a route's target for traffic to private addresses outside the VPC (a group's members
 * in another VPC): an internet gateway does not carry it; a NAT gateway passes it on by its own
 * subnet's routes; a peering connection or transit gateway leads where this stack cannot see.
 */
export function privateTargetHop(graph: NetworkGraph, route: TableRoute, block: AddressBlock): Hop {
    const name = route.targetName;
    const reroute = `Route ${block.cidr} to the peering connection or transit gateway that reaches it.`;
    switch (route.target.kind) {
        case "internetGateway":
        case "egressOnlyInternetGateway":
            return isPrivate(block)
                ? { hop: route.target.kind, status: "denies", resource: name, says: `${describeTarget(route)} does not carry traffic to private addresses such as ${block.cidr}.`, fix: reroute }
                : { hop: route.target.kind, status: "unknown", resource: name, says: `${block.cidr} goes out through ${describeTarget(route)}: what lies beyond it is not in this stack.` };
        case "natGateway": {
            const nat = graph.natGateway(route.target.id);
            const { table } = nat?.subnetId === undefined ? { table: undefined } : routeTableHop(graph, nat.subnetId);
            if (!nat || !table) {
                return { hop: "natGateway", status: "unknown", resource: name, says: `where NAT gateway ${name} sends ${block.cidr} cannot be read here.` };
            }
            const vpc = graph.subnet(nat.subnetId!).vpcId;
            const local = graph.vpcs.filter((v) => v.id === vpc).flatMap((v) => [v.cidrBlock, v.ipv6CidrBlock].flatMap((c) => (c ? [parseBlock(c)!] : [])));
            const onward = routeHop(table, { kind: "block", block }, local);
            const next = onward.route === "local" ? undefined : onward.route;
            if (onward.hop.status === "unknown" || next?.target.kind === "other") {
                return { hop: "natGateway", status: "unknown", resource: name, says: `NAT gateway ${name} passes ${block.cidr} on ${next ? `to ${describeTarget(next)}` : "by routes not known here"}: what lies beyond is not in this stack.` };
            }
            return {
                hop: "natGateway",
                status: "denies",
                resource: name,
                says: `NAT gateway ${name} has no way on to ${block.cidr}${next ? `: its subnet sends it to ${describeTarget(next)}, which does not carry private addresses` : ""}.`,
                fix: reroute,
            };
        }
        case "gatewayEndpoint":
        case "other":
            return { hop: route.target.kind === "other" ? "routeTarget" : "vpcEndpoint", status: "unknown", resource: name, says: `${block.cidr} goes out through ${describeTarget(route)}: what lies beyond it is not in this stack.` };
    }
}
