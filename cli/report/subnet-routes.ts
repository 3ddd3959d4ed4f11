import { EndpointNode, NetworkGraph } from "../../sdk/network/network-graph";

/**
 * A subnet the stack does not create (an existing VPC's, an awsx VPC's), or one in a VPC the
 * stack does not create and with no route table of the stack's: where it routes is not known here.
 */
export function routesUnknown(graph: NetworkGraph, subnetId: string): boolean {
    const subnet = graph.subnet(subnetId);
    return !subnet.inStack || (graph.routeTableOf(subnetId) === undefined && !graph.vpcs.some((v) => v.id === subnet.vpcId));
}

/**
 * The endpoints a subnet's traffic reaches: a gateway endpoint through the subnet's route table,
 * an interface endpoint anywhere in its VPC (its private DNS name resolves to it VPC-wide).
 * `vpcId` stands in for a subnet the stack does not create, whose VPC only its users tell.
 */
export function endpointsOnSubnet(graph: NetworkGraph, subnetId: string, endpoints: readonly EndpointNode[], vpcId = graph.subnet(subnetId).vpcId): EndpointNode[] {
    const table = graph.routeTableOf(subnetId);
    return endpoints.filter((e) => (e.type === "Gateway" ? table !== undefined && e.routeTableIds.includes(table) : !e.vpcId || !vpcId || e.vpcId === vpcId));
}
