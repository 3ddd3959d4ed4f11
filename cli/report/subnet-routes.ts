import { EndpointNode, NetworkGraph } from "../../sdk/network/network-graph";

/**
 * A subnet the stack does not create (an existing VPC's, an awsx VPC's), or one whose route
 * table the stack cannot tell (no association, in a VPC whose main table it does not show):
 * where it routes is not known here.
 */
export function routesUnknown(graph: NetworkGraph, subnetId: string): boolean {
    return !graph.subnet(subnetId).inStack || graph.routingTableOf(subnetId) === undefined;
}

/**
 * The endpoints a subnet's traffic reaches: a gateway endpoint through the subnet's route table,
 * an interface endpoint anywhere in its VPC (its private DNS name resolves to it VPC-wide).
 * `vpcId` stands in for a subnet the stack does not create, whose VPC only its users tell.
 */
export function endpointsOnSubnet(graph: NetworkGraph, subnetId: string, endpoints: readonly EndpointNode[], vpcId = graph.subnet(subnetId).vpcId): EndpointNode[] {
    const table = graph.routingTableOf(subnetId)?.id;
    return endpoints.filter((e) => (e.type === "Gateway" ? table !== undefined && e.routeTableIds.includes(table) : !e.vpcId || !vpcId || e.vpcId === vpcId));
}
