import { expect } from "chai";
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";

// The Makefile tells the truth: `make help` lists every target, and the targets that drive the
// Pulumi CLI stop with one line, non-zero, where there is none, instead of passing having done
// nothing. `make -n` expands each recipe without running it, and `PULUMI=` stands for a machine
// without the CLI whatever this one has.

const ROOT = path.resolve(__dirname, "..", "..", "..");

interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
}

function make(...args: string[]): Promise<Run> {
    return new Promise((resolve) => {
        execFile("make", ["--no-print-directory", ...args], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
            resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
        });
    });
}

/** The targets the Makefile defines: `name:` at the start of a line. */
function definedTargets(): string[] {
    const makefile = fs.readFileSync(path.join(ROOT, "Makefile"), "utf8");
    return [...makefile.matchAll(/^([a-z][a-z0-9_-]*):/gm)].map((m) => m[1]);
}

describe("Makefile", function () {
    this.timeout(120_000);

    it("lists every target it defines in make help, each on one line with what it does", async () => {
        const help = await make("help");
        expect(help.code, help.stderr).to.equal(0);
        const targets = definedTargets();
        expect(targets).to.include.members(["install", "build", "test", "plan", "preview", "up", "sdk", "policy-pack", "help"]);
        for (const target of targets) {
            expect(help.stdout, target).to.match(new RegExp(`^  ${target} +\\S.*$`, "m"));
        }
    });

    for (const target of ["preview", "up", "sdk"]) {
        it(`stops make ${target} without the Pulumi CLI: one line saying what to install, non-zero`, async () => {
            const result = await make("-n", target, "PULUMI=");
            expect(result.code).to.not.equal(0);
            expect(result.stderr.trimEnd().split("\n"), result.stderr).to.have.length(1);
            expect(result.stderr).to.include(`make ${target} needs the Pulumi CLI`).and.include("https://www.pulumi.com/docs/install/");
            expect(result.stdout, "nothing is built first").to.not.include("tsc");
        });
    }

    it("keeps make plan free of the Pulumi CLI", async () => {
        const result = await make("-n", "plan", "PULUMI=");
        expect(result.code, result.stderr).to.equal(0);
        expect(result.stdout).to.include("node dist/cli/main.js plan");
    });

    it("sets Chromium up before make test runs the suite, so that a fresh machine passes", async () => {
        const result = await make("-n", "test");
        expect(result.code, result.stderr).to.equal(0);
        const chromium = result.stdout.indexOf("tests/cli/report/render/install-chromium.sh");
        expect(chromium, result.stdout).to.be.greaterThan(-1);
        expect(chromium, "before mocha").to.be.lessThan(result.stdout.indexOf("npx mocha"));
    });
});
