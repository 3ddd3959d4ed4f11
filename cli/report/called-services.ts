import type { RecordedResource } from "../../sdk/testing/mock-stack";
import { NetworkGraph } from "./network-graph";

/**
 * The AWS services the stack's functions are allowed to call, read from their execution
 * roles' policies: what a design without NAT must still reach through endpoints. A role
 * allows at least what the code calls, so this errs on the side of more endpoints.
 */
export interface CalledServices {
    /** Endpoint service names (`secretsmanager`, `ecr.api`), sorted. */
    services: string[];
    /** Policies whose actions cannot be read offline (AWS managed ones not known here, unknown values, `*`). */
    unreadable: string[];
}

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";

// Actions the Lambda service itself performs with the execution role, not calls from the
// function's code through the VPC: the ENI actions of AWSLambdaVPCAccessExecutionRole, and log
// delivery, which does not use the VPC's routes.
const LAMBDA_SERVICE_ACTIONS = new Set([
    "ec2:createnetworkinterface",
    "ec2:describenetworkinterfaces",
    "ec2:describesubnets",
    "ec2:deletenetworkinterface",
    "ec2:assignprivateipaddresses",
    "ec2:unassignprivateipaddresses",
    "logs:createloggroup",
    "logs:createlogstream",
    "logs:putlogevents",
]);

// AWS managed policies made only of such actions.
const LAMBDA_SERVICE_POLICIES = ["AWSLambdaBasicExecutionRole", "AWSLambdaVPCAccessExecutionRole", "AWSLambdaENIManagementAccess"];

// IAM prefixes whose endpoint service is named differently; `null`: nothing to reach (an
// `rds-db:connect` token is signed locally and used on the database's own connection).
const ENDPOINT_SERVICE_OF_PREFIX: Record<string, string | null> = {
    ecr: "ecr.api",
    kinesis: "kinesis-streams",
    bedrock: "bedrock-runtime",
    "rds-db": null,
};

export function servicesFunctionsCall(graph: NetworkGraph): CalledServices {
    const services = new Set<string>();
    const unreadable = new Set<string>();
    const roles = graph.ofType(ROLE);
    for (const fn of graph.ofType("aws:lambda/function:Function").filter((f) => f.inputs.vpcConfig)) {
        const roleRef = graph.ref(fn, "role", [ROLE]);
        const role = roles.find((r) => namesOf(graph, r).includes(roleRef));
        if (!role) {
            unreadable.add(`${fn.name}'s role (not in this stack)`);
            continue;
        }
        for (const { label, document } of policiesOf(graph, role)) {
            const actions = allowedActions(document);
            if (actions === undefined) {
                unreadable.add(label);
                continue;
            }
            for (const action of actions.filter((a) => !LAMBDA_SERVICE_ACTIONS.has(a.toLowerCase()))) {
                const prefix = action.split(":")[0].toLowerCase();
                if (prefix === "*") {
                    unreadable.add(`${label} (allows *)`);
                    continue;
                }
                const service = prefix in ENDPOINT_SERVICE_OF_PREFIX ? ENDPOINT_SERVICE_OF_PREFIX[prefix] : prefix;
                if (service) {
                    services.add(service);
                }
            }
        }
    }
    return { services: [...services].sort(), unreadable: [...unreadable].sort() };
}

/** A role's policy documents: inline on the role, its role policies, and attached policies. */
function policiesOf(graph: NetworkGraph, role: RecordedResource): { label: string; document: unknown }[] {
    const names = namesOf(graph, role);
    const found: { label: string; document: unknown }[] = [];
    for (const inline of Array.isArray(role.inputs.inlinePolicies) ? role.inputs.inlinePolicies : []) {
        found.push({ label: `${role.name} inline policy`, document: inline.policy });
    }
    for (const rolePolicy of graph.ofType("aws:iam/rolePolicy:RolePolicy").filter((p) => names.includes(graph.ref(p, "role", [ROLE])))) {
        found.push({ label: rolePolicy.name, document: rolePolicy.inputs.policy });
    }
    const attached = [
        ...(Array.isArray(role.inputs.managedPolicyArns) ? role.inputs.managedPolicyArns : []),
        ...graph
            .ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
            .filter((a) => names.includes(graph.ref(a, "role", [ROLE])))
            .map((a) => graph.ref(a, "policyArn", [POLICY])),
    ];
    for (const arn of attached.filter((a): a is string => typeof a === "string")) {
        const policy = graph.ofType(POLICY).find((p) => namesOf(graph, p).includes(arn));
        if (policy) {
            found.push({ label: policy.name, document: policy.inputs.policy });
        } else if (!LAMBDA_SERVICE_POLICIES.some((name) => arn.endsWith(`:policy/service-role/${name}`) || arn.endsWith(`:policy/${name}`))) {
            found.push({ label: arn, document: undefined });
        }
    }
    return found;
}

/** Every way another resource may name this one: id, URN (in a preview), name, ARN. */
function namesOf(graph: NetworkGraph, resource: RecordedResource): (string | undefined)[] {
    return [graph.identity(resource), resource.id, resource.outputs?.name, resource.outputs?.arn, resource.inputs.name].filter((n) => typeof n === "string");
}

/** The actions a policy document allows, or undefined when it cannot be read. */
function allowedActions(document: unknown): string[] | undefined {
    let parsed: unknown = document;
    if (typeof document === "string") {
        try {
            parsed = JSON.parse(document);
        } catch {
            return undefined;
        }
    }
    const statements = (parsed as { Statement?: unknown } | undefined)?.Statement;
    if (statements === undefined) {
        return undefined;
    }
    return (Array.isArray(statements) ? statements : [statements])
        .filter((s) => s && s.Effect === "Allow")
        .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]))
        .filter((a): a is string => typeof a === "string");
}
