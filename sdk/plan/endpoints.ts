import type { GatewayEndpointService } from "../args";
import type { GatewayEndpointPlan, InterfaceEndpointPlan, Ref } from "./types";

export const ENDPOINT_SECURITY_GROUP_KEY = "endpoint-sg";

/** `ecr.api` becomes `ecr-api-endpoint`: resource names keep to letters, digits and dashes. */
export function endpointKey(service: string): string {
    return `${service.replace(/\./g, "-")}-endpoint`;
}

/** Gateway endpoints go on every route table the Lambda subnets use. */
export function planGatewayEndpoints(services: GatewayEndpointService[], lambdaRouteTables: Ref[]): GatewayEndpointPlan[] {
    return services.map((service) => ({ key: endpointKey(service), service, routeTables: lambdaRouteTables }));
}

/**
 * Interface endpoints go in the Lambda subnets (one per zone, as AWS requires), with private
 * DNS so that the SDK's default endpoint names resolve to them, behind the endpoint group.
 */
export function planInterfaceEndpoints(services: string[], lambdaSubnets: Ref[]): InterfaceEndpointPlan[] {
    return services.map((service) => ({
        key: endpointKey(service),
        service,
        privateDnsEnabled: true,
        subnets: lambdaSubnets,
        securityGroupKey: ENDPOINT_SECURITY_GROUP_KEY,
    }));
}
