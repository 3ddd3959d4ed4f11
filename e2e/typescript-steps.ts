// The root program and the TypeScript examples, in place (their node_modules are the repository's).
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { exportedResources, pulumi, REPOSITORY, typeOf } from "./pulumi-cli";
import { assertNoChanges, newStack, preview, removeStack, up } from "./stacks";
import { COMPONENT, NODEJS_PROGRAMS_BLOCKED, POLICY_PACK, Step } from "./step";

// awsx's VPC is a component served by the awsx plugin, which Pulumi ships as a release
// download, not through a registry; with plugin downloads off it is not to be had here.
const AWSX_PLUGIN_MISSING = "it needs the awsx resource plugin (pulumi-resource-awsx), which no registry this machine reaches serves";

export const typeScriptSteps: Step[] = ["", "examples/nat-rds", "examples/endpoints-dynamodb", "examples/isolated-rds", "examples/existing-awsx-vpc"].map(
    (program): Step => ({
        name: `TypeScript program ${program || "(root)"}: preview (with the policy pack), up, a second preview with no changes, destroy`,
        blockedBy: NODEJS_PROGRAMS_BLOCKED ?? (program.endsWith("existing-awsx-vpc") ? AWSX_PLUGIN_MISSING : undefined),
        run: () => typeScriptLifecycle(program),
    }),
);

/** The lifecycle of a TypeScript program of this repository, in place (its node_modules are the repository's). */
function typeScriptLifecycle(program: string): void {
    const dir = path.join(REPOSITORY, program);
    const stack = `e2e-ts-${path.basename(program) || "root"}`;
    newStack(dir, stack);
    const planned = preview(dir, stack);
    assert.equal(planned.steps.filter((s) => s.op === "create" && typeOf(s) === COMPONENT).length, 1);
    const guarded = pulumi(dir, ["preview", "--stack", stack, "--policy-pack", POLICY_PACK], { timeoutSeconds: 600 });
    assert.match(guarded.stdout, /vpc-lambda-guard/, "the engine ran the pack");
    assert.doesNotMatch(guarded.stdout, /\[mandatory\]/, "no mandatory policy fails");
    up(dir, stack);
    assertNoChanges(preview(dir, stack).changeSummary, program || "root program");
    pulumi(dir, ["destroy", "--yes", "--stack", stack], { timeoutSeconds: 600 });
    assert.deepEqual(exportedResources(dir, stack).map((r) => r.urn), []);
    removeStack(dir, stack);
    // The stack's settings file, written beside Pulumi.yaml by `config set`.
    fs.rmSync(path.join(dir, `Pulumi.${stack}.yaml`), { force: true });
}
