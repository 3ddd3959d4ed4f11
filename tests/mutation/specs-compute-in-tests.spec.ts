import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";

// The mutation run (stryker.config.mjs) uses per-test coverage: it runs against each mutant only
// the tests that executed the mutated code. Stryker's mocha runner learns which test is running
// from a root beforeEach, so code run by a suite's before() hook is credited to whichever test ran
// last before it, and the tests that read its result are never run against those mutants: they
// survive when they should not. The specs of the mutation run therefore compute in the test, or
// in beforeEach (which runs after the root one).

const ROOT = path.resolve(__dirname, "../../..");
const MUTATION_MOCHARC = path.join(ROOT, "tests/mutation/mocharc.json");

/** The files a spec entry of the mocharc names: `dir/**\/*.spec.ts` or one file. */
function specFiles(entry: string): string[] {
    const recursive = entry.match(/^(.*)\/\*\*\/\*\.spec\.ts$/);
    if (!recursive) {
        return [path.join(ROOT, entry)];
    }
    const walk = (dir: string): string[] =>
        fs.existsSync(dir)
            ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".spec.ts") ? [path.join(dir, e.name)] : []))
            : [];
    return walk(path.join(ROOT, recursive[1]));
}

describe("mutation: the specs of the mutation run", () => {
    const mocharc = JSON.parse(fs.readFileSync(MUTATION_MOCHARC, "utf8")) as { spec: string[]; ignore?: string[] };
    const ignored = new Set((mocharc.ignore ?? []).map((file) => path.join(ROOT, file)));
    const specs = mocharc.spec.flatMap(specFiles).filter((file) => !ignored.has(file));

    it("include the plan, validation and pure property specs", () => {
        const relative = specs.map((file) => path.relative(ROOT, file));
        expect(relative).to.include.members(["tests/sdk/plan/layout-table.spec.ts", "tests/sdk/arguments/network-fields.spec.ts", "tests/sdk/plan/plan-invariants.spec.ts"]);
    });

    it("compute nothing in a before() hook, which per-test coverage would credit to another test", () => {
        const withBefore = specs.filter((file) => /\bbefore(All)?\s*\(/.test(fs.readFileSync(file, "utf8"))).map((file) => path.relative(ROOT, file));
        expect(withBefore, "use beforeEach, or compute in the test").to.deep.equal([]);
    });
});
