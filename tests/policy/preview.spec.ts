import { expect } from "chai";
import { MockStack } from "../../sdk/offline-engine/mock-stack";
import { verdictsOf, violationsOf } from "./helpers";
import { plainStack, PlainStackOptions } from "./plain-stack";

// In `pulumi preview` of new resources, ids, ARNs and names given by AWS are unknown. The
// policies then follow property dependencies, and treat what they cannot follow as not
// applicable: never a violation, never an error (`verdictsOf` fails a test in which a policy
// could not run).
describe("policies in a preview, where new resources' ids are unknown", () => {
    let stack: MockStack;
    const verdicts = (options: PlainStackOptions) => verdictsOf(stack, (prefix) => plainStack(prefix, options));

    before(async () => {
        stack = await MockStack.install({ preview: true });
    });

    it("records the function's subnet ids as unknown (the premise of this suite)", async () => {
        await verdicts({});
        const fn = stack.resources.find((r) => r.type === "aws:lambda/function:Function")!;
        expect(fn.id).to.equal(undefined);
        expect(JSON.stringify(fn.inputs.vpcConfig.subnetIds)).to.not.match(/subnet-/);
    });

    it("finds no violation in a compliant stack", async () => {
        const result = await verdicts({ interfaceEndpoint: { privateDnsEnabled: true } });
        expect(result.violations.map((v) => `${v.policy}: ${v.message}`)).to.deep.equal([]);
    });

    const caught: [string, PlainStackOptions][] = [
        ["lambda-private-subnets", { defaultRoute: "internet-gateway" }],
        ["lambda-sg-no-public-ingress", { functionIngress: { cidrIpv4: "0.0.0.0/0", fromPort: 22, toPort: 22 } }],
        ["lambda-eni-permissions", { eniAccess: "logs-only" }],
        ["lambda-multi-az", { subnetZones: ["us-east-1a", "us-east-1a"] }],
        ["vpc-flow-logs", { flowLog: false }],
        ["flow-log-retention", { logRetentionDays: 30 }],
        ["interface-endpoint-private-dns", { interfaceEndpoint: { privateDnsEnabled: false } }],
        ["endpoint-sg-least-privilege", { interfaceEndpoint: { privateDnsEnabled: true, admitHttpsFromAnywhere: true } }],
    ];
    for (const [policy, options] of caught) {
        it(`still catches a ${policy} violation by following property dependencies`, async () => {
            expect(violationsOf(await verdicts(options), policy)).to.have.lengthOf(1);
        });
    }
});
