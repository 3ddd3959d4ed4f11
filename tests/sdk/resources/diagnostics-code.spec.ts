import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import { builtinModules } from "module";
import * as os from "os";
import * as path from "path";
import { DIAGNOSTICS_HANDLER_DIRECTORY, diagnosticsHandlerFiles } from "../../../sdk/resources/diagnostics-code";

// The function's code archive is the handler's folder, flat: Lambda runs it with nothing else,
// so every file one of them requires must be in it, and nothing but Node's built-ins besides.
describe("diagnostics handler: the function's code archive", () => {
    const files = diagnosticsHandlerFiles();

    it("holds every .js file of the handler's folder, index.js among them", () => {
        expect(files).to.include("index.js");
        expect(files).to.have.members(fs.readdirSync(DIAGNOSTICS_HANDLER_DIRECTORY).filter((name) => name.endsWith(".js")));
    });

    it("requires nothing but its own files and Node's built-ins", () => {
        for (const name of files) {
            const source = fs.readFileSync(path.join(DIAGNOSTICS_HANDLER_DIRECTORY, name), "utf8");
            for (const [, required] of source.matchAll(/require\("([^"]+)"\)/g)) {
                const own = required.startsWith("./") && files.includes(`${required.slice(2)}.js`);
                expect(own || builtinModules.includes(required), `${name} requires ${required}`).to.equal(true);
            }
        }
    });

    it("runs from a folder holding the archive's files alone: the handler answers with a report", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-archive-"));
        try {
            for (const name of files) fs.copyFileSync(path.join(DIAGNOSTICS_HANDLER_DIRECTORY, name), path.join(dir, name));
            const script = `require("./index.js").handler({ timeoutMs: 50 }).then((r) => process.stdout.write(JSON.stringify(Object.keys(r))))`;
            const out = execFileSync(process.execPath, ["-e", script], { cwd: dir, env: { PATH: process.env.PATH, VPC_LAMBDA_DIAGNOSTICS: '{"pattern":"Isolated"}' }, encoding: "utf8" });
            // The handler logs its report first; the keys come last.
            expect(JSON.parse(out.slice(out.lastIndexOf("\n") + 1))).to.deep.equal(["startedAt", "durationMs", "summary", "config", "function", "reachability", "targets", "services", "internet", "self"]);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
