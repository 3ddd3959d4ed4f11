import { pathFrom } from "../../sdk/reachability/model";
import { Destination, Hop, Reachability, Verdict, verdictOf } from "../../sdk/reachability/types";
import { AWS_RESOURCE_TYPES } from "../../sdk/aws/resource-types";
import { FunctionNode, NetworkGraph } from "../../sdk/network/network-graph";

/**
 * What the diagram crosses out, read from the reachability model (sdk/reachability): which
 * functions and Lambda subnets get to the internet, which services a function calls or needs
 * that it cannot reach, and whether a security group a function sends to admits it. The model
 * judges every hop (routes, gateways, security groups, network ACLs); the diagram only draws.
 */
export interface FunctionAccess {
    /** The function's identity in the graph. */
    functionId: string;
    /** Over either address family the function may use, from any of its subnets. */
    internet: Verdict;
    /** Its subnets from which neither family reaches the internet, with the hop that stops the family that gets further. */
    subnetsWithoutInternet: { subnetId: string; blockedAt: Hop }[];
    /** The AWS services its role lets it call, or it declares it needs, that the model finds blocked. */
    blockedServices: { service: string; calledByRole: boolean; blockedAt: Hop }[];
    /** Its cells for security groups, by `<group id>:<port>`. */
    groups: Map<string, Reachability>;
}

export interface NetworkAccess {
    functions: FunctionAccess[];
    /** Functions with no vpcConfig: they run in Lambda's own network, which reaches the internet and every AWS API. */
    outsideAnyVpc: string[];
    /**
     * In a stack without functions, each Lambda subnet's way to the internet over either family:
     * the model's path for a function there, up to the function's own security group, which no
     * function here says.
     */
    lambdaSubnets: { subnetId: string; internet: Verdict }[];
}

const INTERNET: Record<"ipv4" | "ipv6", Destination> = { ipv4: { kind: "internet", ipVersion: 4 }, ipv6: { kind: "internet", ipVersion: 6 } };

/** `matrix`: the stack's reachability matrix, computed once for every report. */
export function networkAccess(graph: NetworkGraph, matrix: readonly Reachability[]): NetworkAccess {
    const cellsByUrn = new Map<string, Reachability[]>();
    for (const cell of matrix) {
        cellsByUrn.set(cell.urn, [...(cellsByUrn.get(cell.urn) ?? []), cell]);
    }
    const inVpc = graph.functions;
    const functions = inVpc.map((fn): FunctionAccess => {
        const cells = cellsByUrn.get(graph.resource(fn.id)?.urn ?? fn.id) ?? [];
        const perSubnet = fn.subnetIds.map((subnetId) => {
            const [ipv4, ipv6] = (["ipv4", "ipv6"] as const).map((family) => {
                const path = pathFrom(graph, fn, subnetId, INTERNET[family]);
                return { ...verdictOf(path), hops: path.length };
            });
            // Both blocked: the family that gets furthest says why (a dual-stack function stopped by its own group, not by IPv4's missing route).
            const furthest = ipv6.hops > ipv4.hops ? ipv6 : ipv4;
            return { subnetId, verdict: either(ipv4.verdict, ipv6.verdict), blockedAt: furthest.blockedAt };
        });
        const subnetsWithoutInternet = perSubnet.flatMap((s) => (s.verdict === "blocked" && s.blockedAt ? [{ subnetId: s.subnetId, blockedAt: s.blockedAt }] : []));
        const internet: Verdict = subnetsWithoutInternet.length === fn.subnetIds.length ? "blocked" : perSubnet.some((s) => s.verdict === "reachable") ? "reachable" : "unknown";
        const blockedServices = cells.flatMap((cell) =>
            cell.destination.kind === "service" && cell.verdict === "blocked" && (cell.reasons.includes("role") || cell.reasons.includes("needs"))
                ? [{ service: cell.destination.service, calledByRole: cell.reasons.includes("role"), blockedAt: cell.blockedAt! }]
                : [],
        );
        const groups = new Map(cells.flatMap((cell) => (cell.destination.kind === "securityGroup" ? [[`${cell.destination.securityGroupId}:${cell.destination.port}`, cell] as const] : [])));
        return { functionId: fn.id, internet, subnetsWithoutInternet, blockedServices, groups };
    });
    // A function with no vpcConfig runs in Lambda's own network; only one connected to a VPC is
    // limited to that VPC's way out (Lambda API, CreateFunction VpcConfig), even while its
    // subnets are not known yet.
    const inVpcIds = new Set(graph.vpcFunctions.map((fn) => fn.id));
    const outsideAnyVpc = graph
        .ofType(AWS_RESOURCE_TYPES.function)
        .map((r) => graph.identity(r))
        .filter((id) => !inVpcIds.has(id));
    const lambdaSubnets = inVpc.length > 0 ? [] : graph.lambdaSubnetIds.map((subnetId) => ({ subnetId, internet: networkWayOut(graph, subnetId) }));
    return { functions, outsideAnyVpc, lambdaSubnets };
}

/**
 * Whether a security group admits a function's traffic on a rule's port, as the model finds it:
 * its cell for that group and port, else for that group on any port it admits the function on.
 */
export function groupCell(access: FunctionAccess, groupId: string, port: number | undefined): Reachability | undefined {
    if (port !== undefined && access.groups.has(`${groupId}:${port}`)) {
        return access.groups.get(`${groupId}:${port}`);
    }
    return [...access.groups.values()].find((cell) => cell.destination.kind === "securityGroup" && cell.destination.securityGroupId === groupId);
}

/** The model's path out of a subnet for a function wearing no group, judged up to the function's own security group. */
function networkWayOut(graph: NetworkGraph, subnetId: string): Verdict {
    const standIn: FunctionNode = { id: `(a function in ${subnetId})`, name: "a function", subnetIds: [subnetId], securityGroupIds: [], ipv6AllowedForDualStack: true };
    const verdicts = (["ipv4", "ipv6"] as const).map((family) => {
        const path = pathFrom(graph, standIn, subnetId, INTERNET[family]);
        const ownGroup = path.findIndex((hop) => hop.hop === "securityGroupEgress");
        return verdictOf(ownGroup < 0 ? path : path.slice(0, ownGroup)).verdict;
    });
    return either(verdicts[0], verdicts[1]);
}

function either(a: Verdict, b: Verdict): Verdict {
    return a === "reachable" || b === "reachable" ? "reachable" : a === "unknown" || b === "unknown" ? "unknown" : "blocked";
}
