// What takes the addresses of each subnet of a stack, and what is left: the one count that the
// review report, the subnet-ip-capacity policy and the component's own check read. Facts:
// shared/AWS-FACTS.md, "Addresses" (AWS reserves 5 addresses of every subnet; an interface
// endpoint takes one in each subnet it is placed in) and "Lambda in a VPC" (one Hyperplane ENI
// per unique subnet and security-group set, shared by every function with that pair, whatever
// the concurrency; 500 Lambda ENIs per VPC).
import { addressesIn, ipv4PrefixLength, usableAddresses } from "../addresses/cidr";
import { AWS_LIMITS } from "../aws/limits";
import { AWS_RESOURCE_TYPES as TYPES } from "../aws/resource-types";
import { isUnknown, knownNumber } from "./known-values";
import { NetworkGraph, SubnetNode } from "./network-graph";
import { NetworkResource, value } from "./network-resource";

/** What takes addresses in a subnet, in the order a list of them reads. */
export const ADDRESS_TAKER_KINDS = ["interfaceEndpoint", "natGateway", "instance", "networkInterface", "efsMountTarget", "lambda"] as const;
export type AddressTakerKind = (typeof ADDRESS_TAKER_KINDS)[number];

/** The resources of one kind placed in a subnet, and the addresses they take there together. */
export interface AddressTaker {
    /** For `lambda`, the functions placed in the subnet, which share its ENIs. */
    resources: NetworkResource[];
    addresses: number;
}

export interface SubnetAddresses {
    subnet: SubnetNode;
    /** The subnet's resource; undefined for a subnet the stack only refers to (an existing VPC's). */
    resource?: NetworkResource;
    /**
     * The IPv4 block's prefix, its addresses, and those AWS leaves usable (all but 5): undefined
     * when the block is not known (a subnet outside the stack, a block unknown in a preview, an
     * IPv6-only subnet). A dual-stack subnet is counted by its IPv4 block: every taker here takes
     * an IPv4 address, and the IPv6 /64 holds far more than a subnet can use.
     */
    prefixLength?: number;
    size?: number;
    usable?: number;
    takers: Record<AddressTakerKind, AddressTaker>;
    /** The addresses all the takers take together. */
    taken: number;
    /** Usable less taken: negative when AWS would refuse some of the takers (for want of free addresses). */
    free?: number;
    /** Free over usable, up to 1; undefined when the size is unknown or nothing is usable. */
    headroom?: number;
}

/** A DB subnet group and its DB instances, which take addresses that RDS places in its subnets. */
export interface DbSubnetGroupAddresses {
    group: NetworkResource;
    /** Its subnets of known size. */
    subnets: SubnetAddresses[];
    instances: NetworkResource[];
    /** One address per instance, two with Multi-AZ (the standby, in a second zone). */
    needed: number;
    /** The addresses its subnets have left after the rest of the stack (none counted below zero). */
    free: number;
    /** Whether they hold the instances; undefined when that cannot be told (no subnet of known size, or the list unknown as a whole in a preview). */
    fits?: boolean;
}

/** Flag a VPC once its Lambda ENIs reach this share of the per-VPC quota. */
export const ENI_QUOTA_WARNING_RATIO = 0.8;

/** The Lambda ENIs a VPC's subnets need, against the per-VPC quota. */
export interface VpcLambdaEnis {
    /** The VPC's id (its URN in a preview), or `(VPC not in this stack)`. */
    vpcId: string;
    /** Its Pulumi name when the stack creates it, else its id. */
    name: string;
    lambdaEnis: number;
    quota: number;
    /** `over`: at the quota or past it; `near`: at `ENI_QUOTA_WARNING_RATIO` of it or more (the quota is shared with EFS and other stacks). */
    quotaUse: "within" | "near" | "over";
}

export interface NetworkCapacity {
    /**
     * By subnet id: every subnet of the stack, in its order, then every subnet outside it that
     * the stack places something in.
     */
    subnets: ReadonlyMap<string, SubnetAddresses>;
    dbSubnetGroups: DbSubnetGroupAddresses[];
    /** The VPCs of the subnets the functions are placed in, in the order the functions meet them. */
    vpcs: VpcLambdaEnis[];
}

/** The stack's capacity, worked out once per graph. */
export function networkCapacity(graph: NetworkGraph): NetworkCapacity {
    return graph.memo("capacity", () => {
        const subnets = subnetAddresses(graph);
        return { subnets, dbSubnetGroups: dbSubnetGroupAddresses(graph, subnets), vpcs: vpcLambdaEnis(graph) };
    });
}

/** Resources of one kind placed in a subnet, and the addresses they take there. */
interface Placement {
    kind: AddressTakerKind;
    subnetId: string | undefined;
    resources: NetworkResource[];
    addresses: number;
}

/** A count the stack gives, or 0 while unknown or unset. */
function countOf(given: unknown): number {
    const count = knownNumber(given);
    return typeof count === "number" ? count : 0;
}

/** Everything the stack places in a subnet, with the addresses it takes there. */
function placements(graph: NetworkGraph): Placement[] {
    const resourceOf = (id: string) => graph.resource(id)!;
    const inSubnetId = (kind: AddressTakerKind, type: string, addresses: (r: NetworkResource) => number): Placement[] =>
        graph.ofType(type).map((r) => ({ kind, subnetId: graph.ref(r, "subnetId", [TYPES.subnet]), resources: [r], addresses: addresses(r) }));
    return [
        ...graph.endpoints
            .filter((e) => e.type !== "Gateway")
            .flatMap((e) => [...new Set(e.subnetIds)].map((subnetId): Placement => ({ kind: "interfaceEndpoint", subnetId, resources: [resourceOf(e.id)], addresses: 1 }))),
        ...graph.natGateways.map((n): Placement => ({ kind: "natGateway", subnetId: n.subnetId, resources: [resourceOf(n.id)], addresses: n.privateAddresses })),
        ...inSubnetId("instance", TYPES.instance, () => 1),
        // An interface's primary address, and the secondary ones it asks for.
        ...inSubnetId("networkInterface", TYPES.networkInterface, (r) => 1 + countOf(value(r, "privateIpsCount"))),
        ...inSubnetId("efsMountTarget", TYPES.efsMountTarget, () => 1),
        ...[...lambdaEnisBySubnet(graph)].map(([subnetId, enis]): Placement => ({ kind: "lambda", subnetId, resources: enis.functions, addresses: enis.groupSets.size })),
    ];
}

function subnetAddresses(graph: NetworkGraph): Map<string, SubnetAddresses> {
    const takersBySubnet = new Map<string, Record<AddressTakerKind, AddressTaker>>();
    const takersIn = (subnetId: string) => {
        const known = takersBySubnet.get(subnetId);
        if (known) {
            return known;
        }
        const none = Object.fromEntries(ADDRESS_TAKER_KINDS.map((kind): [AddressTakerKind, AddressTaker] => [kind, { resources: [], addresses: 0 }])) as Record<AddressTakerKind, AddressTaker>;
        takersBySubnet.set(subnetId, none);
        return none;
    };
    graph.subnets.forEach((s) => takersIn(s.id));
    for (const placed of placements(graph)) {
        if (placed.subnetId !== undefined) {
            const taker = takersIn(placed.subnetId)[placed.kind];
            taker.resources.push(...placed.resources);
            taker.addresses += placed.addresses;
        }
    }
    const subnets = new Map<string, SubnetAddresses>();
    for (const [subnetId, takers] of takersBySubnet) {
        const subnet = graph.subnet(subnetId);
        const resource = subnet.inStack ? graph.resource(subnetId) : undefined;
        const taken = ADDRESS_TAKER_KINDS.reduce((sum, kind) => sum + takers[kind].addresses, 0);
        subnets.set(subnetId, { subnet, ...(resource ? { resource } : {}), ...sizeOf(subnet, taken), takers, taken });
    }
    return subnets;
}

/** A subnet's IPv4 block's size and what `taken` addresses leave of it; nothing when the block is not known. */
function sizeOf(subnet: SubnetNode, taken: number): Pick<SubnetAddresses, "prefixLength" | "size" | "usable" | "free" | "headroom"> {
    const prefixLength = subnet.cidrBlock === undefined ? undefined : ipv4PrefixLength(subnet.cidrBlock);
    if (prefixLength === undefined) {
        return {};
    }
    const usable = usableAddresses(prefixLength);
    const free = usable - taken;
    return { prefixLength, size: addressesIn(subnet.cidrBlock!), usable, free, ...(usable > 0 ? { headroom: free / usable } : {}) };
}

/**
 * Lambda's Hyperplane ENIs by subnet: one per unique security-group set among the functions
 * placed there, shared by all of them (the order of the groups makes no new one), in the order
 * the functions meet the subnets.
 */
function lambdaEnisBySubnet(graph: NetworkGraph): Map<string, { groupSets: Set<string>; functions: NetworkResource[] }> {
    return graph.memo("lambdaEnisBySubnet", () => {
        const bySubnet = new Map<string, { groupSets: Set<string>; functions: NetworkResource[] }>();
        for (const fn of graph.functions) {
            const groupSet = [...new Set(fn.securityGroupIds)].sort().join(",");
            for (const subnetId of new Set(fn.subnetIds)) {
                const enis = bySubnet.get(subnetId) ?? { groupSets: new Set<string>(), functions: [] };
                enis.groupSets.add(groupSet);
                enis.functions.push(graph.resource(fn.id)!);
                bySubnet.set(subnetId, enis);
            }
        }
        return bySubnet;
    });
}

/** The VPC of a subnet outside the stack, which the stack cannot tell. */
const VPC_NOT_IN_STACK = "(VPC not in this stack)";

function vpcLambdaEnis(graph: NetworkGraph): VpcLambdaEnis[] {
    const byVpc = new Map<string, number>();
    for (const [subnetId, enis] of lambdaEnisBySubnet(graph)) {
        const vpcId = graph.subnet(subnetId).vpcId ?? VPC_NOT_IN_STACK;
        byVpc.set(vpcId, (byVpc.get(vpcId) ?? 0) + enis.groupSets.size);
    }
    const quota = AWS_LIMITS.lambdaEnisPerVpc;
    return [...byVpc].map(([vpcId, lambdaEnis]) => ({
        vpcId,
        name: graph.nameOf(vpcId),
        lambdaEnis,
        quota,
        quotaUse: lambdaEnis >= quota ? "over" : lambdaEnis >= quota * ENI_QUOTA_WARNING_RATIO ? "near" : "within",
    }));
}

/**
 * A DB instance takes an address in one subnet of its DB subnet group (two with Multi-AZ, in two
 * zones), which RDS picks: the group as a whole must have that many free after the rest.
 */
function dbSubnetGroupAddresses(graph: NetworkGraph, subnets: ReadonlyMap<string, SubnetAddresses>): DbSubnetGroupAddresses[] {
    const groups = graph.ofType(TYPES.dbSubnetGroup);
    // An instance names its group by name (`dbSubnetGroupName`), which is also the group's id.
    const groupNamed = new Map<string, NetworkResource>();
    for (const group of groups) {
        for (const key of [graph.identity(group), group.urn, value(group, "name")]) {
            if (typeof key === "string" && !isUnknown(key) && !groupNamed.has(key)) {
                groupNamed.set(key, group);
            }
        }
    }
    const instancesOf = new Map<NetworkResource, NetworkResource[]>();
    for (const instance of graph.ofType(TYPES.dbInstance)) {
        for (const group of new Set(graph.refs(instance, "dbSubnetGroupName", [TYPES.dbSubnetGroup]).map((name) => groupNamed.get(name)))) {
            if (group) {
                instancesOf.set(group, [...(instancesOf.get(group) ?? []), instance]);
            }
        }
    }
    return groups.map((group) => {
        const sized = [...new Set(graph.refs(group, "subnetIds", [TYPES.subnet]))].map((id) => subnets.get(id)).filter((s): s is SubnetAddresses => s?.free !== undefined);
        const instances = instancesOf.get(group) ?? [];
        const needed = instances.reduce((sum, db) => sum + (value(db, "multiAz") === true ? 2 : 1), 0);
        const free = sized.reduce((sum, s) => sum + Math.max(0, s.free!), 0);
        const judged = sized.length > 0 && !isUnknown(value(group, "subnetIds"));
        return { group, subnets: sized, instances, needed, free, ...(judged ? { fits: needed <= free } : {}) };
    });
}
