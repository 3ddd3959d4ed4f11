import { AWS_LIMITS } from "../../sdk/aws/limits";
import { formatPercent } from "./format";
import { networkCapacity, SubnetAddresses } from "../../sdk/network/capacity";
import type { NetworkGraph } from "../../sdk/network/network-graph";

/**
 * Whether the functions fit their subnets, as the review words it: per Lambda subnet, the
 * usable addresses, what the interface endpoints, NAT gateways and Hyperplane ENIs take, and
 * what is left (after everything the stack places there: sdk/network/capacity.ts counts it);
 * per VPC, the Lambda ENIs against the quota. One Hyperplane ENI carries up to 65,000
 * connections; they do not scale with concurrency: no "concurrency / 50" here.
 */

/** Below this share of free addresses, a subnet is flagged: Lambda adds an ENI (an address) past 65,000 connections per ENI, and replacements need room. */
export const HEADROOM_WARNING_RATIO = 0.2;

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
    /** Usable less everything the stack places in the subnet (instances, network interfaces, EFS mount targets too). */
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
    const capacity = networkCapacity(graph);
    const subnets = graph.lambdaSubnetIds.map((subnetId) => subnetCapacity(capacity.subnets.get(subnetId)!));
    const vpcs = capacity.vpcs.map((v): VpcEniUse => {
        const warning =
            v.quotaUse === "over"
                ? `${v.name}: this stack alone needs ${v.lambdaEnis} Lambda ENIs, over the quota of ${v.quota} per VPC: ask AWS for more or use fewer subnet x security-group pairs.`
                : v.quotaUse === "near"
                  ? `${v.name}: ${v.lambdaEnis} Lambda ENIs of the ${v.quota} per VPC quota (shared with EFS and other stacks in the VPC).`
                  : undefined;
        return { vpcId: v.vpcId, vpcName: v.name, hyperplaneEnis: v.lambdaEnis, quota: v.quota, ...(warning ? { warning } : {}) };
    });
    const dualStack = graph.lambdaSubnetIds.some((id) => graph.subnet(id).dualStack);
    return {
        subnets,
        vpcs,
        warnings: [...subnets.flatMap((s) => s.warnings), ...vpcs.flatMap((v) => (v.warning ? [v.warning] : []))],
        ...(dualStack ? { notes: [DUAL_STACK_CAPACITY_NOTE] } : {}),
    };
}

/** A Lambda subnet's row: the addresses interface endpoints, NAT gateways and Lambda take, and whether room is left. */
function subnetCapacity(addresses: SubnetAddresses): SubnetCapacity {
    const { subnet, size, usable, free, headroom, takers } = addresses;
    const warnings: string[] = [];
    if (free !== undefined && free < 0) {
        warnings.push(`${subnet.name} needs ${-free} more addresses than its ${usable} usable: deployment fails with SubnetOutOfIPAddresses.`);
    } else if (headroom !== undefined && headroom < HEADROOM_WARNING_RATIO) {
        warnings.push(`${subnet.name} has ${free} of ${usable} usable addresses free (${formatPercent(headroom)}), below ${formatPercent(HEADROOM_WARNING_RATIO)}: a larger CIDR block, or fewer security-group sets, leaves room for Lambda to add ENIs.`);
    }
    return {
        subnetId: subnet.id,
        name: subnet.name,
        ...(subnet.zone ? { zone: subnet.zone } : {}),
        ...(subnet.cidrBlock ? { cidrBlock: subnet.cidrBlock } : {}),
        ...(subnet.ipv6CidrBlock ? { ipv6CidrBlock: subnet.ipv6CidrBlock } : {}),
        ...(size !== undefined ? { size, usable } : {}),
        interfaceEndpointAddresses: takers.interfaceEndpoint.addresses,
        natGatewayAddresses: takers.natGateway.addresses,
        hyperplaneEnis: takers.lambda.addresses,
        connectionCapacity: takers.lambda.addresses * AWS_LIMITS.connectionsPerHyperplaneEni,
        functions: takers.lambda.resources.map((fn) => fn.name),
        ...(free !== undefined ? { free, headroom } : {}),
        warnings,
    };
}
