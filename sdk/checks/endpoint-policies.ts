import type { EndpointPolicyPlan } from "../plan/types";

/**
 * Whether an endpoint's planned policy is written, once its endpoint service is looked up: AWS
 * allows full access through the endpoint of a service that supports no endpoint policy (AWS
 * PrivateLink guide, "Control access to VPC endpoints using endpoint policies": "If an AWS service
 * doesn't support endpoint policies, we allow full access to any endpoint for the service"), which
 * DescribeVpcEndpointServices says as `VpcEndpointPolicySupported` (the provider's
 * `vpc_endpoint_policy_supported`, @pulumi/aws's `vpcEndpointPolicySupported`). A policy of the
 * user's for such a service is refused, naming its field, in `pulumi preview` already; SameAccount
 * leaves that endpoint without one, and `warn` says so.
 */
export function endpointPolicyIsWritten(
    componentName: string,
    service: string,
    serviceName: string,
    planned: EndpointPolicyPlan,
    supported: boolean,
    warn: (message: string) => void,
): boolean {
    if (supported) {
        return true;
    }
    const why = `the endpoint service of ${JSON.stringify(service)} (${serviceName}) supports no endpoint policy (vpcEndpointPolicySupported is false), and AWS allows full access through any endpoint of it`;
    if (planned.kind === "given") {
        throw new Error(
            `VpcLambdaNetwork "${componentName}": endpointPolicies.${service}: ${why}, so no policy can limit it. ` +
                `Remove endpointPolicies.${service}, and limit what the functions may do there with their roles' IAM policies and the resources' own policies.`,
        );
    }
    warn(`endpointPolicy: "SameAccount" is not written on the endpoint of ${JSON.stringify(service)}: ${why}. Limit what the functions may do there with their roles' IAM policies.`);
    return false;
}
