import { expect } from "chai";
import { mermaidId, renderMermaid } from "../../../cli/report/mermaid";
import { parseFlowchart } from "./mermaid-edges";

describe("report: Mermaid text", () => {
    it("makes ids of letters, digits and underscores from resource names", () => {
        expect(mermaidId("subnet", "app-lambda-subnet-1", new Set())).to.equal("subnet_app_lambda_subnet_1");
    });

    it("keeps ids unique when two names differ only in punctuation", () => {
        const taken = new Set<string>();
        expect([mermaidId("sg", "db.sg", taken), mermaidId("sg", "db-sg", taken)]).to.deep.equal(["sg_db_sg", "sg_db_sg_2"]);
    });

    it("escapes double quotes and angle brackets in labels, which would end or open a quoted label", () => {
        const text = renderMermaid({
            direction: "LR",
            nodes: [{ id: "a", label: ['say "hi" <now>'], shape: "box" }],
            groups: [],
            edges: [],
            classes: {},
        });
        expect(text).to.contain('a["say #quot;hi#quot; #lt;now#gt;"]');
    });

    it("draws each kind of edge with its own arrow, so that a reader tells routes from permissions and blocks", () => {
        const chart = parseFlowchart(
            renderMermaid({
                direction: "LR",
                nodes: ["a", "b"].map((id) => ({ id, label: [id], shape: "box" as const })),
                groups: [],
                edges: [
                    { from: "a", to: "b", kind: "route" },
                    { from: "a", to: "b", kind: "permission", label: "tcp 5432" },
                    { from: "a", to: "b", kind: "unadmitted" },
                    { from: "a", to: "b", kind: "blocked", label: "no route" },
                ],
                classes: {},
            }),
        );
        expect(chart.edges.map((e) => e.arrow)).to.deep.equal(["-->", "==>", "-.->", "-.-x"]);
    });
});
