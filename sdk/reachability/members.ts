// Where whatever wears a security group sits: the subnets of a database's subnet group, of a
// cache's, of a function's vpcConfig, an endpoint's, a mount target's or an instance's own. The
// network ACLs of those subnets see the traffic, and their blocks are the addresses it goes to.
// A member may wear other groups too: the rules of all the groups it wears apply to its traffic.
import { AWS_RESOURCE_TYPES, SECURITY_GROUP_TYPES } from "../aws/resource-types";
import type { NetworkGraph } from "../network/network-graph";
import type { NetworkResource } from "../network/network-resource";

const SUBNET_GROUPS: Record<string, { property: string; groupType: string }> = {
    [AWS_RESOURCE_TYPES.dbInstance]: { property: "dbSubnetGroupName", groupType: AWS_RESOURCE_TYPES.dbSubnetGroup },
    [AWS_RESOURCE_TYPES.dbCluster]: { property: "dbSubnetGroupName", groupType: AWS_RESOURCE_TYPES.dbSubnetGroup },
    [AWS_RESOURCE_TYPES.docdbCluster]: { property: "dbSubnetGroupName", groupType: AWS_RESOURCE_TYPES.docdbSubnetGroup },
    [AWS_RESOURCE_TYPES.cacheCluster]: { property: "subnetGroupName", groupType: AWS_RESOURCE_TYPES.cacheSubnetGroup },
    [AWS_RESOURCE_TYPES.cacheReplicationGroup]: { property: "subnetGroupName", groupType: AWS_RESOURCE_TYPES.cacheSubnetGroup },
};

const OWN_SUBNETS: Record<string, string> = {
    [AWS_RESOURCE_TYPES.serverlessCache]: "subnetIds",
    [AWS_RESOURCE_TYPES.efsMountTarget]: "subnetId",
    [AWS_RESOURCE_TYPES.instance]: "subnetId",
    [AWS_RESOURCE_TYPES.loadBalancer]: "subnets",
    [AWS_RESOURCE_TYPES.vpcEndpoint]: "subnetIds",
};

/** Members of a group that wear the same groups, and the subnets they sit in. */
export interface MemberPlace {
    /** Every group these members wear, the group asked about first: the rules of all of them apply to their traffic. */
    groups: string[];
    subnets: string[];
}

/** The subnets of the members of a group; `unknown` when one member's cannot be told (or the group has no member in the stack). */
export function memberSubnets(graph: NetworkGraph, groupId: string, except: string): string[] | "unknown" {
    const places = memberPlaces(graph, groupId, except);
    return places === "unknown" ? "unknown" : [...new Set(places.flatMap((p) => p.subnets))];
}

/**
 * The members of a group by the groups they wear (the groups of the stack, and those its rules
 * name), with their subnets; `unknown` as for `memberSubnets`.
 */
export function memberPlaces(graph: NetworkGraph, groupId: string, except: string): MemberPlace[] | "unknown" {
    return graph.memo(`memberPlaces:${groupId}:${except}`, () => {
        const members = graph.membersOf(groupId).filter((m) => graph.identity(m.resource) !== except);
        if (members.length === 0) {
            return "unknown";
        }
        const others = [...knownGroups(graph)].filter((g) => g !== groupId);
        const places = new Map<string, MemberPlace>();
        for (const { resource } of members) {
            const found = subnetsOf(graph, resource);
            if (found === "unknown") {
                return "unknown";
            }
            const groups = [groupId, ...others.filter((g) => graph.membersOf(g).some((m) => m.resource === resource))];
            const place = places.get(groups.join(",")) ?? { groups, subnets: [] };
            place.subnets = [...new Set([...place.subnets, ...found])];
            places.set(groups.join(","), place);
        }
        return [...places.values()];
    });
}

/** The groups the stack creates, and those its rules belong to or name as their peer. */
function knownGroups(graph: NetworkGraph): Set<string> {
    return graph.memo("knownGroups", () => {
        const groups = new Set(graph.ofType(...SECURITY_GROUP_TYPES).map((g) => graph.identity(g)));
        for (const permission of graph.permissions) {
            groups.add(permission.securityGroupId);
            if (permission.peer.kind === "securityGroup") {
                groups.add(permission.peer.id);
            }
        }
        return groups;
    });
}

function subnetsOf(graph: NetworkGraph, resource: NetworkResource): string[] | "unknown" {
    if (resource.type === AWS_RESOURCE_TYPES.function) {
        const fn = graph.functions.find((f) => f.id === graph.identity(resource));
        return fn && fn.subnetIds.length > 0 ? fn.subnetIds : "unknown";
    }
    const own = OWN_SUBNETS[resource.type];
    if (own) {
        const found = graph.refs(resource, own, [AWS_RESOURCE_TYPES.subnet]);
        return found.length > 0 ? found : "unknown";
    }
    const grouped = SUBNET_GROUPS[resource.type];
    if (!grouped) {
        return "unknown";
    }
    // A subnet group is named by its name (or, in a preview, followed through the dependency).
    const [group] = graph.followProperty(resource, grouped.property, [grouped.groupType]).resources;
    const found = group ? graph.refs(group, "subnetIds", [AWS_RESOURCE_TYPES.subnet]) : [];
    return found.length > 0 ? found : "unknown";
}
