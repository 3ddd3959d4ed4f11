import { AWS_RESOURCE_TYPES } from "../aws/resource-types";
import { isUnknown } from "./known-values";
import { value } from "./network-resource";
import type { ResourceIndex } from "./resource-index";

/** An internet gateway, or an egress-only one (IPv6 out only). */
export interface GatewayNode {
    id: string;
    name: string;
    vpcId?: string;
}

export interface NatGatewayNode {
    id: string;
    name: string;
    subnetId?: string;
    /** `public` NAT gateways need an Elastic IP and reach the internet through an internet gateway (the provider's default); `unknown` until known in a preview. */
    connectivity: "public" | "private" | "unknown";
    /** Elastic IP allocations: the primary and any secondary ones. */
    allocationIds: string[];
    /** Private addresses it takes in its subnet: one, plus any secondary ones asked for. */
    privateAddresses: number;
}

export function internetGatewaysOf(index: ResourceIndex): GatewayNode[] {
    return gatewaysOf(index, AWS_RESOURCE_TYPES.internetGateway);
}

export function egressOnlyInternetGatewaysOf(index: ResourceIndex): GatewayNode[] {
    return gatewaysOf(index, AWS_RESOURCE_TYPES.egressOnlyInternetGateway);
}

function gatewaysOf(index: ResourceIndex, type: string): GatewayNode[] {
    return index.ofType(type).map((r) => ({ id: index.identity(r), name: r.name, vpcId: index.ref(r, "vpcId", [AWS_RESOURCE_TYPES.vpc]) }));
}

export function natGatewaysOf(index: ResourceIndex): NatGatewayNode[] {
    return index.memo("natGateways", () =>
        index.ofType(AWS_RESOURCE_TYPES.natGateway).map((r) => {
            const given = value(r, "connectivityType");
            const connectivity = isUnknown(given) ? "unknown" : given === "private" ? "private" : "public";
            const secondary = index.refs(r, "secondaryAllocationIds", [AWS_RESOURCE_TYPES.eip]);
            const primary = index.ref(r, "allocationId", [AWS_RESOURCE_TYPES.eip]);
            const secondaryPrivate = value(r, "secondaryPrivateIpAddressCount");
            return {
                id: index.identity(r),
                name: r.name,
                subnetId: index.ref(r, "subnetId", [AWS_RESOURCE_TYPES.subnet]),
                connectivity,
                allocationIds: [...(primary ? [primary] : []), ...secondary],
                privateAddresses: 1 + (typeof secondaryPrivate === "number" ? secondaryPrivate : Math.max(secondary.length, strings(value(r, "secondaryPrivateIpAddresses")).length)),
            };
        }),
    );
}

function strings(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
