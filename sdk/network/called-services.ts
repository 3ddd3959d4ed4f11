import { awsManagedPolicyStatements } from "../aws/managed-policies";
import { Statement, statementsOf } from "./iam-statements";
import { knownString } from "./known-values";
import { NetworkGraph } from "./network-graph";
import type { NetworkResource } from "./network-resource";

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

// AWSLambdaVPCAccessExecutionRole is what the Lambda service itself does with the execution
// role: create and delete the function's ENIs, and deliver its logs (which does not use the
// VPC's routes). None of it is a call from the function's code through the VPC.
const LAMBDA_SERVICE_ACTIONS = new Set(
    actionsOf(awsManagedPolicyStatements("arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole") ?? []).map((a) => a.toLowerCase()),
);

// IAM prefixes whose endpoint service is named differently; `null`: nothing to reach (an
// `rds-db:connect` token is signed locally and used on the database's own connection).
const ENDPOINT_SERVICE_OF_PREFIX: Record<string, string | null> = {
    ecr: "ecr.api",
    kinesis: "kinesis-streams",
    bedrock: "bedrock-runtime",
    "rds-db": null,
};

/** What all the stack's functions in a VPC may call. */
export function servicesFunctionsCall(graph: NetworkGraph): CalledServices {
    const each = graph.functions.map((fn) => servicesFunctionCalls(graph, fn.id));
    return {
        services: [...new Set(each.flatMap((c) => c.services))].sort(),
        unreadable: [...new Set(each.flatMap((c) => c.unreadable))].sort(),
    };
}

/** What one function (by identity) may call, from its execution role. */
export function servicesFunctionCalls(graph: NetworkGraph, functionId: string): CalledServices {
    const fn = graph.resource(functionId);
    const roleRef = fn && graph.ref(fn, "role", [ROLE]);
    const role = roleRef === undefined ? undefined : rolesByName(graph).get(roleRef);
    if (!role) {
        return { services: [], unreadable: [`${fn?.name ?? functionId}'s role (not in this stack)`] };
    }
    // Functions often share a role: read each role's policies once.
    return graph.memo(`servicesRoleAllows:${role.urn}`, () => servicesRoleAllows(graph, role));
}

/** The stack's roles by every name a function's `role` may give them. */
function rolesByName(graph: NetworkGraph): Map<string, NetworkResource> {
    return byEveryName(graph, ROLE);
}

/** The resources of a type by every name another resource may give them, built once per graph. */
function byEveryName(graph: NetworkGraph, type: string): Map<string, NetworkResource> {
    return graph.memo(`byEveryName:${type}`, () => {
        const byName = new Map<string, NetworkResource>();
        for (const resource of graph.ofType(type)) {
            namesOf(graph, resource).forEach((name) => byName.has(name) || byName.set(name, resource));
        }
        return byName;
    });
}

function servicesRoleAllows(graph: NetworkGraph, role: NetworkResource): CalledServices {
    const services = new Set<string>();
    const unreadable = new Set<string>();
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
    return { services: [...services].sort(), unreadable: [...unreadable].sort() };
}

/** A role's policy documents: inline on the role, its role policies, and attached policies. */
function policiesOf(graph: NetworkGraph, role: NetworkResource): { label: string; document: unknown }[] {
    const found: { label: string; document: unknown }[] = [];
    for (const inline of Array.isArray(role.inputs.inlinePolicies) ? role.inputs.inlinePolicies : []) {
        found.push({ label: `${role.name} inline policy`, document: inline?.policy });
    }
    const { rolePolicies, attachedArns } = attachmentsOf(graph, role);
    for (const rolePolicy of rolePolicies) {
        found.push({ label: rolePolicy.name, document: rolePolicy.inputs.policy });
    }
    const managed = Array.isArray(role.inputs.managedPolicyArns) ? role.inputs.managedPolicyArns : [];
    const policies = byEveryName(graph, POLICY);
    for (const arn of [...managed, ...attachedArns].filter((a): a is string => knownString(a) !== undefined)) {
        const policy = policies.get(arn);
        found.push(policy ? { label: policy.name, document: policy.inputs.policy } : { label: arn, document: managedPolicyDocument(arn) });
    }
    return found;
}

/** A role's role policies and the ARNs attached to it, from an index of the whole stack built once. */
function attachmentsOf(graph: NetworkGraph, role: NetworkResource): { rolePolicies: NetworkResource[]; attachedArns: (string | undefined)[] } {
    const byRole = graph.memo("roleAttachments", () => {
        const index = new Map<string, { rolePolicies: NetworkResource[]; attachedArns: (string | undefined)[] }>();
        const entry = (resource: NetworkResource) => {
            const ref = graph.ref(resource, "role", [ROLE]);
            const owner = ref === undefined ? undefined : rolesByName(graph).get(ref);
            if (!owner) {
                return undefined;
            }
            let attached = index.get(owner.urn);
            if (!attached) {
                attached = { rolePolicies: [], attachedArns: [] };
                index.set(owner.urn, attached);
            }
            return attached;
        };
        graph.ofType("aws:iam/rolePolicy:RolePolicy").forEach((p) => entry(p)?.rolePolicies.push(p));
        graph.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").forEach((a) => entry(a)?.attachedArns.push(graph.ref(a, "policyArn", [POLICY])));
        return index;
    });
    return byRole.get(role.urn) ?? { rolePolicies: [], attachedArns: [] };
}


/** Every way another resource may name this one: id, URN (in a preview), name, ARN. */
function namesOf(graph: NetworkGraph, resource: NetworkResource): string[] {
    return [graph.identity(resource), resource.id, resource.outputs?.name, resource.outputs?.arn, resource.inputs.name, resource.inputs.arn].filter((n): n is string => knownString(n) !== undefined);
}

/** An AWS managed policy the policy pack knows, as a document; undefined for any other. */
function managedPolicyDocument(arn: string): unknown {
    const statements = awsManagedPolicyStatements(arn);
    return statements ? { Statement: statements } : undefined;
}

/** The actions a policy document allows, or undefined when it cannot be read (or is unknown in a preview). */
function allowedActions(document: unknown): string[] | undefined {
    const statements = statementsOf(document);
    return Array.isArray(statements) ? actionsOf(statements) : undefined;
}

function actionsOf(statements: Statement[]): string[] {
    return statements.filter((s) => s.Effect === "Allow").flatMap((s) => (Array.isArray(s.Action) ? s.Action : s.Action !== undefined ? [s.Action] : []));
}
