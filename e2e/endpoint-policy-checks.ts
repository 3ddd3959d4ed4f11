// e2e/programs/endpoint-policies, after `up`: the engine's state holds, on each VPC endpoint the
// network made, the policy the arguments call for; and the pack's opt-in
// vpc-endpoint-account-scoped-policy, enabled as mandatory, passes it.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { sameAccountEndpointPolicy } from "../sdk/plan/iam-documents";
import { ExportedResource, pulumi } from "./pulumi-cli";
import { byType, newStack, removeStack } from "./stacks";
import { COMPONENT, POLICY_PACK } from "./step";

/** The account the AWS stand-in answers aws.getCallerIdentity with (MockAws's). */
const STANDIN_ACCOUNT = "123456789012";

export function endpointPolicyChecks(resources: ExportedResource[]): string {
    const [network] = byType(resources, COMPONENT);
    const endpoints = byType(resources, "aws:ec2/vpcEndpoint:VpcEndpoint").filter((r) => r.parent === network.urn);
    const policies = Object.fromEntries(endpoints.map((e) => [e.urn.split("::").pop(), e.inputs?.policy]));
    assert.deepEqual(Object.keys(policies).sort(), ["guarded-dynamodb-endpoint", "guarded-s3-endpoint", "guarded-sqs-endpoint"]);
    const sameAccount = sameAccountEndpointPolicy(STANDIN_ACCOUNT);
    assert.deepEqual(JSON.parse(policies["guarded-s3-endpoint"]), sameAccount, "the S3 gateway endpoint holds SameAccount's policy");
    assert.deepEqual(JSON.parse(policies["guarded-sqs-endpoint"]), sameAccount, "the SQS interface endpoint holds SameAccount's policy");
    const dynamodb = JSON.parse(policies["guarded-dynamodb-endpoint"]);
    assert.equal(dynamodb.Statement[1].Sid, "NoTableDeletes", "the DynamoDB endpoint holds its own policy");
    for (const endpoint of endpoints) {
        assert.equal(endpoint.outputs?.policy, endpoint.inputs?.policy, `${endpoint.urn}: the provider's state holds the policy written`);
    }
    return `${endpoints.length} endpoints, each with its policy in the engine's state`;
}

/**
 * `pulumi preview` with the pack and its opt-in vpc-endpoint-account-scoped-policy as mandatory:
 * the stack up with SameAccount passes it; a fresh stack of the program with `endpointPolicy:
 * FullAccess` fails, naming it, so the engine ran the policy the config enabled. (A fresh one:
 * on the stack already up, FullAccess keeps the policies the endpoints have, as the provider
 * keeps an optional and computed input left out, and as the stand-in does.)
 */
export function previewWithAccountScopedPolicy(dir: string, stack: string): void {
    const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "e2e-policy-config-")), "config.json");
    fs.writeFileSync(config, JSON.stringify({ "vpc-endpoint-account-scoped-policy": "mandatory" }));
    const guarded = (on: string, expect: "success" | "failure") =>
        pulumi(dir, ["preview", "--stack", on, "--policy-pack", POLICY_PACK, "--policy-pack-config", config], { timeoutSeconds: 600, expect }).stdout;
    const passed = guarded(stack, "success");
    assert.match(passed, /vpc-lambda-guard/, "the engine ran the pack");
    assert.doesNotMatch(passed, /\[mandatory\]/, "every endpoint passes vpc-endpoint-account-scoped-policy");
    const open = `${stack}-full-access`;
    newStack(dir, open);
    try {
        pulumi(dir, ["config", "set", "endpointPolicy", "FullAccess", "--stack", open], { timeoutSeconds: 60 });
        assert.match(guarded(open, "failure"), /\[mandatory\]\s+vpc-endpoint-account-scoped-policy/, "without SameAccount, the endpoints are flagged");
    } finally {
        removeStack(dir, open);
        fs.rmSync(path.join(dir, `Pulumi.${open}.yaml`), { force: true });
    }
}
