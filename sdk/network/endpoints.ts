import { AWS_RESOURCE_TYPES, awsServiceOf, ROUTE_TABLE_TYPES, SECURITY_GROUP_TYPES, VPC_TYPES } from "../aws/resource-types";
import { knownText } from "./known-values";
import { NetworkResource, value } from "./network-resource";
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
    /** An interface endpoint's security groups: those it names, else its VPC's default group (empty when the stack does not show it). */
    securityGroupIds: string[];
}

export function endpointsOf(index: ResourceIndex): EndpointNode[] {
    return index.memo("endpoints", () =>
        index.ofType(AWS_RESOURCE_TYPES.vpcEndpoint).map((r) => {
            // The provider's default endpoint type is Gateway.
            const type = (knownText(value(r, "vpcEndpointType")) ?? "Gateway") as EndpointNode["type"];
            const vpcId = index.ref(r, "vpcId", VPC_TYPES);
            return {
                id: index.identity(r),
                name: r.name,
                service: shortServiceName(knownText(value(r, "serviceName")) ?? r.name),
                type,
                vpcId,
                subnetIds: index.refs(r, "subnetIds", [AWS_RESOURCE_TYPES.subnet]),
                routeTableIds: index.refs(r, "routeTableIds", ROUTE_TABLE_TYPES),
                securityGroupIds: type === "Interface" ? interfaceEndpointGroups(index, r, vpcId) : index.refs(r, "securityGroupIds", SECURITY_GROUP_TYPES),
            };
        }),
    );
}

/** An interface endpoint's groups; without any, AWS gives it its VPC's default group. */
function interfaceEndpointGroups(index: ResourceIndex, endpoint: NetworkResource, vpcId: string | undefined): string[] {
    const named = index.refs(endpoint, "securityGroupIds", SECURITY_GROUP_TYPES);
    if (named.length > 0) {
        return named;
    }
    const adopted = index.ofType(AWS_RESOURCE_TYPES.defaultSecurityGroup).find((g) => index.ref(g, "vpcId", VPC_TYPES) === vpcId);
    const vpc = vpcId === undefined ? undefined : index.resource(vpcId);
    const defaultId = vpc ? value(vpc, "defaultSecurityGroupId") : undefined;
    return adopted ? [index.identity(adopted)] : typeof defaultId === "string" ? [defaultId] : [];
}

/** `com.amazonaws.us-east-1.ecr.api` (or `cn.com.amazonaws.cn-north-1.ecr.api`) -> `ecr.api`; any other name as it is. */
export function shortServiceName(serviceName: string): string {
    return awsServiceOf(serviceName) ?? serviceName;
}
