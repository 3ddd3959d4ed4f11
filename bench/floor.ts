// The bare floor the offline plan is measured against: `node dist/bench/floor.js <resources.json>`.
//
// It does what any Pulumi program run under our mocks must do, and nothing of ours beyond the
// mocks: loads @pulumi/pulumi and @pulumi/aws, installs the same MockStack (the same MockAws
// answers), and registers, in a Pulumi stack, the same number of resources as the plan it is
// compared with, of the same AWS types (so the same @pulumi/aws modules load and the same mock
// answers run), with the same literal inputs and the same parents, then waits until every
// registration is answered. What it leaves out is what we add: the CLI (commander, Pulumi.yaml
// and stack config), transpiling a TypeScript program, the component (validation, planning,
// the resource graph with its outputs and dependencies), the policy pack and the reports.
// It prints `{"resources": n}`: how many resources the mocked engine recorded.
//
// With `--plan-settings`, it runs the resources under the runtime settings the plan runs a
// program with (`programStackTraceLimit()`: no stack traces captured); without, under Node's and
// Pulumi's defaults, as `pulumi preview` runs a program.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import { programStackTraceLimit } from "../cli/run-program";
import { MockStack } from "../sdk/offline-engine/mock-stack";

/** One resource to register, as `vpc-lambda plan --format json` lists it. */
export interface FloorResource {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    custom: boolean;
    inputs: Record<string, unknown>;
}

type ResourceClass = new (name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) => pulumi.Resource;

/** `aws:ec2/vpc:Vpc` → `aws.ec2.Vpc`, the class a program would use. */
function awsClass(type: string): ResourceClass {
    const match = /^aws:([^/]+)\/[^:]+:(.+)$/.exec(type);
    const cls = match ? (aws as unknown as Record<string, Record<string, unknown>>)[match[1]]?.[match[2]] : undefined;
    if (typeof cls !== "function") {
        throw new Error(`the floor has no @pulumi/aws class for ${type}`);
    }
    return cls as ResourceClass;
}

async function main(): Promise<void> {
    const [file, flag] = process.argv.slice(2);
    const list = JSON.parse(fs.readFileSync(file, "utf8")) as FloorResource[];
    const stack = await MockStack.install({ project: "bench-floor", stack: "dev" });
    if (flag === "--plan-settings") {
        Error.stackTraceLimit = programStackTraceLimit();
    }
    const { failures } = await stack.run(() =>
        pulumi.runtime.runInPulumiStack(async () => {
            const byUrn = new Map<string, pulumi.Resource>();
            for (const r of list) {
                if (r.type === "pulumi:pulumi:Stack") {
                    continue; // runInPulumiStack registers the stack itself
                }
                const parent = r.parent ? byUrn.get(r.parent) : undefined;
                const resource = r.custom
                    ? new (awsClass(r.type))(r.name, r.inputs, { parent })
                    : new pulumi.ComponentResource(r.type, r.name, {}, { parent });
                byUrn.set(r.urn, resource);
            }
            return {};
        }),
    );
    if (failures.length > 0) {
        throw failures[0];
    }
    process.stdout.write(`${JSON.stringify({ resources: stack.resources.length })}\n`);
}

main().catch((error: unknown) => {
    process.stderr.write(`floor: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
});
