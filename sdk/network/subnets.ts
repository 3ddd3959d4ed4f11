import { AWS_RESOURCE_TYPES, VPC_TYPES } from "../aws/resource-types";
import { isSet, knownText } from "./known-values";
import { value } from "./network-resource";
import type { ResourceIndex } from "./resource-index";

/** A VPC of the stack; `ipv6CidrBlock` is AWS's /56 once known (an output of the VPC, so absent in a preview). */
export interface VpcNode {
    id: string;
    name: string;
    cidrBlock?: string;
    ipv6CidrBlock?: string;
    dualStack: boolean;
}

export interface SubnetNode {
    id: string;
    name: string;
    vpcId?: string;
    cidrBlock?: string;
    /** Its IPv6 /64, when known (a dual-stack subnet's block is unknown until its VPC's is). */
    ipv6CidrBlock?: string;
    /** It has (or will have) an IPv6 block: `ipv6CidrBlock` is set, known or not yet. */
    dualStack: boolean;
    /** IPv6-only: no IPv4 block at all (Lambda cannot use such a subnet). */
    ipv6Native: boolean;
    zone?: string;
    /** It gives public IPv4 addresses to what launches in it (`mapPublicIpOnLaunch`). */
    mapPublicIpOnLaunch: boolean;
    /** False for a subnet the stack only refers to (an existing VPC's): its size is unknown here. */
    inStack: boolean;
}

export function vpcsOf(index: ResourceIndex): VpcNode[] {
    return index.memo("vpcs", () =>
        index.ofType(AWS_RESOURCE_TYPES.vpc).map((r) => {
            const ipv6CidrBlock = knownText(value(r, "ipv6CidrBlock"));
            return {
                id: index.identity(r),
                name: r.name,
                cidrBlock: knownText(value(r, "cidrBlock")),
                ...(ipv6CidrBlock ? { ipv6CidrBlock } : {}),
                dualStack: ipv6CidrBlock !== undefined || value(r, "assignGeneratedIpv6CidrBlock") === true || isSet(r.inputs.ipv6IpamPoolId),
            };
        }),
    );
}

/** The subnet with that id (or URN); one the stack only names, when it does not create it. */
export function subnetOf(index: ResourceIndex, id: string): SubnetNode {
    return index.memo(`subnet:${id}`, () => {
        const r = index.resource(id);
        if (!r || r.type !== AWS_RESOURCE_TYPES.subnet) {
            return { id, name: id, dualStack: false, ipv6Native: false, mapPublicIpOnLaunch: false, inStack: false };
        }
        const ipv6CidrBlock = knownText(value(r, "ipv6CidrBlock"));
        return {
            id,
            name: r.name,
            vpcId: index.ref(r, "vpcId", VPC_TYPES),
            cidrBlock: knownText(value(r, "cidrBlock")),
            ...(ipv6CidrBlock ? { ipv6CidrBlock } : {}),
            // Unknown in a preview when computed from the VPC's block: still a dual-stack subnet.
            dualStack: ipv6CidrBlock !== undefined || isSet(r.inputs.ipv6CidrBlock),
            ipv6Native: value(r, "ipv6Native") === true,
            zone: knownText(value(r, "availabilityZone")) ?? knownText(value(r, "availabilityZoneId")),
            mapPublicIpOnLaunch: value(r, "mapPublicIpOnLaunch") === true,
            inStack: true,
        };
    });
}

export function subnetsOf(index: ResourceIndex): SubnetNode[] {
    return index.ofType(AWS_RESOURCE_TYPES.subnet).map((r) => subnetOf(index, index.identity(r)));
}
