import { execFile } from "child_process";
import { expect } from "chai";
import * as path from "path";

// The offline plan is posted on pull requests, often public: a secret must never appear in it,
// whatever the format, while the policy pack still judges the secret's value as the engine
// would hand it over.

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli", "main.js");
const PROGRAM = path.join(ROOT, "tests", "fixtures", "cli", "secret-inputs");

function plan(format: string): Promise<{ code: number; stdout: string }> {
    return new Promise((resolve, reject) => {
        execFile(process.execPath, [CLI, "plan", PROGRAM, "--format", format], { cwd: ROOT, timeout: 60_000 }, (error, stdout) => {
            if (error && typeof error.code !== "number") {
                reject(error);
            } else {
                resolve({ code: error ? Number(error.code) : 0, stdout });
            }
        });
    });
}

describe("cli: secrets in the offline plan", function () {
    this.timeout(120_000);
    let outputs: Record<string, string>;

    before(async () => {
        const [text, json, markdown] = await Promise.all(["text", "json", "markdown"].map(plan));
        outputs = { text: text.stdout, json: json.stdout, markdown: markdown.stdout };
    });

    it("shows a pulumi.secret() input as [secret] in the json resources", () => {
        const resources: { name: string; inputs: Record<string, unknown> }[] = JSON.parse(outputs.json).resources;
        expect(resources.find((r) => r.name === "db-password")?.inputs.value).to.equal("[secret]");
    });

    it("shows an input from encrypted stack config as [secret]", () => {
        const resources: { name: string; inputs: Record<string, unknown> }[] = JSON.parse(outputs.json).resources;
        expect(resources.find((r) => r.name === "api-token")?.inputs.value).to.equal("[secret]");
    });

    it("leaves values that are not secret as they are", () => {
        const resources: { name: string; inputs: Record<string, unknown> }[] = JSON.parse(outputs.json).resources;
        expect(resources.find((r) => r.name === "plain")?.inputs.description).to.equal("visible-description");
    });

    for (const format of ["text", "json", "markdown"]) {
        it(`never prints a secret's value in the ${format} report`, () => {
            expect(outputs[format]).to.contain("db-password");
            expect(outputs[format]).not.to.contain("hunter2-do-not-print");
        });
    }
});
