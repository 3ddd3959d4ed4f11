import { AWS_RESOURCE_TYPES, awsServiceOf, ROUTE_TABLE_TYPES } from "../aws/resource-types";
import { knownText } from "./known-values";
import { value } from "./network-resource";
import type { ResourceIndex } from "./resource-index";

export interface EndpointNode {
    id: string;
    name: string;
    /** The short service name: `s3`, `secretsmanager`, `ecr.api`. */
    service: string;
    type: "Gateway" | "Interface" | "GatewayLoadBalancer";
    vpcId?: string;
    subnetIds: string[];
    routeTableIds: string[];
}

export function endpointsOf(index: ResourceIndex): EndpointNode[] {
    return index.memo("endpoints", () =>
        index.ofType(AWS_RESOURCE_TYPES.vpcEndpoint).map((r) => ({
            id: index.identity(r),
            name: r.name,
            service: shortServiceName(knownText(value(r, "serviceName")) ?? r.name),
            // The provider's default endpoint type is Gateway.
            type: (knownText(value(r, "vpcEndpointType")) ?? "Gateway") as EndpointNode["type"],
            vpcId: index.ref(r, "vpcId", [AWS_RESOURCE_TYPES.vpc]),
            subnetIds: index.refs(r, "subnetIds", [AWS_RESOURCE_TYPES.subnet]),
            routeTableIds: index.refs(r, "routeTableIds", ROUTE_TABLE_TYPES),
        })),
    );
}

/** `com.amazonaws.us-east-1.ecr.api` (or `cn.com.amazonaws.cn-north-1.ecr.api`) -> `ecr.api`; any other name as it is. */
export function shortServiceName(serviceName: string): string {
    return awsServiceOf(serviceName) ?? serviceName;
}
