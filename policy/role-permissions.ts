import type { Statement } from "../sdk/network/iam-statements";
import type { NetworkGraph } from "../sdk/network/network-graph";
import type { NetworkResource } from "../sdk/network/network-resource";
import { rolePoliciesOf } from "../sdk/network/role-policies";
import { describe } from "./describe";

/** What the stack shows of a role's permissions. */
export interface RolePermissions {
    /** Every statement the pack could read, from all the role's policies. */
    statements: Statement[];
    /**
     * Policies whose content the pack cannot read: not known yet (a preview), managed outside
     * the stack, or an AWS managed policy it has no copy of. With any of these, a missing
     * permission may be granted where the pack cannot look.
     */
    unseen: string[];
}

/**
 * The permissions of an IAM role from every place a program can grant them (the network model's
 * reading of its policies). A document of the stack that is not a policy grants nothing: AWS
 * refuses it.
 */
export function rolePermissions(graph: NetworkGraph, role: NetworkResource): RolePermissions {
    const policies = rolePoliciesOf(graph, role);
    return {
        statements: policies.flatMap((p) => p.statements),
        unseen: policies.filter((p) => p.status === "notKnownYet" || p.status === "notShown").map((p) => (p.policy ? describe(p.policy) : (p.arn ?? `a policy given by ${describe(p.declaredBy)}`))),
    };
}
