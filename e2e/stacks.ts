// The stacks `make e2e` drives through pulumi-local, in a scratch folder outside the repository.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseDocument } from "yaml";
import { E2E_STATE, EngineStep, ExportedResource, json, pulumi, REPOSITORY, typeOf } from "./pulumi-cli";
import { NODEJS_PLUGINS_FROM_SOURCE } from "./step";

/** The scratch folder of this run, removed at its end. */
export const WORK = fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-e2e-"));
// Resources whose replacement takes down what runs in the network (ENIs, RDS, endpoints).
const NEVER_REPLACED = ["aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/securityGroup:SecurityGroup"];
const REPLACING_OPS = ["replace", "create-replacement", "delete-replaced"];

/** A copy of a program folder in the scratch directory, outside the repository, as a user would have it. */
export function copyProgram(from: string, name: string): string {
    const to = path.join(WORK, name);
    fs.cpSync(from, to, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
    return to;
}

/** Edits the copy's Pulumi.yaml. */
export function editProject(dir: string, edit: (document: ReturnType<typeof parseDocument>) => void): void {
    const file = path.join(dir, "Pulumi.yaml");
    const document = parseDocument(fs.readFileSync(file, "utf8"));
    edit(document);
    fs.writeFileSync(file, document.toString());
}

/**
 * Points the copy's Pulumi.yaml at the component's plugin, by path, as `pulumi package add
 * <repository>/provider` does: a `packages:` entry naming provider/, which the engine runs through
 * the Node.js language host's RunPlugin (PulumiPlugin.yaml, runtime nodejs). Without such a host
 * the copy names the same plugin as an executable (e2e/component-plugin) under
 * `plugins.providers`; it starts provider/index.js as the host would.
 */
export function nameComponentPlugin(dir: string): void {
    editProject(dir, (document) => {
        if (NODEJS_PLUGINS_FROM_SOURCE) {
            document.setIn(["packages", "vpc-lambda"], path.join(REPOSITORY, "provider"));
        } else {
            document.delete("packages");
            document.set("plugins", { providers: [{ name: "vpc-lambda", path: path.join(REPOSITORY, "e2e", "component-plugin") }] });
        }
    });
}

/**
 * A fresh stack for the program in `dir`. The `e2e-` stacks are `make e2e`'s own: an earlier
 * run's stack of that name, and a lock an interrupted run left on it, are removed first (no
 * other run holds it: see RUN_LOCK).
 */
export function newStack(dir: string, stack: string): void {
    const project = String(parseDocument(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")).get("name"));
    fs.rmSync(path.join(E2E_STATE, ".pulumi", "locks", "organization", project, stack), { recursive: true, force: true });
    pulumi(dir, ["stack", "rm", stack, "--yes", "--force"], { timeoutSeconds: 60, expect: "any" });
    pulumi(dir, ["stack", "init", stack], { timeoutSeconds: 60 });
    pulumi(dir, ["config", "set", "aws:region", "us-east-1", "--stack", stack], { timeoutSeconds: 60 });
}

export function removeStack(dir: string, stack: string): void {
    pulumi(dir, ["stack", "rm", stack, "--yes"], { timeoutSeconds: 60 });
}

/** `env`: the environment the program runs in (a Python program's activated venv), the CLI's own by default. */
export function preview(dir: string, stack: string, env?: NodeJS.ProcessEnv): { steps: EngineStep[]; changeSummary: Record<string, number> } {
    return json(pulumi(dir, ["preview", "--stack", stack, "--json"], { timeoutSeconds: 600, env }));
}

/**
 * `up --json` prints the plan (a JSON document, as `preview --json` does) and then the engine's
 * events, one JSON object a line; the steps are what the engine did (its resourcePreEvents), the
 * summary its closing summaryEvent.
 */
export function up(dir: string, stack: string, env?: NodeJS.ProcessEnv): { steps: EngineStep[]; changeSummary: Record<string, number> } {
    const { stdout } = pulumi(dir, ["up", "--yes", "--stack", stack, "--json"], { timeoutSeconds: 900, env });
    const eventsStart = stdout.indexOf('\n{"sequence":');
    assert.ok(eventsStart > 0, `up --json printed no engine events:\n${stdout}`);
    const events = stdout.slice(eventsStart).trim().split("\n").map((line) => JSON.parse(line));
    const steps: EngineStep[] = events
        .filter((e) => e.resourcePreEvent)
        .map(({ resourcePreEvent: { metadata } }) => ({ op: metadata.op, urn: metadata.urn, newState: metadata.new ?? undefined, oldState: metadata.old ?? undefined, diffReasons: metadata.diffs }));
    const summary = events.find((e) => e.summaryEvent)?.summaryEvent;
    assert.equal(summary?.result, "succeeded", `up did not succeed: ${JSON.stringify(summary)}`);
    return { steps, changeSummary: summary.resourceChanges };
}

export function assertNoChanges(summary: Record<string, number>, what: string): void {
    const changing = Object.entries(summary).filter(([op, count]) => op !== "same" && count > 0);
    assert.deepEqual(changing, [], `${what}: a second preview must change nothing, the engine plans ${JSON.stringify(summary)}`);
}

export function assertNothingReplaced(steps: EngineStep[], what: string): void {
    const replaced = steps.filter((s) => REPLACING_OPS.includes(s.op) && NEVER_REPLACED.includes(typeOf(s)));
    assert.deepEqual(
        replaced.map((s) => `${s.op} ${s.urn} (${(s.replaceReasons ?? []).join(", ")})`),
        [],
        `${what}: the engine's diff replaces a VPC, subnet or security group`,
    );
}

export function byType(resources: ExportedResource[], type: string): ExportedResource[] {
    return resources.filter((r) => r.type === type);
}
