import { expect } from "chai";
import { MockStack } from "../../sdk/offline-engine/mock-stack";
import { blamed, verdictsOf, violationsOf } from "./helpers";
import { plainStack, PlainStackOptions } from "./plain-stack";

describe("policies: interface endpoints", () => {
    let stack: MockStack;
    const verdicts = (options: PlainStackOptions, config?: Parameters<typeof verdictsOf>[2]) => verdictsOf(stack, (prefix) => plainStack(prefix, options), config);

    before(async () => {
        stack = await MockStack.install();
    });

    describe("interface-endpoint-private-dns", () => {
        it("accepts private DNS on an endpoint in a VPC with DNS support and hostnames", async () => {
            expect(violationsOf(await verdicts({ interfaceEndpoint: { privateDnsEnabled: true } }), "interface-endpoint-private-dns")).to.deep.equal([]);
        });

        it("rejects an endpoint without private DNS (the provider's default), blaming the endpoint", async () => {
            const [violation] = violationsOf(await verdicts({ interfaceEndpoint: {} }), "interface-endpoint-private-dns");
            expect(violation.level).to.equal("mandatory");
            expect(blamed(violation)).to.match(/-secretsmanager$/);
            expect(violation.message).to.include("(secretsmanager)").and.include("its privateDnsEnabled is false");
        });

        it("rejects an endpoint whose VPC has DNS hostnames off", async () => {
            const [violation] = violationsOf(await verdicts({ interfaceEndpoint: { privateDnsEnabled: true }, enableDnsHostnames: false }), "interface-endpoint-private-dns");
            expect(violation.message).to.match(/its VPC "p\d+-vpc" has enableDnsHostnames false/);
        });

        it("skips services listed in exemptServices", async () => {
            const result = await verdicts({ interfaceEndpoint: {} }, { "interface-endpoint-private-dns": { exemptServices: ["secretsmanager"] } });
            expect(violationsOf(result, "interface-endpoint-private-dns")).to.deep.equal([]);
        });
    });

    describe("endpoint-sg-least-privilege", () => {
        it("accepts an endpoint group admitting 443 from the function's security group", async () => {
            expect(violationsOf(await verdicts({ interfaceEndpoint: { privateDnsEnabled: true } }), "endpoint-sg-least-privilege")).to.deep.equal([]);
        });

        it("rejects an endpoint group admitting 443 from 0.0.0.0/0, blaming the group", async () => {
            const result = await verdicts({ interfaceEndpoint: { privateDnsEnabled: true, admitHttpsFromAnywhere: true } });
            const [violation] = violationsOf(result, "endpoint-sg-least-privilege");
            expect(violation.level).to.equal("mandatory");
            expect(blamed(violation)).to.match(/-endpoint-sg$/);
            expect(violation.message).to.match(/admits HTTPS from the Internet: tcp 443 from 0\.0\.0\.0\/0 \(ingress rule "p\d+-endpoint-https"\)/);
        });
    });
});
