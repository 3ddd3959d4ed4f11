import { expect } from "chai";
import { FlowEdge, Flowchart, FlowNode, renderMermaid } from "../../../cli/report/mermaid";
import { fitMermaidLimits, MERMAID_LIMITS } from "../../../cli/report/mermaid-limits";
import { parseFlowchart } from "./mermaid-edges";

// The hard cap: a chart Mermaid would refuse is cut, whole nodes at a time, with a note.

/** A hub with `spokes` nodes hanging off it, each spoke drawn as `spoke-N`. */
function star(spokes: number): Flowchart {
    const nodes: FlowNode[] = [{ id: "hub", label: ["hub"], shape: "box" }, ...Array.from({ length: spokes }, (_, i) => ({ id: `s${i}`, label: [`spoke-${i}`], shape: "box" as const }))];
    const edges: FlowEdge[] = Array.from({ length: spokes }, (_, i) => ({ from: "hub", to: `s${i}`, kind: "route" as const }));
    return { direction: "LR", nodes, groups: [{ id: "g", label: "group", nodeIds: ["hub", "s0"], groups: [] }], edges, classes: {} };
}

const note = (omitted: FlowNode[]) => [`${omitted.length} not drawn`];

describe("report: keeping a diagram within Mermaid's limits", () => {
    it("uses Mermaid's defaults: 500 edges and 50,000 characters", () => {
        expect(MERMAID_LIMITS).to.deep.equal({ maxEdges: 500, maxTextSize: 50_000 });
    });

    it("leaves a chart within the limits as it is", () => {
        const chart = star(3);
        expect(fitMermaidLimits(chart, { expendable: [], note, limits: { maxEdges: 3, maxTextSize: 10_000 } })).to.equal(chart);
    });

    it("leaves out the expendable nodes first, in order, with their edges, and says how many in a note", () => {
        const fitted = parseFlowchart(renderMermaid(fitMermaidLimits(star(10), { expendable: ["s9", "s8", "s7", "s6", "s5"], note, limits: { maxEdges: 7, maxTextSize: 10_000 } })));
        expect(fitted.edges).to.have.length(7);
        expect(fitted.nodes.map((n) => n.label).filter((l) => l.startsWith("spoke-"))).to.deep.equal(["spoke-0", "spoke-1", "spoke-2", "spoke-3", "spoke-4", "spoke-5", "spoke-6"]);
        expect(fitted.labelOf("note_not_drawn")).to.equal("3 not drawn");
    });

    it("leaves out other nodes, the last drawn first, when the expendable ones are not enough", () => {
        const fitted = fitMermaidLimits(star(10), { expendable: ["s9"], note, limits: { maxEdges: 4, maxTextSize: 10_000 } });
        expect(fitted.edges.map((e) => e.to)).to.deep.equal(["s0", "s1", "s2", "s3"]);
    });

    it("leaves out a node left with no edge once the nodes it linked to are gone", () => {
        const fitted = fitMermaidLimits(star(3), { expendable: ["hub"], note, limits: { maxEdges: 2, maxTextSize: 10_000 } });
        expect(fitted.nodes.map((n) => n.id)).to.deep.equal(["note_not_drawn"]);
        expect(fitted.edges).to.deep.equal([]);
    });

    it("keeps the text within maxTextSize, cutting whole nodes", () => {
        const chart = star(200);
        const text = renderMermaid(fitMermaidLimits(chart, { expendable: [], note, limits: { maxEdges: 500, maxTextSize: 2_000 } }));
        expect(text.length).to.be.at.most(2_000);
        expect(text.length).to.be.greaterThan(1_500);
        expect(() => parseFlowchart(text)).to.not.throw();
    });

    it("draws no subgraph whose nodes were all left out", () => {
        const fitted = renderMermaid(fitMermaidLimits(star(5), { expendable: ["s0", "hub"], note, limits: { maxEdges: 0, maxTextSize: 10_000 } }));
        expect(fitted).to.not.contain("subgraph");
    });
});
