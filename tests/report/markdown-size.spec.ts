import { expect } from "chai";
import { MARKDOWN_REPORT_LIMIT, PolicyVerdictsForReport, renderMarkdownReport } from "../../cli/report/markdown";
import { buildReviewReport, ReviewReport } from "../../cli/report/review-report";
import type { PlannedStack } from "../../cli/run-program";
import { MockStack } from "../../sdk/testing/mock-stack";
import { recordLargeStack } from "../render/large-network";

// A stack of a thousand functions: its resource tree alone is twice what a GitHub comment holds.

describe("report: the Markdown comment within GitHub's 65,536 characters", () => {
    let planned: PlannedStack;
    let review: ReviewReport;
    const verdicts: PolicyVerdictsForReport = {
        violations: Array.from({ length: 150 }, (_, i) => ({ policy: "lambda-reserved-concurrency", level: "advisory", message: `function fn-${i + 1} has no reserved concurrency: one function can starve the others`, resource: `urn:pulumi:review::big::aws:lambda/function:Function::fn-${i + 1}` })),
    };
    before(async function () {
        this.timeout(60_000);
        const stack = await MockStack.install();
        const resources = await recordLargeStack(stack, 1000, "teams");
        planned = { project: { name: "big", directory: ".", entry: "index.ts", stack: "review", config: {}, secretKeys: [] }, region: "us-east-1", accountId: "123456789012", resources, outputs: {}, warnings: [] };
        review = buildReviewReport(planned);
    });
    const treeLines = (markdown: string) => /<details><summary>Resources to create \((\d+)\)<\/summary>\n\n```\n([\s\S]*?)\n```\n/.exec(markdown);

    it("lists every resource when the comment fits", () => {
        const markdown = renderMarkdownReport(planned, review, undefined, 10_000_000);
        expect(treeLines(markdown)![2].split("\n")).to.have.length(planned.resources.length);
        expect(markdown).to.not.contain("not listed here");
    });

    it("cuts the resource list to keep the comment within the limit, and says how many it leaves out", () => {
        const markdown = renderMarkdownReport(planned, review, verdicts);
        expect(markdown.length).to.be.at.most(MARKDOWN_REPORT_LIMIT);
        const [, count, listed] = treeLines(markdown)!;
        const notListed = Number(/\n(\d+) more not listed here, to keep this comment within 64,000 characters/.exec(markdown)?.[1]);
        expect(Number(count)).to.equal(planned.resources.length);
        expect(listed.split("\n").length + notListed).to.equal(planned.resources.length);
        expect(notListed).to.be.greaterThan(0);
    });

    it("keeps the mermaid block whole", () => {
        const markdown = renderMarkdownReport(planned, review, verdicts);
        expect(markdown).to.contain("```mermaid\n" + review.diagram.trimEnd() + "\n```");
    });

    it("keeps every policy verdict", () => {
        const markdown = renderMarkdownReport(planned, review, verdicts);
        for (const v of verdicts.violations) {
            expect(markdown).to.contain(v.message);
        }
    });

    it("cuts no more than it must: the comment is within one resource line of the limit", () => {
        const markdown = renderMarkdownReport(planned, review, verdicts);
        const longest = Math.max(...treeLines(markdown)![2].split("\n").map((l) => l.length));
        // One more line adds itself and its newline; the note's count loses at most a digit.
        expect(markdown.length).to.be.above(MARKDOWN_REPORT_LIMIT - longest - 2);
    });
});
