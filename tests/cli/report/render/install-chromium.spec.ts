import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// tests/cli/report/render/install-chromium.sh, which `make test` and .ci/run run before the suite: the
// render spec needs Chromium, and a fresh machine has none. Installing it (as root, with apt-get)
// is what the script does on such a machine; these specs pin the two answers that install nothing.

const ROOT = path.resolve(__dirname, "..", "..", "..", "..", "..");
const SCRIPT = path.join(ROOT, "tests", "cli", "report", "render", "install-chromium.sh");

/** util-linux's runuser, which may sit outside a non-root PATH. */
const RUNUSER = ["/usr/sbin/runuser", "/sbin/runuser"].find((candidate) => fs.existsSync(candidate)) ?? "runuser";

/** Runs the script with VPC_LAMBDA_CHROMIUM set, as an unprivileged user when this process is root. */
function run(chromium: string, asUnprivileged: boolean): { status: number | null; stdout: string; stderr: string } {
    const env = { ...process.env, VPC_LAMBDA_CHROMIUM: chromium };
    const [command, args] = asUnprivileged && process.getuid?.() === 0 ? [RUNUSER, ["-u", "nobody", "--", "bash", SCRIPT]] : ["bash", [SCRIPT]];
    const result = spawnSync(command, args, { env, encoding: "utf8", timeout: 30_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("install-chromium.sh: Chromium for the render spec", () => {
    it("does nothing, silently, when Chromium is already there", () => {
        const result = run("/bin/true", false);
        expect(result.status, result.stderr).to.equal(0);
        expect(result.stdout + result.stderr).to.equal("");
    });

    it("stops a user who cannot install it with one line saying what to run, exit 2", () => {
        const result = run("/nonexistent/chromium", true);
        expect(result.status).to.equal(2);
        expect(result.stdout).to.equal("");
        const lines = result.stderr.trimEnd().split("\n");
        expect(lines, result.stderr).to.have.length(1);
        expect(lines[0]).to.include("/nonexistent/chromium").and.include("sudo apt-get install -y chromium");
    });
});
