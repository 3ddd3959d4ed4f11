// Who can reach what: for each Lambda function of a stack and each of its destinations, the
// path its traffic takes hop by hop, from each of its subnets, and the verdict. Plain data in (a
// stack's resources, from an update or a preview), plain data out; the reports, the policies and
// the component's own checks all read this one model.
//
// A hop that cannot be told (a value a preview does not know, a resource outside the stack)
// makes the verdict unknown, never a guess; a hop that certainly stops the traffic makes it
// blocked, whatever the unknown hops around it. Once a hop decides which way the traffic goes
// and that cannot be told, the hops that depend on the way are left out; those that do not (the
// function's security group, its subnet's network ACL) are still judged.
import { AWS_LIMITS } from "../aws/limits";
import { AWS_RESOURCE_TYPES } from "../aws/resource-types";
import { FunctionNode, NetworkGraph, SubnetNode } from "../network/network-graph";
import type { NetworkResource } from "../network/network-resource";
import { AddressBlock, parseBlock } from "./address-blocks";
import { declaredNeedsOf, Need } from "../network/needs";
import { destinationsOf } from "./destinations";
import { resolveService } from "./endpoints";
import { endpointPolicyOfPath, throughEndpointPolicy } from "./endpoint-policies";
import { privateTargetHop, targetHop } from "./gateways";
import { memberPlaces, memberSubnets } from "./members";
import { Crossing, EPHEMERAL_PORTS, networkAclHop, Peer } from "./network-acls";
import { gatewayEndpointElsewhere, routeHop, routeTableHop, RoutingTable, RouteQuery } from "./routes";
import { egressHop, EgressTarget, ingressHop } from "./security-groups";
import { Destination, destinationKey, Hop, Reachability, verdictOf, worstHop } from "./types";

/** The port the internet and AWS services are judged on. */
export const HTTPS = 443;

/** Every function's row of the matrix, in the stack's order; computed once per graph, whichever report asks first. */
export function reachabilityMatrix(source: NetworkGraph | readonly NetworkResource[]): Reachability[] {
    const graph = source instanceof NetworkGraph ? source : new NetworkGraph(source);
    return graph.memo("reachabilityMatrix", () => graph.functions.flatMap((fn) => functionReachability(graph, fn)));
}

/**
 * One function's row: a cell per destination. Its needs are read from its tags, unless given
 * (the component's own plan names a group given as an Output by a stand-in, which no tag can carry).
 */
export function functionReachability(graph: NetworkGraph, fn: FunctionNode, needs: readonly Need[] = declaredNeedsOf(graph, fn).needs): Reachability[] {
    const resource = graph.resource(fn.id);
    return destinationsOf(graph, fn, needs).map(({ destination, reasons }) => {
        const paths = fn.subnetIds.map((subnetId) => pathFrom(graph, fn, subnetId, destination));
        // The subnet that decides: the first whose path is blocked, else the first unknown, else the first.
        const judged = paths.map((path) => ({ path, ...verdictOf(path) }));
        const deciding = judged.find((j) => j.verdict === "blocked") ?? judged.find((j) => j.verdict === "unknown") ?? judged[0];
        const endpointPolicy = endpointPolicyOfPath(deciding.path, deciding.verdict);
        return {
            function: resource?.name ?? fn.name,
            urn: resource?.urn ?? fn.id,
            destination,
            verdict: deciding.verdict,
            path: deciding.path,
            ...(deciding.blockedAt ? { blockedAt: deciding.blockedAt, ...(deciding.blockedAt.fix ? { fix: deciding.blockedAt.fix } : {}) } : {}),
            reasons,
            ...(endpointPolicy ? { endpointPolicy } : {}),
        };
    });
}

/**
 * The hops from one of a function's subnets, cached: functions that share a subnet, groups and
 * IPv6 setting share their paths. A cell keeps the path of the subnet that decides; a reader that
 * tells the subnets apart (the diagram) asks each.
 */
export function pathFrom(graph: NetworkGraph, fn: FunctionNode, subnetId: string, destination: Destination): Hop[] {
    const key = `path:${subnetId}|${fn.securityGroupIds.join(",")}|${fn.ipv6AllowedForDualStack}|${destinationKey(destination)}`;
    return graph.memo(key, () => new PathWalk(graph, fn, subnetId).to(destination));
}

/** Walks the hops from one subnet of a function, stopping at the first that denies. */
class PathWalk {
    private readonly hops: Hop[] = [];
    private readonly subnet: SubnetNode;

    constructor(
        private readonly graph: NetworkGraph,
        private readonly fn: FunctionNode,
        private readonly subnetId: string,
    ) {
        this.subnet = graph.subnet(subnetId);
    }

    to(destination: Destination): Hop[] {
        switch (destination.kind) {
            case "internet":
                return this.toInternet(destination.ipVersion === 4 ? "ipv4" : "ipv6");
            case "service":
                return this.toService(destination.service);
            case "securityGroup":
                return this.toSecurityGroup(destination.securityGroupId, destination.port, destination.name ?? destination.securityGroupId);
        }
    }

    /** Adds a hop; false when it stops the traffic (the walk ends there). */
    private add(hop: Hop): boolean {
        this.hops.push(hop);
        return hop.status !== "denies";
    }

    private get done(): Hop[] {
        return this.hops;
    }

    /** Subnet, function (for IPv6) and route table: the start of every path. */
    private start(family: "ipv4" | "ipv6"): RoutingTable | undefined | false {
        // Lambda lets a function use IPv6 only in dual-stack subnets: the subnet comes first.
        if (!this.add(this.subnetHop(family))) {
            return false;
        }
        if (family === "ipv6" && !this.add(this.ipv6Opt())) {
            return false;
        }
        const { hop, table } = routeTableHop(this.graph, this.subnetId);
        this.add(hop);
        return table;
    }

    private toInternet(family: "ipv4" | "ipv6"): Hop[] {
        const table = this.start(family);
        if (table === false) {
            return this.done;
        }
        const target: EgressTarget = { kind: "internet", family };
        return this.outThroughRoute(table, { kind: "internet", family }, family, target, family === "ipv4" ? "0.0.0.0/0" : "::/0");
    }

    private toService(service: string): Hop[] {
        const table = this.start("ipv4");
        if (table === false) {
            return this.done;
        }
        const resolution = resolveService(this.graph, this.subnet.vpcId, service);
        if (resolution.kind === "none" || resolution.kind === "unknown") {
            this.add(resolution.hop);
            return this.done;
        }
        if (resolution.kind === "interfaceEndpoint") {
            this.add(resolution.hop);
            return this.toInterfaceEndpoint(resolution.endpoint.id, resolution.endpoint.name, resolution.endpoint.subnetIds, service);
        }
        // The public way: judged on its own, then blamed on an endpoint that could have served the name.
        const prefix = this.hops.length;
        this.add(resolution.hop);
        this.outThroughRoute(table, { kind: "service", service }, "ipv4", { kind: "service", service }, `${service}'s public addresses`, service);
        if (resolution.unusedEndpoint && verdictOf(this.hops).verdict === "blocked") {
            this.hops.splice(prefix, this.hops.length - prefix, resolution.unusedEndpoint);
        }
        return this.done;
    }

    /**
     * Out of the VPC by the table's route: the route, what it leads to, the function's egress,
     * and the network ACLs of the function's subnet (and of a NAT gateway's), there and back.
     */
    private outThroughRoute(table: RoutingTable | undefined, query: RouteQuery, family: "ipv4" | "ipv6", egress: EgressTarget, towards: string, service?: string): Hop[] {
        let natSubnetId: string | undefined;
        if (table) {
            const found = routeHop(table, query, this.localBlocks());
            const route = found.route === "local" ? undefined : found.route;
            if (found.hop.status === "denies" && service !== undefined) {
                found.hop.fix = this.fixForMissingServiceRoute(table, service);
            }
            if (!this.add(found.hop)) {
                return this.done;
            }
            if (route) {
                const target = targetHop(this.graph, route, family);
                if (!this.add(target.hop)) {
                    return this.done;
                }
                natSubnetId = target.natSubnetId;
            }
        }
        if (!this.add(egressHop(this.graph, this.fn.securityGroupIds, HTTPS, egress, towards))) {
            return this.done;
        }
        const any: Peer = { kind: "any", family };
        const own = this.ownPeer(family);
        const crossings: Crossing[] = [
            { subnetId: this.subnetId, direction: "egress", peer: any, ports: [HTTPS, HTTPS], leg: "the request" },
            ...(natSubnetId !== undefined && natSubnetId !== this.subnetId
                ? [
                      { subnetId: natSubnetId, direction: "ingress" as const, peer: own, ports: [HTTPS, HTTPS] as const, leg: "the request into the NAT gateway" },
                      { subnetId: natSubnetId, direction: "egress" as const, peer: any, ports: [HTTPS, HTTPS] as const, leg: "the request out of the NAT gateway" },
                      { subnetId: natSubnetId, direction: "ingress" as const, peer: any, ports: EPHEMERAL_PORTS, leg: "the reply to the NAT gateway" },
                      { subnetId: natSubnetId, direction: "egress" as const, peer: own, ports: EPHEMERAL_PORTS, leg: "the reply from the NAT gateway" },
                  ]
                : []),
            { subnetId: this.subnetId, direction: "ingress", peer: any, ports: EPHEMERAL_PORTS, leg: "the reply" },
        ];
        this.add(networkAclHop(this.graph, crossings));
        return this.done;
    }

    private toInterfaceEndpoint(endpointId: string, name: string, endpointSubnets: readonly string[], service: string): Hop[] {
        const blocks = this.blocksOf(endpointSubnets, "ipv4");
        this.add({ hop: "route", status: "allows", says: `local: interface endpoint ${name}'s addresses are in the VPC.` });
        const endpointHop: Hop = { hop: "vpcEndpoint", status: "allows", resource: name, says: `interface endpoint ${name} takes it to ${service} in ${endpointSubnets.length} subnet${endpointSubnets.length === 1 ? "" : "s"}.` };
        if (!this.add(throughEndpointPolicy(this.graph, endpointId, service, endpointHop))) {
            return this.done;
        }
        const groups = this.graph.endpoints.find((e) => e.id === endpointId)?.securityGroupIds ?? [];
        if (groups.length === 0) {
            this.add({ hop: "securityGroupIngress", status: "unknown", resource: name, says: `interface endpoint ${name} names no security group, so it wears its VPC's default group, which this stack does not manage.` });
        }
        const egress = egressHop(this.graph, this.fn.securityGroupIds, HTTPS, { kind: "members", groups, blocks }, `interface endpoint ${name}`);
        if (!this.add(egress)) {
            return this.done;
        }
        if (groups.length > 0 && !this.add(ingressHop(this.graph, groups, HTTPS, this.source(), `function ${this.fn.name}`))) {
            return this.done;
        }
        this.add(networkAclHop(this.graph, this.crossingsTo(endpointSubnets, blocks, HTTPS)));
        return this.done;
    }

    private toSecurityGroup(groupId: string, port: number, name: string): Hop[] {
        const table = this.start("ipv4");
        if (table === false) {
            return this.done;
        }
        const places = memberPlaces(this.graph, groupId, this.fn.id);
        const subnets = memberSubnets(this.graph, groupId, this.fn.id);
        const blocks = subnets === "unknown" ? "unknown" : this.blocksOf(subnets, "ipv4");
        const vpcOfGroup = this.vpcOfGroup(groupId);
        if (table) {
            if (vpcOfGroup !== undefined && vpcOfGroup === this.subnet.vpcId) {
                this.add({ hop: "route", status: "allows", resource: table.name, says: `local: security group ${name} is in the function's VPC.` });
            } else if (blocks !== "unknown") {
                for (const block of blocks) {
                    const found = routeHop(table, { kind: "block", block }, this.localBlocks());
                    if (!this.add(found.hop) || (found.route !== undefined && found.route !== "local" && !this.add(privateTargetHop(this.graph, found.route, block)))) {
                        return this.done;
                    }
                }
            } else {
                this.add({ hop: "route", status: "unknown", resource: table.name, says: `where security group ${name}'s members sit is not known here, so neither is the route to them.` });
            }
        }
        // Each member is judged by every group it wears: their rules add up.
        const wearing = places === "unknown" ? [{ groups: [groupId], blocks }] : places.map((p) => ({ groups: p.groups, blocks: this.blocksOf(p.subnets, "ipv4") }));
        if (!this.add(worstHop(wearing.map((w) => egressHop(this.graph, this.fn.securityGroupIds, port, { kind: "members", groups: w.groups, blocks: w.blocks }, `security group ${name}`))))) {
            return this.done;
        }
        if (!this.add(worstHop(wearing.map((w) => ingressHop(this.graph, w.groups, port, this.source(), `function ${this.fn.name}'s security group`))))) {
            return this.done;
        }
        this.add(subnets === "unknown" ? this.aclTowardsUnknown(port, name) : networkAclHop(this.graph, this.crossingsTo(subnets, blocks, port)));
        return this.done;
    }

    /** The function's subnet's ACL towards members whose subnets are not known: their own ACLs cannot be read. */
    private aclTowardsUnknown(port: number, name: string): Hop {
        const hop = networkAclHop(this.graph, [
            { subnetId: this.subnetId, direction: "egress", peer: { kind: "unknown", family: "ipv4" }, ports: [port, port], leg: "the request" },
            { subnetId: this.subnetId, direction: "ingress", peer: { kind: "unknown", family: "ipv4" }, ports: EPHEMERAL_PORTS, leg: "the reply" },
        ]);
        return hop.status === "denies" ? hop : { ...hop, status: "unknown", says: `the network ACLs of security group ${name}'s subnets cannot be read here, as those subnets are not known.` };
    }

    /** There and back between the function's subnet and each target subnet (traffic within one subnet crosses no ACL). */
    private crossingsTo(targetSubnets: readonly string[], targetBlocks: readonly AddressBlock[] | "unknown", port: number): Crossing[] {
        const own = this.ownPeer("ipv4");
        const others = targetSubnets.filter((s) => s !== this.subnetId);
        if (others.length === 0) {
            return [];
        }
        // Only the other subnets' blocks: a member beside the function is reached within the subnet.
        const theirs: Peer = targetBlocks === "unknown" ? { kind: "unknown", family: "ipv4" } : { kind: "blocks", blocks: targetBlocks.filter((_, i) => targetSubnets[i] !== this.subnetId) };
        return [
            { subnetId: this.subnetId, direction: "egress", peer: theirs, ports: [port, port], leg: "the request" },
            ...others.flatMap((s): Crossing[] => [
                { subnetId: s, direction: "ingress", peer: own, ports: [port, port], leg: "the request" },
                { subnetId: s, direction: "egress", peer: own, ports: EPHEMERAL_PORTS, leg: "the reply" },
            ]),
            { subnetId: this.subnetId, direction: "ingress", peer: theirs, ports: EPHEMERAL_PORTS, leg: "the reply" },
        ];
    }

    private ipv6Opt(): Hop {
        const allowed = this.fn.ipv6AllowedForDualStack;
        if (allowed === true) {
            return { hop: "function", status: "allows", resource: this.fn.name, says: `function ${this.fn.name} opts into IPv6 (ipv6AllowedForDualStack).` };
        }
        if (allowed === undefined) {
            return { hop: "function", status: "unknown", resource: this.fn.name, says: `whether function ${this.fn.name} opts into IPv6 is not known yet.` };
        }
        return {
            hop: "function",
            status: "denies",
            resource: this.fn.name,
            says: `function ${this.fn.name} does not set ipv6AllowedForDualStack, so Lambda gives it no IPv6 traffic.`,
            fix: `Set vpcConfig.ipv6AllowedForDualStack: true on function ${this.fn.name} (its subnets must be dual-stack).`,
        };
    }

    private subnetHop(family: "ipv4" | "ipv6"): Hop {
        const s = this.subnet;
        const where = [s.cidrBlock, s.ipv6CidrBlock].filter(Boolean).join(", ");
        if (family === "ipv6" && !s.dualStack) {
            return s.inStack
                ? { hop: "subnet", status: "denies", resource: s.name, says: `subnet ${s.name} has no IPv6 block.`, fix: `Give subnet ${s.name} an IPv6 /64 of its VPC's block (ipv6CidrBlock, assignIpv6AddressOnCreation).` }
                : { hop: "subnet", status: "unknown", resource: s.name, says: `whether subnet ${s.name} (not created by this stack) has an IPv6 block cannot be read here.` };
        }
        return { hop: "subnet", status: "allows", resource: s.name, says: `the function's network interface in subnet ${s.name}${where ? ` (${where})` : ""}${s.inStack ? "" : ", not created by this stack"}.` };
    }

    private fixForMissingServiceRoute(table: RoutingTable, service: string): string {
        const elsewhere = gatewayEndpointElsewhere(this.graph, table, this.subnet.vpcId, service);
        if (elsewhere) {
            return `Add ${table.name} to the routeTableIds of gateway endpoint ${elsewhere.name}.`;
        }
        return GATEWAY_SERVICES.includes(service)
            ? `Attach a ${service} gateway endpoint to ${table.name} (free), or add a 0.0.0.0/0 route from it to a NAT gateway.`
            : `Add an interface endpoint for ${service} with private DNS to the VPC, or a 0.0.0.0/0 route from ${table.name} to a NAT gateway.`;
    }

    /** The VPC's own ranges: the local route covers them. */
    private localBlocks(): AddressBlock[] {
        return this.graph.memo(`localBlocks:${this.subnet.vpcId}`, () => {
            const vpc = this.subnet.vpcId === undefined ? undefined : this.graph.vpcs.find((v) => v.id === this.subnet.vpcId);
            return [vpc?.cidrBlock, vpc?.ipv6CidrBlock].flatMap((cidr) => (cidr ? [parseBlock(cidr)].filter((b): b is AddressBlock => b !== undefined) : []));
        });
    }

    private vpcOfGroup(groupId: string): string | undefined {
        const group = this.graph.resource(groupId);
        return group && (group.type === AWS_RESOURCE_TYPES.securityGroup || group.type === AWS_RESOURCE_TYPES.defaultSecurityGroup) ? this.graph.ref(group, "vpcId", [AWS_RESOURCE_TYPES.vpc]) : undefined;
    }

    /** The function as a source: its groups, and its subnet's block. */
    private source() {
        const own = this.ownPeer("ipv4");
        return { groups: this.fn.securityGroupIds, blocks: own.kind === "blocks" ? own.blocks : ("unknown" as const) };
    }

    private ownPeer(family: "ipv4" | "ipv6"): Peer {
        const blocks = this.blocksOf([this.subnetId], family);
        return blocks === "unknown" ? { kind: "unknown", family } : { kind: "blocks", blocks };
    }

    /** The subnets' blocks of the family; `unknown` when one of them is not known. */
    private blocksOf(subnetIds: readonly string[], family: "ipv4" | "ipv6"): AddressBlock[] | "unknown" {
        const blocks = subnetIds.map((id) => {
            const s = this.graph.subnet(id);
            const cidr = family === "ipv4" ? s.cidrBlock : s.ipv6CidrBlock;
            return cidr ? parseBlock(cidr) : undefined;
        });
        return blocks.length > 0 && blocks.every((b): b is AddressBlock => b !== undefined) ? blocks : "unknown";
    }
}

const GATEWAY_SERVICES: readonly string[] = AWS_LIMITS.gatewayEndpointServices;
