import { execFileSync } from "child_process";
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";

// `make policy-pack` copies dist/policy and a hand-kept list of sdk files into a self-contained
// pack for `pulumi policy publish`. If a policy starts importing another sdk module, the
// published pack would fail to load: this keeps the Makefile's list and the imports in step.

const ROOT = path.resolve(__dirname, "..", "..", "..");
const DIST = path.join(ROOT, "dist");

/** The dist/ files the pack's policies load, relative to dist/, as a fresh process sees them. */
function filesThePoliciesLoad(): string[] {
    const script = `require(${JSON.stringify(path.join(DIST, "policy", "policies.js"))});
        process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const loaded: string[] = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" }));
    return loaded.filter((file) => file.startsWith(DIST + path.sep)).map((file) => path.relative(DIST, file));
}

/** The sdk files the Makefile's policy-pack target copies, relative to dist/. */
function filesTheMakefileCopies(): string[] {
    const target = fs.readFileSync(path.join(ROOT, "Makefile"), "utf8").split(/^policy-pack:.*$/m)[1].split(/^\S/m)[0];
    return [...target.matchAll(/\bdist\/sdk\/\S+?\.js\b/g)].map((m) => path.relative("dist", m[0]));
}

describe("policy pack: the folder the package ships", () => {
    const pack = JSON.parse(fs.readFileSync(path.join(ROOT, "policy", "package.json"), "utf8"));
    const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

    // @pulumi/policy reports the version in the pack folder's package.json to the engine.
    it("has the package's version", () => {
        expect(pack.version).to.equal(root.version);
    });

    it("runs the compiled pack through ../dist, which the package ships", () => {
        expect(path.posix.normalize(path.posix.join("policy", pack.main))).to.equal("dist/policy/index.js");
        expect(root.files).to.include.members(["dist/policy/", "policy/package.json", "policy/PulumiPolicy.yaml"]);
    });
});

describe("policy pack: the files make policy-pack publishes", function () {
    this.timeout(30_000);

    it("copies every sdk module the policies load", () => {
        const sdkFiles = filesThePoliciesLoad().filter((file) => !file.startsWith(`policy${path.sep}`));
        expect(sdkFiles).to.have.length.greaterThan(0);
        expect(filesTheMakefileCopies()).to.include.members(sdkFiles);
    });
});
