import { EndpointPolicy, GatewayEndpointService } from "../args";
import type { ValidatedEndpointPolicies } from "../arguments/validated-args";
import type { EndpointPolicyPlan, GatewayEndpointPlan, InterfaceEndpointPlan, Ref } from "./types";

export const ENDPOINT_SECURITY_GROUP_KEY = "endpoint-sg";

/** `ecr.api` becomes `ecr-api-endpoint`: resource names keep to letters, digits and dashes. */
export function endpointKey(service: string): string {
    return `${service.replace(/\./g, "-")}-endpoint`;
}

/** Gateway endpoints go on every route table the Lambda subnets use. */
export function planGatewayEndpoints(services: GatewayEndpointService[], lambdaRouteTables: Ref[], policies: ValidatedEndpointPolicies): GatewayEndpointPlan[] {
    return services.map((service) => withPolicy({ key: endpointKey(service), service, routeTables: lambdaRouteTables }, policies));
}

/**
 * Interface endpoints go in the Lambda subnets (one per zone, as AWS requires), with private
 * DNS so that the SDK's default endpoint names resolve to them, behind the endpoint group.
 */
export function planInterfaceEndpoints(services: string[], lambdaSubnets: Ref[], policies: ValidatedEndpointPolicies): InterfaceEndpointPlan[] {
    return services.map((service) =>
        withPolicy(
            {
                key: endpointKey(service),
                service,
                privateDnsEnabled: true as const,
                subnets: lambdaSubnets,
                securityGroupKey: ENDPOINT_SECURITY_GROUP_KEY,
            },
            policies,
        ),
    );
}

/**
 * The service's own policy, else `SameAccount`'s, else none: with `FullAccess` the endpoint gets
 * no `policy` at all, so that an endpoint already running sees no change.
 */
function withPolicy<T extends { service: string }>(endpoint: T, policies: ValidatedEndpointPolicies): T & { policy?: EndpointPolicyPlan } {
    const given = policies.endpointPolicies[endpoint.service];
    if (given !== undefined) {
        return { ...endpoint, policy: { kind: "given", document: given } };
    }
    return policies.endpointPolicy === EndpointPolicy.SameAccount ? { ...endpoint, policy: { kind: "sameAccount" } } : endpoint;
}
