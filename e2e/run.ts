/**
 * `make e2e`: this repository's programs, its plugin and its policy pack run by the real Pulumi
 * CLI (`.e2e/bin/pulumi-local`, built by `make e2e-tools`), against the AWS stand-in. Every
 * assertion reads the engine's own output (`--json`) or `pulumi stack export`. A step whose
 * language host this machine cannot build is reported as not run, with the reason, and never
 * counted as passed.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { E2E_STATE, pulumi, REPOSITORY } from "./pulumi-cli";
import { sdkSteps } from "./sdk-steps";
import { WORK } from "./stacks";
import { PULUMI_VERSION, Step } from "./step";
import { typeScriptSteps } from "./typescript-steps";
import { yamlExampleSteps } from "./yaml-example-steps";

const steps: Step[] = [
    {
        name: `the CLI is Pulumi ${PULUMI_VERSION}, built here`,
        run: () => {
            const version = pulumi(REPOSITORY, ["version"], { timeoutSeconds: 60 }).stdout.trim();
            assert.equal(version, PULUMI_VERSION);
        },
    },
    ...yamlExampleSteps,
    ...typeScriptSteps,
    ...sdkSteps,
];

// One `make e2e` at a time: two would share the `e2e-` stacks in .e2e/state.
const RUN_LOCK = path.join(E2E_STATE, "make-e2e.pid");

function main(): void {
    fs.mkdirSync(E2E_STATE, { recursive: true });
    try {
        fs.writeFileSync(RUN_LOCK, String(process.pid), { flag: "wx" });
    } catch {
        const holder = fs.readFileSync(RUN_LOCK, "utf8");
        if (isRunning(Number(holder))) {
            console.error(`make e2e: another run (pid ${holder}) is using .e2e/state; wait for it to end`);
            process.exit(1);
        }
        fs.writeFileSync(RUN_LOCK, String(process.pid));
    }
    try {
        runSteps();
    } finally {
        fs.rmSync(RUN_LOCK, { force: true });
        fs.rmSync(WORK, { recursive: true, force: true });
    }
}

function isRunning(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

function runSteps(): void {
    // `node dist/e2e/run.js <words>` runs only the steps whose name has them (the YAML example's
    // steps build on one another: run them together).
    const only = process.argv.slice(2).join(" ");
    let passed = 0;
    let failed = 0;
    let notRun = 0;
    for (const step of steps.filter((s) => s.name.includes(only))) {
        if (step.blockedBy) {
            notRun++;
            console.log(`NOT RUN  ${step.name}\n         ${step.blockedBy}`);
            continue;
        }
        const started = Date.now();
        try {
            const note = step.run();
            passed++;
            console.log(`ok       ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)${note ? `\n         ${note}` : ""}`);
        } catch (error) {
            failed++;
            console.log(`FAILED   ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n${(error as Error).stack ?? error}`);
        }
    }
    console.log(`\n${passed} passed, ${failed} failed, ${notRun} skipped`);
    process.exitCode = failed > 0 ? 1 : 0;
}

main();
