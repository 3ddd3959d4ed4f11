import { expect } from "chai";
import fc from "fast-check";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack, RecordedResource } from "../../../sdk/offline-engine/mock-stack";
import { T } from "../../helpers/mock-network";
import { validArguments } from "../arguments/valid-arguments";

// The planner's promise, checked again on what is registered: no resource anywhere in the
// network admits the world, whatever the arguments. Building under the mocked engine costs
// 30 to 60 ms a network, so this runs 40 argument sets, not 1,000 (the planner's properties
// cover the rules themselves on 1,000).

const WORLD = ["0.0.0.0/0", "::/0"];

function admitsTheWorld(resource: RecordedResource): boolean {
    const { inputs } = resource;
    if (resource.type === T.ingressRule) {
        return WORLD.includes(inputs.cidrIpv4) || WORLD.includes(inputs.cidrIpv6);
    }
    // Inline rules on a group (none are expected: every rule is its own resource).
    const inline: Record<string, unknown>[] = inputs.ingress ?? [];
    return inline.some((rule) => [...((rule.cidrBlocks as string[]) ?? []), ...((rule.ipv6CidrBlocks as string[]) ?? [])].some((cidr) => WORLD.includes(cidr)));
}

describe("properties: every network built from valid arguments", () => {
    let stack: MockStack;

    before(async () => {
        stack = await MockStack.install();
    });

    it("registers no security-group rule or group that admits 0.0.0.0/0 or ::/0", async () => {
        await fc.assert(
            fc.asyncProperty(validArguments, async (args) => {
                stack.reset();
                new VpcLambdaNetwork("app", args);
                const registered = await stack.settle();
                expect(registered.filter((r) => r.type === T.securityGroup)).to.not.be.empty;
                expect(registered.filter(admitsTheWorld).map((r) => r.name)).to.deep.equal([]);
            }),
            { numRuns: 40 },
        );
    });
});
