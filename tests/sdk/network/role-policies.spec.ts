import { expect } from "chai";
import { NetworkGraph } from "../../../sdk/network/network-graph";
import { rolePoliciesOf } from "../../../sdk/network/role-policies";
import { natStack, T, UNKNOWN, urnOf } from "../reachability/stack";

const READ_SECRETS = JSON.stringify({ Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }] });
const VPC_ACCESS = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";

/** Each policy of the function's role as `kind declaredBy: status`. */
function policiesOf(stack = natStack()): string[] {
    const graph = new NetworkGraph(stack.resources);
    return rolePoliciesOf(graph, graph.resource("fn-role-id")!).map((p) => `${p.kind} ${p.declaredBy.name}: ${p.status}`);
}

describe("the network model: a role's policies", () => {
    it("reads an aws.iam.RolePolicy naming the role", () => {
        expect(policiesOf()).to.deep.equal(["rolePolicy fn-secrets: read"]);
    });

    it("reads the role's inline policies and managed ARNs, an AWS managed policy from the package's copy", () => {
        const stack = natStack().without("fn-secrets").set("fn-role", { inlinePolicies: [{ name: "secrets", policy: READ_SECRETS }], managedPolicyArns: [VPC_ACCESS] });
        expect(policiesOf(stack)).to.deep.equal(["inline fn-role: read", "attached fn-role: read"]);
    });

    it("reads a policy of the stack attached by a RolePolicyAttachment or a PolicyAttachment, by its ARN", () => {
        const stack = natStack()
            .without("fn-secrets")
            .add(T.policy, "secrets", { policy: READ_SECRETS }, { outputs: { arn: "arn:aws:iam::123456789012:policy/secrets" } })
            .add(T.rolePolicyAttachment, "attach", { role: "fn-role-id", policyArn: "arn:aws:iam::123456789012:policy/secrets" })
            .add(T.policyAttachment, "attach-many", { roles: ["fn-role-id"], policyArn: VPC_ACCESS });
        const graph = new NetworkGraph(stack.resources);
        const [attached, many] = rolePoliciesOf(graph, graph.resource("fn-role-id")!);
        expect(attached).to.deep.include({ kind: "attached", status: "read", arn: "arn:aws:iam::123456789012:policy/secrets", policy: graph.resource("secrets-id") });
        expect(many).to.deep.include({ kind: "attached", status: "read", arn: VPC_ACCESS });
    });

    it("says which it cannot read: not known yet, not shown in the stack, not a policy", () => {
        const stack = natStack()
            .set("fn-secrets", { policy: "not json" })
            .set("fn-role", { inlinePolicies: UNKNOWN, managedPolicyArns: ["arn:aws:iam::aws:policy/PowerUserAccess"] });
        expect(policiesOf(stack)).to.deep.equal(["inline fn-role: notKnownYet", "attached fn-role: notShown", "rolePolicy fn-secrets: notAPolicy"]);
    });

    it("follows an attached ARN not known yet to the stack's policy it comes from", () => {
        const stack = natStack()
            .without("fn-secrets")
            .add(T.policy, "secrets", { policy: READ_SECRETS }, { id: null })
            .add(T.rolePolicyAttachment, "attach", { role: "fn-role-id", policyArn: UNKNOWN }, { dependencies: { policyArn: [urnOf(T.policy, "secrets")] } });
        expect(policiesOf(stack)).to.deep.equal(["attached attach: read"]);
    });
});
