// The entry the Pulumi engine runs for `pulumi preview --policy-pack policy`. Import the
// policies from ./policies instead: constructing a PolicyPack starts the engine's gRPC server.
import { PolicyPack } from "@pulumi/policy";
import { policies, POLICY_PACK_NAME } from "./policies";

new PolicyPack(POLICY_PACK_NAME, {
    policies,
    description: "Enforces the rules of Lambda functions in a VPC on any stack: placement, exposure, ENI permissions, flow logs and endpoints.",
    provider: "aws",
    tags: ["aws", "lambda", "vpc"],
});
