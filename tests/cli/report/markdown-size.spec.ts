import { expect } from "chai";
import { MARKDOWN_REPORT_LIMIT, PolicyVerdictsForReport, REACHABILITY_SECTION_LIMIT, reachabilitySection, renderMarkdownReport } from "../../../cli/report/markdown";
import type { Reachability } from "../../../sdk/reachability/types";
import { buildReviewReport, ReviewReport } from "../../../cli/report/review-report";
import type { PlannedStack } from "../../../cli/run-program";
import { MockStack, RecordedResource } from "../../../sdk/offline-engine/mock-stack";
import { recordLargeStack } from "./render/large-network";

// A stack of a thousand functions: its resource tree alone is twice what a GitHub comment holds.

/** The recorded resources as the offline plan hands them to the report. */
function plannedStack(resources: RecordedResource[]): PlannedStack {
    return { project: { name: "big", directory: ".", entry: "index.ts", stack: "review", config: {}, secretKeys: [] }, region: "us-east-1", accountId: "123456789012", resources, outputs: {}, warnings: [] };
}

describe("report: the Markdown comment within GitHub's 65,536 characters", () => {
    let planned: PlannedStack;
    let review: ReviewReport;
    const verdicts: PolicyVerdictsForReport = {
        violations: Array.from({ length: 150 }, (_, i) => ({ policy: "lambda-reserved-concurrency", level: "advisory", message: `function fn-${i + 1} has no reserved concurrency: one function can starve the others`, resource: `urn:pulumi:review::big::aws:lambda/function:Function::fn-${i + 1}` })),
    };
    before(async function () {
        this.timeout(60_000);
        const stack = await MockStack.install();
        planned = plannedStack(await recordLargeStack(stack, 1000, "teams"));
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

// A thousand functions each with a security group and a database of its own: no two rows of the
// reachability matrix alike, a column per database; 3.3 million characters drawn whole.
describe("report: the reachability matrix of a thousand distinct functions, within its share of the comment", () => {
    let planned: PlannedStack;
    let review: ReviewReport;
    let markdown: string;
    const section = () => markdown.slice(markdown.indexOf("### Reachability\n\n") + "### Reachability\n\n".length, markdown.indexOf("\n\n### Monthly cost"));
    before(async function () {
        this.timeout(120_000);
        const stack = await MockStack.install();
        planned = plannedStack(await recordLargeStack(stack, 1000, "distinct"));
        review = buildReviewReport(planned);
        markdown = renderMarkdownReport(planned, review);
    });

    it("keeps the section within its cap, and the comment within the limit", () => {
        expect(section().length).to.be.at.most(REACHABILITY_SECTION_LIMIT);
        expect(markdown.length).to.be.at.most(MARKDOWN_REPORT_LIMIT);
    });

    it("says how many functions it does not show, which with those shown make the thousand", () => {
        const shown = section()
            .split("\n")
            .filter((line) => /^\| fn-/.test(line)).length;
        const left = Number(/\n(\d+) more functions not shown here \(those with a blocked, then an unknown destination come first\), to keep this comment within 64,000 characters/.exec(section())?.[1]);
        expect(shown).to.be.greaterThan(10);
        expect(shown + left).to.equal(1000);
    });

    it("draws a column only for what the functions shown reach", () => {
        const header = section().split("\n")[0].split(" | ");
        const shown = section()
            .split("\n")
            .filter((line) => /^\| fn-/.test(line)).length;
        // The internet twice, sqs, the endpoints' group, and one database per function shown.
        expect(header).to.have.length(1 + 4 + shown);
    });
});

describe("report: the reachability section's cap", () => {
    const blockedHop = { hop: "route" as const, status: "denies" as const, resource: "rt", says: "rt has no 0.0.0.0/0 route.", fix: "Add one." };
    const cell = (fn: string, verdict: Reachability["verdict"]): Reachability => ({
        function: fn,
        urn: `urn:pulumi:s::p::aws:lambda/function:Function::${fn}`,
        destination: { kind: "securityGroup", securityGroupId: `sg-${fn}`, port: 5432 },
        verdict,
        path: verdict === "blocked" ? [blockedHop] : [],
        ...(verdict === "blocked" ? { blockedAt: blockedHop, fix: blockedHop.fix } : {}),
        reasons: ["egress"],
    });
    const cells = [cell("fine", "reachable"), cell("unsure", "unknown"), cell("stopped", "blocked")];
    const many = [...Array.from({ length: 30 }, (_, i) => cell(`fine-${i + 1}`, "reachable")), cell("unsure", "unknown"), cell("stopped", "blocked")];
    const rowsOf = (section: string) => section.split("\n").filter((line) => /^\| (?!function|---)/.test(line)).map((line) => line.split(" | ")[0].slice(2));

    it("shows the whole matrix, with no note, when it fits", () => {
        const whole = reachabilitySection(cells);
        expect(whole).to.contain("| fine |").and.contain("| unsure |").and.contain("| stopped |");
        expect(whole).to.not.contain("not shown here");
    });

    it("shows the blocked functions first, then the unknown ones, when it must leave some out", () => {
        const limit = reachabilitySection(many.slice(-2)).length + 400;
        const capped = reachabilitySection(many, limit);
        const shown = rowsOf(capped);
        expect(shown.slice(0, 2)).to.deep.equal(["stopped", "unsure"]);
        expect(shown.length).to.be.within(2, 30);
        expect(capped).to.contain(`\n\n${32 - shown.length} more functions not shown here`);
        expect(capped.length).to.be.at.most(limit);
    });
});
