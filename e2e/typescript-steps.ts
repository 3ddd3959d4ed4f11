// The root program and the TypeScript examples, in place (their node_modules are the repository's).
import { strict as assert } from "assert";
import * as path from "path";
import { exportedResources, pulumi, REPOSITORY, typeOf } from "./pulumi-cli";
import { assertNoChanges, newStack, preview, removeStack, up } from "./stacks";
import { COMPONENT, NODEJS_HOST_MISSING, Step } from "./step";

export const typeScriptSteps: Step[] =
    ["", "examples/nat-rds", "examples/endpoints-dynamodb", "examples/isolated-rds", "examples/existing-awsx-vpc"].map(
        (program): Step => ({
            name: `TypeScript program ${program || "(root)"}: preview, up, a second preview with no changes, destroy`,
            blockedBy: NODEJS_HOST_MISSING,
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
    up(dir, stack);
    assertNoChanges(preview(dir, stack).changeSummary, program || "root program");
    pulumi(dir, ["destroy", "--yes", "--stack", stack], { timeoutSeconds: 600 });
    assert.deepEqual(exportedResources(dir, stack).map((r) => r.urn), []);
    removeStack(dir, stack);
}
