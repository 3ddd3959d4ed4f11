// The network model: a stack's resources (planned, recorded by the offline plan, or sent by the
// policy engine) read as one network, so that the reports, the reachability model, the policies
// and the component's own checks describe any stack, networks built by VpcLambdaNetwork and
// networks written with plain `aws.*` resources alike. The graph is the stack's resource index
// (resource-index.ts: references by id, ARN or name, and through the engine's property
// dependencies in a preview) with the network's nodes on it, each read by the file of its
// concern and computed once.
import { AWS_RESOURCE_TYPES } from "../aws/resource-types";
import type { NetworkResource } from "./network-resource";
import { EndpointNode, endpointsOf } from "./endpoints";
import { flowLogDestinationsOf } from "./flow-logs";
import { FunctionNode, functionsOf, lambdaSubnetIdsOf, vpcFunctionsOf } from "./functions";
import { egressOnlyInternetGatewaysOf, GatewayNode, internetGatewaysOf, NatGatewayNode, natGatewaysOf } from "./gateways";
import { ResourceIndex } from "./resource-index";
import { AddressFamily, defaultRouteOf, internetRoutesOf, mainRouteTableOf, routeTableOf, RouteNode, routesOf, RouteTarget, RoutingTable, routingTableOf } from "./route-tables";
import { groupPermissionsOf, membersOf, permissionsOf, SecurityGroupMember, SecurityGroupPermission } from "./security-groups";
import { SubnetNode, subnetOf, subnetsOf, VpcNode, vpcsOf } from "./subnets";

export { isKnownString, isPlainObject, isSet } from "./known-values";
export { value } from "./network-resource";
export { pushTo } from "./resource-index";
export type { Reference } from "./resource-index";
export { shortServiceName } from "./endpoints";
export type { EndpointNode } from "./endpoints";
export type { FunctionNode } from "./functions";
export type { GatewayNode, NatGatewayNode } from "./gateways";
export { ANY_DESTINATION } from "./route-tables";
export type { AddressFamily, RouteNode, RouteTarget, RoutingTable } from "./route-tables";
export { carriesTcp, protocolOf, UNATTRIBUTED_GROUP } from "./security-groups";
export type { SecurityGroupMember, SecurityGroupPermission } from "./security-groups";
export type { SubnetNode, VpcNode } from "./subnets";

export class NetworkGraph extends ResourceIndex {
    get vpcs(): VpcNode[] {
        return vpcsOf(this);
    }

    subnet(id: string): SubnetNode {
        return subnetOf(this, id);
    }

    get subnets(): SubnetNode[] {
        return subnetsOf(this);
    }

    /** The route table a subnet is associated with, if the stack associates it. */
    routeTableOf(subnetId: string): string | undefined {
        return routeTableOf(this, subnetId);
    }

    /** The route table that decides a subnet's routing: its association, else its VPC's main route table. */
    routingTableOf(subnetId: string): RoutingTable | undefined {
        return routingTableOf(this, subnetId);
    }

    mainRouteTableOf(vpcId: string): RoutingTable | undefined {
        return mainRouteTableOf(this, vpcId);
    }

    routesOf(routeTableId: string): RouteNode[] {
        return routesOf(this, routeTableId);
    }

    /** Where a subnet sends traffic for the internet (`0.0.0.0/0`, or `::/0` for IPv6), if anywhere. */
    defaultRouteOf(subnetId: string, family: AddressFamily = "ipv4"): RouteTarget | undefined {
        return defaultRouteOf(this, subnetId, family);
    }

    /** The routes that make a subnet public: default routes (of either family) to an internet gateway. */
    internetRoutesOf(subnetId: string): RouteNode[] {
        return internetRoutesOf(this, subnetId);
    }

    /** Where a subnet sends IPv6 traffic for the internet (`::/0`), if anywhere. */
    ipv6DefaultRouteOf(subnetId: string): RouteTarget | undefined {
        return defaultRouteOf(this, subnetId, "ipv6");
    }

    /** The subnet's way to the internet for each family, by the kind of target: `{ ipv4: "natGateway", ipv6: "egressOnlyInternetGateway" }`. */
    defaultRoutesOf(subnetId: string): Partial<Record<AddressFamily, RouteTarget>> {
        const ipv4 = defaultRouteOf(this, subnetId, "ipv4");
        const ipv6 = defaultRouteOf(this, subnetId, "ipv6");
        return { ...(ipv4 ? { ipv4 } : {}), ...(ipv6 ? { ipv6 } : {}) };
    }

    get internetGateways(): GatewayNode[] {
        return internetGatewaysOf(this);
    }

    get natGateways(): NatGatewayNode[] {
        return natGatewaysOf(this);
    }

    natGateway(id: string): NatGatewayNode | undefined {
        return natGatewaysOf(this).find((n) => n.id === id);
    }

    get egressOnlyInternetGateways(): GatewayNode[] {
        return egressOnlyInternetGatewaysOf(this);
    }

    get elasticIps(): NetworkResource[] {
        return this.ofType(AWS_RESOURCE_TYPES.eip);
    }

    get endpoints(): EndpointNode[] {
        return endpointsOf(this);
    }

    /** The stack's functions attached to a VPC (their `vpcConfig` names subnets, or, not known yet, is computed from the stack's). */
    get vpcFunctions(): FunctionNode[] {
        return vpcFunctionsOf(this);
    }

    /** The functions in a VPC whose subnets the stack can name: the ones the reachability model walks from. */
    get functions(): FunctionNode[] {
        return functionsOf(this);
    }

    /** The subnets Lambda functions run in (or, in a stack without functions, would). */
    get lambdaSubnetIds(): string[] {
        return lambdaSubnetIdsOf(this);
    }

    /** Every rule of the stack, whichever of the provider's three ways declares it. */
    get permissions(): SecurityGroupPermission[] {
        return permissionsOf(this);
    }

    /** The rules of one group, by direction. */
    permissionsOf(securityGroupId: string, direction: "egress" | "ingress"): SecurityGroupPermission[] {
        return groupPermissionsOf(this, securityGroupId, direction);
    }

    /** What wears the security group, as far as this stack shows. */
    membersOf(securityGroupId: string): SecurityGroupMember[] {
        return membersOf(this, securityGroupId);
    }

    /** Where flow logs go, per flow log: `cloud-watch-logs` (the provider's default), `s3`, `kinesis-data-firehose`. */
    get flowLogDestinations(): { name: string; destinationType: string }[] {
        return flowLogDestinationsOf(this);
    }
}
