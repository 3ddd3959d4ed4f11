import { execFile } from "child_process";
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { ROOT, typescriptExamples } from "../examples/offline-plan";

// `vpc-lambda plan` runs the pack on the planned stack. Pulumi's runtime runs one program per
// process, so each case spawns the CLI as a user or CI would.

const CLI = path.join(ROOT, "dist", "cli", "main.js");
const VIOLATING = path.join(ROOT, "tests", "fixtures", "cli", "public-function");
const CROWDED = path.join(ROOT, "tests", "fixtures", "cli", "crowded-subnet");

interface CliRun {
    code: number;
    stdout: string;
    stderr: string;
}

async function plan(...args: string[]): Promise<CliRun> {
    try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, "plan", ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
        return { code: 0, stdout, stderr };
    } catch (error) {
        const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
        return { code, stdout, stderr };
    }
}

interface PolicySection {
    violations: { policy: string; level: string; message: string; resource?: string }[];
}

describe("vpc-lambda plan: the policy pack's verdicts", () => {
    it("exits 3 on a subnet that cannot hold its interface endpoints, where it used to report -2 free and exit 0", async () => {
        const run = await plan(CROWDED);
        expect(run.code, run.stderr).to.equal(3);
        expect(run.stdout).to.include("[mandatory] subnet-ip-capacity (aws:ec2/subnet:Subnet::endpoints)");
        expect(run.stdout).to.include("has 11 usable addresses, but the stack places 13 in it");
    });

    describe("on a program that breaks mandatory policies", () => {
        let text: CliRun;
        let json: CliRun;

        before(async () => {
            [text, json] = await Promise.all([plan(VIOLATING), plan(VIOLATING, "--format", "json")]);
        });

        it("exits 3", () => {
            expect(text.code, text.stderr).to.equal(3);
            expect(text.stderr).to.include("--no-fail-on-policy");
        });

        it("prints each violation with its level, policy and resource in the text report", () => {
            expect(text.stdout).to.include("Policy pack vpc-lambda-guard: 3 mandatory and 0 advisory violation(s).");
            expect(text.stdout).to.include("[mandatory] lambda-sg-no-public-ingress (aws:ec2/securityGroup:SecurityGroup::fn-sg)");
        });

        it("adds policy.violations with policy, level, message and resource to --format json", () => {
            const policy = (JSON.parse(json.stdout) as { policy: PolicySection }).policy;
            const byPolicy = Object.fromEntries(policy.violations.map((v) => [v.policy, v]));
            expect(Object.keys(byPolicy).sort()).to.deep.equal(["lambda-eni-permissions", "lambda-private-subnets", "lambda-sg-no-public-ingress"]);
            expect(byPolicy["lambda-private-subnets"]).to.include({ level: "mandatory", resource: "urn:pulumi:dev::public-function::pulumi:pulumi:Stack$aws:lambda/function:Function::fn" });
            expect(byPolicy["lambda-private-subnets"].message).to.include('subnet "public-a"');
        });

        it("exits 0 with --no-fail-on-policy, still reporting the violations", async () => {
            const run = await plan(VIOLATING, "--no-fail-on-policy");
            expect(run.code, run.stderr).to.equal(0);
            expect(run.stdout).to.include("3 mandatory");
        });

        it("takes levels from --policy-config: everything advisory passes", async () => {
            const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "policy-config-")), "config.json");
            fs.writeFileSync(config, JSON.stringify({ all: "advisory" }));
            const run = await plan(VIOLATING, "--policy-config", config);
            expect(run.code, run.stderr).to.equal(0);
            expect(run.stdout).to.include("0 mandatory and 3 advisory");
        });

        it("rejects a --policy-config naming a policy the pack does not have", async () => {
            const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "policy-config-")), "config.json");
            fs.writeFileSync(config, JSON.stringify({ "lambda-in-vcp": "advisory" }));
            const run = await plan(VIOLATING, "--policy-config", config);
            expect(run.code).to.equal(2);
            expect(run.stderr).to.include("lambda-in-vcp").and.include("lambda-in-vpc");
        });
    });

    describe("on the examples", () => {
        for (const example of [".", ...typescriptExamples().map((name) => path.join("examples", name))]) {
            it(`${example === "." ? "the root program" : example} breaks no mandatory policy`, async () => {
                const run = await plan(example, "--format", "json", "--no-fail-on-policy");
                expect(run.code, run.stderr).to.equal(0);
                const { violations } = (JSON.parse(run.stdout) as { policy: PolicySection }).policy;
                expect(violations.filter((v) => v.level === "mandatory")).to.deep.equal([]);
            });
        }
    });
});
