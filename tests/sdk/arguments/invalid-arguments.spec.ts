import { expect } from "chai";
import fc from "fast-check";
import { InvalidNetworkArgumentsError } from "../../../sdk/arguments/problems";
import { rejectionOf } from "../../helpers/plan";
import { MISTAKES, oneMistake, severalMistakes } from "./invalid-arguments";

function expectNamed(error: InvalidNetworkArgumentsError, field: string): void {
    expect(error.problems.map((p) => p.field), error.message).to.include(field);
    expect(error.message).to.include(`\n  - ${field}: `);
}

describe("properties: every invalid argument set is refused, naming the field, before anything is registered", () => {
    it("refuses one mistake of any kind with an InvalidNetworkArgumentsError that names its field", () => {
        fc.assert(
            fc.property(oneMistake, ({ args, field }) => expectNamed(rejectionOf(args), field)),
            { numRuns: 1000 },
        );
    });

    // The same property family by family, so that a family the mix above rarely draws is still
    // exercised in every run, and a failure says which family it was.
    for (const [family, mistake] of Object.entries(MISTAKES)) {
        it(`names the field of every mistake of the kind ${family}`, () => {
            fc.assert(
                fc.property(mistake, ({ args, field }) => expectNamed(rejectionOf(args), field)),
                { numRuns: 40 },
            );
        });
    }

    it("names every field of several independent mistakes in one error", () => {
        fc.assert(
            fc.property(severalMistakes, ({ args, fields }) => {
                const error = rejectionOf(args);
                fields.forEach((field) => expectNamed(error, field));
            }),
            { numRuns: 300 },
        );
    });
});
