// Where whatever wears a security group sits: the subnets of a database's subnet group, of a
// cache's, of a function's vpcConfig, an endpoint's, a mount target's or an instance's own. The
// network ACLs of those subnets see the traffic, and their blocks are the addresses it goes to.
import { isKnownString, NetworkGraph, TYPES, value } from "../network/network-graph";
import type { NetworkResource } from "../network/network-resource";

const SUBNET_GROUPS: Record<string, { property: string; groupType: string }> = {
    "aws:rds/instance:Instance": { property: "dbSubnetGroupName", groupType: "aws:rds/subnetGroup:SubnetGroup" },
    "aws:rds/cluster:Cluster": { property: "dbSubnetGroupName", groupType: "aws:rds/subnetGroup:SubnetGroup" },
    "aws:docdb/cluster:Cluster": { property: "dbSubnetGroupName", groupType: "aws:docdb/subnetGroup:SubnetGroup" },
    "aws:elasticache/cluster:Cluster": { property: "subnetGroupName", groupType: "aws:elasticache/subnetGroup:SubnetGroup" },
    "aws:elasticache/replicationGroup:ReplicationGroup": { property: "subnetGroupName", groupType: "aws:elasticache/subnetGroup:SubnetGroup" },
};

const OWN_SUBNETS: Record<string, string> = {
    "aws:elasticache/serverlessCache:ServerlessCache": "subnetIds",
    "aws:efs/mountTarget:MountTarget": "subnetId",
    "aws:ec2/instance:Instance": "subnetId",
    "aws:lb/loadBalancer:LoadBalancer": "subnets",
    [TYPES.vpcEndpoint]: "subnetIds",
};

/** The subnets of the members of a group; `unknown` when one member's cannot be told (or the group has no member in the stack). */
export function memberSubnets(graph: NetworkGraph, groupId: string, except: string): string[] | "unknown" {
    return graph.memo(`memberSubnets:${groupId}:${except}`, () => {
        const members = graph.membersOf(groupId).filter((m) => graph.identity(m.resource) !== except);
        if (members.length === 0) {
            return "unknown";
        }
        const subnets = new Set<string>();
        for (const { resource } of members) {
            const found = subnetsOf(graph, resource);
            if (found === "unknown") {
                return "unknown";
            }
            found.forEach((s) => subnets.add(s));
        }
        return [...subnets];
    });
}

function subnetsOf(graph: NetworkGraph, resource: NetworkResource): string[] | "unknown" {
    if (resource.type === TYPES.function) {
        const fn = graph.functions.find((f) => f.id === graph.identity(resource));
        return fn && fn.subnetIds.length > 0 ? fn.subnetIds : "unknown";
    }
    const own = OWN_SUBNETS[resource.type];
    if (own) {
        const found = graph.refs(resource, own, [TYPES.subnet]);
        return found.length > 0 ? found : "unknown";
    }
    const grouped = SUBNET_GROUPS[resource.type];
    if (!grouped) {
        return "unknown";
    }
    const name = value(resource, grouped.property);
    const group = graph.ofType(grouped.groupType).find((g) =>
        isKnownString(name) ? graph.identity(g) === name || value(g, "name") === name : (resource.propertyDependencies[grouped.property] ?? []).includes(g.urn),
    );
    const found = group ? graph.refs(group, "subnetIds", [TYPES.subnet]) : [];
    return found.length > 0 ? found : "unknown";
}
