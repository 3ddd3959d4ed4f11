import { AWS, describe } from "./aws-types";
import { awsManagedPolicyStatements } from "../sdk/aws/managed-policies";
import { Statement, statementsOf } from "../sdk/network/iam-statements";
import { elementsOf, isUnknown, knownList, knownString } from "./known-values";
import type { StackIndex, StackResource } from "./stack-index";

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
 * The permissions of an IAM role from every place a program can grant them: the role's
 * `inlinePolicies` and `managedPolicyArns`, `aws.iam.RolePolicy`, `aws.iam.RolePolicyAttachment`
 * and `aws.iam.PolicyAttachment` (attached policies are read from the stack's `aws.iam.Policy`
 * resources, or from the known AWS managed policies).
 */
export function rolePermissions(index: StackIndex, role: StackResource): RolePermissions {
    const permissions: RolePermissions = { statements: [], unseen: [] };
    const addDocument = (document: unknown, source: string) => {
        const statements = statementsOf(document);
        if (Array.isArray(statements)) {
            permissions.statements.push(...statements);
        } else if (isUnknown(statements)) {
            permissions.unseen.push(`${source} (not known until deployment)`);
        }
    };
    const addAttached = (from: StackResource, property: string, arn: unknown) => {
        const [policy] = index.follow(from, property, arn, [AWS.policy]).resources;
        const known = knownString(arn);
        const managed = known !== undefined ? awsManagedPolicyStatements(known) : undefined;
        if (policy) {
            addDocument(policy.props.policy, describe(policy));
        } else if (managed) {
            permissions.statements.push(...managed);
        } else if (arn !== undefined) {
            permissions.unseen.push(known ?? `a policy attached by ${describe(from)} (not known until deployment)`);
        }
    };

    const inline = knownList(role.props.inlinePolicies);
    if (isUnknown(inline)) {
        permissions.unseen.push(`the inline policies of ${describe(role)}`);
    }
    for (const entry of elementsOf(inline)) {
        addDocument(isUnknown(entry) ? entry : (entry as Record<string, unknown>)?.policy, `an inline policy of ${describe(role)}`);
    }
    const managedArns = knownList(role.props.managedPolicyArns);
    if (isUnknown(managedArns)) {
        permissions.unseen.push(`the managed policies of ${describe(role)}`);
    }
    for (const arn of elementsOf(managedArns)) {
        addAttached(role, "managedPolicyArns", arn);
    }
    for (const rolePolicy of index.referrers(role, AWS.rolePolicy, "role")) {
        addDocument(rolePolicy.props.policy, describe(rolePolicy));
    }
    for (const attachment of index.referrers(role, AWS.rolePolicyAttachment, "role")) {
        addAttached(attachment, "policyArn", attachment.props.policyArn);
    }
    for (const attachment of index.referrers(role, AWS.policyAttachment, "roles")) {
        addAttached(attachment, "policyArn", attachment.props.policyArn);
    }
    return permissions;
}
