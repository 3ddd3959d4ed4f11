// How an AWS service's usual name resolves from inside a VPC, which decides the way its traffic
// takes. An interface endpoint serves the name only with private DNS on the endpoint and both DNS
// attributes on the VPC; otherwise the name resolves to the service's public addresses, which
// need a route out (or, for S3 and DynamoDB, a gateway endpoint on the route table). With
// enableDnsSupport off, the VPC's resolver answers nothing at all. Facts: shared/AWS-FACTS.md,
// "Endpoints and NAT"; the EC2 API reference, CreateVpcEndpoint PrivateDnsEnabled; the VPC user
// guide, "DNS attributes for your VPC" (enableDnsSupport: queries to the Amazon provided DNS
// server do not succeed when off; enableDnsHostnames defaults to false except in a default VPC).
import { privateDnsOf, vpcDnsOf } from "../network/dns";
import { EndpointNode, NetworkGraph } from "../network/network-graph";
import type { Hop } from "./types";

/** Where a service's name leads: the addresses of an interface endpoint, the service's public addresses, or nowhere. */
export type Resolution =
    | { kind: "interfaceEndpoint"; endpoint: EndpointNode; hop: Hop }
    /** `unusedEndpoint`: an interface endpoint that could have served the name, the hop to blame if the public way is blocked. */
    | { kind: "public"; hop: Hop; unusedEndpoint?: Hop }
    /** The VPC's resolver does not answer. */
    | { kind: "none"; hop: Hop }
    /** Which way the name resolves cannot be told yet. */
    | { kind: "unknown"; hop: Hop };

export function resolveService(graph: NetworkGraph, vpcId: string | undefined, service: string): Resolution {
    return graph.memo(`resolve:${vpcId}:${service}`, () => resolve(graph, vpcId, service));
}

function resolve(graph: NetworkGraph, vpcId: string | undefined, service: string): Resolution {
    const vpcName = vpcId === undefined ? "(unknown)" : graph.nameOf(vpcId);
    const dns = vpcDnsOf(graph, vpcId);
    const dnsSupport = dns?.support ?? "unknown";
    if (dnsSupport === false) {
        return {
            kind: "none",
            hop: {
                hop: "dns",
                status: "denies",
                resource: vpcName,
                says: `VPC ${vpcName} has enableDnsSupport false: its DNS resolver answers nothing, so ${service}'s name does not resolve.`,
                fix: `Set enableDnsSupport: true on VPC ${vpcName}.`,
            },
        };
    }
    const endpoints = graph.endpoints.filter((e) => e.type === "Interface" && e.service === service && (vpcId === undefined || e.vpcId === undefined || e.vpcId === vpcId));
    if (endpoints.length === 0) {
        // Whether or not the resolver answers, the public way is the only one: it is still judged.
        return dnsSupport === "unknown"
            ? { kind: "public", hop: { hop: "dns", status: "unknown", resource: vpcName, says: `VPC ${vpcName} is not created by this stack: whether its resolver answers cannot be read here.` } }
            : { kind: "public", hop: { hop: "dns", status: "allows", resource: vpcName, says: `${service}'s usual name resolves to its public addresses (no interface endpoint for it in VPC ${vpcName}).` } };
    }
    const hostnames = dns?.hostnames ?? "unknown";
    const withPrivateDns = endpoints.map((endpoint) => ({ endpoint, privateDns: privateDnsOf(graph, endpoint.id) }));
    const serving = withPrivateDns.find((e) => e.privateDns === true);
    if (serving && dnsSupport === true && hostnames === true) {
        return {
            kind: "interfaceEndpoint",
            endpoint: serving.endpoint,
            hop: { hop: "dns", status: "allows", resource: serving.endpoint.name, says: `${service}'s usual name resolves privately to interface endpoint ${serving.endpoint.name}.` },
        };
    }
    if (withPrivateDns.some((e) => e.privateDns === "unknown") || hostnames === "unknown" || dnsSupport === "unknown") {
        return { kind: "unknown", hop: { hop: "dns", status: "unknown", resource: endpoints[0].name, says: `whether ${service}'s name resolves to interface endpoint ${endpoints[0].name} cannot be told yet (private DNS or the VPC's DNS attributes are not known).` } };
    }
    const endpoint = (serving ?? withPrivateDns[0]).endpoint;
    const reason = serving
        ? { says: `VPC ${vpcName} has enableDnsHostnames false, so interface endpoint ${endpoint.name}'s private DNS does not serve ${service}'s usual name`, fix: `Set enableDnsHostnames: true on VPC ${vpcName}.` }
        : { says: `interface endpoint ${endpoint.name} has private DNS off, so ${service}'s usual name does not resolve to it`, fix: `Set privateDnsEnabled: true on interface endpoint ${endpoint.name}.` };
    return {
        kind: "public",
        hop: { hop: "dns", status: "allows", resource: endpoint.name, says: `${reason.says}: it resolves to the service's public addresses.` },
        unusedEndpoint: { hop: "dns", status: "denies", resource: endpoint.name, says: `${reason.says}, and the public way is closed.`, fix: reason.fix },
    };
}
