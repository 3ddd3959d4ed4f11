import { expect } from "chai";
import { foldersBelow, MutationReport, ReportedMutant, scoresByFolder } from "./score-by-folder";

function mutants(...statuses: string[]): ReportedMutant[] {
    return statuses.map((status, i) => ({ mutatorName: "EqualityOperator", replacement: "<=", status, location: { start: { line: i + 1, column: 5 } } }));
}

describe("mutation: the score of each folder", () => {
    const report: MutationReport = {
        files: {
            "sdk/plan/cidr.ts": { mutants: mutants("Killed", "Killed", "Timeout", "Survived") },
            "sdk/plan/routing.ts": { mutants: mutants("Killed", "NoCoverage", "CompileError", "RuntimeError", "Ignored") },
            "sdk/validation/tags.ts": { mutants: mutants("Killed", "Killed") },
            "sdk/planner.ts": { mutants: mutants("Survived") },
        },
    };

    it("counts killed and timed-out mutants as detected; survived, uncovered and run-crashing ones as not; the rest not at all", () => {
        const [plan] = scoresByFolder(report, ["sdk/plan"]);
        expect([plan.detected, plan.undetected, plan.score]).to.deep.equal([4, 3, (100 * 4) / 7]);
    });

    it("takes a folder's files only, not a file whose name merely starts like the folder", () => {
        const [plan, validation] = scoresByFolder(report, ["sdk/plan", "sdk/validation"]);
        expect(plan.undetectedMutants).to.deep.equal([
            "sdk/plan/cidr.ts:4:5 Survived EqualityOperator -> <=",
            "sdk/plan/routing.ts:2:5 NoCoverage EqualityOperator -> <=",
            "sdk/plan/routing.ts:4:5 RuntimeError EqualityOperator -> <=",
        ]);
        expect(validation.score).to.equal(100);
    });

    it("fails a folder below the minimum, passes one at it, and passes a folder with no mutant yet", () => {
        const scores = scoresByFolder(report, ["sdk/plan", "sdk/validation", "sdk/reachability"]);
        expect(scores[2].score).to.equal(undefined);
        expect(foldersBelow(scores, 57.15).map((s) => s.folder)).to.deep.equal(["sdk/plan"]);
        expect(foldersBelow(scores, (100 * 4) / 7).map((s) => s.folder)).to.deep.equal([]);
    });
});
