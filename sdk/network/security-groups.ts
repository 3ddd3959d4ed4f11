import { AWS_RESOURCE_TYPES, SECURITY_GROUP_TYPES } from "../aws/resource-types";
import { isKnownString, isPlainObject, isSet, isUnknown } from "./known-values";
import type { NetworkResource } from "./network-resource";
import { pushTo, ResourceIndex } from "./resource-index";

/** An egress or ingress permission between a security group and a peer. */
export interface SecurityGroupPermission {
    /** The group the rule belongs to; undefined when it cannot be told (a preview, a reference out of the stack). */
    securityGroupId: string;
    direction: "egress" | "ingress";
    /** `-1` (all), `tcp`, `udp`, `icmp`, a protocol number; `unknown` until deployed. */
    protocol: string;
    /** Undefined when the rule has none (all traffic) or, with `portsUnknown`, when not known yet. */
    fromPort?: number;
    toPort?: number;
    /** The ports are not known yet (a preview). */
    portsUnknown?: true;
    peer: { kind: "securityGroup"; id: string } | { kind: "cidr"; cidr: string } | { kind: "prefixList"; id: string } | { kind: "unknown" };
    description?: string;
    /** The resource that declares the rule: the group itself (an inline rule), or a rule resource. */
    declaredBy: NetworkResource;
}

/** Something that wears a security group: a database, a cache, an instance, a function. */
export interface SecurityGroupMember {
    resource: NetworkResource;
    kind: "database" | "cache" | "fileSystem" | "compute" | "loadBalancer" | "function" | "endpoint";
}

// Where each resource type lists the security groups it wears.
const SECURITY_GROUP_MEMBERSHIP: { type: string; path: string[]; kind: SecurityGroupMember["kind"] }[] = [
    { type: AWS_RESOURCE_TYPES.dbInstance, path: ["vpcSecurityGroupIds"], kind: "database" },
    { type: AWS_RESOURCE_TYPES.dbCluster, path: ["vpcSecurityGroupIds"], kind: "database" },
    { type: AWS_RESOURCE_TYPES.docdbCluster, path: ["vpcSecurityGroupIds"], kind: "database" },
    { type: AWS_RESOURCE_TYPES.cacheCluster, path: ["securityGroupIds"], kind: "cache" },
    { type: AWS_RESOURCE_TYPES.cacheReplicationGroup, path: ["securityGroupIds"], kind: "cache" },
    { type: AWS_RESOURCE_TYPES.serverlessCache, path: ["securityGroupIds"], kind: "cache" },
    { type: AWS_RESOURCE_TYPES.efsMountTarget, path: ["securityGroups"], kind: "fileSystem" },
    { type: AWS_RESOURCE_TYPES.instance, path: ["vpcSecurityGroupIds"], kind: "compute" },
    { type: AWS_RESOURCE_TYPES.loadBalancer, path: ["securityGroups"], kind: "loadBalancer" },
    { type: AWS_RESOURCE_TYPES.function, path: ["vpcConfig", "securityGroupIds"], kind: "function" },
    { type: AWS_RESOURCE_TYPES.vpcEndpoint, path: ["securityGroupIds"], kind: "endpoint" },
];

/** What a prefix-list id in a rule may lead to: a managed prefix list, or a gateway endpoint (its `prefixListId`). */
const PREFIX_LIST_OWNERS: readonly string[] = [AWS_RESOURCE_TYPES.managedPrefixList, AWS_RESOURCE_TYPES.vpcEndpoint];

/** Every rule of the stack, whichever of the provider's three ways declares it. */
export function permissionsOf(index: ResourceIndex): SecurityGroupPermission[] {
    return index.memo("permissions", () => readPermissions(index));
}

/** The rules of one group, by direction. */
export function groupPermissionsOf(index: ResourceIndex, securityGroupId: string, direction: "egress" | "ingress"): SecurityGroupPermission[] {
    const byGroup = index.memo("permissionsByGroup", () => {
        const grouped = new Map<string, SecurityGroupPermission[]>();
        for (const p of permissionsOf(index)) {
            pushTo(grouped, `${p.direction}|${p.securityGroupId}`, p);
        }
        return grouped;
    });
    return byGroup.get(`${direction}|${securityGroupId}`) ?? [];
}

/** What wears the security group, as far as this stack shows. */
export function membersOf(index: ResourceIndex, securityGroupId: string): SecurityGroupMember[] {
    const byGroup = index.memo("membersByGroup", () => {
        const members = new Map<string, SecurityGroupMember[]>();
        for (const { type, path, kind } of SECURITY_GROUP_MEMBERSHIP) {
            for (const r of index.ofType(type)) {
                const at = path.reduce<unknown>((v, key) => (isPlainObject(v) ? v[key] : v), r.inputs);
                if (at === undefined) {
                    continue;
                }
                for (const group of new Set(index.refs(r, path[0], SECURITY_GROUP_TYPES, at))) {
                    pushTo(members, group, { resource: r, kind });
                }
            }
        }
        return members;
    });
    return byGroup.get(securityGroupId) ?? [];
}

function readPermissions(index: ResourceIndex): SecurityGroupPermission[] {
    const permissions: SecurityGroupPermission[] = [];
    const add = (declaredBy: NetworkResource, securityGroupId: string | undefined, direction: "egress" | "ingress", rule: Record<string, any>, protocolKey: string, peers: SecurityGroupPermission["peer"][]) => {
        const protocol = rule[protocolKey];
        const portsUnknown = isUnknown(rule.fromPort) || isUnknown(rule.toPort);
        for (const peer of peers) {
            permissions.push({
                securityGroupId: securityGroupId ?? UNATTRIBUTED_GROUP,
                direction,
                protocol: isUnknown(protocol) ? "unknown" : String(protocol ?? "-1"),
                ...(portsUnknown ? { portsUnknown: true as const } : {}),
                ...(typeof rule.fromPort === "number" ? { fromPort: rule.fromPort } : {}),
                ...(typeof rule.toPort === "number" ? { toPort: rule.toPort } : {}),
                peer,
                ...(isKnownString(rule.description) ? { description: rule.description } : {}),
                declaredBy,
            });
        }
    };
    for (const r of index.resources) {
        if (r.type === AWS_RESOURCE_TYPES.egressRule || r.type === AWS_RESOURCE_TYPES.ingressRule) {
            const securityGroupId = index.ref(r, "securityGroupId", SECURITY_GROUP_TYPES);
            const referenced = isSet(r.inputs.referencedSecurityGroupId) ? index.ref(r, "referencedSecurityGroupId", SECURITY_GROUP_TYPES) : undefined;
            // A gateway endpoint's prefix list is unknown until it exists: its dependency names the endpoint.
            const prefixList = isSet(r.inputs.prefixListId) ? index.ref(r, "prefixListId", PREFIX_LIST_OWNERS) : undefined;
            const peer = rulePeer(r.inputs.referencedSecurityGroupId, referenced, r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6, prefixList ?? r.inputs.prefixListId);
            add(r, securityGroupId, r.type === AWS_RESOURCE_TYPES.egressRule ? "egress" : "ingress", r.inputs, "ipProtocol", peer ? [peer] : []);
        } else if (r.type === AWS_RESOURCE_TYPES.securityGroupRule) {
            const securityGroupId = index.ref(r, "securityGroupId", SECURITY_GROUP_TYPES);
            const source = isSet(r.inputs.sourceSecurityGroupId) ? index.ref(r, "sourceSecurityGroupId", SECURITY_GROUP_TYPES) : undefined;
            const peers: SecurityGroupPermission["peer"][] = [
                ...(source ? [{ kind: "securityGroup" as const, id: source }] : isSet(r.inputs.sourceSecurityGroupId) ? [{ kind: "unknown" as const }] : []),
                ...(r.inputs.self === true && securityGroupId ? [{ kind: "securityGroup" as const, id: securityGroupId }] : []),
                ...cidrPeers(r.inputs.cidrBlocks),
                ...cidrPeers(r.inputs.ipv6CidrBlocks),
                ...listPeers(r.inputs.prefixListIds, (id) => ({ kind: "prefixList" as const, id })),
            ];
            const direction: "ingress" | "egress" | undefined = isUnknown(r.inputs.type) ? undefined : r.inputs.type === "ingress" ? "ingress" : "egress";
            // A rule whose direction is not known yet may be either.
            for (const each of direction ? [direction] : (["ingress", "egress"] as const)) {
                add(r, securityGroupId, each, r.inputs, "protocol", direction ? peers : peers.map(() => ({ kind: "unknown" as const })));
            }
        } else if (r.type === AWS_RESOURCE_TYPES.securityGroup || r.type === AWS_RESOURCE_TYPES.defaultSecurityGroup) {
            const groupId = index.identity(r);
            for (const direction of ["ingress", "egress"] as const) {
                const inline = r.inputs[direction];
                if (isUnknown(inline)) {
                    add(r, groupId, direction, {}, "protocol", [{ kind: "unknown" }]);
                    continue;
                }
                for (const rule of Array.isArray(inline) ? inline : []) {
                    if (!isPlainObject(rule)) {
                        add(r, groupId, direction, {}, "protocol", [{ kind: "unknown" }]);
                        continue;
                    }
                    const peers: SecurityGroupPermission["peer"][] = [
                        ...listPeers(rule.securityGroups, (id) => ({ kind: "securityGroup" as const, id })),
                        ...(rule.self === true ? [{ kind: "securityGroup" as const, id: groupId }] : isUnknown(rule.self) ? [{ kind: "unknown" as const }] : []),
                        ...cidrPeers(rule.cidrBlocks),
                        ...cidrPeers(rule.ipv6CidrBlocks),
                        ...listPeers(rule.prefixListIds, (id) => ({ kind: "prefixList" as const, id })),
                    ];
                    add(r, groupId, direction, rule, "protocol", peers);
                }
            }
        }
    }
    return permissions;
}

// Protocols by name: AWS takes names or IANA numbers, and -1 (or the provider's `all`) for every
// protocol on every port (the EC2 API reference, IpPermission IpProtocol).
const PROTOCOL_NAMES: Record<string, string> = { "-1": "all", all: "all", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6" };

/** A rule's protocol by name: `all`, `tcp`, `udp`, `icmp`, `icmpv6`, another number as given, or `unknown` until deployed. */
export function protocolOf(permission: SecurityGroupPermission): string {
    const given = permission.protocol.toLowerCase();
    return PROTOCOL_NAMES[given] ?? given;
}

/**
 * Whether a rule carries TCP traffic to `port`: `maybe` while its protocol or ports are not
 * known. A TCP rule without ports (which AWS refuses) is read as covering every port.
 */
export function carriesTcp(permission: SecurityGroupPermission, port: number): "yes" | "no" | "maybe" {
    const protocol = protocolOf(permission);
    if (protocol === "all") {
        return "yes";
    }
    if (protocol === "unknown") {
        return "maybe";
    }
    if (protocol !== "tcp") {
        return "no";
    }
    if (permission.portsUnknown) {
        return "maybe";
    }
    return (permission.fromPort ?? 0) <= port && port <= (permission.toPort ?? 65535) ? "yes" : "no";
}

/**
 * The group a rule belongs to when it cannot be told (unknown in a preview, with no dependency to
 * follow): kept, so that the rule still counts as one that might allow.
 */
export const UNATTRIBUTED_GROUP = "(security group unknown until deployed)";

/** The peer of an `aws.vpc.SecurityGroup{Ingress,Egress}Rule`: `given` is the referenced group as written, `followed` where it led. */
function rulePeer(given: unknown, followed: string | undefined, cidr: unknown, prefixListId: unknown): SecurityGroupPermission["peer"] | undefined {
    if (followed !== undefined) {
        return { kind: "securityGroup", id: followed };
    }
    if (isKnownString(cidr)) {
        return { kind: "cidr", cidr };
    }
    if (isKnownString(prefixListId)) {
        return { kind: "prefixList", id: prefixListId };
    }
    return [given, cidr, prefixListId].some(isUnknown) ? { kind: "unknown" } : undefined;
}

/** CIDR peers of a rule's list; an element or list not known yet is an unknown peer. */
function cidrPeers(list: unknown): SecurityGroupPermission["peer"][] {
    return listPeers(list, (cidr) => ({ kind: "cidr" as const, cidr }));
}

function listPeers(list: unknown, peer: (value: string) => SecurityGroupPermission["peer"]): SecurityGroupPermission["peer"][] {
    if (isUnknown(list)) {
        return [{ kind: "unknown" }];
    }
    return (Array.isArray(list) ? list : []).map((element) => (isKnownString(element) ? peer(element) : { kind: "unknown" as const }));
}
