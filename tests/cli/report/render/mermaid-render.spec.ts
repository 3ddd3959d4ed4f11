import { expect } from "chai";
import { renderNetworkDiagram } from "../../../../cli/report/diagram";
import { MERMAID_LIMITS } from "../../../../cli/report/mermaid-limits";
import { MockStack } from "../../../../sdk/offline-engine/mock-stack";
import { codeBlocks, documentationFiles } from "../../../docs/markdown-documents";
import { planProgram, typescriptExamples } from "../../../examples/offline-plan";
import { FunctionSpread, recordLargeNetwork } from "./large-network";
import { MermaidBrowser } from "./mermaid-browser";

// Every diagram the plan draws, drawn by the real Mermaid in a real browser, as GitHub draws it
// in a pull request comment: a diagram Mermaid refuses (a parse error, too many edges, too much
// text) fails here rather than in front of a reviewer. Chromium is Debian's package, which
// .ci/run installs; without it this suite fails, saying so.

describe("render: the diagrams, drawn by Mermaid in headless Chromium", function () {
    let browser: MermaidBrowser;
    let stack: MockStack;
    before(async function () {
        this.timeout(120_000);
        browser = await MermaidBrowser.launch();
        stack = await MockStack.install();
    });
    after(async () => {
        await browser?.close();
    });

    /** A flowchart of `edges` edges from one hub. */
    const star = (edges: number) => ["flowchart LR", ...Array.from({ length: edges }, (_, i) => `    hub --> n${i}`)].join("\n");

    describe("the check itself", () => {
        it(`finds Mermaid accepting ${MERMAID_LIMITS.maxEdges} edges and refusing one more, the limit the diagrams are kept within`, async () => {
            await browser.parse(star(MERMAID_LIMITS.maxEdges));
            await browser.parse(star(MERMAID_LIMITS.maxEdges + 1)).then(
                () => expect.fail("Mermaid accepted more edges than its limit"),
                (error: Error) => expect(error.message).to.match(/Edge limit exceeded/),
            );
        });

        it(`fails on the stand-in Mermaid draws past ${MERMAID_LIMITS.maxTextSize.toLocaleString("en-US")} characters`, async () => {
            const text = `flowchart LR\n    a["${"x".repeat(MERMAID_LIMITS.maxTextSize)}"] --> b\n`;
            await browser.render(text).then(
                () => expect.fail("a diagram past the text limit was drawn"),
                (error: Error) => expect(error.message).to.match(/Maximum text size in diagram exceeded/),
            );
        });

        it("fails on a diagram Mermaid cannot parse", async () => {
            await browser.render("flowchart LR\n    a -->").then(
                () => expect.fail("a broken diagram was drawn"),
                (error: Error) => expect(error.message).to.match(/^Mermaid refused the diagram: /),
            );
        });
    });

    describe("the examples' offline plans", () => {
        for (const program of [".", ...typescriptExamples().map((name) => `examples/${name}`)]) {
            it(`draws ${program === "." ? "the root program" : program}`, async function () {
                this.timeout(120_000);
                const { diagram } = await planProgram(program);
                expect(diagram).to.match(/^flowchart LR\n/);
                const drawn = await browser.render(diagram);
                expect(drawn.width * drawn.height).to.be.greaterThan(0);
            });
        }
    });

    describe("the bench's large network: 6 zones, 20 interface endpoints", () => {
        const cases: [number, FunctionSpread][] = [
            [60, "alike"],
            [60, "teams"],
            [1000, "teams"],
            [1000, "distinct"],
        ];
        for (const [functions, spread] of cases) {
            it(`draws it with ${functions} functions (${spread})`, async function () {
                this.timeout(180_000);
                const diagram = renderNetworkDiagram(await recordLargeNetwork(stack, functions, spread));
                const drawn = await browser.render(diagram);
                expect(drawn.width * drawn.height).to.be.greaterThan(0);
            });
        }
    });

    describe("the diagrams written in the docs", () => {
        const diagrams = documentationFiles().flatMap((file) => codeBlocks(file).filter((block) => block.lang === "mermaid"));

        it("finds the architecture's floors among them", () => {
            expect(diagrams.map((block) => block.file)).to.include("docs/architecture.md");
        });

        for (const block of diagrams) {
            it(`draws ${block.file}:${block.line}`, async () => {
                const drawn = await browser.render(block.text);
                expect(drawn.width).to.be.greaterThan(0);
            });
        }
    });
});
