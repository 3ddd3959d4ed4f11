// Whether each subnet of the stack holds what the stack places in it. Facts: shared/AWS-FACTS.md,
// "Addresses" (AWS reserves 5 addresses of every subnet; an interface endpoint takes one in each
// subnet it is in) and "Lambda in a VPC" (one Hyperplane ENI per subnet and security-group set).
import type { StackValidationPolicy } from "@pulumi/policy";
import { AWS_LIMITS } from "../sdk/aws/limits";
import { AWS_RESOURCE_TYPES as AWS, SECURITY_GROUP_TYPES } from "../sdk/aws/resource-types";
import type { NetworkGraph } from "../sdk/network/network-graph";
import type { NetworkResource } from "../sdk/network/network-resource";
import { describe, describeAtSentenceStart } from "./describe";
import { isUnknown, knownList, knownNumber, knownString } from "./known-values";
import { networkGraphOf } from "./network-resources";

/** What takes addresses in one subnet, as a line of the violation: how many, and by whom. */
interface AddressTaker {
    what: string;
    addresses: number;
}

/**
 * The usable addresses of an IPv4 subnet block: all but the 5 AWS reserves (the same sum as
 * sdk/addresses/cidr.ts `usableAddresses`; the published pack carries only sdk/aws/limits).
 */
function usableAddressesOf(subnet: NetworkResource): { cidr: string; usable: number } | undefined {
    const cidr = knownString(subnet.inputs.cidrBlock);
    const prefix = cidr && /^\d{1,3}(\.\d{1,3}){3}\/(\d{1,2})$/.exec(cidr)?.[2];
    return cidr && prefix ? { cidr, usable: 2 ** (32 - Number(prefix)) - AWS_LIMITS.reservedAddressesPerSubnet } : undefined;
}

/** A known count, or 0 while unknown or unset. */
function countOf(value: unknown): number {
    const count = knownNumber(value);
    return typeof count === "number" ? count : 0;
}

/** A known list's length, or 0 while unknown or unset. */
function listLength(value: unknown): number {
    const list = knownList(value);
    return Array.isArray(list) ? list.length : 0;
}

/** The resources of `type` naming the subnet in `property`, and the addresses each takes. */
function takersOf(index: NetworkGraph, subnet: NetworkResource, type: string, property: string, addresses: (r: NetworkResource) => number, what: string): AddressTaker[] {
    const found = index.referrers(subnet, type, property);
    const total = found.reduce((sum, r) => sum + addresses(r), 0);
    return total > 0 ? [{ what: `${what} (${found.map((r) => r.name).join(", ")})`, addresses: total }] : [];
}

/** Everything the stack places in the subnet that takes an address of it, DB instances aside. */
function addressTakers(index: NetworkGraph, subnet: NetworkResource): AddressTaker[] {
    const interfaceEndpoints = takersOf(index, subnet, AWS.vpcEndpoint, "subnetIds", (e) => (knownString(e.inputs.vpcEndpointType) === "Gateway" ? 0 : 1), "interface endpoints");
    const natGateways = takersOf(
        index,
        subnet,
        AWS.natGateway,
        "subnetId",
        (n) => 1 + Math.max(countOf(n.inputs.secondaryPrivateIpAddressCount), listLength(n.inputs.secondaryPrivateIpAddresses)),
        "NAT gateways",
    );
    const instances = takersOf(index, subnet, AWS.instance, "subnetId", () => 1, "EC2 instances");
    const interfaces = takersOf(index, subnet, AWS.networkInterface, "subnetId", (n) => 1 + countOf(n.inputs.privateIpsCount), "network interfaces");
    const mountTargets = takersOf(index, subnet, AWS.efsMountTarget, "subnetId", () => 1, "EFS mount targets");
    // Lambda: one Hyperplane ENI per security-group set among the functions placed here.
    const groupSets = new Set<string>();
    const functions: string[] = [];
    for (const fn of index.vpcFunctions) {
        if (fn.subnetIds.includes(index.identity(subnet))) {
            const groups = fn.securityGroupIds.map((id) => index.resource(id)).filter((g): g is NetworkResource => g !== undefined && SECURITY_GROUP_TYPES.includes(g.type));
            groupSets.add([...new Set(groups.map((g) => g.urn))].sort().join(","));
            functions.push(fn.name);
        }
    }
    const lambda = groupSets.size > 0 ? [{ what: `Lambda network interfaces, one per security-group set (${functions.join(", ")})`, addresses: groupSets.size }] : [];
    return [...interfaceEndpoints, ...natGateways, ...instances, ...interfaces, ...mountTargets, ...lambda];
}

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
        const index = networkGraphOf(args.resources);
        const free = new Map<string, number>();
        for (const subnet of index.ofType(AWS.subnet)) {
            const size = usableAddressesOf(subnet);
            if (!size) {
                continue;
            }
            const takers = addressTakers(index, subnet);
            const needed = takers.reduce((sum, t) => sum + t.addresses, 0);
            free.set(subnet.urn, size.usable - needed);
            if (needed > size.usable) {
                reportViolation(
                    `${describeAtSentenceStart(subnet)} (${size.cidr}) has ${size.usable} usable addresses, but the stack places ${needed} in it: ` +
                        `${takers.map((t) => `${t.addresses} for ${t.what}`).join("; ")}. AWS refuses what does not fit; give the subnet a larger block, or place fewer resources in it.`,
                    subnet.urn,
                );
            }
        }
        checkDbSubnetGroups(index, free, reportViolation);
    },
};

/**
 * A DB instance takes an address in one subnet of its DB subnet group (two with Multi-AZ, in two
 * zones), which RDS picks: the group as a whole must have that many free after the rest.
 */
function checkDbSubnetGroups(index: NetworkGraph, free: ReadonlyMap<string, number>, reportViolation: (message: string, urn?: string) => void): void {
    for (const group of index.ofType(AWS.dbSubnetGroup)) {
        const subnets = index.followProperty(group, "subnetIds", [AWS.subnet]).resources.filter((s) => free.has(s.urn));
        if (subnets.length === 0) {
            continue;
        }
        const instances = index.referrers(group, AWS.dbInstance, "dbSubnetGroupName");
        const needed = instances.reduce((sum, db) => sum + (db.inputs.multiAz === true ? 2 : 1), 0);
        const available = subnets.reduce((sum, s) => sum + Math.max(0, free.get(s.urn)!), 0);
        if (needed > available && !isUnknown(group.inputs.subnetIds)) {
            reportViolation(
                `${describeAtSentenceStart(group)} has ${available} free addresses left in its subnets (${subnets.map((s) => describe(s)).join(", ")}) after the rest of the stack, ` +
                    `but its DB instances (${instances.map((db) => db.name).join(", ")}) need ${needed}. Give the subnets larger blocks, or place fewer resources in them.`,
                group.urn,
            );
        }
    }
}

export const subnetCapacityPolicies = [subnetIpCapacity];
