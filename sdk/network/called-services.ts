import { awsManagedPolicyStatements } from "../aws/managed-policies";
import { AWS_RESOURCE_TYPES } from "../aws/resource-types";
import type { Statement } from "./iam-statements";
import type { NetworkGraph } from "./network-graph";
import type { NetworkResource } from "./network-resource";
import { RolePolicy, rolePoliciesOf } from "./role-policies";

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
    const [role] = fn ? graph.followProperty(fn, "role", [AWS_RESOURCE_TYPES.role]).resources : [];
    if (!role) {
        return { services: [], unreadable: [`${fn?.name ?? functionId}'s role (not in this stack)`] };
    }
    // Functions often share a role: read each role's policies once.
    return graph.memo(`servicesRoleAllows:${role.urn}`, () => servicesRoleAllows(graph, role));
}

function servicesRoleAllows(graph: NetworkGraph, role: NetworkResource): CalledServices {
    const services = new Set<string>();
    const unreadable = new Set<string>();
    for (const policy of rolePoliciesOf(graph, role)) {
        const label = labelOf(role, policy);
        if (policy.status !== "read") {
            unreadable.add(label);
            continue;
        }
        for (const action of actionsOf(policy.statements).filter((a) => !LAMBDA_SERVICE_ACTIONS.has(a.toLowerCase()))) {
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

/** How the cost report names a policy it cannot read. */
function labelOf(role: NetworkResource, policy: RolePolicy): string {
    switch (policy.kind) {
        case "inline":
            return `${role.name} inline policy`;
        case "rolePolicy":
            return policy.declaredBy.name;
        case "attached":
            return policy.policy?.name ?? policy.arn ?? `a policy attached by ${policy.declaredBy.name}`;
    }
}

function actionsOf(statements: Statement[]): string[] {
    return statements.filter((s) => s.Effect === "Allow").flatMap((s) => (Array.isArray(s.Action) ? s.Action : s.Action !== undefined ? [s.Action] : []));
}
