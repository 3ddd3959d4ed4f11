import { AWS_LIMITS } from "../../sdk/aws/limits";
import { formatPercent } from "./format";
import { NetworkGraph } from "../../sdk/network/network-graph";

/**
 * Whether the functions fit their subnets: per Lambda subnet, the usable addresses and what
 * takes them. Lambda's Hyperplane ENIs are made when a function is created or its VPC config
 * changes, one per unique (subnet, security-group set) pair, shared by every function with
 * that pair; one carries up to 65,000 connections. They do not scale with concurrency: no
 * "concurrency / 50" here.
 */

/** Below this share of free addresses, a subnet is flagged: Lambda adds an ENI (an address) past 65,000 connections per ENI, and replacements need room. */
export const HEADROOM_WARNING_RATIO = 0.2;
/** Flag a VPC once its Lambda ENIs reach this share of the per-VPC quota. */
export const ENI_QUOTA_WARNING_RATIO = 0.8;

export interface SubnetCapacity {
    subnetId: string;
    name: string;
    zone?: string;
    cidrBlock?: string;
    /** Its IPv6 /64 when dual-stack and known: shown, never counted (it does not limit Lambda). */
    ipv6CidrBlock?: string;
    /** Addresses in the CIDR block; undefined for a subnet the stack does not create. */
    size?: number;
    /** The size less the 5 addresses AWS reserves in every subnet. */
    usable?: number;
    interfaceEndpointAddresses: number;
    natGatewayAddresses: number;
    /** One per unique security-group set among the functions placed in this subnet. */
    hyperplaneEnis: number;
    /** Connections those ENIs carry before Lambda adds more. */
    connectionCapacity: number;
    functions: string[];
    free?: number;
    /** Free over usable, 0..1; undefined when the size is unknown. */
    headroom?: number;
    warnings: string[];
}

export interface VpcEniUse {
    vpcId: string;
    /** Its Pulumi name when the stack creates it, else its id. */
    vpcName: string;
    hyperplaneEnis: number;
    quota: number;
    warning?: string;
}

export interface CapacityReport {
    subnets: SubnetCapacity[];
    vpcs: VpcEniUse[];
    warnings: string[];
    /** What the numbers assume, when it matters: dual-stack subnets are counted by their IPv4 block. */
    notes?: string[];
}

/** Why the IPv4 block, not the IPv6 one, bounds a dual-stack Lambda subnet. */
export const DUAL_STACK_CAPACITY_NOTE =
    "Dual-stack subnets are counted by their IPv4 block: each Hyperplane ENI still takes an IPv4 address there, so IPv4 is what limits; " +
    "the IPv6 /64 holds far more addresses than a subnet can use and does not.";

export function assessCapacity(graph: NetworkGraph): CapacityReport {
    const functions = graph.functions;
    const endpoints = graph.endpoints.filter((e) => e.type !== "Gateway");
    const natGateways = graph.natGateways;

    // (subnet, security-group set) pairs: the order of the groups does not make a new ENI.
    const pairs = new Map<string, Set<string>>();
    for (const fn of functions) {
        const groupSet = [...new Set(fn.securityGroupIds)].sort().join(",");
        for (const subnetId of fn.subnetIds) {
            pairs.set(subnetId, (pairs.get(subnetId) ?? new Set()).add(groupSet));
        }
    }

    const subnets = graph.lambdaSubnetIds.map((subnetId): SubnetCapacity => {
        const subnet = graph.subnet(subnetId);
        const size = subnet.cidrBlock ? addressesIn(subnet.cidrBlock) : undefined;
        const usable = size === undefined ? undefined : size - AWS_LIMITS.reservedAddressesPerSubnet;
        // Each interface endpoint takes one address in each subnet it is placed in.
        const interfaceEndpointAddresses = endpoints.filter((e) => e.subnetIds.includes(subnetId)).length;
        const natGatewayAddresses = natGateways.filter((n) => n.subnetId === subnetId).reduce((sum, n) => sum + n.privateAddresses, 0);
        const hyperplaneEnis = pairs.get(subnetId)?.size ?? 0;
        const free = usable === undefined ? undefined : usable - interfaceEndpointAddresses - natGatewayAddresses - hyperplaneEnis;
        const headroom = usable === undefined || free === undefined || usable <= 0 ? undefined : free / usable;
        const warnings: string[] = [];
        if (free !== undefined && free < 0) {
            warnings.push(`${subnet.name} needs ${-free} more addresses than its ${usable} usable: deployment fails with SubnetOutOfIPAddresses.`);
        } else if (headroom !== undefined && headroom < HEADROOM_WARNING_RATIO) {
            warnings.push(`${subnet.name} has ${free} of ${usable} usable addresses free (${formatPercent(headroom)}), below ${formatPercent(HEADROOM_WARNING_RATIO)}: a larger CIDR block, or fewer security-group sets, leaves room for Lambda to add ENIs.`);
        }
        return {
            subnetId,
            name: subnet.name,
            ...(subnet.zone ? { zone: subnet.zone } : {}),
            ...(subnet.cidrBlock ? { cidrBlock: subnet.cidrBlock } : {}),
            ...(subnet.ipv6CidrBlock ? { ipv6CidrBlock: subnet.ipv6CidrBlock } : {}),
            ...(size !== undefined ? { size, usable } : {}),
            interfaceEndpointAddresses,
            natGatewayAddresses,
            hyperplaneEnis,
            connectionCapacity: hyperplaneEnis * AWS_LIMITS.connectionsPerHyperplaneEni,
            functions: functions.filter((fn) => fn.subnetIds.includes(subnetId)).map((fn) => fn.name),
            ...(free !== undefined ? { free, headroom } : {}),
            warnings,
        };
    });

    const enisByVpc = new Map<string, number>();
    for (const [subnetId, groupSets] of pairs) {
        const vpcId = graph.subnet(subnetId).vpcId ?? "(VPC not in this stack)";
        enisByVpc.set(vpcId, (enisByVpc.get(vpcId) ?? 0) + groupSets.size);
    }
    const quota = AWS_LIMITS.lambdaEnisPerVpc;
    const vpcs = [...enisByVpc].map(([vpcId, hyperplaneEnis]): VpcEniUse => {
        const name = graph.nameOf(vpcId);
        const warning =
            hyperplaneEnis >= quota
                ? `${name}: this stack alone needs ${hyperplaneEnis} Lambda ENIs, over the quota of ${quota} per VPC: ask AWS for more or use fewer subnet x security-group pairs.`
                : hyperplaneEnis >= quota * ENI_QUOTA_WARNING_RATIO
                  ? `${name}: ${hyperplaneEnis} Lambda ENIs of the ${quota} per VPC quota (shared with EFS and other stacks in the VPC).`
                  : undefined;
        return { vpcId, vpcName: name, hyperplaneEnis, quota, ...(warning ? { warning } : {}) };
    });

    const dualStack = graph.lambdaSubnetIds.some((id) => graph.subnet(id).dualStack);
    return {
        subnets,
        vpcs,
        warnings: [...subnets.flatMap((s) => s.warnings), ...vpcs.flatMap((v) => (v.warning ? [v.warning] : []))],
        ...(dualStack ? { notes: [DUAL_STACK_CAPACITY_NOTE] } : {}),
    };
}

/** The number of IPv4 addresses in a CIDR block: a /28 holds 16. */
export function addressesIn(cidrBlock: string): number | undefined {
    const prefix = Number(cidrBlock.split("/")[1]);
    return Number.isInteger(prefix) && prefix >= 0 && prefix <= 32 && !cidrBlock.includes(":") ? 2 ** (32 - prefix) : undefined;
}
