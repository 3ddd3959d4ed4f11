import { AWS_RESOURCE_TYPES } from "../aws-resource-types";
import { RecordedResource, UNKNOWN } from "../testing/mock-stack";

/**
 * The planned network, read back from the resources a program registered (type, inputs,
 * outputs), so that the reports describe any stack: networks built by VpcLambdaNetwork and
 * networks written with plain `aws.*` resources alike. Resources refer to each other by id,
 * as AWS does: a route's `natGatewayId`, a function's `vpcConfig.subnetIds`. In a preview the
 * ids of new resources are unknown; the engine still records which resources each input came
 * from, so a reference is then followed through the property's dependencies, and a resource
 * is known by its URN instead of its id.
 */

/**
 * The type tokens the reports read: the table the policy pack uses too, and the egress-only
 * internet gateway, which only the reports need (no policy treats it as exposure).
 */
export const TYPES = { ...AWS_RESOURCE_TYPES, egressOnlyInternetGateway: "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway" } as const;

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
    destination: string;
    /** The family of the destination; undefined for a prefix list. */
    family?: AddressFamily;
    target: RouteTarget;
}

export interface NatGatewayNode {
    id: string;
    name: string;
    subnetId?: string;
    /** `public` NAT gateways need an Elastic IP and reach the internet through an internet gateway. */
    connectivity: "public" | "private";
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
    securityGroupId: string;
    direction: "egress" | "ingress";
    protocol: string;
    fromPort?: number;
    toPort?: number;
    peer: { kind: "securityGroup"; id: string } | { kind: "cidr"; cidr: string } | { kind: "prefixList"; id: string };
    description?: string;
}

/** Something that wears a security group: a database, a cache, an instance, a function. */
export interface SecurityGroupMember {
    resource: RecordedResource;
    kind: "database" | "cache" | "fileSystem" | "compute" | "loadBalancer" | "function" | "endpoint";
}

// Where each resource type lists the security groups it wears.
const SECURITY_GROUP_MEMBERSHIP: { type: string; path: string[]; kind: SecurityGroupMember["kind"] }[] = [
    { type: "aws:rds/instance:Instance", path: ["vpcSecurityGroupIds"], kind: "database" },
    { type: "aws:rds/cluster:Cluster", path: ["vpcSecurityGroupIds"], kind: "database" },
    { type: "aws:docdb/cluster:Cluster", path: ["vpcSecurityGroupIds"], kind: "database" },
    { type: "aws:elasticache/cluster:Cluster", path: ["securityGroupIds"], kind: "cache" },
    { type: "aws:elasticache/replicationGroup:ReplicationGroup", path: ["securityGroupIds"], kind: "cache" },
    { type: "aws:elasticache/serverlessCache:ServerlessCache", path: ["securityGroupIds"], kind: "cache" },
    { type: "aws:efs/mountTarget:MountTarget", path: ["securityGroups"], kind: "fileSystem" },
    { type: "aws:ec2/instance:Instance", path: ["vpcSecurityGroupIds"], kind: "compute" },
    { type: "aws:lb/loadBalancer:LoadBalancer", path: ["securityGroups"], kind: "loadBalancer" },
    { type: "aws:lambda/function:Function", path: ["vpcConfig", "securityGroupIds"], kind: "function" },
    { type: "aws:ec2/vpcEndpoint:VpcEndpoint", path: ["securityGroupIds"], kind: "endpoint" },
];

const SECURITY_GROUPS = [TYPES.securityGroup, TYPES.defaultSecurityGroup];

export class NetworkGraph {
    private readonly byId = new Map<string, RecordedResource>();

    constructor(readonly resources: readonly RecordedResource[]) {
        for (const resource of resources) {
            this.byId.set(resource.urn, resource);
            if (isKnownString(resource.id)) {
                this.byId.set(resource.id, resource);
            }
            // A NAT gateway names its Elastic IP by allocation id, which is not always the Eip's id.
            const allocationId = resource.outputs?.allocationId;
            if (resource.type === TYPES.eip && typeof allocationId === "string") {
                this.byId.set(allocationId, resource);
            }
        }
    }

    /** The resource with that id, or URN. */
    resource(id: string | undefined): RecordedResource | undefined {
        return id === undefined ? undefined : this.byId.get(id);
    }

    /** How the reports name a resource: its id once known, else (in a preview) its URN. */
    identity(resource: RecordedResource): string {
        return isKnownString(resource.id) ? resource.id : resource.urn;
    }

    /**
     * The resources (by identity) a reference property names: known ids as they are; unknown
     * ones through the property's dependencies, kept to the expected `types`. `at` is the value
     * inside the property when the reference is nested (`vpcConfig.subnetIds`).
     */
    refs(resource: RecordedResource, property: string, types: readonly string[], at: unknown = value(resource, property)): string[] {
        const values = Array.isArray(at) ? at : at === undefined || at === null ? [] : [at];
        const known = values.filter(isKnownString);
        if (known.length === values.length && values.length > 0) {
            return known;
        }
        const followed = (resource.propertyDependencies?.[property] ?? [])
            .map((urn) => this.byId.get(urn))
            .filter((r): r is RecordedResource => r !== undefined && types.includes(r.type))
            .map((r) => this.identity(r));
        return [...new Set([...known, ...followed])];
    }

    ref(resource: RecordedResource, property: string, types: readonly string[]): string | undefined {
        return this.refs(resource, property, types)[0];
    }

    ofType(type: string): RecordedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** A resource's display name: its Pulumi name, or the id when the stack did not create it. */
    nameOf(id: string): string {
        return this.byId.get(id)?.name ?? id;
    }

    /** The stack's VPCs; `ipv6CidrBlock` is AWS's /56 once known (an output of the VPC, so absent in a preview). */
    get vpcs(): { id: string; name: string; cidrBlock?: string; ipv6CidrBlock?: string; dualStack: boolean }[] {
        return this.ofType(TYPES.vpc).map((r) => {
            const ipv6CidrBlock = str(value(r, "ipv6CidrBlock"));
            return {
                id: this.identity(r),
                name: r.name,
                cidrBlock: str(value(r, "cidrBlock")),
                ...(ipv6CidrBlock ? { ipv6CidrBlock } : {}),
                dualStack: ipv6CidrBlock !== undefined || value(r, "assignGeneratedIpv6CidrBlock") === true || isSet(r.inputs.ipv6IpamPoolId),
            };
        });
    }

    subnet(id: string): SubnetNode {
        const r = this.byId.get(id);
        if (!r || r.type !== TYPES.subnet) {
            return { id, name: id, dualStack: false, ipv6Native: false, inStack: false };
        }
        const ipv6CidrBlock = str(value(r, "ipv6CidrBlock"));
        return {
            id,
            name: r.name,
            vpcId: this.ref(r, "vpcId", [TYPES.vpc]),
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
        return this.ofType(TYPES.subnet).map((r) => this.subnet(this.identity(r)));
    }

    /** The route table a subnet is associated with, if the stack associates it. */
    routeTableOf(subnetId: string): string | undefined {
        const association = this.ofType(TYPES.routeTableAssociation).find((r) => this.ref(r, "subnetId", [TYPES.subnet]) === subnetId);
        return association && this.ref(association, "routeTableId", [TYPES.routeTable]);
    }

    /** A route table's routes: its own `aws.ec2.Route`s and any inline `routes`. */
    routesOf(routeTableId: string): RouteNode[] {
        const routes: RouteNode[] = [];
        for (const r of this.ofType(TYPES.route)) {
            if (this.ref(r, "routeTableId", [TYPES.routeTable]) === routeTableId) {
                const route = this.routeNode(r, r.inputs, (key) => key);
                if (route) {
                    routes.push(route);
                }
            }
        }
        const table = this.byId.get(routeTableId);
        const inline = table?.type === TYPES.routeTable ? table.inputs.routes : undefined;
        for (const entry of Array.isArray(inline) ? inline : []) {
            // An inline route's dependencies are recorded on the table's `routes` as a whole.
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
        return this.ofType(TYPES.internetGateway).map((r) => ({ id: this.identity(r), name: r.name, vpcId: this.ref(r, "vpcId", [TYPES.vpc]) }));
    }

    get natGateways(): NatGatewayNode[] {
        return this.ofType(TYPES.natGateway).map((r) => {
            const connectivity = value(r, "connectivityType") === "private" ? "private" : "public";
            const secondary = this.refs(r, "secondaryAllocationIds", [TYPES.eip]);
            const primary = this.ref(r, "allocationId", [TYPES.eip]);
            const secondaryPrivate = value(r, "secondaryPrivateIpAddressCount");
            return {
                id: this.identity(r),
                name: r.name,
                subnetId: this.ref(r, "subnetId", [TYPES.subnet]),
                connectivity,
                allocationIds: [...(primary ? [primary] : []), ...secondary],
                privateAddresses:
                    1 + (typeof secondaryPrivate === "number" ? secondaryPrivate : Math.max(secondary.length, strings(value(r, "secondaryPrivateIpAddresses")).length)),
            };
        });
    }

    get egressOnlyInternetGateways(): { id: string; name: string; vpcId?: string }[] {
        return this.ofType(TYPES.egressOnlyInternetGateway).map((r) => ({ id: this.identity(r), name: r.name, vpcId: this.ref(r, "vpcId", [TYPES.vpc]) }));
    }

    natGateway(id: string): NatGatewayNode | undefined {
        return this.natGateways.find((n) => n.id === id);
    }

    get elasticIps(): RecordedResource[] {
        return this.ofType(TYPES.eip);
    }

    get endpoints(): EndpointNode[] {
        return this.ofType(TYPES.vpcEndpoint).map((r) => ({
            id: this.identity(r),
            name: r.name,
            service: shortServiceName(str(value(r, "serviceName")) ?? r.name),
            // The provider's default endpoint type is Gateway.
            type: (str(value(r, "vpcEndpointType")) ?? "Gateway") as EndpointNode["type"],
            vpcId: this.ref(r, "vpcId", [TYPES.vpc]),
            subnetIds: this.refs(r, "subnetIds", [TYPES.subnet]),
            routeTableIds: this.refs(r, "routeTableIds", [TYPES.routeTable]),
        }));
    }

    get functions(): FunctionNode[] {
        return this.ofType(TYPES.function)
            .map((r) => {
                const vpcConfig = value(r, "vpcConfig");
                const known = isPlainObject(vpcConfig) ? vpcConfig : {};
                // A vpcConfig unknown as a whole (a preview) still records where its ids come from.
                const configured = vpcConfig !== undefined && vpcConfig !== null;
                const ipv6Allowed = known.ipv6AllowedForDualStack;
                return {
                    id: this.identity(r),
                    name: r.name,
                    subnetIds: configured ? this.refs(r, "vpcConfig", [TYPES.subnet], known.subnetIds ?? null) : [],
                    securityGroupIds: configured ? this.refs(r, "vpcConfig", SECURITY_GROUPS, known.securityGroupIds ?? null) : [],
                    // Absent is the provider's default, false; a vpcConfig unknown as a whole says nothing.
                    ...(typeof ipv6Allowed === "boolean" ? { ipv6AllowedForDualStack: ipv6Allowed } : isPlainObject(vpcConfig) && ipv6Allowed === undefined ? { ipv6AllowedForDualStack: false } : {}),
                };
            })
            .filter((fn) => fn.subnetIds.length > 0);
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
        const permissions: SecurityGroupPermission[] = [];
        for (const r of this.resources) {
            if (r.type === TYPES.egressRule || r.type === TYPES.ingressRule) {
                const securityGroupId = this.ref(r, "securityGroupId", SECURITY_GROUPS);
                const referenced = r.inputs.referencedSecurityGroupId !== undefined ? this.ref(r, "referencedSecurityGroupId", SECURITY_GROUPS) : undefined;
                const peer = rulePeer(referenced, r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6, r.inputs.prefixListId);
                if (peer && securityGroupId) {
                    permissions.push({
                        securityGroupId,
                        direction: r.type === TYPES.egressRule ? "egress" : "ingress",
                        protocol: String(r.inputs.ipProtocol ?? "-1"),
                        fromPort: r.inputs.fromPort,
                        toPort: r.inputs.toPort,
                        peer,
                        description: r.inputs.description,
                    });
                }
            } else if (r.type === TYPES.securityGroupRule && this.ref(r, "securityGroupId", SECURITY_GROUPS)) {
                const securityGroupId = this.ref(r, "securityGroupId", SECURITY_GROUPS)!;
                const source = r.inputs.sourceSecurityGroupId !== undefined ? this.ref(r, "sourceSecurityGroupId", SECURITY_GROUPS) : undefined;
                const cidrs = [...strings(r.inputs.cidrBlocks), ...strings(r.inputs.ipv6CidrBlocks)];
                const peers = [
                    ...(source ? [{ kind: "securityGroup" as const, id: source }] : []),
                    ...cidrs.map((cidr) => ({ kind: "cidr" as const, cidr })),
                    ...strings(r.inputs.prefixListIds).map((id) => ({ kind: "prefixList" as const, id })),
                ];
                for (const peer of peers) {
                    permissions.push({
                        securityGroupId,
                        direction: r.inputs.type === "ingress" ? "ingress" : "egress",
                        protocol: String(r.inputs.protocol ?? "-1"),
                        fromPort: r.inputs.fromPort,
                        toPort: r.inputs.toPort,
                        peer,
                        description: r.inputs.description,
                    });
                }
            } else if (r.type === TYPES.securityGroup) {
                const groupId = this.identity(r);
                for (const direction of ["ingress", "egress"] as const) {
                    for (const rule of Array.isArray(r.inputs[direction]) ? r.inputs[direction] : []) {
                        const peers = [
                            ...strings(rule.securityGroups).map((id) => ({ kind: "securityGroup" as const, id })),
                            ...(rule.self ? [{ kind: "securityGroup" as const, id: groupId }] : []),
                            ...[...strings(rule.cidrBlocks), ...strings(rule.ipv6CidrBlocks)].map((cidr) => ({ kind: "cidr" as const, cidr })),
                            ...strings(rule.prefixListIds).map((id) => ({ kind: "prefixList" as const, id })),
                        ];
                        for (const peer of peers) {
                            permissions.push({ securityGroupId: groupId, direction, protocol: String(rule.protocol ?? "-1"), fromPort: rule.fromPort, toPort: rule.toPort, peer, description: rule.description });
                        }
                    }
                }
            }
        }
        return permissions;
    }

    /** What wears the security group, as far as this stack shows. */
    membersOf(securityGroupId: string): SecurityGroupMember[] {
        const members: SecurityGroupMember[] = [];
        for (const { type, path, kind } of SECURITY_GROUP_MEMBERSHIP) {
            for (const r of this.ofType(type)) {
                const at = path.reduce<unknown>((v, key) => (isPlainObject(v) ? v[key] : v), r.inputs);
                if (at === undefined) {
                    continue;
                }
                if (this.refs(r, path[0], SECURITY_GROUPS, at).includes(securityGroupId)) {
                    members.push({ resource: r, kind });
                }
            }
        }
        return members;
    }

    /**
     * A route's target. `dependenciesOf` names the property whose dependencies hold a target
     * that is unknown in a preview (the route's own, or an inline route's table's `routes`).
     */
    private routeNode(owner: RecordedResource, inputs: Record<string, any>, dependenciesOf: (key: string) => string): RouteNode | undefined {
        const ipv4 = str(inputs.destinationCidrBlock);
        const ipv6 = str(inputs.destinationIpv6CidrBlock);
        const destination = ipv4 ?? ipv6 ?? str(inputs.destinationPrefixListId);
        if (!destination) {
            return undefined;
        }
        const family: AddressFamily | undefined = ipv4 ? (ipv4.includes(":") ? "ipv6" : "ipv4") : ipv6 ? "ipv6" : undefined;
        const at = { destination, ...(family ? { family } : {}) };
        const follow = (key: string, type: string) => (inputs[key] === undefined ? undefined : this.refs(owner, dependenciesOf(key), [type], inputs[key])[0]);
        const nat = follow("natGatewayId", TYPES.natGateway);
        if (nat) {
            return { ...at, target: { kind: "natGateway", id: nat } };
        }
        // `gatewayId` holds internet gateways (and virtual private gateways, `vgw-`).
        const igw = follow("gatewayId", TYPES.internetGateway);
        if (igw && !igw.startsWith("vgw-")) {
            return { ...at, target: { kind: "internetGateway", id: igw } };
        }
        const eigw = follow("egressOnlyGatewayId", TYPES.egressOnlyInternetGateway);
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
        return this.ofType(TYPES.flowLog).map((r) => ({ name: r.name, destinationType: str(value(r, "logDestinationType")) ?? "cloud-watch-logs" }));
    }
}

/** `com.amazonaws.us-east-1.ecr.api` -> `ecr.api`. */
export function shortServiceName(serviceName: string): string {
    const parts = serviceName.split(".");
    return parts[0] === "com" && parts[1] === "amazonaws" && parts.length > 3 ? parts.slice(3).join(".") : serviceName;
}


function rulePeer(securityGroupId: unknown, cidr: unknown, prefixListId: unknown): SecurityGroupPermission["peer"] | undefined {
    if (typeof securityGroupId === "string") {
        return { kind: "securityGroup", id: securityGroupId };
    }
    if (typeof cidr === "string") {
        return { kind: "cidr", cidr };
    }
    if (typeof prefixListId === "string") {
        return { kind: "prefixList", id: prefixListId };
    }
    return undefined;
}

/** An input as the program gave it, else the mocked provider's output. */
function value(resource: RecordedResource, key: string): unknown {
    return resource.inputs[key] ?? resource.outputs?.[key];
}

/** Given a value, known or not yet (an unknown still says the program set it). */
function isSet(v: unknown): boolean {
    return v !== undefined && v !== null && v !== "";
}

function str(v: unknown): string | undefined {
    return isKnownString(v) ? v : undefined;
}

/** The SDK's mocks stand for an unknown value with this string (an `unknown` marker elsewhere). */

function isKnownString(v: unknown): v is string {
    return typeof v === "string" && v !== "" && v !== UNKNOWN;
}

function isPlainObject(v: unknown): v is Record<string, any> {
    return typeof v === "object" && v !== null && !Array.isArray(v) && !("__pulumiUnknown" in v);
}

function strings(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function unique<T>(items: T[]): T[] {
    return [...new Set(items)];
}
