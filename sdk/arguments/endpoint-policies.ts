// `endpointPolicy` and `endpointPolicies`: the policy each VPC endpoint of the network gets.
// AWS's rules for an endpoint policy (AWS PrivateLink guide, "Control access to VPC endpoints
// using endpoint policies", Considerations): a JSON policy document in the IAM policy language,
// with a Principal element, at most 20,480 characters including white space. Whether a service's
// endpoint takes a policy at all is only told by its lookup (`vpcEndpointPolicySupported`), so
// sdk/checks/endpoint-policies.ts judges that once the endpoint service is looked up.
import * as pulumi from "@pulumi/pulumi";
import { EndpointPolicy } from "../args";
import { AWS_LIMITS } from "../aws/limits";
import { isPlainObject, oneOf, ProblemList, show } from "./problems";
import type { ValidatedEndpointPolicies } from "./validated-args";

const POLICIES = Object.values(EndpointPolicy);
const HOW = "give the policy as JSON text (JSON.stringify(document) in TypeScript, json.dumps(document) in Python)";

export function validateEndpointPolicies(
    problems: ProblemList,
    policy: unknown,
    policies: unknown,
    gatewayEndpoints: readonly string[],
    interfaceEndpoints: readonly string[],
): ValidatedEndpointPolicies {
    return { endpointPolicy: validateEndpointPolicy(problems, policy), endpointPolicies: validateServicePolicies(problems, policies, [...gatewayEndpoints, ...interfaceEndpoints]) };
}

function validateEndpointPolicy(problems: ProblemList, value: unknown): EndpointPolicy {
    if (value === undefined) {
        return EndpointPolicy.FullAccess;
    }
    if (!POLICIES.includes(value as EndpointPolicy)) {
        problems.add("endpointPolicy", `${show(value)} is not an endpoint policy; allowed: ${oneOf(POLICIES)} (or a policy of your own per service in endpointPolicies).`);
        return EndpointPolicy.FullAccess;
    }
    return value as EndpointPolicy;
}

function validateServicePolicies(problems: ProblemList, value: unknown, services: readonly string[]): Record<string, pulumi.Input<string>> {
    if (value === undefined) {
        return {};
    }
    if (!isPlainObject(value)) {
        problems.add("endpointPolicies", `${show(value)} is not an object of service names to policy JSON, such as { s3: "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [...]}" }.`);
        return {};
    }
    const valid: Record<string, pulumi.Input<string>> = {};
    for (const [service, document] of Object.entries(value)) {
        if (document === undefined) {
            continue;
        }
        const field = `endpointPolicies.${service}`;
        if (!services.includes(service)) {
            const endpoints = services.length > 0 ? `its endpoints are for ${oneOf(services)}` : "it has none (gatewayEndpoints and interfaceEndpoints are empty)";
            problems.add(field, `${show(service)} has no endpoint in this network, so there is no endpoint to write its policy on; ${endpoints}. Add ${show(service)} to interfaceEndpoints (or gatewayEndpoints), or remove this entry.`);
            continue;
        }
        if (typeof document === "string") {
            const problem = endpointPolicyDocumentProblem(document);
            if (problem) {
                problems.add(field, `${show(document)} ${problem}`);
                continue;
            }
        } else if (!pulumi.Output.isInstance(document) && !(document instanceof Promise)) {
            problems.add(field, `${show(document)} is not a string: ${HOW}.`);
            continue;
        }
        valid[service] = document as pulumi.Input<string>;
    }
    return valid;
}

/**
 * What AWS would refuse in an endpoint policy's text, as the rest of a sentence that starts with
 * the value; undefined for a document AWS takes (as far as its text tells: the actions, resources
 * and condition keys are the service's to judge).
 */
export function endpointPolicyDocumentProblem(text: string): string | undefined {
    const length = [...text].length;
    if (length > AWS_LIMITS.endpointPolicyMaxCharacters) {
        return `is ${length.toLocaleString("en-US")} characters long; AWS allows an endpoint policy ${AWS_LIMITS.endpointPolicyMaxCharacters.toLocaleString("en-US")} at most, white space included. Drop the white space (JSON.stringify without indentation) or merge statements.`;
    }
    let document: unknown;
    try {
        document = JSON.parse(text);
    } catch (error) {
        return `is not JSON (${(error as Error).message}): ${HOW}.`;
    }
    const statement = isPlainObject(document) ? document.Statement : undefined;
    const statements = Array.isArray(statement) ? statement : isPlainObject(statement) ? [statement] : [];
    if (statements.length === 0 || statements.some((s) => !isPlainObject(s))) {
        return `is JSON but not a policy document: it needs a "Statement", one statement object or a list of them, such as {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}.`;
    }
    for (const [i, s] of (statements as Record<string, unknown>[]).entries()) {
        if (s.Effect !== "Allow" && s.Effect !== "Deny") {
            return `has statement ${i + 1} with Effect ${show(s.Effect)}; allowed: "Allow", "Deny".`;
        }
        if (s.Principal === undefined && s.NotPrincipal === undefined) {
            return `has statement ${i + 1} without a "Principal": AWS requires one in every statement of an endpoint policy ("*" for any principal, narrowed by conditions such as aws:PrincipalAccount).`;
        }
    }
    return undefined;
}

/** Why AWS would refuse a policy given as an Output, once it is known: a sentence naming the field; undefined when it would take it. */
export function endpointPolicyProblem(componentName: string, service: string, text: string): string | undefined {
    const problem = endpointPolicyDocumentProblem(text);
    return problem && `VpcLambdaNetwork "${componentName}": endpointPolicies.${service} ${show(text)} ${problem}`;
}
