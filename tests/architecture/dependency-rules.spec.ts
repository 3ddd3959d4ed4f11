import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// .dependency-cruiser.cjs, the floors of the code that `make test` checks before the suite: the
// repository keeps them, and a file that breaks one fails the check, naming the rule. The
// breaking files are written into a scratch tree of the same layout, never into the repository.

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CONFIG = path.join(ROOT, ".dependency-cruiser.cjs");
const DEPCRUISE = path.join(ROOT, "node_modules", ".bin", "depcruise");

function cruise(cwd: string, folders: string[]): { status: number | null; output: string } {
    const run = spawnSync(DEPCRUISE, ["--config", CONFIG, ...folders], { cwd, encoding: "utf8", timeout: 60_000 });
    return { status: run.status, output: run.stdout + run.stderr };
}

/** A scratch tree: the files given (path -> source), a tsconfig, and the repository's node_modules. */
function scratchTree(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-floors-"));
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "commonjs", esModuleInterop: true } }));
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    for (const [file, source] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), source);
    }
    return dir;
}

describe("architecture: the floors of the code (.dependency-cruiser.cjs)", function () {
    this.timeout(120_000);
    const scratch: string[] = [];
    after(() => scratch.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

    function cruiseScratch(files: Record<string, string>): { status: number | null; output: string } {
        const dir = scratchTree(files);
        scratch.push(dir);
        return cruise(dir, ["sdk"]);
    }

    it("gives every folder of sdk/, and every file at its root, a floor", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const rules: { name: string; from: { path?: string } }[] = require(CONFIG).forbidden;
        const floors = rules.filter((rule) => rule.name.startsWith("floor-")).map((rule) => new RegExp(rule.from.path!));
        const entries = fs.readdirSync(path.join(ROOT, "sdk"), { withFileTypes: true });
        const modules = entries.flatMap((e) => (e.isDirectory() ? [`sdk/${e.name}/any.ts`] : e.name.endsWith(".ts") ? [`sdk/${e.name}`] : []));
        expect(modules.filter((module) => !floors.some((floor) => floor.test(module)))).to.deep.equal([]);
    });

    it("holds in the repository", () => {
        const result = cruise(ROOT, ["sdk", "cli", "policy", "provider"]);
        expect(result.output).to.include("no dependency violations found");
        expect(result.status).to.equal(0);
    });

    it("fails a planner file that imports the component, naming the planner's floor", () => {
        const result = cruiseScratch({
            "sdk/component.ts": "export class VpcLambdaNetwork {}\n",
            "sdk/plan/plan-network.ts": 'import { VpcLambdaNetwork } from "../component";\nexport const planned = VpcLambdaNetwork;\n',
        });
        expect(result.status).to.not.equal(0);
        expect(result.output).to.match(/error floor-sdk-plan: sdk\/plan\/plan-network\.ts → sdk\/component\.ts/);
    });

    it("fails a type-only import up a floor too: the network model naming a plan type", () => {
        const result = cruiseScratch({
            "sdk/plan/types.ts": "export interface NetworkPlan { name: string }\n",
            "sdk/network/network-graph.ts": 'import type { NetworkPlan } from "../plan/types";\nexport type Graph = NetworkPlan;\n',
        });
        expect(result.status).to.not.equal(0);
        expect(result.output).to.match(/error floor-sdk-network: sdk\/network\/network-graph\.ts → sdk\/plan\/types\.ts/);
    });

    it("fails the reachability model loading Pulumi or the file system at run time, and lets a type import through", () => {
        const result = cruiseScratch({
            "sdk/reachability/model.ts": 'import * as fs from "fs";\nimport * as pulumi from "@pulumi/pulumi";\nexport const read = [fs.readFileSync, pulumi.output];\n',
            "sdk/reachability/types.ts": 'import type { Input } from "@pulumi/pulumi";\nexport type Id = Input<string>;\n',
        });
        expect(result.status).to.not.equal(0);
        expect(result.output).to.match(/error pure-floors-no-pulumi-or-file-system: sdk\/reachability\/model\.ts → fs/);
        expect(result.output).to.match(/error pure-floors-no-pulumi-or-file-system: sdk\/reachability\/model\.ts → (\.\.\/)*\S*node_modules\/@pulumi\/pulumi/);
        expect(result.output).to.not.include("sdk/reachability/types.ts →");
    });

    it("fails a loop between two modules of one floor", () => {
        const result = cruiseScratch({
            "sdk/plan/routing.ts": 'import { b } from "./endpoints";\nexport const a = () => b;\n',
            "sdk/plan/endpoints.ts": 'import { a } from "./routing";\nexport const b = () => a;\n',
        });
        expect(result.status).to.not.equal(0);
        expect(result.output).to.include("error no-circular");
    });
});
