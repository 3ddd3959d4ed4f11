// The policies of an IAM role, from every place a program can grant them: the role's
// `inlinePolicies` and `managedPolicyArns`, `aws.iam.RolePolicy`, `aws.iam.RolePolicyAttachment`
// and `aws.iam.PolicyAttachment`. An attached policy is read from the stack's `aws.iam.Policy`
// resources, or from the AWS managed policies this package knows. What a role's functions may
// call (called-services.ts) and whether it grants Lambda's ENI actions (the policy pack) both
// read this one list.
import { awsManagedPolicyStatements } from "../aws/managed-policies";
import { AWS_RESOURCE_TYPES } from "../aws/resource-types";
import { Statement, statementsOf } from "./iam-statements";
import { elementsOf, isPlainObject, isUnknown, knownList, knownString, UNKNOWN } from "./known-values";
import { NetworkResource, value } from "./network-resource";
import type { ResourceIndex } from "./resource-index";

/** One policy of a role, as far as the stack shows it. */
export interface RolePolicy {
    /** How the stack gives it: among the role's `inlinePolicies`, as an `aws.iam.RolePolicy`, or attached by ARN. */
    kind: "inline" | "rolePolicy" | "attached";
    /** The resource that gives it: the role itself (inline policies, `managedPolicyArns`), the role policy, the attachment. */
    declaredBy: NetworkResource;
    /** The attached `aws.iam.Policy`, when it is one of the stack's. */
    policy?: NetworkResource;
    /** The attached ARN, when known. */
    arn?: string;
    /**
     * `read`: its statements are these. `notKnownYet`: not known until deployment (a preview).
     * `notShown`: managed outside the stack, or an AWS managed policy this package has no copy of.
     * `notAPolicy`: a document of the stack that cannot be read as a policy (AWS would refuse it).
     */
    status: "read" | "notKnownYet" | "notShown" | "notAPolicy";
    statements: Statement[];
}

/** Every policy of the role, in the order the stack gives them: inline, managed, role policies, attachments. */
export function rolePoliciesOf(index: ResourceIndex, role: NetworkResource): RolePolicy[] {
    return index.memo(`rolePolicies:${role.urn}`, () => {
        const found: RolePolicy[] = [];
        const inline = knownList(value(role, "inlinePolicies"));
        for (const entry of isUnknown(inline) ? [UNKNOWN] : elementsOf(inline)) {
            found.push(documentPolicy("inline", role, isPlainObject(entry) ? entry.policy : entry));
        }
        const managed = knownList(value(role, "managedPolicyArns"));
        for (const arn of isUnknown(managed) ? [UNKNOWN] : elementsOf(managed)) {
            found.push(attachedPolicy(index, role, "managedPolicyArns", arn));
        }
        // An attachment's policyArn is required: one without attaches nothing.
        for (const rolePolicy of index.referrers(role, AWS_RESOURCE_TYPES.rolePolicy, "role")) {
            found.push(documentPolicy("rolePolicy", rolePolicy, value(rolePolicy, "policy")));
        }
        const attachments = [...index.referrers(role, AWS_RESOURCE_TYPES.rolePolicyAttachment, "role"), ...index.referrers(role, AWS_RESOURCE_TYPES.policyAttachment, "roles")];
        for (const attachment of attachments.filter((a) => value(a, "policyArn") !== undefined)) {
            found.push(attachedPolicy(index, attachment, "policyArn", value(attachment, "policyArn")));
        }
        return found;
    });
}

function documentPolicy(kind: RolePolicy["kind"], declaredBy: NetworkResource, document: unknown, attached: Pick<RolePolicy, "policy" | "arn"> = {}): RolePolicy {
    const statements = statementsOf(document);
    const status = Array.isArray(statements) ? "read" : isUnknown(statements) ? "notKnownYet" : "notAPolicy";
    return { kind, declaredBy, ...attached, status, statements: Array.isArray(statements) ? statements : [] };
}

/** A policy attached by ARN: the stack's own `aws.iam.Policy` (followed through dependencies in a preview), or an AWS managed one. */
function attachedPolicy(index: ResourceIndex, declaredBy: NetworkResource, property: string, arn: unknown): RolePolicy {
    const [policy] = index.follow(declaredBy, property, arn, [AWS_RESOURCE_TYPES.policy]).resources;
    const known = knownString(arn);
    const given = known !== undefined ? { arn: known } : {};
    if (policy) {
        return documentPolicy("attached", declaredBy, value(policy, "policy"), { policy, ...given });
    }
    const managed = known !== undefined ? awsManagedPolicyStatements(known) : undefined;
    if (managed) {
        return { kind: "attached", declaredBy, ...given, status: "read", statements: managed };
    }
    return { kind: "attached", declaredBy, ...given, status: known !== undefined ? "notShown" : "notKnownYet", statements: [] };
}
