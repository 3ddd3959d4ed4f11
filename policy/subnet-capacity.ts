// Whether each subnet of the stack holds what the stack places in it, as sdk/network/capacity.ts
// counts it (AWS reserves 5 addresses of every subnet; AWS-FACTS.md, "Addresses" and "Lambda in a VPC").
import type { StackValidationPolicy } from "@pulumi/policy";
import { AddressTakerKind, ADDRESS_TAKER_KINDS, DbSubnetGroupAddresses, networkCapacity, SubnetAddresses } from "../sdk/network/capacity";
import { describe, describeAtSentenceStart } from "./describe";
import { networkGraphOf } from "./network-resources";

/** How a violation names each kind of taker. */
const TAKER_NAMES: Record<AddressTakerKind, string> = {
    interfaceEndpoint: "interface endpoints",
    natGateway: "NAT gateways",
    instance: "EC2 instances",
    networkInterface: "network interfaces",
    efsMountTarget: "EFS mount targets",
    lambda: "Lambda network interfaces, one per security-group set",
};

export const subnetIpCapacity: StackValidationPolicy = {
    name: "subnet-ip-capacity",
    description:
        "Every subnet of the stack has the addresses for what the stack places in it: interface endpoints, NAT gateways, Lambda's network interfaces, " +
        "instances, network interfaces, EFS mount targets, and the DB instances of its DB subnet groups.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "AWS reserves 5 addresses of every subnet and refuses what does not fit (for want of free addresses) when it is created. " +
        "Give the subnet a larger CIDR block, or place fewer resources in it (fewer interface endpoints, fewer security-group sets per function).",
    validateStack: (args, reportViolation) => {
        const capacity = networkCapacity(networkGraphOf(args.resources));
        for (const subnet of capacity.subnets.values()) {
            if (subnet.resource && subnet.free !== undefined && subnet.free < 0) {
                reportViolation(overfullSubnet(subnet), subnet.resource.urn);
            }
        }
        for (const group of capacity.dbSubnetGroups) {
            if (group.fits === false) {
                reportViolation(overfullDbSubnetGroup(group), group.group.urn);
            }
        }
    },
};

function overfullSubnet({ resource, subnet, usable, taken, takers }: SubnetAddresses): string {
    const lines = ADDRESS_TAKER_KINDS.filter((kind) => takers[kind].addresses > 0).map(
        (kind) => `${takers[kind].addresses} for ${TAKER_NAMES[kind]} (${takers[kind].resources.map((r) => r.name).join(", ")})`,
    );
    return (
        `${describeAtSentenceStart(resource!)} (${subnet.cidrBlock}) has ${usable} usable addresses, but the stack places ${taken} in it: ` +
        `${lines.join("; ")}. AWS refuses what does not fit; give the subnet a larger block, or place fewer resources in it.`
    );
}

function overfullDbSubnetGroup({ group, subnets, instances, needed, free }: DbSubnetGroupAddresses): string {
    return (
        `${describeAtSentenceStart(group)} has ${free} free addresses left in its subnets (${subnets.map((s) => describe(s.resource!)).join(", ")}) after the rest of the stack, ` +
        `but its DB instances (${instances.map((db) => db.name).join(", ")}) need ${needed}. Give the subnets larger blocks, or place fewer resources in them.`
    );
}

export const subnetCapacityPolicies = [subnetIpCapacity];
