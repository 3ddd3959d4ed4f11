import { servicesFunctionCalls } from "./called-services";
import { Flowchart, FlowEdge, FlowGroup, FlowNode, mermaidId, renderMermaid } from "./mermaid";
import { ANY_DESTINATION, NetworkGraph, SecurityGroupMember, SecurityGroupPermission, shortServiceName, SubnetNode, TYPES } from "./network-graph";

/**
 * The planned network as a Mermaid flowchart, drawn the way the seed guide draws its
 * patterns: the functions, their subnets zone by zone inside the VPC, where each subnet's
 * traffic goes (NAT gateway -> internet gateway -> internet; gateway endpoints -> S3 and
 * DynamoDB; interface endpoints -> their services), what the functions' security groups let
 * them reach (a database), and what the pattern cannot reach, crossed out. In a dual-stack
 * network each family's way out is drawn on its own, labelled with its destination: `0.0.0.0/0`
 * through the NAT gateway, `::/0` through the egress-only internet gateway (no NAT needed: IPv6
 * addresses are public, the gateway only lets connections out).
 */

const CLASSES = {
    function: "fill:#99ff99,stroke:#333",
    nat: "fill:#99ccff,stroke:#333",
    endpoint: "fill:#ffcc99,stroke:#333",
    unreachable: "fill:#ff9999,stroke:#333",
};

export function buildNetworkDiagram(graph: NetworkGraph): Flowchart {
    const taken = new Set<string>();
    const nodes: FlowNode[] = [];
    const edges: FlowEdge[] = [];
    const ids = new Map<string, string>();
    const edgeKeys = new Set<string>();
    const nodeFor: NodeFor = (key, prefix, name, make) => {
        let id = ids.get(key);
        if (!id) {
            id = mermaidId(prefix, name, taken);
            ids.set(key, id);
            nodes.push({ id, ...make() });
        }
        return id;
    };
    const edge = (from: string, to: string, kind: FlowEdge["kind"], label?: string) => {
        const key = `${from}|${to}|${kind}|${label ?? ""}`;
        if (!edgeKeys.has(key)) {
            edgeKeys.add(key);
            edges.push({ from, to, kind, ...(label ? { label } : {}) });
        }
    };
    const internet = () => nodeFor("internet", "net", "internet", () => ({ label: ["Internet"], shape: "circle" }));
    const service = (name: string) => nodeFor(`service:${name}`, "svc", name, () => ({ label: [serviceTitle(name)], shape: "stadium" }));

    const vpcGroups = new Map<string, FlowGroup>();
    const vpcGroup = (vpcId: string | undefined): FlowGroup => {
        const key = vpcId ?? "unknown";
        let group = vpcGroups.get(key);
        if (!group) {
            const vpc = graph.vpcs.find((v) => v.id === vpcId);
            const label = vpc
                ? `VPC ${vpc.name}${vpc.cidrBlock ? ` ${vpc.cidrBlock}` : ""}${vpc.ipv6CidrBlock ? ` ${vpc.ipv6CidrBlock}` : vpc.dualStack ? " + IPv6 /56" : ""}`
                : `VPC ${vpcId ?? "(not in this stack)"}`;
            group = { id: mermaidId("vpc", vpc?.name ?? key, taken), label, nodeIds: [], groups: [] };
            vpcGroups.set(key, group);
        }
        return group;
    };
    const zoneGroup = (vpc: FlowGroup, zone: string | undefined): FlowGroup => {
        const label = zone ?? "zone unknown";
        let group = vpc.groups.find((g) => g.label === label);
        if (!group) {
            group = { id: mermaidId("zone", `${vpc.id}_${label}`, taken), label, nodeIds: [], groups: [] };
            vpc.groups.push(group);
        }
        return group;
    };
    const place = (group: FlowGroup, id: string) => {
        if (!group.nodeIds.includes(id)) {
            group.nodeIds.push(id);
        }
    };

    // Functions -> their subnets, zone by zone.
    const functions = graph.functions;
    const functionIds = new Map(functions.map((fn) => [fn.id, nodeFor(fn.id, "fn", fn.name, () => ({ label: [`Lambda ${fn.name}`], shape: "rounded", className: "function" }))]));
    const subnetNode = (subnetId: string): string => {
        const subnet = graph.subnet(subnetId);
        const id = nodeFor(subnetId, "subnet", subnet.name, () => ({
            label: [subnet.name, ...(subnet.cidrBlock ? [subnet.cidrBlock] : []), ...ipv6Label(subnet), ...(routesUnknown(graph, subnetId) ? ["not in this stack: routes unknown"] : [])],
            shape: "box",
        }));
        place(zoneGroup(vpcGroup(subnet.vpcId), subnet.zone), id);
        return id;
    };
    for (const fn of functions) {
        fn.subnetIds.forEach((subnetId) => edge(functionIds.get(fn.id)!, subnetNode(subnetId), "route"));
    }

    // Each Lambda subnet's way out, by its route table.
    const lambdaSubnets = graph.lambdaSubnetIds;
    /** Whether each Lambda subnet reaches the internet over IPv4; undefined when the stack cannot tell. */
    const reachesInternet = new Map<string, boolean | undefined>();
    /** The Lambda subnets whose `::/0` reaches the internet (a function uses it only with `ipv6AllowedForDualStack`). */
    const reachesInternetIpv6 = new Set<string>();
    const internetGatewayNode = (igwId: string, near: string | undefined): string => {
        const igw = graph.internetGateways.find((g) => g.id === igwId);
        const node = nodeFor(igwId, "igw", graph.nameOf(igwId), () => ({ label: [`Internet gateway ${graph.nameOf(igwId)}`], shape: "box" }));
        place(vpcGroup(igw?.vpcId ?? near), node);
        return node;
    };
    /** The services each Lambda subnet reaches through endpoints. */
    const endpointServices = new Map<string, Set<string>>();
    for (const subnetId of lambdaSubnets) {
        const from = subnetNode(subnetId);
        const subnet = graph.subnet(subnetId);
        const target = graph.defaultRouteOf(subnetId);
        let internetReached = false;
        if (target?.kind === "natGateway") {
            const nat = graph.natGateway(target.id);
            const natHost = nat?.subnetId ? graph.subnet(nat.subnetId) : undefined;
            const natId = nodeFor(target.id, "nat", graph.nameOf(target.id), () => ({ label: [`NAT gateway ${graph.nameOf(target.id)}`, ...(natHost ? [`in ${natHost.name}`] : [])], shape: "box", className: "nat" }));
            place(zoneGroup(vpcGroup(natHost?.vpcId ?? subnet.vpcId), natHost?.zone), natId);
            edge(from, natId, "route", "0.0.0.0/0");
            internetReached = natReachesInternet(graph, target.id, natId, edge, nodeFor, internet, vpcGroup, place, (s) => zoneGroup(vpcGroup(s.vpcId), s.zone));
        } else if (target?.kind === "internetGateway") {
            // A function's ENIs never get a public address, so an internet gateway route takes them nowhere.
            edge(from, internet(), "blocked", "internet gateway route, but Lambda gets no public IP");
        } else if (target?.kind === "other") {
            const otherId = nodeFor(target.id, "via", graph.nameOf(target.id), () => ({ label: [`${target.property.replace(/Id$/, "")} ${graph.nameOf(target.id)}`], shape: "box" }));
            edge(from, otherId, "route", "0.0.0.0/0");
        }
        reachesInternet.set(subnetId, routesUnknown(graph, subnetId) ? undefined : internetReached);

        // IPv6 goes its own way: `::/0` never goes through a NAT gateway.
        const ipv6Target = graph.defaultRouteOf(subnetId, "ipv6");
        if (ipv6Target?.kind === "egressOnlyInternetGateway") {
            const eigw = graph.egressOnlyInternetGateways.find((g) => g.id === ipv6Target.id);
            const name = graph.nameOf(ipv6Target.id);
            const eigwId = nodeFor(ipv6Target.id, "eigw", name, () => ({ label: [`Egress-only IGW ${name}`, "IPv6, outbound only"], shape: "box", className: "nat" }));
            place(vpcGroup(eigw?.vpcId ?? subnet.vpcId), eigwId);
            edge(from, eigwId, "route", ANY_DESTINATION.ipv6);
            edge(eigwId, internet(), "route", ANY_DESTINATION.ipv6);
            reachesInternetIpv6.add(subnetId);
        } else if (ipv6Target?.kind === "internetGateway") {
            // Unlike IPv4, an IPv6 address is public: this route works both ways (lambda-private-subnets rejects it).
            const igwId = internetGatewayNode(ipv6Target.id, subnet.vpcId);
            edge(from, igwId, "route", `${ANY_DESTINATION.ipv6}, inbound too`);
            edge(igwId, internet(), "route");
            reachesInternetIpv6.add(subnetId);
        } else if (ipv6Target?.kind === "natGateway" || ipv6Target?.kind === "other") {
            const id = ipv6Target.id;
            const what = ipv6Target.kind === "natGateway" ? "NAT gateway" : ipv6Target.property.replace(/Id$/, "");
            const otherId = nodeFor(id, "via", graph.nameOf(id), () => ({ label: [`${what} ${graph.nameOf(id)}`], shape: "box" }));
            edge(from, otherId, "route", ANY_DESTINATION.ipv6);
        }

        const table = graph.routeTableOf(subnetId);
        for (const endpoint of graph.endpoints) {
            const sameVpc = !endpoint.vpcId || !subnet.vpcId || endpoint.vpcId === subnet.vpcId;
            const onThisSubnet = endpoint.type === "Gateway" ? table !== undefined && endpoint.routeTableIds.includes(table) : sameVpc;
            if (!onThisSubnet) {
                continue;
            }
            const kind = endpoint.type === "Gateway" ? "gateway endpoint" : "interface endpoint";
            const endpointId = nodeFor(endpoint.id, "vpce", endpoint.name, () => ({
                label: [`${endpoint.service} ${kind}`, ...(endpoint.type === "Interface" ? [`in ${endpoint.subnetIds.length} zone${endpoint.subnetIds.length === 1 ? "" : "s"}`] : [])],
                shape: "box",
                className: "endpoint",
            }));
            place(vpcGroup(endpoint.vpcId ?? subnet.vpcId), endpointId);
            edge(from, endpointId, "route");
            edge(endpointId, service(endpoint.service), "route");
            endpointServices.set(subnetId, (endpointServices.get(subnetId) ?? new Set()).add(endpoint.service));
        }
    }

    // What the functions' security groups open, to whatever wears the target group.
    const permissions = graph.permissions;
    for (const fn of functions) {
        const fnId = functionIds.get(fn.id)!;
        for (const rule of permissions.filter((p) => p.direction === "egress" && fn.securityGroupIds.includes(p.securityGroupId) && p.peer.kind === "securityGroup")) {
            const targetGroup = (rule.peer as { id: string }).id;
            const members = graph.membersOf(targetGroup).filter((m) => graph.identity(m.resource) !== fn.id);
            const targets = members.length > 0 ? members.map((m) => memberNode(graph.identity(m.resource), m, nodeFor, functionIds)) : [securityGroupNode(graph, targetGroup, nodeFor)];
            const targetResource = graph.resource(targetGroup);
            const vpcOfTarget = members.length > 0 || !targetResource ? undefined : graph.ref(targetResource, "vpcId", [TYPES.vpc]);
            const admitted = admits(permissions, targetGroup, fn.securityGroupIds, rule);
            const label = `${portLabel(rule)}${rule.description ? ` ${rule.description}` : ""}${admitted ? "" : `, not admitted by ${graph.nameOf(targetGroup)}`}`;
            for (const target of targets) {
                if (![...functionIds.values()].includes(target)) {
                    place(vpcGroup(vpcOfTarget ?? graph.subnet(fn.subnetIds[0]).vpcId), target);
                }
                edge(fnId, target, admitted ? "permission" : "unadmitted", label);
            }
        }
    }

    // What the pattern cannot reach, crossed out as in the seed guide.
    for (const fn of functions) {
        const fnId = functionIds.get(fn.id)!;
        // A function that allows IPv6 reaches the internet through its subnet's `::/0` too.
        const cutOff = fn.subnetIds.filter((s) => reachesInternet.get(s) === false && !(fn.ipv6AllowedForDualStack !== false && reachesInternetIpv6.has(s)));
        if (cutOff.length === fn.subnetIds.length) {
            // A subnet routed to an internet gateway already says why it gets nowhere.
            if (!fn.subnetIds.some((s) => graph.defaultRouteOf(s)?.kind === "internetGateway")) {
                edge(fnId, internet(), "blocked", "no route to the internet");
            }
            const apis = nodeFor("aws-apis", "svc", "aws_apis", () => ({ label: ["AWS APIs without an endpoint"], shape: "stadium", className: "unreachable" }));
            edge(fnId, apis, "blocked", "no route");
            // A service the function's role lets it call, with no endpoint on its subnets: the
            // call will time out.
            const reached = new Set(fn.subnetIds.flatMap((s) => [...(endpointServices.get(s) ?? [])]));
            for (const name of servicesFunctionCalls(graph, fn.id).services.filter((name) => !reached.has(name))) {
                const target = service(name);
                nodes.find((n) => n.id === target)!.className = "unreachable";
                edge(fnId, target, "blocked", "its role allows calls, but no endpoint");
            }
        } else {
            cutOff.forEach((s) => edge(subnetNode(s), internet(), "blocked", "no route to the internet"));
        }
    }
    if (functions.length === 0 && lambdaSubnets.length > 0 && lambdaSubnets.every((s) => reachesInternet.get(s) === false && !reachesInternetIpv6.has(s))) {
        lambdaSubnets.forEach((s) => edge(subnetNode(s), internet(), "blocked", "no route to the internet"));
    }
    const blockedInternet = edges.some((e) => e.to === ids.get("internet") && e.kind === "blocked") && !edges.some((e) => e.to === ids.get("internet") && e.kind === "route");
    if (blockedInternet) {
        nodes.find((n) => n.id === ids.get("internet"))!.className = "unreachable";
    }

    const used = new Set(nodes.map((n) => n.className));
    const classes = Object.fromEntries(Object.entries(CLASSES).filter(([name]) => used.has(name)));
    return { direction: "LR", nodes, groups: [...vpcGroups.values()], edges, classes };
}

/** The Mermaid text of the planned network. */
export function renderNetworkDiagram(graph: NetworkGraph): string {
    return renderMermaid(buildNetworkDiagram(graph));
}

/** The node of a thing (a resource id or a fixed key), made the first time it is asked for. */
/**
 * A subnet the stack does not create (an existing VPC's, an awsx VPC's), or one in a VPC the
 * stack does not create and with no route table of the stack's: where it routes is not known here.
 */
function routesUnknown(graph: NetworkGraph, subnetId: string): boolean {
    const subnet = graph.subnet(subnetId);
    return !subnet.inStack || (graph.routeTableOf(subnetId) === undefined && !graph.vpcs.some((v) => v.id === subnet.vpcId));
}

type NodeFor = (key: string, prefix: string, name: string, make: () => Omit<FlowNode, "id">) => string;
type EdgeFn = (from: string, to: string, kind: FlowEdge["kind"], label?: string) => void;

/** NAT gateway -> internet gateway -> internet, when the NAT gateway's own subnet routes there. */
function natReachesInternet(
    graph: NetworkGraph,
    natGatewayId: string,
    natNode: string,
    edge: EdgeFn,
    nodeFor: NodeFor,
    internet: () => string,
    vpcGroup: (vpcId: string | undefined) => FlowGroup,
    place: (group: FlowGroup, id: string) => void,
    zoneOf: (subnet: SubnetNode) => FlowGroup,
): boolean {
    const nat = graph.natGateway(natGatewayId);
    if (!nat) {
        // A NAT gateway the stack does not create: assume it is built as AWS documents.
        edge(natNode, internet(), "route");
        return true;
    }
    if (nat.connectivity === "private") {
        edge(natNode, internet(), "blocked", "private NAT gateway");
        return false;
    }
    const out = nat.subnetId ? graph.defaultRouteOf(nat.subnetId) : undefined;
    if (out?.kind !== "internetGateway") {
        edge(natNode, internet(), "blocked", "its subnet has no internet gateway route");
        return false;
    }
    const igw = graph.internetGateways.find((g) => g.id === out.id);
    const igwId = nodeFor(out.id, "igw", graph.nameOf(out.id), () => ({ label: [`Internet gateway ${graph.nameOf(out.id)}`], shape: "box" }));
    place(vpcGroup(igw?.vpcId ?? (nat.subnetId ? graph.subnet(nat.subnetId).vpcId : undefined)), igwId);
    edge(natNode, igwId, "route");
    edge(igwId, internet(), "route");
    // A dual-stack public subnet also sends `::/0` to the internet gateway: drawn beside the NAT gateway it hosts.
    const ipv6 = graph.defaultRouteOf(nat.subnetId!, "ipv6");
    if (ipv6?.kind === "internetGateway") {
        const host = graph.subnet(nat.subnetId!);
        const hostId = nodeFor(host.id, "subnet", host.name, () => ({ label: [host.name, ...(host.cidrBlock ? [host.cidrBlock] : []), ...ipv6Label(host)], shape: "box" }));
        place(zoneOf(host), hostId);
        const target = ipv6.id === out.id ? igwId : nodeFor(ipv6.id, "igw", graph.nameOf(ipv6.id), () => ({ label: [`Internet gateway ${graph.nameOf(ipv6.id)}`], shape: "box" }));
        edge(hostId, target, "route", ANY_DESTINATION.ipv6);
    }
    return true;
}

/** The IPv6 line of a subnet's label: its /64 when known, or that it gets one when deployed. */
function ipv6Label(subnet: SubnetNode): string[] {
    return subnet.ipv6CidrBlock ? [subnet.ipv6CidrBlock] : subnet.dualStack ? ["IPv6 /64 known after deploy"] : [];
}

function memberNode(identity: string, member: SecurityGroupMember, nodeFor: NodeFor, functionIds: Map<string, string>): string {
    const r = member.resource;
    if (member.kind === "function" && functionIds.has(identity)) {
        return functionIds.get(identity)!;
    }
    if (member.kind === "endpoint") {
        // The same node as the endpoint's route, when it is drawn.
        const service = shortServiceName(String(r.inputs.serviceName ?? r.name));
        return nodeFor(identity, "vpce", r.name, () => ({ label: [`${service} interface endpoint`], shape: "box", className: "endpoint" }));
    }
    const what = MEMBER_TITLES[member.kind](r.type);
    const detail = typeof r.inputs.engine === "string" ? [r.inputs.engine] : [];
    return nodeFor(identity, "res", r.name, () => ({ label: [`${what} ${r.name}`, ...detail], shape: member.kind === "database" || member.kind === "cache" ? "database" : "box" }));
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

function securityGroupNode(graph: NetworkGraph, groupId: string, nodeFor: NodeFor): string {
    return nodeFor(groupId, "sg", graph.nameOf(groupId), () => ({ label: [`security group ${graph.nameOf(groupId)}`, "(nothing in this stack wears it)"], shape: "box" }));
}

/** Does the target group admit one of the source groups on the rule's ports? */
function admits(permissions: SecurityGroupPermission[], targetGroup: string, sourceGroups: string[], egress: SecurityGroupPermission): boolean {
    return permissions.some(
        (p) =>
            p.direction === "ingress" &&
            p.securityGroupId === targetGroup &&
            p.peer.kind === "securityGroup" &&
            sourceGroups.includes(p.peer.id) &&
            (p.protocol === "-1" || (p.protocol === egress.protocol && (p.fromPort ?? 0) <= (egress.fromPort ?? 0) && (p.toPort ?? 65535) >= (egress.toPort ?? 65535))),
    );
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
