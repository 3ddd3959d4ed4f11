import { reachabilityMatrix } from "../../sdk/reachability/model";
import type { Hop, Reachability } from "../../sdk/reachability/types";
import { FunctionAccess, groupCell, networkAccess, NetworkAccess } from "./diagram-access";
import { aggregateChart, DetailChart, DetailEdge, DetailNode } from "./flowchart-aggregate";
import { Flowchart, FlowNode, renderMermaid } from "./mermaid";
import { fitMermaidLimits, MermaidLimits } from "./mermaid-limits";
import { AWS_RESOURCE_TYPES } from "../../sdk/aws/resource-types";
import { ANY_DESTINATION, NetworkGraph, RouteTarget, SecurityGroupMember, SecurityGroupPermission, shortServiceName, SubnetNode } from "../../sdk/network/network-graph";
import { HOP_TITLES } from "./reachability-matrix";
import { endpointsOnSubnet, routesUnknown } from "./subnet-routes";

/**
 * The planned network as a Mermaid flowchart, drawn the way the seed guide draws its
 * patterns: the functions, their subnets zone by zone inside the VPC, where each subnet's
 * traffic goes (NAT gateway -> internet gateway -> internet; the gateway endpoints of S3 and
 * DynamoDB and the interface endpoints, each its service's door), what the functions' security groups let
 * them reach (a database) and let in from the internet, and what they cannot reach, crossed
 * out. In a dual-stack network each family's way out is drawn on its own, labelled with its
 * destination: `0.0.0.0/0` through the NAT gateway, `::/0` through the egress-only internet
 * gateway (no NAT needed: IPv6 addresses are public, the gateway only lets connections out).
 * What a function reaches, and what is crossed out, is the reachability model's answer
 * (`diagram-access.ts` reads it); this file only draws it.
 *
 * It is drawn one node per resource, then folded (`flowchart-aggregate.ts`): functions with the
 * same subnets and security groups become one node, alike zones one zone group, the twenty
 * interface endpoints one node; and if even that is more than Mermaid draws, cut to fit with a
 * note (`mermaid-limits.ts`).
 */

const CLASSES = {
    function: "fill:#99ff99,stroke:#333",
    nat: "fill:#99ccff,stroke:#333",
    endpoint: "fill:#ffcc99,stroke:#333",
    unreachable: "fill:#ff9999,stroke:#333",
};

/**
 * What the diagram draws at most, within Mermaid's own limits (`MERMAID_LIMITS`): past a couple
 * of hundred edges a diagram is no longer read in a pull request, only waited for (Mermaid took
 * 13 s to lay out 200 edges in headless Chromium on this project's 2-core machine, and 66 s for
 * 442), and 30,000 characters leave half of GitHub's 65,536-character comment to the tables.
 */
export const DIAGRAM_LIMITS: MermaidLimits = { maxEdges: 200, maxTextSize: 30_000 };

export interface DiagramOptions {
    /** The limits to stay within: `DIAGRAM_LIMITS` unless a test asks for others. */
    limits?: MermaidLimits;
    /** The stack's reachability matrix, when the caller has it already (the review report does). */
    reachability?: readonly Reachability[];
}

export function buildNetworkDiagram(graph: NetworkGraph, options: DiagramOptions = {}): Flowchart {
    const access = networkAccess(graph, options.reachability ?? reachabilityMatrix(graph));
    const { chart, members } = aggregateChart(drawNetwork(graph, access));
    const limits = options.limits ?? DIAGRAM_LIMITS;
    const functionCount = (node: FlowNode) => (members.get(node.id) ?? []).filter((m) => m.kind === "function").length;
    // The smallest groups of functions go first: the big ones are most of the stack.
    const expendable = chart.nodes.filter((n) => functionCount(n) > 0).sort((a, b) => functionCount(a) - functionCount(b)).map((n) => n.id);
    return fitMermaidLimits(chart, {
        limits,
        expendable,
        note: (omitted) => {
            const functions = omitted.reduce((sum, n) => sum + functionCount(n), 0);
            const groups = omitted.filter((n) => functionCount(n) > 0).length;
            const others = omitted.length - groups;
            const what = [
                ...(functions > 0 ? [`${functions} function${functions === 1 ? "" : "s"} in ${groups} group${groups === 1 ? "" : "s"}`] : []),
                ...(others > 0 ? [`${others} other node${others === 1 ? "" : "s"}`] : []),
            ];
            return [`${what.join(" and ")} not drawn:`, `this diagram stops at ${limits.maxEdges} edges and ${limits.maxTextSize.toLocaleString("en-US")} characters`];
        },
    });
}

/** The Mermaid text of the planned network. */
export function renderNetworkDiagram(graph: NetworkGraph, options: DiagramOptions = {}): string {
    return renderMermaid(buildNetworkDiagram(graph, options));
}

/** One node per resource, with every edge between them: what `aggregateChart` folds. */
function drawNetwork(graph: NetworkGraph, access: NetworkAccess): DetailChart {
    const nodes = new Map<string, DetailNode>();
    const edges: DetailEdge[] = [];
    const vpcs = new Map<string, { key: string; label: string; idName: string }>();
    const node = (key: string, make: () => Omit<DetailNode, "key">): string => {
        if (!nodes.has(key)) {
            nodes.set(key, { key, ...make() });
        }
        return key;
    };
    const edge = (from: string, to: string, kind: DetailEdge["kind"], label?: string) => edges.push({ from, to, kind, ...(label ? { label } : {}) });
    const stackVpcs = graph.vpcs;
    const vpcKey = (vpcId: string | undefined): string => {
        const key = vpcId ?? "unknown";
        if (!vpcs.has(key)) {
            const vpc = stackVpcs.find((v) => v.id === vpcId);
            const label = vpc
                ? `VPC ${vpc.name}${vpc.cidrBlock ? ` ${vpc.cidrBlock}` : ""}${vpc.ipv6CidrBlock ? ` ${vpc.ipv6CidrBlock}` : vpc.dualStack ? " + IPv6 /56" : ""}`
                : vpcId
                  ? `VPC ${vpcId} (not in this stack)`
                  : "VPC (not in this stack)";
            vpcs.set(key, { key, label, idName: vpc?.name ?? key });
        }
        return key;
    };
    const internet = () => node("internet", () => ({ label: ["Internet"], shape: "circle", prefix: "net", idName: "internet" }));
    const service = (name: string) =>
        node(`service:${name}`, () => ({ label: [serviceTitle(name)], shape: "stadium", prefix: "svc", idName: name, kind: "service", title: "API", packed: true }));
    const internetGateway = (igwId: string, nearVpc: string | undefined) => {
        const igw = graph.internetGateways.find((g) => g.id === igwId);
        const name = graph.nameOf(igwId);
        return node(igwId, () => ({ label: [`Internet gateway ${name}`], shape: "box", prefix: "igw", idName: name, vpc: vpcKey(igw?.vpcId ?? nearVpc) }));
    };

    const functions = graph.functions;
    // A subnet the stack does not create is in the VPC of its functions' security groups: Lambda
    // takes both in one VPC (Lambda API, CreateFunction VpcConfig: "security groups and subnets in the VPC").
    const vpcOfSubnet = new Map<string, string | undefined>();
    for (const fn of functions) {
        const groupVpc = fn.securityGroupIds.map((g) => graph.resource(g)).map((r) => r && graph.ref(r, "vpcId", [AWS_RESOURCE_TYPES.vpc])).find((v) => v !== undefined);
        fn.subnetIds.forEach((s) => vpcOfSubnet.set(s, graph.subnet(s).vpcId ?? vpcOfSubnet.get(s) ?? groupVpc));
    }
    const subnetVpc = (subnet: SubnetNode) => subnet.vpcId ?? vpcOfSubnet.get(subnet.id);
    const subnetNode = (subnetId: string, role: "lambda" | "public") => {
        const subnet = graph.subnet(subnetId);
        return node(subnetId, () => ({
            label: [subnet.name, ...(subnet.cidrBlock ? [subnet.cidrBlock] : []), ...ipv6Label(subnet), ...(role === "lambda" && routesUnknown(graph, subnetId) ? ["not in this stack: routes unknown"] : [])],
            shape: "box",
            prefix: "subnet",
            idName: subnet.name,
            kind: `${role}Subnet`,
            title: role === "lambda" ? "Lambda subnet" : "public subnet",
            vpc: vpcKey(subnetVpc(subnet)),
            zone: subnet.zone ?? "zone unknown",
        }));
    };

    // Functions -> their subnets; functions outside any VPC -> Lambda's own network.
    const functionNode = (id: string, name: string) =>
        node(id, () => ({ label: [`Lambda ${name}`], shape: "rounded", className: "function", prefix: "fn", idName: name, kind: "function", title: "Lambda", packed: true }));
    for (const fn of functions) {
        const fnNode = functionNode(fn.id, fn.name);
        fn.subnetIds.forEach((subnetId) => edge(fnNode, subnetNode(subnetId, "lambda"), "route"));
    }
    for (const functionId of access.outsideAnyVpc) {
        edge(functionNode(functionId, graph.nameOf(functionId)), internet(), "route", "no VPC: Lambda's own network");
    }

    // Each Lambda subnet's way out, by its route table.
    const endpoints = graph.endpoints;
    for (const subnetId of graph.lambdaSubnetIds) {
        const from = subnetNode(subnetId, "lambda");
        const subnet = graph.subnet(subnetId);
        const vpc = subnetVpc(subnet);
        const target = graph.defaultRouteOf(subnetId);
        if (target?.kind === "natGateway") {
            natGatewayPath(from, target.id, vpc);
        } else if (target?.kind === "internetGateway") {
            // A function's ENIs never get a public address, so an internet gateway route takes them nowhere.
            edge(from, internet(), "blocked", "internet gateway route, but Lambda gets no public IP");
        } else if (target?.kind === "other") {
            edge(from, otherTarget(target), "route", ANY_DESTINATION.ipv4);
        }

        // IPv6 goes its own way: `::/0` never goes through a NAT gateway.
        const ipv6Target = graph.defaultRouteOf(subnetId, "ipv6");
        if (ipv6Target?.kind === "egressOnlyInternetGateway") {
            const eigw = graph.egressOnlyInternetGateways.find((g) => g.id === ipv6Target.id);
            const name = graph.nameOf(ipv6Target.id);
            const eigwNode = node(ipv6Target.id, () => ({ label: [`Egress-only IGW ${name}`, "IPv6, outbound only"], shape: "box", className: "nat", prefix: "eigw", idName: name, vpc: vpcKey(eigw?.vpcId ?? vpc) }));
            edge(from, eigwNode, "route", ANY_DESTINATION.ipv6);
            edge(eigwNode, internet(), "route", ANY_DESTINATION.ipv6);
        } else if (ipv6Target?.kind === "internetGateway") {
            // Unlike IPv4, an IPv6 address is public: this route works both ways (lambda-private-subnets rejects it).
            const igwNode = internetGateway(ipv6Target.id, vpc);
            edge(from, igwNode, "route", `${ANY_DESTINATION.ipv6}, inbound too`);
            edge(igwNode, internet(), "route");
        } else if (ipv6Target?.kind === "natGateway" || ipv6Target?.kind === "other") {
            edge(from, otherTarget(ipv6Target), "route", ANY_DESTINATION.ipv6);
        }

        const unknownTable = routesUnknown(graph, subnetId) && graph.routingTableOf(subnetId) === undefined;
        // Gateway endpoints of the subnet's VPC on route tables the stack does not associate
        // (an existing VPC's): the subnet uses them if its route table is one of theirs.
        const guessed = unknownTable ? endpoints.filter((e) => e.type === "Gateway" && e.vpcId !== undefined && e.vpcId === vpc) : [];
        for (const endpoint of [...endpointsOnSubnet(graph, subnetId, endpoints, vpc), ...guessed]) {
            const kind = endpoint.type === "Gateway" ? "gateway endpoint" : "interface endpoint";
            const endpointNode = node(endpoint.id, () => ({
                label: [`${endpoint.service} ${kind}`, ...(endpoint.type === "Interface" ? [`in ${endpoint.subnetIds.length} zone${endpoint.subnetIds.length === 1 ? "" : "s"}`] : [])],
                shape: "box",
                className: "endpoint",
                prefix: "vpce",
                idName: endpoint.name,
                kind: `endpoint:${endpoint.type}`,
                title: kind,
                packed: true,
                vpc: vpcKey(endpoint.vpcId ?? vpc),
            }));
            edge(from, endpointNode, "route", guessed.includes(endpoint) ? "if its route table is the endpoint's" : undefined);
        }
    }

    /** Lambda subnet -> NAT gateway -> internet gateway -> internet, when the NAT gateway's own subnet routes there. */
    function natGatewayPath(from: string, natGatewayId: string, nearVpc: string | undefined): void {
        const nat = graph.natGateway(natGatewayId);
        const host = nat?.subnetId ? graph.subnet(nat.subnetId) : undefined;
        const name = graph.nameOf(natGatewayId);
        const natNode = node(natGatewayId, () => ({
            label: [`NAT gateway ${name}`, ...(host ? [`in ${host.name}`] : [])],
            shape: "box",
            className: "nat",
            prefix: "nat",
            idName: name,
            kind: "nat",
            title: "NAT gateway",
            vpc: vpcKey((host && subnetVpc(host)) ?? nearVpc),
            ...(host?.zone ? { zone: host.zone } : {}),
        }));
        edge(from, natNode, "route", ANY_DESTINATION.ipv4);
        if (!nat) {
            // A NAT gateway the stack does not create: assume it is built as AWS documents.
            edge(natNode, internet(), "route");
        } else if (nat.connectivity === "private") {
            edge(natNode, internet(), "blocked", "private NAT gateway");
        } else {
            const out = nat.subnetId ? graph.defaultRouteOf(nat.subnetId) : undefined;
            if (out?.kind === "internetGateway") {
                const igwNode = internetGateway(out.id, host && subnetVpc(host));
                edge(natNode, igwNode, "route");
                edge(igwNode, internet(), "route");
            } else {
                edge(natNode, internet(), "blocked", "its subnet has no internet gateway route");
            }
        }
    }

    function otherTarget(target: Exclude<RouteTarget, { kind: "internetGateway" | "egressOnlyInternetGateway" }>): string {
        const what = target.kind === "other" ? target.property.replace(/Id$/, "") : "NAT gateway";
        const name = graph.nameOf(target.id);
        return node(target.id, () => ({ label: [`${what} ${name}`], shape: "box", prefix: "via", idName: name }));
    }

    // Public subnets: those that are not the functions' and route to an internet gateway.
    const lambdaSubnets = new Set(graph.lambdaSubnetIds);
    for (const subnet of graph.subnets.filter((s) => !lambdaSubnets.has(s.id))) {
        const byTarget = new Map<string, string[]>();
        for (const family of ["ipv4", "ipv6"] as const) {
            const target = graph.defaultRouteOf(subnet.id, family);
            if (target?.kind === "internetGateway") {
                byTarget.set(target.id, [...(byTarget.get(target.id) ?? []), ANY_DESTINATION[family]]);
            }
        }
        for (const [igwId, destinations] of byTarget) {
            const igwNode = internetGateway(igwId, subnet.vpcId);
            edge(subnetNode(subnet.id, "public"), igwNode, "route", destinations.join(", "));
            edge(igwNode, internet(), "route");
        }
    }

    // What the functions' security groups open, to whatever wears the target group.
    const permissions = graph.permissions;
    const membersOf = memo((groupId: string) => graph.membersOf(groupId));
    const functionIds = new Set(functions.map((fn) => fn.id));
    const accessOf = new Map(access.functions.map((f) => [f.functionId, f]));
    for (const fn of functions) {
        for (const rule of permissions.filter((p) => p.direction === "egress" && p.peer.kind === "securityGroup" && fn.securityGroupIds.includes(p.securityGroupId))) {
            const targetGroup = (rule.peer as { id: string }).id;
            const members = membersOf(targetGroup).filter((m) => graph.identity(m.resource) !== fn.id);
            const targetResource = graph.resource(targetGroup);
            const vpcOfTarget = targetResource ? graph.ref(targetResource, "vpcId", [AWS_RESOURCE_TYPES.vpc]) : undefined;
            const targets = members.length > 0 ? members.map((m) => memberNode(m)) : [securityGroupNode(targetGroup, vpcOfTarget)];
            const { kind, remark } = admission(graph, accessOf.get(fn.id)!, targetGroup, rule);
            const label = `${portLabel(rule)}${rule.description ? ` ${rule.description}` : ""}${remark}`;
            targets.forEach((target) => edge(fn.id, target, kind, label));
        }
        // The whole internet let in by the function's own group: the policy pack's `/0` test.
        for (const rule of permissions.filter((p) => p.direction === "ingress" && p.peer.kind === "cidr" && p.peer.cidr.trim().endsWith("/0") && fn.securityGroupIds.includes(p.securityGroupId))) {
            edge(internet(), fn.id, "permission", `${portLabel(rule)} in from ${(rule.peer as { cidr: string }).cidr}`);
        }
    }

    function memberNode(member: SecurityGroupMember): string {
        const r = member.resource;
        const identity = graph.identity(r);
        if (member.kind === "function" && functionIds.has(identity)) {
            return identity;
        }
        const vpc = vpcKey(graph.ref(r, "vpcId", [AWS_RESOURCE_TYPES.vpc]) ?? stackVpcs[0]?.id);
        if (member.kind === "endpoint") {
            // The same node as the endpoint's route, when it is drawn.
            const name = shortServiceName(String(r.inputs.serviceName ?? r.name));
            return node(identity, () => ({ label: [`${name} interface endpoint`], shape: "box", className: "endpoint", prefix: "vpce", idName: r.name, kind: "endpoint:Interface", title: "interface endpoint", packed: true, vpc }));
        }
        const what = MEMBER_TITLES[member.kind](r.type);
        const detail = typeof r.inputs.engine === "string" ? [r.inputs.engine] : [];
        return node(identity, () => ({
            label: [`${what} ${r.name}`, ...detail],
            shape: member.kind === "database" || member.kind === "cache" ? "database" : "box",
            prefix: "res",
            idName: r.name,
            kind: `member:${what}`,
            title: what,
            packed: true,
            vpc,
        }));
    }

    function securityGroupNode(groupId: string, vpcId: string | undefined): string {
        const name = graph.nameOf(groupId);
        return node(groupId, () => ({ label: [`security group ${name}`, "(nothing in this stack wears it)"], shape: "box", prefix: "sg", idName: name, vpc: vpcKey(vpcId ?? stackVpcs[0]?.id) }));
    }

    // What the functions cannot reach, crossed out as in the seed guide.
    const subnetsOf = new Map(functions.map((fn) => [fn.id, fn.subnetIds]));
    for (const fn of access.functions) {
        const subnetIds = subnetsOf.get(fn.functionId)!;
        if (fn.internet === "blocked") {
            // A subnet routed to an internet gateway already says why it gets nowhere.
            if (!subnetIds.some((s) => graph.defaultRouteOf(s)?.kind === "internetGateway")) {
                edge(fn.functionId, internet(), "blocked", internetBlockedLabel(fn.subnetsWithoutInternet[0].blockedAt));
            }
            const apis = node("aws-apis", () => ({ label: ["AWS APIs without an endpoint"], shape: "stadium", className: "unreachable", prefix: "svc", idName: "aws_apis" }));
            const why = internetBlockedLabel(fn.subnetsWithoutInternet[0].blockedAt);
            edge(fn.functionId, apis, "blocked", why === NO_ROUTE ? "no route" : why);
        } else {
            fn.subnetsWithoutInternet.forEach((s) => edge(s.subnetId, internet(), "blocked", internetBlockedLabel(s.blockedAt)));
        }
        for (const { service: name, calledByRole, blockedAt } of fn.blockedServices) {
            const target = service(name);
            nodes.get(target)!.className = "unreachable";
            edge(fn.functionId, target, "blocked", `${calledByRole ? "its role allows calls" : "declared needed"}, but ${serviceBlockedReason(blockedAt)}`);
        }
    }
    if (functions.length === 0 && access.lambdaSubnets.length > 0 && access.lambdaSubnets.every((s) => s.internet === "blocked")) {
        access.lambdaSubnets.forEach((s) => edge(subnetNode(s.subnetId, "lambda"), internet(), "blocked", "no route to the internet"));
    }
    const intoInternet = edges.filter((e) => e.to === "internet");
    if (intoInternet.length > 0 && intoInternet.every((e) => e.kind === "blocked")) {
        nodes.get("internet")!.className = "unreachable";
    }

    const ordered = [...vpcs.values()];
    return { nodes: [...nodes.values()], edges, vpcs: ordered, classes: CLASSES };
}

function memo<K, V>(compute: (key: K) => V): (key: K) => V {
    const cache = new Map<K, V>();
    return (key) => {
        if (!cache.has(key)) {
            cache.set(key, compute(key));
        }
        return cache.get(key)!;
    };
}

/** The IPv6 line of a subnet's label: its /64 when known, or that it gets one when deployed. */
function ipv6Label(subnet: SubnetNode): string[] {
    return subnet.ipv6CidrBlock ? [subnet.ipv6CidrBlock] : subnet.dualStack ? ["IPv6 /64 known after deploy"] : [];
}

const MEMBER_TITLES: Record<SecurityGroupMember["kind"], (type: string) => string> = {
    database: (type) => (type.startsWith("aws:docdb") ? "DocumentDB" : "RDS"),
    cache: () => "ElastiCache",
    fileSystem: () => "EFS mount target",
    compute: () => "EC2",
    loadBalancer: () => "Load balancer",
    function: () => "Lambda",
    endpoint: () => "VPC endpoint",
};

/**
 * How an egress rule to a security group is drawn, from the model's cell for the function, the
 * group and the rule's port: the edge stands for the two groups' rules, so it is a permission
 * when the target's group admits the function (whatever the model cannot tell further on, such
 * as the network ACLs of subnets the stack does not show), crossed (`unadmitted`) with the hop
 * when the way is blocked, and a permission saying so when the admission itself is not known.
 */
function admission(graph: NetworkGraph, access: FunctionAccess, targetGroup: string, rule: SecurityGroupPermission): { kind: "permission" | "unadmitted"; remark: string } {
    const protocol = rule.protocol.toLowerCase();
    const cell = groupCell(access, targetGroup, protocol === "tcp" || protocol === "6" ? rule.fromPort : undefined);
    if (cell?.verdict === "blocked") {
        const at = cell.blockedAt!;
        return { kind: "unadmitted", remark: at.hop === "securityGroupIngress" ? `, not admitted by ${graph.nameOf(targetGroup)}` : `, blocked at the ${HOP_TITLES[at.hop]}${at.resource ? ` ${at.resource}` : ""}` };
    }
    const ingress = cell?.path.find((hop) => hop.hop === "securityGroupIngress");
    return { kind: "permission", remark: ingress?.status === "allows" ? "" : `, admission by ${graph.nameOf(targetGroup)} unknown` };
}

const NO_ROUTE = "no route to the internet";

/** Why a function's way to the internet is crossed out, from the hop that stops it. */
function internetBlockedLabel(blockedAt: Hop): string {
    switch (blockedAt.hop) {
        case "subnet":
        case "function":
        case "routeTable":
        case "route":
            return NO_ROUTE;
        default:
            return `blocked at the ${HOP_TITLES[blockedAt.hop]}${blockedAt.resource ? ` ${blockedAt.resource}` : ""}`;
    }
}

/** Why a service is crossed out: no endpoint and no way out, or the hop that stops it. */
function serviceBlockedReason(blockedAt: Hop): string {
    switch (blockedAt.hop) {
        case "route":
        case "dns":
            return "no endpoint";
        default:
            return `blocked at the ${HOP_TITLES[blockedAt.hop]}${blockedAt.resource ? ` ${blockedAt.resource}` : ""}`;
    }
}

function portLabel(rule: SecurityGroupPermission): string {
    if (rule.protocol === "-1") {
        return "all traffic";
    }
    const ports = rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`;
    return `${rule.protocol} ${ports}`;
}

const SERVICE_TITLES: Record<string, string> = { s3: "Amazon S3", dynamodb: "Amazon DynamoDB" };

function serviceTitle(service: string): string {
    return SERVICE_TITLES[service] ?? `${service} API`;
}
