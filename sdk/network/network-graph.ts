import { AWS_RESOURCE_TYPES, awsServiceOf, ROUTE_TABLE_TYPES, SECURITY_GROUP_TYPES } from "../aws/resource-types";
import { isKnownString, isPlainObject, isSet, isUnknown } from "./known-values";
import { NetworkResource, value } from "./network-resource";
import { pushTo, ResourceIndex } from "./resource-index";

export { isKnownString, isPlainObject, isSet } from "./known-values";
export { value } from "./network-resource";
export { pushTo } from "./resource-index";

/**
 * The planned network, read back from the resources a program registered (type, inputs,
 * outputs), so that the reports, the reachability model and the policies describe any stack:
 * networks built by VpcLambdaNetwork and networks written with plain `aws.*` resources alike.
 * It reads the resources through their index (resource-index.ts), which follows references by
 * id, ARN or name, and through the engine's property dependencies in a preview.
 */

/** The two address families a route or a block belongs to. */
export type AddressFamily = "ipv4" | "ipv6";

/** The destination of a family's default route: everything. */
export const ANY_DESTINATION: Record<AddressFamily, string> = { ipv4: "0.0.0.0/0", ipv6: "::/0" };

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
    /** False for a subnet the stack only refers to (an existing VPC's): its size is unknown here. */
    inStack: boolean;
}

export type RouteTarget =
    | { kind: "natGateway"; id: string }
    | { kind: "internetGateway"; id: string }
    /** IPv6 out only: the internet cannot open a connection back. */
    | { kind: "egressOnlyInternetGateway"; id: string }
    | { kind: "other"; id: string; property: string };

export interface RouteNode {
    /** A CIDR block or a prefix list id; a placeholder when `destinationUnknown`. */
    destination: string;
    /** The family of the destination; undefined for a prefix list. */
    family?: AddressFamily;
    /** The destination is a prefix list (`destinationPrefixListId`). */
    prefixList?: true;
    /** The destination is not known yet (a preview): the route may take any traffic. */
    destinationUnknown?: true;
    target: RouteTarget;
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

export interface EndpointNode {
    id: string;
    name: string;
    /** The short service name: `s3`, `secretsmanager`, `ecr.api`. */
    service: string;
    type: "Gateway" | "Interface" | "GatewayLoadBalancer";
    vpcId?: string;
    subnetIds: string[];
    routeTableIds: string[];
}

export interface FunctionNode {
    id: string;
    name: string;
    subnetIds: string[];
    securityGroupIds: string[];
    /** `vpcConfig.ipv6AllowedForDualStack`: undefined when not known (a preview of a computed vpcConfig). */
    ipv6AllowedForDualStack?: boolean;
}

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

export class NetworkGraph extends ResourceIndex {
    /** The stack's VPCs; `ipv6CidrBlock` is AWS's /56 once known (an output of the VPC, so absent in a preview). */
    get vpcs(): { id: string; name: string; cidrBlock?: string; ipv6CidrBlock?: string; dualStack: boolean }[] {
        return this.memo("vpcs", () => this.ofType(AWS_RESOURCE_TYPES.vpc).map((r) => {
            const ipv6CidrBlock = str(value(r, "ipv6CidrBlock"));
            return {
                id: this.identity(r),
                name: r.name,
                cidrBlock: str(value(r, "cidrBlock")),
                ...(ipv6CidrBlock ? { ipv6CidrBlock } : {}),
                dualStack: ipv6CidrBlock !== undefined || value(r, "assignGeneratedIpv6CidrBlock") === true || isSet(r.inputs.ipv6IpamPoolId),
            };
        }));
    }

    subnet(id: string): SubnetNode {
        return this.memo(`subnet:${id}`, () => this.readSubnet(id));
    }

    private readSubnet(id: string): SubnetNode {
        const r = this.resource(id);
        if (!r || r.type !== AWS_RESOURCE_TYPES.subnet) {
            return { id, name: id, dualStack: false, ipv6Native: false, inStack: false };
        }
        const ipv6CidrBlock = str(value(r, "ipv6CidrBlock"));
        return {
            id,
            name: r.name,
            vpcId: this.ref(r, "vpcId", [AWS_RESOURCE_TYPES.vpc]),
            cidrBlock: str(value(r, "cidrBlock")),
            ...(ipv6CidrBlock ? { ipv6CidrBlock } : {}),
            // Unknown in a preview when computed from the VPC's block: still a dual-stack subnet.
            dualStack: ipv6CidrBlock !== undefined || isSet(r.inputs.ipv6CidrBlock),
            ipv6Native: value(r, "ipv6Native") === true,
            zone: str(value(r, "availabilityZone")) ?? str(value(r, "availabilityZoneId")),
            inStack: true,
        };
    }

    get subnets(): SubnetNode[] {
        return this.ofType(AWS_RESOURCE_TYPES.subnet).map((r) => this.subnet(this.identity(r)));
    }

    /** The route table a subnet is associated with, if the stack associates it. */
    routeTableOf(subnetId: string): string | undefined {
        const associations = this.memo("routeTableAssociations", () => {
            const bySubnet = new Map<string, string | undefined>();
            for (const association of this.ofType(AWS_RESOURCE_TYPES.routeTableAssociation)) {
                const subnet = this.ref(association, "subnetId", [AWS_RESOURCE_TYPES.subnet]);
                if (subnet !== undefined && !bySubnet.has(subnet)) {
                    bySubnet.set(subnet, this.ref(association, "routeTableId", ROUTE_TABLE_TYPES));
                }
            }
            return bySubnet;
        });
        return associations.get(subnetId);
    }

    /**
     * The route table that decides a subnet's routing: the one associated with it, else its
     * VPC's main route table (AWS's rule for a subnet with no association). `implicit` is a new
     * VPC's own main table, which the stack does not manage and which holds the local route only;
     * undefined when the stack cannot tell (a subnet or VPC it does not create).
     */
    routingTableOf(subnetId: string): { id: string; implicit: boolean } | undefined {
        const associated = this.routeTableOf(subnetId);
        if (associated !== undefined) {
            return { id: associated, implicit: false };
        }
        const subnet = this.subnet(subnetId);
        return subnet.inStack && subnet.vpcId !== undefined ? this.mainRouteTableOf(subnet.vpcId) : undefined;
    }

    /** A VPC's main route table: chosen with a MainRouteTableAssociation, adopted as a DefaultRouteTable, or the new VPC's own. */
    mainRouteTableOf(vpcId: string): { id: string; implicit: boolean } | undefined {
        return this.memo(`mainRouteTable:${vpcId}`, () => {
            const chosen = this.ofType(AWS_RESOURCE_TYPES.mainRouteTableAssociation).find((a) => this.ref(a, "vpcId", [AWS_RESOURCE_TYPES.vpc]) === vpcId);
            const chosenTable = chosen && this.ref(chosen, "routeTableId", ROUTE_TABLE_TYPES);
            if (chosenTable !== undefined) {
                return { id: chosenTable, implicit: false };
            }
            const vpc = this.resource(vpcId);
            if (!vpc || vpc.type !== AWS_RESOURCE_TYPES.vpc) {
                return undefined;
            }
            // aws.ec2.DefaultRouteTable adopts the main table through the VPC's `defaultRouteTableId`.
            const vpcTableIds = [value(vpc, "defaultRouteTableId"), value(vpc, "mainRouteTableId")].filter(isKnownString);
            const adopted = this.ofType(AWS_RESOURCE_TYPES.defaultRouteTable).find((table) => {
                const id = value(table, "defaultRouteTableId");
                return isKnownString(id) ? vpcTableIds.includes(id) : (table.propertyDependencies.defaultRouteTableId ?? []).includes(vpc.urn);
            });
            return adopted ? { id: this.identity(adopted), implicit: false } : { id: `${vpcId}#main`, implicit: true };
        });
    }

    /** A route table's routes: its own `aws.ec2.Route`s and any inline `routes`. */
    routesOf(routeTableId: string): RouteNode[] {
        const byTable = this.memo("routesByTable", () => {
            const found = new Map<string, RouteNode[]>();
            for (const r of this.ofType(AWS_RESOURCE_TYPES.route)) {
                const table = this.ref(r, "routeTableId", ROUTE_TABLE_TYPES);
                const route = table === undefined ? undefined : this.routeNode(r, r.inputs, (key) => key);
                if (table !== undefined && route) {
                    pushTo(found, table, route);
                }
            }
            return found;
        });
        return this.memo(`routes:${routeTableId}`, () => [...(byTable.get(routeTableId) ?? []), ...this.inlineRoutesOf(routeTableId)]);
    }

    private inlineRoutesOf(routeTableId: string): RouteNode[] {
        const routes: RouteNode[] = [];
        const table = this.resource(routeTableId);
        const inline = table && ROUTE_TABLE_TYPES.includes(table.type) ? value(table, "routes") : undefined;
        for (const entry of Array.isArray(inline) ? inline : []) {
            // An inline route's dependencies are recorded on the table's `routes` as a whole.
            if (!isPlainObject(entry)) {
                continue;
            }
            const route = this.routeNode(table!, { destinationCidrBlock: entry.cidrBlock, destinationIpv6CidrBlock: entry.ipv6CidrBlock, ...entry }, () => "routes");
            if (route) {
                routes.push(route);
            }
        }
        return routes;
    }

    /** Where a subnet sends traffic for the internet (`0.0.0.0/0`, or `::/0` for IPv6), if anywhere. */
    defaultRouteOf(subnetId: string, family: AddressFamily = "ipv4"): RouteTarget | undefined {
        const table = this.routeTableOf(subnetId);
        return table ? this.routesOf(table).find((r) => r.family === family && r.destination === ANY_DESTINATION[family])?.target : undefined;
    }

    /** Where a subnet sends IPv6 traffic for the internet (`::/0`), if anywhere. */
    ipv6DefaultRouteOf(subnetId: string): RouteTarget | undefined {
        return this.defaultRouteOf(subnetId, "ipv6");
    }

    /** The subnet's way to the internet for each family, by the kind of target: `{ ipv4: "natGateway", ipv6: "egressOnlyInternetGateway" }`. */
    defaultRoutesOf(subnetId: string): Partial<Record<AddressFamily, RouteTarget>> {
        const ipv4 = this.defaultRouteOf(subnetId, "ipv4");
        const ipv6 = this.defaultRouteOf(subnetId, "ipv6");
        return { ...(ipv4 ? { ipv4 } : {}), ...(ipv6 ? { ipv6 } : {}) };
    }

    get internetGateways(): { id: string; name: string; vpcId?: string }[] {
        return this.ofType(AWS_RESOURCE_TYPES.internetGateway).map((r) => ({ id: this.identity(r), name: r.name, vpcId: this.ref(r, "vpcId", [AWS_RESOURCE_TYPES.vpc]) }));
    }

    get natGateways(): NatGatewayNode[] {
        return this.memo("natGateways", () => this.ofType(AWS_RESOURCE_TYPES.natGateway).map((r) => {
            const given = value(r, "connectivityType");
            const connectivity = isUnknown(given) ? "unknown" : given === "private" ? "private" : "public";
            const secondary = this.refs(r, "secondaryAllocationIds", [AWS_RESOURCE_TYPES.eip]);
            const primary = this.ref(r, "allocationId", [AWS_RESOURCE_TYPES.eip]);
            const secondaryPrivate = value(r, "secondaryPrivateIpAddressCount");
            return {
                id: this.identity(r),
                name: r.name,
                subnetId: this.ref(r, "subnetId", [AWS_RESOURCE_TYPES.subnet]),
                connectivity,
                allocationIds: [...(primary ? [primary] : []), ...secondary],
                privateAddresses:
                    1 + (typeof secondaryPrivate === "number" ? secondaryPrivate : Math.max(secondary.length, strings(value(r, "secondaryPrivateIpAddresses")).length)),
            };
        }));
    }

    get egressOnlyInternetGateways(): { id: string; name: string; vpcId?: string }[] {
        return this.ofType(AWS_RESOURCE_TYPES.egressOnlyInternetGateway).map((r) => ({ id: this.identity(r), name: r.name, vpcId: this.ref(r, "vpcId", [AWS_RESOURCE_TYPES.vpc]) }));
    }

    natGateway(id: string): NatGatewayNode | undefined {
        return this.natGateways.find((n) => n.id === id);
    }

    get elasticIps(): NetworkResource[] {
        return this.ofType(AWS_RESOURCE_TYPES.eip);
    }

    get endpoints(): EndpointNode[] {
        return this.memo("endpoints", () => this.ofType(AWS_RESOURCE_TYPES.vpcEndpoint).map((r) => ({
            id: this.identity(r),
            name: r.name,
            service: shortServiceName(str(value(r, "serviceName")) ?? r.name),
            // The provider's default endpoint type is Gateway.
            type: (str(value(r, "vpcEndpointType")) ?? "Gateway") as EndpointNode["type"],
            vpcId: this.ref(r, "vpcId", [AWS_RESOURCE_TYPES.vpc]),
            subnetIds: this.refs(r, "subnetIds", [AWS_RESOURCE_TYPES.subnet]),
            routeTableIds: this.refs(r, "routeTableIds", ROUTE_TABLE_TYPES),
        })));
    }

    get functions(): FunctionNode[] {
        return this.memo("functions", () => this.ofType(AWS_RESOURCE_TYPES.function)
            .map((r) => {
                const vpcConfig = value(r, "vpcConfig");
                const known = isPlainObject(vpcConfig) ? vpcConfig : {};
                // A vpcConfig unknown as a whole (a preview) still records where its ids come from.
                const configured = vpcConfig !== undefined && vpcConfig !== null;
                const ipv6Allowed = known.ipv6AllowedForDualStack;
                return {
                    id: this.identity(r),
                    name: r.name,
                    subnetIds: configured ? this.refs(r, "vpcConfig", [AWS_RESOURCE_TYPES.subnet], known.subnetIds ?? null) : [],
                    securityGroupIds: configured ? this.refs(r, "vpcConfig", SECURITY_GROUP_TYPES, known.securityGroupIds ?? null) : [],
                    // Absent is the provider's default, false; a vpcConfig unknown as a whole says nothing.
                    ...(typeof ipv6Allowed === "boolean" ? { ipv6AllowedForDualStack: ipv6Allowed } : isPlainObject(vpcConfig) && ipv6Allowed === undefined ? { ipv6AllowedForDualStack: false } : {}),
                };
            })
            .filter((fn) => fn.subnetIds.length > 0));
    }

    /**
     * The subnets Lambda functions run in: those of the stack's functions' `vpcConfig`; in a
     * stack without functions (a network-only stack), its subnets with no route to an internet
     * gateway (of either family), which is where functions would go.
     */
    get lambdaSubnetIds(): string[] {
        const fromFunctions = unique(this.functions.flatMap((fn) => fn.subnetIds));
        if (fromFunctions.length > 0) {
            return fromFunctions;
        }
        return this.subnets.filter((s) => this.defaultRouteOf(s.id, "ipv4")?.kind !== "internetGateway" && this.defaultRouteOf(s.id, "ipv6")?.kind !== "internetGateway").map((s) => s.id);
    }

    /** Every rule of the stack, whichever of the provider's three ways declares it. */
    get permissions(): SecurityGroupPermission[] {
        return this.memo("permissions", () => this.readPermissions());
    }

    /** The rules of one group, by direction. */
    permissionsOf(securityGroupId: string, direction: "egress" | "ingress"): SecurityGroupPermission[] {
        const byGroup = this.memo("permissionsByGroup", () => {
            const grouped = new Map<string, SecurityGroupPermission[]>();
            for (const p of this.permissions) {
                const key = `${p.direction}|${p.securityGroupId}`;
                pushTo(grouped, key, p);
            }
            return grouped;
        });
        return byGroup.get(`${direction}|${securityGroupId}`) ?? [];
    }

    private readPermissions(): SecurityGroupPermission[] {
        const permissions: SecurityGroupPermission[] = [];
        const add = (securityGroupId: string | undefined, direction: "egress" | "ingress", rule: Record<string, any>, protocolKey: string, peers: SecurityGroupPermission["peer"][]) => {
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
                });
            }
        };
        for (const r of this.resources) {
            if (r.type === AWS_RESOURCE_TYPES.egressRule || r.type === AWS_RESOURCE_TYPES.ingressRule) {
                const securityGroupId = this.ref(r, "securityGroupId", SECURITY_GROUP_TYPES);
                const referenced = isSet(r.inputs.referencedSecurityGroupId) ? this.ref(r, "referencedSecurityGroupId", SECURITY_GROUP_TYPES) : undefined;
                // A gateway endpoint's prefix list is unknown until it exists: its dependency names the endpoint.
                const prefixList = isSet(r.inputs.prefixListId) ? this.ref(r, "prefixListId", PREFIX_LIST_OWNERS) : undefined;
                const peer = rulePeer(r.inputs.referencedSecurityGroupId, referenced, r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6, prefixList ?? r.inputs.prefixListId);
                add(securityGroupId, r.type === AWS_RESOURCE_TYPES.egressRule ? "egress" : "ingress", r.inputs, "ipProtocol", peer ? [peer] : []);
            } else if (r.type === AWS_RESOURCE_TYPES.securityGroupRule) {
                const securityGroupId = this.ref(r, "securityGroupId", SECURITY_GROUP_TYPES);
                const source = isSet(r.inputs.sourceSecurityGroupId) ? this.ref(r, "sourceSecurityGroupId", SECURITY_GROUP_TYPES) : undefined;
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
                    add(securityGroupId, each, r.inputs, "protocol", direction ? peers : peers.map(() => ({ kind: "unknown" as const })));
                }
            } else if (r.type === AWS_RESOURCE_TYPES.securityGroup || r.type === AWS_RESOURCE_TYPES.defaultSecurityGroup) {
                const groupId = this.identity(r);
                for (const direction of ["ingress", "egress"] as const) {
                    const inline = r.inputs[direction];
                    if (isUnknown(inline)) {
                        add(groupId, direction, {}, "protocol", [{ kind: "unknown" }]);
                        continue;
                    }
                    for (const rule of Array.isArray(inline) ? inline : []) {
                        if (!isPlainObject(rule)) {
                            add(groupId, direction, {}, "protocol", [{ kind: "unknown" }]);
                            continue;
                        }
                        const peers: SecurityGroupPermission["peer"][] = [
                            ...listPeers(rule.securityGroups, (id) => ({ kind: "securityGroup" as const, id })),
                            ...(rule.self === true ? [{ kind: "securityGroup" as const, id: groupId }] : isUnknown(rule.self) ? [{ kind: "unknown" as const }] : []),
                            ...cidrPeers(rule.cidrBlocks),
                            ...cidrPeers(rule.ipv6CidrBlocks),
                            ...listPeers(rule.prefixListIds, (id) => ({ kind: "prefixList" as const, id })),
                        ];
                        add(groupId, direction, rule, "protocol", peers);
                    }
                }
            }
        }
        return permissions;
    }

    /** What wears the security group, as far as this stack shows. */
    membersOf(securityGroupId: string): SecurityGroupMember[] {
        const byGroup = this.memo("membersByGroup", () => {
            const members = new Map<string, SecurityGroupMember[]>();
            for (const { type, path, kind } of SECURITY_GROUP_MEMBERSHIP) {
                for (const r of this.ofType(type)) {
                    const at = path.reduce<unknown>((v, key) => (isPlainObject(v) ? v[key] : v), r.inputs);
                    if (at === undefined) {
                        continue;
                    }
                    for (const group of new Set(this.refs(r, path[0], SECURITY_GROUP_TYPES, at))) {
                        pushTo(members, group, { resource: r, kind });
                    }
                }
            }
            return members;
        });
        return byGroup.get(securityGroupId) ?? [];
    }

    /**
     * A route's target. `dependenciesOf` names the property whose dependencies hold a target
     * that is unknown in a preview (the route's own, or an inline route's table's `routes`).
     */
    private routeNode(owner: NetworkResource, inputs: Record<string, any>, dependenciesOf: (key: string) => string): RouteNode | undefined {
        const ipv4 = str(inputs.destinationCidrBlock);
        const ipv6 = str(inputs.destinationIpv6CidrBlock);
        const prefixList = str(inputs.destinationPrefixListId);
        const destination = ipv4 ?? ipv6 ?? prefixList;
        const unknown = [inputs.destinationCidrBlock, inputs.destinationIpv6CidrBlock, inputs.destinationPrefixListId].some(isUnknown);
        if (!destination && !unknown) {
            return undefined;
        }
        const family: AddressFamily | undefined = ipv4 ? (ipv4.includes(":") ? "ipv6" : "ipv4") : ipv6 ? "ipv6" : undefined;
        const at: Omit<RouteNode, "target"> = destination
            ? { destination, ...(family ? { family } : {}), ...(destination === prefixList ? { prefixList: true as const } : {}) }
            : { destination: "(destination unknown until deployed)", destinationUnknown: true };
        const follow = (key: string, type: string) => (inputs[key] === undefined ? undefined : this.refs(owner, dependenciesOf(key), [type], inputs[key])[0]);
        const nat = follow("natGatewayId", AWS_RESOURCE_TYPES.natGateway);
        if (nat) {
            return { ...at, target: { kind: "natGateway", id: nat } };
        }
        // `gatewayId` holds internet gateways (and virtual private gateways, `vgw-`).
        const igw = follow("gatewayId", AWS_RESOURCE_TYPES.internetGateway);
        if (igw && !igw.startsWith("vgw-")) {
            return { ...at, target: { kind: "internetGateway", id: igw } };
        }
        const eigw = follow("egressOnlyGatewayId", AWS_RESOURCE_TYPES.egressOnlyInternetGateway);
        if (eigw) {
            return { ...at, target: { kind: "egressOnlyInternetGateway", id: eigw } };
        }
        const other = ["transitGatewayId", "vpcPeeringConnectionId", "networkInterfaceId", "egressOnlyGatewayId", "vpcEndpointId", "gatewayId", "localGatewayId", "carrierGatewayId", "coreNetworkArn"].find(
            (key) => inputs[key] !== undefined && inputs[key] !== null && inputs[key] !== "",
        );
        return other ? { ...at, target: { kind: "other", id: isKnownString(inputs[other]) ? inputs[other] : `${other} (unknown until deployed)`, property: other } } : undefined;
    }

    /** Where flow logs go, per flow log: `cloud-watch-logs` (the provider's default), `s3`, `kinesis-data-firehose`. */
    get flowLogDestinations(): { name: string; destinationType: string }[] {
        return this.ofType(AWS_RESOURCE_TYPES.flowLog).map((r) => ({ name: r.name, destinationType: str(value(r, "logDestinationType")) ?? "cloud-watch-logs" }));
    }
}

/** `com.amazonaws.us-east-1.ecr.api` (or `cn.com.amazonaws.cn-north-1.ecr.api`) -> `ecr.api`; any other name as it is. */
export function shortServiceName(serviceName: string): string {
    return awsServiceOf(serviceName) ?? serviceName;
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

function str(v: unknown): string | undefined {
    return isKnownString(v) ? v : undefined;
}

function strings(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function unique<T>(items: T[]): T[] {
    return [...new Set(items)];
}
