import { expect } from "chai";
import { renderMarkdownReport } from "../../../cli/report/markdown";
import { buildReviewReport } from "../../../cli/report/review-report";
import type { PlannedStack } from "../../../cli/run-program";
import { NetworkPattern } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { recordNetwork, vpcFunction } from "./fixtures";

describe("report: the Markdown pull-request comment", () => {
    let planned: PlannedStack;
    before(async () => {
        const stack = await MockStack.install();
        await recordNetwork(stack, () => {
            const net = new VpcLambdaNetwork("md", { pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs"] });
            // Its role is not in the stack: it declares the service it calls.
            vpcFunction("md-fn", net.vpcConfig, { tags: { "vpc-lambda:needs": "sqs" } });
        });
        planned = {
            project: { name: "md-project", directory: ".", entry: "index.ts", stack: "review", config: {}, secretKeys: [] },
            region: "us-east-1",
            accountId: "123456789012",
            resources: [...stack.resources],
            outputs: {},
            warnings: [],
        };
    });
    const render = (policy?: Parameters<typeof renderMarkdownReport>[2]) => renderMarkdownReport(planned, buildReviewReport(planned), policy);
    const headings = (markdown: string) => markdown.split("\n").filter((l) => /^#{2,3} /.test(l));

    it("reads summary, network, reachability, cost, capacity, interface endpoints, in that order, with no policy section when no verdicts are given", () => {
        expect(headings(render())).to.deep.equal(["## Offline plan of `md-project` (stack `review`, us-east-1)", "### Network", "### Reachability", "### Monthly cost", "### Capacity", "### Interface endpoints by zone"]);
    });

    it("tables what each function reaches: the sqs endpoint yes, the internet no (no route), and says why and how to fix each ❌", () => {
        const section = render().split("### Reachability")[1].split("### Monthly cost")[0];
        expect(section.split("\n").filter((l) => l.startsWith("| "))).to.deep.equal([
            "| function | internet IPv4 | internet IPv6 | sqs | md-endpoint-sg:443 |",
            "| --- | --- | --- | --- | --- |",
            "| md-fn | ❌ route | ❌ subnet | ✅ | ✅ |",
        ]);
        expect(section).to.contain("- ❌ the internet (IPv4): md-lambda-rt-1 has no 0.0.0.0/0 route: the traffic has nowhere to go. Fix: Add a 0.0.0.0/0 route from md-lambda-rt-1 to a NAT gateway in a public subnet. (md-fn)");
    });

    it("states the fixed cost in the summary: one endpoint over 2 zones, $14.60", () => {
        expect(render().split("\n")[2]).to.contain("fixed network cost **$14.60 a month**");
    });

    it("puts the policy verdicts after capacity and before the folded resource list, mandatory first", () => {
        const markdown = render({
            violations: [
                { policy: "flow-logs-retention", level: "advisory", message: "keep flow logs 90 days" },
                { policy: "lambda-multi-az", level: "mandatory", message: "one zone only", resource: "urn:pulumi:review::md-project::aws:lambda/function:Function::md-fn" },
            ],
        });
        expect(headings(markdown).slice(-1)).to.deep.equal(["### Policy"]);
        const policy = markdown.slice(markdown.indexOf("### Policy"), markdown.indexOf("<details>"));
        expect(policy.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| level") && !l.startsWith("| ---"))).to.deep.equal([
            "| mandatory | `lambda-multi-az` | `md-fn` | one zone only |",
            "| advisory | `flow-logs-retention` | the stack | keep flow logs 90 days |",
        ]);
    });

    it("counts the mandatory violations in the summary", () => {
        const markdown = render({ violations: [{ policy: "lambda-multi-az", level: "mandatory", message: "one zone only" }] });
        expect(markdown.split("\n")[2]).to.contain("**policies: 1 mandatory violation**");
    });
});
