import { expect } from "chai";
import fc from "fast-check";
import type { VpcLambdaNetworkArgs } from "../../sdk/args";
import { VpcLambdaNetwork } from "../../sdk/component";
import { MockStack } from "../../sdk/testing/mock-stack";
import { InvalidNetworkArgumentsError } from "../../sdk/validation/problems";
import { rejectionOf } from "../helpers/plan";
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

    describe("under the mocked engine", () => {
        let stack: MockStack;

        before(async () => {
            stack = await MockStack.install();
        });

        it("throws from the constructor and registers no resource, not even the component", async () => {
            await fc.assert(
                fc.asyncProperty(oneMistake, async ({ args }) => {
                    stack.reset();
                    expect(() => new VpcLambdaNetwork("app", args as unknown as VpcLambdaNetworkArgs)).to.throw(InvalidNetworkArgumentsError);
                    await stack.settle();
                    expect(stack.resources.map((r) => `${r.type}::${r.name}`)).to.deep.equal([]);
                }),
                { numRuns: 100 },
            );
        });
    });
});
