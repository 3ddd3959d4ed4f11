import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";

// tests/ mirrors the sources: the specs of a folder are in the same path under tests/ (those of
// sdk/component.ts in tests/sdk/component/), and a few named folders inside a mirrored one group
// the specs of one kind. Beside the mirror, tests/ holds the suites of whole things and what the
// specs share.

const ROOT = path.resolve(__dirname, "..", "..", "..");
const TESTS = path.join(ROOT, "tests");

/** The folders of tests/ that mirror no source folder, and what each is about. */
export const WHOLE_THINGS: Record<string, string> = {
    architecture: ".dependency-cruiser.cjs and this mirror",
    docs: "README.md, CONTRIBUTING.md and docs/",
    fixtures: "programs the CLI specs run",
    helpers: "what the specs share",
    makefile: "the Makefile",
    mutation: "the mutation run (stryker.config.mjs) and its gate",
    package: "the packed package, installed as a user installs it",
};

/** Folders inside a mirrored one that group the specs of one kind. */
export const SPEC_GROUPS: Record<string, string> = {
    [path.join("sdk", "component", "evolution")]: "the component's configuration changes, deployed one after another",
    [path.join("cli", "report", "render")]: "the reports' diagrams drawn by the real Mermaid in Chromium",
    [path.join("sdk", "reachability", "oracle")]: "the packet walker written apart from the model, and the model's agreement with it",
};

/** Every spec file under tests/, relative to it. */
function specFiles(dir = TESTS): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? specFiles(full) : entry.name.endsWith(".spec.ts") ? [path.relative(TESTS, full)] : [];
    });
}

/** Whether the source path a test folder mirrors exists: a folder, or a file of that name (sdk/component.ts). */
function mirrored(folder: string): boolean {
    const source = path.join(ROOT, folder);
    return (fs.existsSync(source) && fs.statSync(source).isDirectory()) || fs.existsSync(`${source}.ts`);
}

/** Why a spec's folder breaks the mirror, or undefined when it keeps it. */
export function mirrorProblem(spec: string): string | undefined {
    const folder = path.dirname(spec);
    const [top] = folder.split(path.sep);
    if (folder === ".") {
        return `${spec} is at the top of tests/: put it beside the source it specifies`;
    }
    if (top in WHOLE_THINGS) {
        return undefined;
    }
    if (mirrored(folder) || folder in SPEC_GROUPS) {
        return undefined;
    }
    return `${spec} is in tests/${folder}, and ${folder} is not a source folder (or file), nor a group of specs`;
}

describe("architecture: tests/ mirrors the sources", () => {
    it("puts every spec under the path of the source it specifies, or in a folder for a whole thing", () => {
        const specs = specFiles();
        expect(specs.length).to.be.greaterThan(100);
        expect(specs.map(mirrorProblem).filter((problem) => problem !== undefined)).to.deep.equal([]);
    });

    it("refuses a spec in a folder that mirrors nothing, and one loose at the top", () => {
        expect(mirrorProblem(path.join("validation", "needs.spec.ts"))).to.include("validation is not a source folder");
        expect(mirrorProblem(path.join("sdk", "stack", "graph.spec.ts"))).to.include("sdk/stack is not a source folder");
        expect(mirrorProblem("loose.spec.ts")).to.include("at the top of tests/");
    });

    it("takes the component's specs, a group inside a mirrored folder, and the whole things", () => {
        expect(mirrorProblem(path.join("sdk", "component", "contract.spec.ts"))).to.equal(undefined);
        expect(mirrorProblem(path.join("sdk", "component", "evolution", "walk.spec.ts"))).to.equal(undefined);
        expect(mirrorProblem(path.join("cli", "report", "render", "mermaid-render.spec.ts"))).to.equal(undefined);
        expect(mirrorProblem(path.join("package", "install.spec.ts"))).to.equal(undefined);
    });
});
