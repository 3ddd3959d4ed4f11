import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// `npx vpc-lambda` inside a clone runs dist/cli/main.js itself, through its `#!/usr/bin/env node`
// line: the build must leave it executable (tsc writes files without the execute bit; npm sets
// it only on the bins of packages it installs).

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli", "main.js");
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

describe("cli: the vpc-lambda command in a clone", () => {
    it("is left executable by the build", () => {
        expect(fs.statSync(CLI).mode & 0o111, "execute bits of dist/cli/main.js").to.equal(0o111);
    });

    it("runs as npx vpc-lambda from the repository", () => {
        const output = execFileSync("npx", ["--no-install", "vpc-lambda", "--version"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
        expect(output.trim()).to.equal(version);
    });
});
