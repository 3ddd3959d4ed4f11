import { expect } from "chai";
import fc from "fast-check";
import type { VpcLambdaNetworkArgs } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { InvalidNetworkArgumentsError } from "../../../sdk/arguments/problems";
import { oneMistake } from "../arguments/invalid-arguments";

// Apart from invalid-arguments.spec.ts, which needs no Pulumi engine: that one is part of the
// mutation run over the pure core, this one loads the component and the mocked engine.
describe("properties: an invalid argument set registers nothing under the mocked engine", () => {
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
