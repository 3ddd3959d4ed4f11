import { NetworkGraph } from "../../sdk/network/network-graph";

/**
 * Which zones each interface endpoint is in. The component keeps an endpoint to the zones its
 * service is offered in; functions in a Lambda subnet of another zone reach it across zones
 * (billed per GB each way, and lost with the zones it is in), which a reviewer should see.
 */
export interface EndpointZones {
    endpoint: string;
    service: string;
    /** The zones of its subnets, as far as the stack knows them. */
    zones: string[];
    /** Zones of the VPC's Lambda subnets the endpoint is not in. */
    lambdaZonesWithout: string[];
    /** Some of its subnets are not created by the stack (an existing VPC's): their zones are unknown here. */
    zonesUnknown: boolean;
}

export function assessEndpointZones(graph: NetworkGraph): EndpointZones[] {
    const lambdaSubnets = graph.lambdaSubnetIds.map((id) => graph.subnet(id));
    return graph.endpoints
        .filter((e) => e.type === "Interface")
        .map((endpoint) => {
            const subnets = endpoint.subnetIds.map((id) => graph.subnet(id));
            const zones = unique(subnets.map((s) => s.zone));
            const lambdaZones = unique(lambdaSubnets.filter((s) => s.vpcId === undefined || s.vpcId === endpoint.vpcId).map((s) => s.zone));
            return {
                endpoint: endpoint.name,
                service: endpoint.service,
                zones,
                lambdaZonesWithout: lambdaZones.filter((zone) => !zones.includes(zone)),
                zonesUnknown: subnets.some((s) => s.zone === undefined),
            };
        });
}

function unique(zones: (string | undefined)[]): string[] {
    return [...new Set(zones.filter((zone): zone is string => zone !== undefined))];
}
