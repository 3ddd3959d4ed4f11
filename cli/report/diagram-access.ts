import { servicesFunctionCalls } from "../../sdk/stack/called-services";
import { AddressFamily, NetworkGraph, TYPES } from "../../sdk/stack/network-graph";
import { endpointsOnSubnet, routesUnknown } from "./subnet-routes";

/**
 * What the diagram crosses out: which functions and Lambda subnets get to the internet, and
 * which AWS services a function's role calls that it cannot reach. Plain data in one place, so
 * that the reachability model can answer it instead of this inference, and the diagram with it.
 */
export type AccessVerdict = "reachable" | "blocked" | "unknown";

export interface FunctionAccess {
    /** The function's identity in the graph. */
    functionId: string;
    /** Over either address family the function may use; `reachable` for a function outside any VPC. */
    internet: AccessVerdict;
    /** Its subnets from which no family it may use reaches the internet. */
    subnetsWithoutInternet: string[];
    /** Services its role calls that no endpoint on its subnets serves, when it has no internet either. */
    unreachableServices: string[];
}

export interface NetworkAccess {
    functions: FunctionAccess[];
    /** Each Lambda subnet's way to the internet over either family, for a stack without functions. */
    lambdaSubnets: { subnetId: string; internet: AccessVerdict }[];
}

export function inferNetworkAccess(graph: NetworkGraph): NetworkAccess {
    const subnetVerdicts = new Map<string, Record<AddressFamily, AccessVerdict>>();
    const verdictsOf = (subnetId: string) => {
        let verdicts = subnetVerdicts.get(subnetId);
        if (!verdicts) {
            verdicts = { ipv4: subnetInternet(graph, subnetId, "ipv4"), ipv6: subnetInternet(graph, subnetId, "ipv6") };
            subnetVerdicts.set(subnetId, verdicts);
        }
        return verdicts;
    };
    const endpoints = graph.endpoints;
    const endpointServices = new Map(graph.lambdaSubnetIds.map((s) => [s, endpointsOnSubnet(graph, s, endpoints).map((e) => e.service)]));
    const inVpc = graph.functions;
    const functions: FunctionAccess[] = inVpc.map((fn) => {
        // A function that may use IPv6 (or may, as far as a preview tells) gets out over `::/0` too.
        const usesIpv6 = fn.ipv6AllowedForDualStack !== false;
        const perSubnet = fn.subnetIds.map((s) => {
            const { ipv4, ipv6 } = verdictsOf(s);
            return either(ipv4, usesIpv6 ? ipv6 : "blocked");
        });
        const subnetsWithoutInternet = fn.subnetIds.filter((_, i) => perSubnet[i] === "blocked");
        const internet: AccessVerdict = subnetsWithoutInternet.length === fn.subnetIds.length ? "blocked" : perSubnet.includes("reachable") ? "reachable" : "unknown";
        const reached = new Set(fn.subnetIds.flatMap((s) => endpointServices.get(s) ?? []));
        const unreachableServices = internet === "blocked" ? servicesFunctionCalls(graph, fn.id).services.filter((service) => !reached.has(service)) : [];
        return { functionId: fn.id, internet, subnetsWithoutInternet, unreachableServices };
    });
    // A function with no vpcConfig runs in Lambda's own network, which reaches the internet and every AWS API;
    // only a function connected to a VPC is limited to that VPC's way out (Lambda API, CreateFunction VpcConfig).
    const inVpcIds = new Set(inVpc.map((fn) => fn.id));
    for (const r of graph.ofType(TYPES.function)) {
        const id = graph.identity(r);
        if (!inVpcIds.has(id)) {
            functions.push({ functionId: id, internet: "reachable", subnetsWithoutInternet: [], unreachableServices: [] });
        }
    }
    const lambdaSubnets = graph.lambdaSubnetIds.map((subnetId) => {
        const { ipv4, ipv6 } = verdictsOf(subnetId);
        return { subnetId, internet: either(ipv4, ipv6) };
    });
    return { functions, lambdaSubnets };
}

function either(a: AccessVerdict, b: AccessVerdict): AccessVerdict {
    return a === "reachable" || b === "reachable" ? "reachable" : a === "unknown" || b === "unknown" ? "unknown" : "blocked";
}

/** Where a subnet's default route for one family leads. */
function subnetInternet(graph: NetworkGraph, subnetId: string, family: AddressFamily): AccessVerdict {
    if (routesUnknown(graph, subnetId)) {
        return "unknown";
    }
    const target = graph.defaultRouteOf(subnetId, family);
    switch (target?.kind) {
        case undefined:
            return "blocked";
        case "natGateway":
            // NAT gateways translate IPv4 only.
            return family === "ipv4" ? natReachesInternet(graph, target.id) : "blocked";
        case "internetGateway":
            // A function's ENIs never get a public IPv4 address; IPv6 addresses are public.
            return family === "ipv6" ? "reachable" : "blocked";
        case "egressOnlyInternetGateway":
            return family === "ipv6" ? "reachable" : "blocked";
        case "other":
            // A transit gateway, a peering, an appliance: what lies past it is not in this stack.
            return "unknown";
    }
}

function natReachesInternet(graph: NetworkGraph, natGatewayId: string): AccessVerdict {
    const nat = graph.natGateway(natGatewayId);
    if (!nat) {
        // A NAT gateway the stack does not create: assume it is built as AWS documents.
        return "reachable";
    }
    if (nat.connectivity === "private") {
        return "blocked";
    }
    return nat.subnetId && graph.defaultRouteOf(nat.subnetId)?.kind === "internetGateway" ? "reachable" : "blocked";
}
