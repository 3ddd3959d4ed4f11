import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const REPOSITORY = path.resolve(__dirname, "..", "..");
export const E2E_BIN = path.join(REPOSITORY, ".e2e", "bin");
/** Where pulumi-local keeps its stacks (a file backend). */
export const E2E_STATE = path.join(REPOSITORY, ".e2e", "state");
const PULUMI_LOCAL = path.join(E2E_BIN, "pulumi-local");

export interface RunResult {
    status: number | null;
    stdout: string;
    stderr: string;
}

/** Whether `make e2e-tools` built this binary into .e2e/bin. */
export function hasTool(name: string): boolean {
    return fs.existsSync(path.join(E2E_BIN, name));
}

/** What `make e2e-tools` built this binary from (`module@version go-version`), if it did. */
export function toolVersion(name: string): string | undefined {
    const stamp = path.join(E2E_BIN, `${name}.version`);
    return hasTool(name) && fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8").trim() : undefined;
}

/**
 * Runs `.e2e/bin/pulumi-local <args>` in `cwd` and returns its output; throws, with all it printed,
 * when it runs past `timeoutSeconds` or exits otherwise than `expect` says.
 */
export function pulumi(cwd: string, args: string[], options: { timeoutSeconds: number; expect?: "success" | "failure" | "any"; env?: NodeJS.ProcessEnv }): RunResult {
    return run(PULUMI_LOCAL, [...args, "--non-interactive"], cwd, options);
}

/** Runs `program <args>` in `cwd`, as `pulumi` above: it throws on a time-out or an unexpected exit. */
export function run(
    program: string,
    args: string[],
    cwd: string,
    options: { timeoutSeconds: number; expect?: "success" | "failure" | "any"; env?: NodeJS.ProcessEnv },
): RunResult {
    const result = spawnSync(program, args, { cwd, encoding: "utf8", timeout: options.timeoutSeconds * 1000, maxBuffer: 64 * 1024 * 1024, env: options.env });
    const command = `${path.basename(program)} ${args.join(" ")} (in ${cwd})`;
    const printed = `--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`;
    if (result.error) {
        throw new Error(`${command} did not finish in ${options.timeoutSeconds} s: ${result.error.message}\n${printed}`);
    }
    const expectation = options.expect ?? "success";
    if (expectation !== "any" && (expectation === "success") !== (result.status === 0)) {
        throw new Error(`${command} exited ${result.status}, expected ${expectation}\n${printed}`);
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The JSON document a `--json` command printed. */
export function json<T = any>(result: RunResult): T {
    try {
        return JSON.parse(result.stdout) as T;
    } catch (error) {
        throw new Error(`expected JSON on stdout: ${(error as Error).message}\n${result.stdout}\n${result.stderr}`);
    }
}

/** A step of a `preview --json` or `up --json`: what the engine does to one resource. */
export interface EngineStep {
    op: string;
    urn: string;
    newState?: { type: string; outputs?: Record<string, unknown>; inputs?: Record<string, unknown> };
    oldState?: { type: string };
    diffReasons?: string[];
    replaceReasons?: string[];
}

export function typeOf(step: EngineStep): string {
    return step.newState?.type ?? step.oldState?.type ?? step.urn.split("::")[2].split("$").pop()!;
}

/** A resource of `pulumi stack export`. */
export interface ExportedResource {
    urn: string;
    type: string;
    id?: string;
    custom?: boolean;
    parent?: string;
    inputs?: Record<string, any>;
    outputs?: Record<string, any>;
}

export function exportedResources(cwd: string, stack: string): ExportedResource[] {
    const exported = json(pulumi(cwd, ["stack", "export", "--stack", stack], { timeoutSeconds: 60 }));
    return exported.deployment?.resources ?? [];
}
