import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";

// The pack folder the package ships, which runs the compiled pack from ../dist (the bundle
// `make policy-pack` makes for `pulumi policy publish` is served in analyzer-server.spec.ts).

const ROOT = path.resolve(__dirname, "..", "..", "..");
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
