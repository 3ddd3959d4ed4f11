import { execFile } from "child_process";
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { programStackTraceLimit } from "../../cli/run-program";

// How `vpc-lambda plan` runs a program: a TypeScript program is transpiled and never
// type-checked (`tsc` is the place for that, as with `pulumi preview`), and the program runs
// without stack traces unless VPC_LAMBDA_DEBUG asks for them. Each case is its own process.

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli", "main.js");
const SDK = path.join(ROOT, "dist", "sdk", "index.js");

interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
}

function plan(dir: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
    const childEnv = { ...process.env, ...env };
    if (!("VPC_LAMBDA_DEBUG" in env)) {
        delete childEnv.VPC_LAMBDA_DEBUG;
    }
    return new Promise((resolve) => {
        execFile(process.execPath, [CLI, "plan", dir, "--format", "json"], { cwd: ROOT, env: childEnv, timeout: 45_000 }, (error, stdout, stderr) => {
            resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
        });
    });
}

function scratchProgram(source: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-loading-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: loading\nruntime: nodejs\nmain: index.ts\n");
    fs.writeFileSync(path.join(dir, "index.ts"), source);
    return dir;
}

describe("cli: how vpc-lambda plan loads and runs a program", function () {
    this.timeout(120_000);
    const scratch: string[] = [];
    let typeErrors: Run;
    let throwsPlain: Run;
    let throwsDebug: Run;

    before(async () => {
        const withTypeErrors = scratchProgram(
            [
                `import { VpcLambdaNetwork } from ${JSON.stringify(SDK)};`,
                `const zones: number = "1"; // tsc: Type 'string' is not assignable to type 'number'`,
                `const net = new VpcLambdaNetwork("typed-wrong", { pattern: "Isolated", numberOfAvailabilityZones: Number(zones) });`,
                `export const vpcId: number = net.vpcId; // tsc: Output<string> is not a number`,
                "",
            ].join("\n"),
        );
        const throwing = scratchProgram(`function nested(): never {\n    throw new Error("no database");\n}\nnested();\n`);
        scratch.push(withTypeErrors, throwing);
        [typeErrors, throwsPlain, throwsDebug] = await Promise.all([plan(withTypeErrors), plan(throwing), plan(throwing, { VPC_LAMBDA_DEBUG: "1" })]);
    });

    after(() => scratch.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

    it("transpiles a TypeScript program without type-checking it: type errors do not stop the plan", () => {
        expect(typeErrors.code, typeErrors.stderr).to.equal(0);
        const resources = (JSON.parse(typeErrors.stdout) as { resources: { type: string; name: string }[] }).resources;
        expect(resources.map((r) => r.type)).to.include("aws:ec2/vpc:Vpc");
    });

    it("prints a failing program's message without a stack trace", () => {
        expect(throwsPlain.code).to.equal(1);
        expect(throwsPlain.stderr).to.include("the program failed: no database");
        expect(throwsPlain.stderr).to.not.match(/\n\s+at /);
    });

    it("prints the failing program's stack trace, with its frames, under VPC_LAMBDA_DEBUG", () => {
        expect(throwsDebug.code).to.equal(1);
        expect(throwsDebug.stderr).to.include("the program failed: no database");
        expect(throwsDebug.stderr).to.match(/\n\s+at nested \(.*index\.ts:\d+:\d+\)/);
    });

    it("captures no stack frames while a program runs, unless VPC_LAMBDA_DEBUG is set", () => {
        const saved = process.env.VPC_LAMBDA_DEBUG;
        try {
            delete process.env.VPC_LAMBDA_DEBUG;
            expect(programStackTraceLimit()).to.equal(0);
            process.env.VPC_LAMBDA_DEBUG = "1";
            expect(programStackTraceLimit()).to.equal(Error.stackTraceLimit);
        } finally {
            if (saved === undefined) {
                delete process.env.VPC_LAMBDA_DEBUG;
            } else {
                process.env.VPC_LAMBDA_DEBUG = saved;
            }
        }
    });
});
