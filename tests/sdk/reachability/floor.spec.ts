import { expect } from "chai";
import { execFileSync } from "child_process";
import * as path from "path";

// The model stands on the floor: plain data in and out, loadable by the policy pack, the CLI and
// the component alike, without Pulumi.
describe("reachability: a floor module", () => {
    it("loads no Pulumi package: only ip-address among its dependencies", () => {
        const dist = path.resolve(__dirname, "..", "..", "..");
        const script = `for (const m of ["sdk/reachability/model.js", "sdk/checks/planned-network.js", "sdk/diagnostics/expectations.js"]) require(${JSON.stringify(dist)} + "/" + m);
            process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
        const loaded: string[] = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
        const packages = [...new Set(loaded.filter((f) => f.includes(`node_modules${path.sep}`)).map((f) => f.split(`node_modules${path.sep}`)[1].split(path.sep)[0]))];
        expect(packages).to.deep.equal(["ip-address"]);
    });
});
