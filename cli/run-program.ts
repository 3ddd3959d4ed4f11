import * as pulumi from "@pulumi/pulumi";
import { MockStack, RecordedResource } from "../sdk/testing/mock-stack";
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
}

/** The program failed: its own error, to print as it is. */
export class ProgramError extends Error {
    constructor(readonly cause: unknown) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.name = "ProgramError";
    }
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

    // An error inside an apply surfaces as an unhandled rejection, not as a throw; and once the
    // program has failed, the SDK rejects the stack's pending outputs too. The listener stays
    // for the life of the process, so those echoes do not crash it after the error is reported.
    // A resource whose input failed is never registered and its outputs never resolve, so the
    // queue of registrations never drains: like Pulumi's language host, the first error ends the
    // run, rather than the --timeout.
    const asyncFailures: unknown[] = [];
    let failed: (reason: unknown) => void = () => undefined;
    const firstFailure = new Promise<never>((_, reject) => (failed = reject));
    firstFailure.catch(() => undefined);
    process.on("unhandledRejection", (reason: unknown) => {
        asyncFailures.push(reason);
        failed(reason);
    });
    const previousDir = process.cwd();
    process.chdir(project.directory);
    try {
        const run = async () => {
            const exported = await pulumi.runtime.runInPulumiStack(async () => {
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                const exported = require(project.entry);
                return typeof exported === "function" ? await exported() : exported;
            });
            await stack.settle();
            return exported;
        };
        const outputs = await Promise.race([run(), firstFailure]);
        // Rejections are reported after the microtask queue drains: give them one turn.
        await new Promise((resolve) => setImmediate(resolve));
        if (asyncFailures.length > 0) {
            throw asyncFailures[0];
        }
        return {
            project,
            region: stack.aws.region,
            accountId: stack.aws.accountId,
            resources: stack.resources,
            outputs: (outputs ?? {}) as Record<string, unknown>,
        };
    } catch (error) {
        throw new ProgramError(error);
    } finally {
        process.chdir(previousDir);
    }
}
