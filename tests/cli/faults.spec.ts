import { execFile } from "child_process";
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// `vpc-lambda plan` under faults: each gives one clear line on stderr and a non-zero exit,
// never a stack trace and never a silent exit 0. Pulumi's runtime runs one program per
// process, so each case is its own `node dist/cli/main.js plan ...` (about a second of CPU);
// the cases run side by side, as many at a time as there are CPUs.

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli", "main.js");
const FIXTURES = path.join(ROOT, "tests", "fixtures", "cli");
/** A run still going after this long is killed (and has no exit code): the CLI hung. */
const HANG_MS = 45_000;

interface Run {
    /** The exit code; null when the run was killed for hanging. */
    code: number | null;
    stdout: string;
    stderr: string;
}

function plan(args: string[]): Promise<Run> {
    return new Promise((resolve) => {
        execFile(process.execPath, [CLI, "plan", ...args], { cwd: ROOT, timeout: HANG_MS }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
            resolve({ code, stdout, stderr });
        });
    });
}

/** Runs every case, a few at a time, and returns each one's run by name. */
async function planAll(cases: Record<string, string[]>): Promise<Record<string, Run>> {
    const queue = Object.entries(cases);
    const runs: Record<string, Run> = {};
    const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
            runs[next[0]] = await plan(next[1]);
        }
    };
    await Promise.all(Array.from({ length: Math.max(2, os.cpus().length) }, worker));
    return runs;
}

/** A program folder made for one case, in the system's temporary directory. */
function scratchProject(files: Record<string, string>, directories: string[] = []): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-cli-"));
    for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, name), text);
    }
    directories.forEach((name) => fs.mkdirSync(path.join(dir, name)));
    return dir;
}

const PROJECT = "name: scratch\nruntime: nodejs\n";
const PROGRAM = "// the program of a CLI fault case\n";

describe("cli: vpc-lambda plan under faults", function () {
    this.timeout(180_000);
    const scratch: string[] = [];
    let runs: Record<string, Run>;

    before(async () => {
        const empty = scratchProject({});
        // A folder where the stack's config file should be: it exists, and cannot be read.
        const unreadableConfig = scratchProject({ "Pulumi.yaml": PROJECT, "index.js": PROGRAM }, ["Pulumi.dev.yaml"]);
        scratch.push(empty, unreadableConfig);
        runs = await planAll({
            missingProject: [empty],
            throws: [path.join(FIXTURES, "throws")],
            invalidNetwork: [path.join(FIXTURES, "invalid-network")],
            subnetTooSmall: [path.join(FIXTURES, "subnet-too-small")],
            vpcWithoutDnsHostnames: [path.join(FIXTURES, "vpc-without-dns-hostnames")],
            invalidStackConfig: [path.join(FIXTURES, "bad-stack-config")],
            configNotAMap: [path.join(FIXTURES, "config-not-a-map")],
            unreadableStackConfig: [unreadableConfig, "--stack", "dev"],
            missingStack: [path.join(FIXTURES, "throws"), "--stack", "prod"],
            unknownFlag: [path.join(FIXTURES, "finishes"), "--no-such-flag"],
            badTimeout: [path.join(FIXTURES, "finishes"), "--timeout", "soon"],
            neverFinishes: [path.join(FIXTURES, "never-finishes"), "--timeout", "1"],
            awaitsNothing: [path.join(FIXTURES, "awaits-nothing"), "--timeout", "1"],
            // A --timeout far beyond HANG_MS: exiting at all shows the timer does not hold the process.
            finishes: [path.join(FIXTURES, "finishes"), "--timeout", "3600"],
            unwritableOut: [path.join(FIXTURES, "finishes"), "--out", path.join(empty, "no-such-folder", "plan.md")],
        });
    });

    after(() => scratch.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

    /** Asserts the run failed with `code` and a one-sentence error on stderr, without a stack trace. */
    function expectFailure(run: Run, code: number, ...fragments: string[]): void {
        expect(run.code, run.stderr).to.equal(code);
        expect(run.stderr).to.match(/^vpc-lambda: /);
        fragments.forEach((fragment) => expect(run.stderr).to.include(fragment));
        expect(run.stderr, "a stack trace").to.not.match(/\n\s+at /);
    }

    it("says where it looked for Pulumi.yaml when there is none, and exits 2", () => {
        expectFailure(runs.missingProject, 2, "no Pulumi.yaml in", path.basename(scratch[0]));
    });

    it("reports a program's own error as the program's, and exits 1", () => {
        expectFailure(runs.throws, 1, "the program failed: DATABASE_URL is not set");
    });

    it("passes the component's argument errors through, field by field, and exits 1", () => {
        expectFailure(runs.invalidNetwork, 1, 'cidrBlock: "10.0.0.0/8" has a /8 prefix');
    });

    it("refuses a /25 network with 13 interface endpoints, which its Lambda subnets cannot hold, and exits 1", () => {
        expectFailure(runs.subnetTooSmall, 1, "interfaceEndpoints: 13 interface endpoints", "11 usable", "Use a cidrBlock of /24 or larger");
    });

    it("fails a network whose interface endpoint joins a VPC without DNS hostnames, naming the VPC and the flag, and exits 1", () => {
        expectFailure(runs.vpcWithoutDnsHostnames, 1, 'VpcLambdaNetwork "app": existingVpc "vpc-', "has enableDnsHostnames off", "enableDnsHostnames: true");
    });

    it("names a stack config file that is not valid YAML, with the line, and exits 2", () => {
        expectFailure(runs.invalidStackConfig, 2, "Pulumi.dev.yaml is not valid YAML", "line 3");
    });

    it("refuses a stack config whose config is not a map, and exits 2", () => {
        expectFailure(runs.configNotAMap, 2, 'Pulumi.dev.yaml: "config" must be a map');
    });

    it("names a stack config file that cannot be read, and exits 2", () => {
        expectFailure(runs.unreadableStackConfig, 2, "cannot read", "Pulumi.dev.yaml");
    });

    it("names a --stack whose config file does not exist, and exits 2", () => {
        expectFailure(runs.missingStack, 2, 'stack "prod" has no Pulumi.prod.yaml');
    });

    it("rejects an unknown flag with commander's message and the usage, and exits 2", () => {
        expect(runs.unknownFlag.code).to.equal(2);
        expect(runs.unknownFlag.stderr).to.include("error: unknown option '--no-such-flag'");
        expect(runs.unknownFlag.stderr).to.include("Usage: vpc-lambda plan");
    });

    it("rejects a --timeout that is not a number of seconds, and exits 2", () => {
        expect(runs.badTimeout.code).to.equal(2);
        expect(runs.badTimeout.stderr).to.include("option '--timeout <seconds>' argument 'soon' is invalid");
    });

    it("gives up on a program that never finishes after --timeout, says so, and exits 124", () => {
        expectFailure(runs.neverFinishes, 124, "the program did not finish within 1 s (--timeout 1)");
    });

    it("ends the process on a timeout although the program's timers still run (it is not killed as hung)", () => {
        expect(runs.neverFinishes.code, "killed after hanging").to.not.equal(null);
    });

    it("times out, rather than exiting 0 with no report, on a program that awaits a promise nothing resolves", () => {
        expectFailure(runs.awaitsNothing, 124, "did not finish within 1 s");
        expect(runs.awaitsNothing.stdout).to.equal("");
    });

    it("names a --out file that cannot be written, and exits 2", () => {
        expectFailure(runs.unwritableOut, 2, "cannot write the report to", "no-such-folder");
    });

    it("does not hold a plan that finishes: it prints the report and exits 0 long before its --timeout", () => {
        expect(runs.finishes.code, runs.finishes.stderr).to.equal(0);
        expect(runs.finishes.stdout).to.include("vpc-lambda:index:VpcLambdaNetwork");
    });
});
