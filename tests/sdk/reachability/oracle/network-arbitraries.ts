// Random networks for the oracle, as plain specs that ./network-stack.ts turns into a stack's
// resources. Indices (a route's NAT gateway, a function's subnets) are taken modulo what exists,
// so every spec fast-check makes or shrinks to builds a valid stack. Varied where the fixed NAT
// network of ../properties.spec.ts is not: zones, dual stack, the main route table, prefix-list
// routes, NAT gateways of both kinds, gateway and interface endpoints, security group protocols,
// ports and peers in three rule styles, network ACL rule numbers, protocols, port ranges and
// families, ACLs associated both ways, the default ACL adopted.
//
// Kept out, each because the model's contract judges it coarser or differently, not as a gap:
// - no route, ACL rule or group rule names part of the public address space: the model judges
//   "the internet" and a service's public address as the space the default route takes;
// - no group that only functions wear is a destination: Lambda takes no inbound connections, and
//   every destination group is worn by a database or an instance;
// - an interface endpoint that names no group wears the VPC's default group, and the stack then
//   adopts that group (aws.ec2.DefaultSecurityGroup): without it, the stack does not show the
//   group's rules, and the model answers unknown by contract; the default group admits by block,
//   prefix list or itself, never a function's group, so it is never a destination: whatever in
//   the VPC names no group wears it, in this stack or another, and the model, counting only the
//   members that name a group, answers unknown there by contract;
// - no route is more specific than the VPC's local route, and no two prefix lists overlap;
// - no gateway endpoint is attached to the route table of a NAT gateway's subnet: AWS documents a
//   NAT gateway's way out through an internet gateway, not whether its traffic takes an endpoint;
// - a rule names an AWS-managed prefix list only beside the stack's gateway endpoint for it: without
//   the endpoint the stack does not show the list, and the model answers unknown by contract.
import fc from "fast-check";

export const SERVICES_WITH_GATEWAY = ["s3", "dynamodb"] as const;
export const SERVICES_WITH_INTERFACE = ["secretsmanager", "sts", "sqs"] as const;

export type Cidr4 = "0.0.0.0/0" | "vpc" | "10.0.0.0/8" | "192.168.0.0/16" | { subnet: number; half?: "low" | "high" };
export type Cidr6 = "::/0" | "vpc" | "fd00::/8" | { subnet: number };

export interface RouteSpec {
    destination: "0.0.0.0/0" | "::/0" | "10.0.0.0/8" | "192.168.0.0/16" | "fd00::/8" | "prefixList";
    target: "internetGateway" | "egressOnlyGateway" | { nat: number };
}

export interface TableSpec {
    routes: RouteSpec[];
    /** Routes inline in the RouteTable, or as aws.ec2.Route resources. */
    inline: boolean;
}

export type MainTableSpec = "implicit" | { associated: number } | { adopted: RouteSpec[] };

export interface SubnetSpec {
    zone: number;
    dualStack: boolean;
    table: number | "main";
    acl: number | "default";
    aclVia: "subnetIds" | "association";
}

export type PeerSpec = { cidr4: Cidr4 } | { cidr6: Cidr6 } | { group: number } | { prefixList: "customer" | "s3" | "dynamodb" } | "self";

export interface GroupRuleSpec {
    protocol: string;
    ports: [number, number];
    peer: PeerSpec;
}

export interface GroupSpec {
    /** Standalone aws.vpc rules, aws.ec2.SecurityGroupRule resources, or rules inline in the group. */
    style: "vpcRule" | "securityGroupRule" | "inline";
    rules: GroupRuleSpec[];
}

export interface TargetGroupSpec extends GroupSpec {
    /** What wears the group, in which subnets (a database: any of its subnet group's), and another target group it wears too. */
    wornBy: { kind: "database" | "instance"; subnets: number[]; alsoWears: number | undefined };
}

export interface AclRuleSpec {
    number: number;
    allow: boolean;
    protocol: string;
    ports: [number, number];
    cidr: { cidr4: Cidr4 } | { cidr6: Cidr6 };
}

export interface AclSpec {
    ingress: AclRuleSpec[];
    egress: AclRuleSpec[];
    /** Rules inline in the NetworkAcl, or as aws.ec2.NetworkAclRule resources. */
    inline: boolean;
}

export type NeedSpec = "internet" | (typeof SERVICES_WITH_GATEWAY)[number] | (typeof SERVICES_WITH_INTERFACE)[number] | { group: number; port: number };

export interface FunctionSpec {
    subnets: number[];
    groups: number[];
    ipv6AllowedForDualStack: boolean;
    /** Destinations declared in the function's vpc-lambda:needs tag. */
    needs: NeedSpec[];
    /** Services its execution role's policy lets it call: destinations too. */
    roleServices: ((typeof SERVICES_WITH_GATEWAY)[number] | (typeof SERVICES_WITH_INTERFACE)[number])[];
}

export interface NetworkSpec {
    zones: number;
    /** undefined: the attribute left to its default (DNS support on, DNS hostnames off). */
    dnsSupport: boolean | undefined;
    dnsHostnames: boolean | undefined;
    ipv6: boolean;
    internetGateway: boolean;
    egressOnlyGateway: boolean;
    subnets: SubnetSpec[];
    tables: TableSpec[];
    main: MainTableSpec;
    natGateways: { subnet: number; connectivity: "public" | "private" }[];
    gatewayEndpoints: { service: (typeof SERVICES_WITH_GATEWAY)[number]; tables: number[]; viaAssociation: boolean }[];
    /** An endpoint with `defaultGroup` names no group: AWS gives it the VPC's default group, which the stack then adopts (`defaultSecurityGroup`). */
    interfaceEndpoints: { service: (typeof SERVICES_WITH_INTERFACE)[number]; subnets: number[]; groups: number[]; privateDns: boolean; defaultGroup: boolean }[];
    /** The rules of the VPC's default group, adopted by an aws.ec2.DefaultSecurityGroup when an endpoint wears it. */
    defaultSecurityGroup: GroupRuleSpec[];
    /** A customer-managed prefix list's entries, if the stack has one. */
    prefixList: Cidr4[] | undefined;
    functionGroups: GroupSpec[];
    targetGroups: TargetGroupSpec[];
    acls: AclSpec[];
    defaultAcl: Omit<AclSpec, "inline"> | undefined;
    functions: FunctionSpec[];
}

const index = fc.nat({ max: 5 });
const indices = (max: number) => fc.uniqueArray(index, { minLength: 1, maxLength: max });

const cidr4: fc.Arbitrary<Cidr4> = fc.oneof(
    fc.constantFrom<Cidr4>("0.0.0.0/0", "vpc", "10.0.0.0/8", "192.168.0.0/16"),
    fc.record({ subnet: index }),
    fc.record({ subnet: index, half: fc.constantFrom("low" as const, "high" as const) }),
);
const cidr6: fc.Arbitrary<Cidr6> = fc.oneof(fc.constantFrom<Cidr6>("::/0", "vpc", "fd00::/8"), fc.record({ subnet: index }));

const route: fc.Arbitrary<RouteSpec> = fc.record({
    destination: fc.constantFrom("0.0.0.0/0", "0.0.0.0/0", "::/0", "10.0.0.0/8", "192.168.0.0/16", "fd00::/8", "prefixList"),
    target: fc.oneof(fc.constantFrom("internetGateway" as const, "egressOnlyGateway" as const), fc.record({ nat: index })),
});
/**
 * A table's routes: most tables are a public one (the default routes to the internet gateway), a
 * private one (to a NAT gateway and the egress-only gateway) or an isolated one, with a few random
 * routes after; the first route of a destination is the one kept.
 */
const PUBLIC_ROUTES: RouteSpec[] = [
    { destination: "0.0.0.0/0", target: "internetGateway" },
    { destination: "::/0", target: "internetGateway" },
];
const privateRoutes = index.map((nat): RouteSpec[] => [
    { destination: "0.0.0.0/0", target: { nat } },
    { destination: "::/0", target: "egressOnlyGateway" },
]);
const routes = fc
    .tuple(fc.oneof(fc.constant(PUBLIC_ROUTES), privateRoutes, privateRoutes, fc.constant([]), fc.array(route, { maxLength: 3 })), fc.array(route, { maxLength: 2 }))
    .map(([template, extra]) => [...template, ...extra]);

const SG_PORTS: [number, number][] = [[443, 443], [5432, 5432], [3306, 3306], [6379, 6379], [80, 80], [0, 65535], [1024, 65535], [400, 500], [5000, 6000]];
const groupRule = (peer: fc.Arbitrary<PeerSpec>): fc.Arbitrary<GroupRuleSpec> =>
    fc.record({ protocol: fc.constantFrom("-1", "tcp", "tcp", "6", "udp", "17", "icmp", "58"), ports: fc.constantFrom(...SG_PORTS), peer });

const functionPeer: fc.Arbitrary<PeerSpec> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ cidr4 }) },
    { weight: 1, arbitrary: fc.record({ cidr6 }) },
    { weight: 2, arbitrary: fc.record({ group: index }) },
    { weight: 1, arbitrary: fc.record({ prefixList: fc.constantFrom("customer" as const, "s3" as const, "dynamodb" as const) }) },
);
const targetPeer: fc.Arbitrary<PeerSpec> = fc.oneof(
    { weight: 2, arbitrary: fc.record({ cidr4 }) },
    { weight: 3, arbitrary: fc.record({ group: index }) },
    { weight: 1, arbitrary: fc.record({ prefixList: fc.constant("customer" as const) }) },
    { weight: 1, arbitrary: fc.constant("self" as const) },
);
const style = fc.constantFrom("vpcRule" as const, "securityGroupRule" as const, "inline" as const);

/** A function group's egress: often everything out, or HTTPS and a target group's port, then random rules. */
const functionRules = fc
    .tuple(
        fc.oneof(
            {
                weight: 3,
                arbitrary: fc.constant<GroupRuleSpec[]>([
                    { protocol: "-1", ports: [0, 0], peer: { cidr4: "0.0.0.0/0" } },
                    { protocol: "-1", ports: [0, 0], peer: { cidr6: "::/0" } },
                ]),
            },
            {
                weight: 2,
                arbitrary: index.map((group): GroupRuleSpec[] => [
                    { protocol: "tcp", ports: [443, 443], peer: { cidr4: "0.0.0.0/0" } },
                    { protocol: "tcp", ports: [5432, 5432], peer: { group } },
                ]),
            },
            { weight: 1, arbitrary: fc.constant([]) },
        ),
        fc.array(groupRule(functionPeer), { maxLength: 3 }),
    )
    .map(([template, extra]) => [...template, ...extra]);

/** A target group's ingress: often a function group on a port, then random rules. */
const targetRules = fc
    .tuple(
        fc.oneof(
            fc.record({ protocol: fc.constant("tcp"), ports: fc.constantFrom<[number, number]>([5432, 5432], [443, 443], [6379, 6379]), peer: fc.record({ group: index }) }).map((r) => [r]),
            fc.constant([]),
        ),
        fc.array(groupRule(targetPeer), { maxLength: 2 }),
    )
    .map(([template, extra]) => [...template, ...extra]);

const ACL_PORTS: [number, number][] = [[443, 443], [1024, 65535], [32768, 65535], [0, 65535], [5432, 5432], [1, 1023], [40000, 40000], [3306, 6379]];
const aclRule: fc.Arbitrary<AclRuleSpec> = fc.record({
    number: fc.constantFrom(1, 50, 99, 100, 101, 110, 200, 32766),
    allow: fc.boolean(),
    protocol: fc.constantFrom("-1", "-1", "all", "tcp", "tcp", "6", "udp", "17", "icmp", "1", "58"),
    ports: fc.constantFrom(...ACL_PORTS),
    cidr: fc.oneof({ weight: 3, arbitrary: fc.record({ cidr4 }) }, { weight: 1, arbitrary: fc.record({ cidr6 }) }),
});
/** One direction of an ACL: often everything allowed at 100 and 101, with random rules around (some numbered before). */
const ALLOW_ALL: AclRuleSpec[] = [
    { number: 100, allow: true, protocol: "-1", ports: [0, 0], cidr: { cidr4: "0.0.0.0/0" } },
    { number: 101, allow: true, protocol: "-1", ports: [0, 0], cidr: { cidr6: "::/0" } },
];
const aclRules = fc
    .tuple(fc.array(aclRule, { maxLength: 3 }), fc.oneof({ weight: 4, arbitrary: fc.constant(ALLOW_ALL) }, { weight: 1, arbitrary: fc.constant([]) }))
    .map(([extra, template]) => [...extra, ...template]);

const need: fc.Arbitrary<NeedSpec> = fc.oneof(
    fc.constantFrom<NeedSpec>("internet", ...SERVICES_WITH_GATEWAY, ...SERVICES_WITH_INTERFACE),
    fc.record({ group: index, port: fc.constantFrom(443, 5432, 3306, 6379) }),
);

const anyNetworkSpec: fc.Arbitrary<NetworkSpec> = fc.record({
    zones: fc.integer({ min: 1, max: 3 }),
    dnsSupport: fc.constantFrom(true, true, true, false, undefined),
    dnsHostnames: fc.constantFrom(true, true, false, undefined),
    ipv6: fc.boolean(),
    internetGateway: fc.constantFrom(true, true, true, false),
    egressOnlyGateway: fc.constantFrom(true, true, true, false),
    subnets: fc.array(
        fc.record({
            zone: index,
            dualStack: fc.constantFrom(true, true, true, false),
            table: fc.oneof(index, fc.constant("main" as const)),
            acl: fc.oneof(index, fc.constant("default" as const), fc.constant("default" as const)),
            aclVia: fc.constantFrom("subnetIds" as const, "association" as const),
        }),
        { minLength: 2, maxLength: 6 },
    ),
    tables: fc.array(fc.record({ routes, inline: fc.boolean() }), { minLength: 2, maxLength: 3 }),
    main: fc.oneof(fc.constant("implicit" as const), fc.record({ associated: index }), fc.record({ adopted: routes })),
    natGateways: fc.oneof(
        { weight: 4, arbitrary: fc.array(fc.record({ subnet: index, connectivity: fc.constantFrom("public" as const, "public" as const, "private" as const) }), { minLength: 1, maxLength: 2 }) },
        { weight: 1, arbitrary: fc.constant<NetworkSpec["natGateways"]>([]) },
    ),
    gatewayEndpoints: fc.uniqueArray(fc.record({ service: fc.constantFrom(...SERVICES_WITH_GATEWAY), tables: fc.uniqueArray(index, { maxLength: 3 }), viaAssociation: fc.boolean() }), {
        maxLength: 2,
        selector: (e) => e.service,
    }),
    interfaceEndpoints: fc.uniqueArray(
        fc.record({ service: fc.constantFrom(...SERVICES_WITH_INTERFACE), subnets: indices(2), groups: indices(2), privateDns: fc.boolean(), defaultGroup: fc.constantFrom(false, false, false, true) }),
        { maxLength: 2, selector: (e) => e.service },
    ),
    // By block, prefix list or itself only: a rule naming a function group would make the default
    // group a destination, and its members are not all named in any stack (see the list above).
    defaultSecurityGroup: fc.array(groupRule(fc.oneof(fc.record({ cidr4 }), fc.record({ prefixList: fc.constant("customer" as const) }), fc.constant("self" as const))), { maxLength: 3 }),
    prefixList: fc.option(fc.uniqueArray(fc.constantFrom<Cidr4>("0.0.0.0/0", "10.0.0.0/8", "192.168.0.0/16"), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    functionGroups: fc.array(fc.record({ style, rules: functionRules }), { minLength: 1, maxLength: 2 }),
    targetGroups: fc.array(
        fc.record({
            style,
            rules: targetRules,
            wornBy: fc.record({ kind: fc.constantFrom("database" as const, "instance" as const), subnets: indices(2), alsoWears: fc.option(index, { nil: undefined, freq: 3 }) }),
        }),
        { minLength: 1, maxLength: 3 },
    ),
    acls: fc.array(fc.record({ ingress: aclRules, egress: aclRules, inline: fc.boolean() }), { maxLength: 2 }),
    defaultAcl: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.record({ ingress: aclRules, egress: aclRules }) }),
    functions: fc.array(
        fc.record({
            subnets: indices(3),
            groups: indices(2),
            ipv6AllowedForDualStack: fc.constantFrom(true, true, false),
            needs: fc.uniqueArray(need, { maxLength: 4, selector: (n) => JSON.stringify(n) }),
            roleServices: fc.uniqueArray(fc.constantFrom(...SERVICES_WITH_GATEWAY, ...SERVICES_WITH_INTERFACE), { maxLength: 2 }),
        }),
        { minLength: 1, maxLength: 3 },
    ),
});

/**
 * The usual layout laid over a random network: subnet 0 public (table 0 to the internet gateway)
 * with a public NAT gateway, the other subnets private (table 1 to that NAT gateway), each table
 * keeping its random routes after; DNS on, interface endpoints with private DNS, each endpoint's
 * first group admitting the first function group on 443 before its random rules. Half the
 * networks are laid out so, for reachable cells to be as common as blocked ones; the rest stay
 * as random as they came.
 */
function withUsualLayout(spec: NetworkSpec): NetworkSpec {
    const [publicTable, privateTable, ...others] = spec.tables;
    const endpointGroups = new Set(spec.interfaceEndpoints.filter((e) => !e.defaultGroup).map((e) => e.groups[0] % spec.targetGroups.length));
    const fromFunctions: GroupRuleSpec = { protocol: "tcp", ports: [443, 443], peer: { group: 0 } };
    return {
        ...spec,
        defaultSecurityGroup: [{ protocol: "tcp", ports: [443, 443], peer: { cidr4: "vpc" } }, ...spec.defaultSecurityGroup],
        dnsSupport: true,
        dnsHostnames: true,
        interfaceEndpoints: spec.interfaceEndpoints.map((e) => ({ ...e, privateDns: true })),
        targetGroups: spec.targetGroups.map((g, i) => (endpointGroups.has(i) ? { ...g, rules: [fromFunctions, ...g.rules] } : g)),
        internetGateway: true,
        tables: [
            { ...publicTable, routes: [...PUBLIC_ROUTES, ...publicTable.routes] },
            { ...privateTable, routes: [{ destination: "0.0.0.0/0", target: { nat: 0 } }, { destination: "::/0", target: "egressOnlyGateway" }, ...privateTable.routes] },
            ...others,
        ],
        subnets: spec.subnets.map((subnet, i) => ({ ...subnet, table: i === 0 ? 0 : subnet.table === "main" ? "main" : 1 })),
        main: typeof spec.main === "object" && "adopted" in spec.main ? spec.main : { associated: 1 },
        natGateways: [{ subnet: 0, connectivity: "public" }, ...spec.natGateways.slice(1)],
        functions: spec.functions.map((fn) => ({ ...fn, subnets: fn.subnets.map((k) => 1 + (k % (spec.subnets.length - 1))) })),
    };
}

export const networkSpecs: fc.Arbitrary<NetworkSpec> = fc.oneof(anyNetworkSpec, anyNetworkSpec.map(withUsualLayout));
