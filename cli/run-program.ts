import * as pulumi from "@pulumi/pulumi";
import { MockStack, RecordedResource } from "../sdk/offline-engine/mock-stack";
import { ProgramError } from "./program-error";
import type { PulumiProject } from "./project";
import { registerTypeScript } from "./typescript-loader";

/** What a program would create, as the mocked engine recorded it. */
export interface PlannedStack {
    project: PulumiProject;
    region: string;
    accountId: string;
    resources: RecordedResource[];
    /** The stack outputs the program exports. */
    outputs: Record<string, unknown>;
    /** The warnings the program logged (`pulumi.log.warn`), which `pulumi preview` would print. */
    warnings: string[];
}

/**
 * How many frames an error captures while the program runs. Pulumi's runtime captures a stack
 * trace for every promise it makes (kept to report leaked promises when debugging it), several
 * per output of every resource: formatting them was the largest single cost of a plan beyond
 * loading Pulumi itself. The plan prints the program's error message, not its trace, so it
 * captures none; with VPC_LAMBDA_DEBUG set, the trace is printed and Node's limit is kept.
 */
export function programStackTraceLimit(): number {
    return process.env.VPC_LAMBDA_DEBUG ? Error.stackTraceLimit : 0;
}

/**
 * Runs a Pulumi program in this process against mocks that answer like AWS, as the Pulumi
 * engine would run it for `pulumi preview`, and returns every resource it registered.
 * Pulumi's runtime is process-wide: run one program per process.
 */
export async function runProgram(project: PulumiProject): Promise<PlannedStack> {
    if (project.entry.endsWith(".ts")) {
        registerTypeScript(project.directory);
    }
    const stack = await MockStack.install({ project: project.name, stack: project.stack, config: project.config });
    pulumi.runtime.setAllConfig({ ...pulumi.runtime.allConfig() }, project.secretKeys);

    // Once the program has failed, the SDK also rejects the stack's pending outputs: those
    // echoes come after the error is reported, and must not crash the process with a trace.
    process.on("unhandledRejection", () => undefined);
    const previousDir = process.cwd();
    const stackTraceLimit = Error.stackTraceLimit;
    process.chdir(project.directory);
    Error.stackTraceLimit = programStackTraceLimit();
    try {
        const { value: outputs, failures } = await stack.run(() =>
            pulumi.runtime.runInPulumiStack(async () => {
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                const exported = require(project.entry);
                return typeof exported === "function" ? await exported() : exported;
            }),
        );
        if (failures.length > 0) {
            throw failures[0];
        }
        return {
            project,
            region: stack.aws.region,
            accountId: stack.aws.accountId,
            resources: stack.resources,
            outputs: (outputs ?? {}) as Record<string, unknown>,
            warnings: [...stack.warnings],
        };
    } catch (error) {
        throw new ProgramError(error);
    } finally {
        Error.stackTraceLimit = stackTraceLimit;
        process.chdir(previousDir);
    }
}
