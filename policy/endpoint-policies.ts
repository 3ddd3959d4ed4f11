// VPC endpoints' policies: every endpoint to an AWS service keeps the calls through it to trusted
// accounts, as AWS's data-perimeter guidance has endpoint policies do (aws-samples/
// data-perimeter-policy-examples, vpc_endpoint_policies: identity and resource perimeter controls
// on the endpoint). Without a policy AWS allows full access: any principal's credentials, of any
// account, to any account's resources (AWS PrivateLink guide, "Control access to VPC endpoints
// using endpoint policies"). Read on the network model (sdk/network), as every policy of the pack.
import type { StackValidationPolicy } from "@pulumi/policy";
import { awsServiceOf } from "../sdk/aws/resource-types";
import { readEndpointPolicy, unscopedStatements } from "../sdk/network/endpoint-policies";
import { knownString } from "../sdk/network/known-values";
import { value } from "../sdk/network/network-graph";
import { networkGraphOf } from "./network-resources";

export const vpcEndpointAccountScopedPolicy: StackValidationPolicy = {
    name: "vpc-endpoint-account-scoped-policy",
    description:
        "Every gateway and interface endpoint to an AWS service has an endpoint policy scoped to trusted accounts: each statement that allows " +
        "pins both the principal's and the resource's account or organization, names the resources it allows, or admits AWS service principals only.",
    // Opt in ("advisory" or "mandatory" in the pack's config): a VpcLambdaNetwork's default,
    // FullAccess, leaves its endpoints without a policy, and a default network passes the pack.
    enforcementLevel: "disabled",
    remediationSteps:
        'On a VpcLambdaNetwork, set endpointPolicy: "SameAccount" (and endpointPolicies for a service that needs exceptions, such as ECR\'s layer bucket on s3). ' +
        "On an aws.ec2.VpcEndpoint, give it a policy whose Allow statements carry StringEquals aws:PrincipalAccount and aws:ResourceAccount (or aws:PrincipalOrgID " +
        "and aws:ResourceOrgID). List a service whose endpoints support no policy in this policy's exemptServices.",
    configSchema: {
        properties: {
            exemptServices: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: 'Services whose endpoints this policy skips, by short name (e.g. ["ecr.dkr"]): those supporting no endpoint policy, or left open on purpose.',
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const exempt = args.getConfig<{ exemptServices?: string[] }>().exemptServices ?? [];
        const graph = networkGraphOf(args.resources);
        // Gateway Load Balancer endpoints take no policy; endpoints to other accounts' services allow full access whatever they say.
        for (const endpoint of graph.endpoints.filter((e) => e.type === "Gateway" || e.type === "Interface")) {
            const resource = graph.resource(endpoint.id);
            const service = awsServiceOf(knownString(resource && value(resource, "serviceName")) ?? "");
            if (!resource || !service || exempt.includes(service)) {
                continue;
            }
            const policy = value(resource, "policy");
            const reading = readEndpointPolicy(policy);
            if (reading.kind === "fullAccess") {
                reportViolation(
                    `VPC endpoint "${resource.name}" (${service}) has ${policy === undefined || policy === null || policy === "" ? "no endpoint policy" : "a policy allowing every call"}: ` +
                        "any principal, of any account, may call any action on any resource through it. Scope it to your account " +
                        '(endpointPolicy: "SameAccount" on a VpcLambdaNetwork), or exempt the service.',
                    resource.urn,
                );
                continue;
            }
            // Not known yet, or not a policy (AWS would refuse it): not judged here.
            const open = unscopedStatements(policy);
            if (open && open.length > 0) {
                reportViolation(
                    `VPC endpoint "${resource.name}" (${service}) has a policy whose ${open.length === 1 ? "statement" : "statements"} ${open.join(", ")} ` +
                        "allow requests beyond trusted accounts: pin the principal's and the resource's account (aws:PrincipalAccount, aws:ResourceAccount), " +
                        "name the resources allowed, or admit AWS service principals only (aws:PrincipalIsAWSService).",
                    resource.urn,
                );
            }
        }
    },
};

export const endpointPolicyPolicies = [vpcEndpointAccountScopedPolicy];
