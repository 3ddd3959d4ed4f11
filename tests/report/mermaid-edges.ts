/**
 * Reads a Mermaid flowchart back into nodes (id, label, enclosing subgraph labels) and edges
 * (from, arrow, label, to), so that tests assert on what the diagram says rather than on its text.
 */
export interface ParsedNode {
    id: string;
    label: string;
    /** The labels of the subgraphs it is declared in, outermost first. */
    within: string[];
}

export interface ParsedEdge {
    from: string;
    to: string;
    arrow: "-->" | "==>" | "-.->" | "-.-x";
    label?: string;
}

export interface ParsedFlowchart {
    header: string;
    nodes: ParsedNode[];
    edges: ParsedEdge[];
    /** The id of the node whose label's first line is `firstLine`; throws with the labels there are. */
    id(firstLine: string): string;
    /** Edges between two nodes named by their labels' first lines. */
    between(fromLabel: string, toLabel: string): ParsedEdge[];
    labelOf(id: string): string;
}

const NODE = /^\s*([A-Za-z0-9_]+)(\[\(|\(\[|\(\(|\[|\()"(.*)"(?:\)\]|\]\)|\)\)|\]|\))(?::::\w+)?$/;
const EDGE = /^\s*([A-Za-z0-9_]+) (-->|==>|-\.->|-\.-x)(?:\|"([^"]*)"\|)? ([A-Za-z0-9_]+)$/;
const SUBGRAPH = /^\s*subgraph ([A-Za-z0-9_]+)\["(.*)"\]$/;

export function parseFlowchart(text: string): ParsedFlowchart {
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    const nodes: ParsedNode[] = [];
    const edges: ParsedEdge[] = [];
    const within: string[] = [];
    for (const line of lines.slice(1)) {
        let m: RegExpExecArray | null;
        if ((m = SUBGRAPH.exec(line))) {
            within.push(m[2]);
        } else if (line.trim() === "end") {
            within.pop();
        } else if ((m = EDGE.exec(line))) {
            edges.push({ from: m[1], arrow: m[2] as ParsedEdge["arrow"], ...(m[3] !== undefined ? { label: m[3] } : {}), to: m[4] });
        } else if ((m = NODE.exec(line))) {
            nodes.push({ id: m[1], label: m[3], within: [...within] });
        } else if (!/^\s*classDef /.test(line)) {
            throw new Error(`not a line this diagram should have: ${JSON.stringify(line)}`);
        }
    }
    const firstLine = (n: ParsedNode) => n.label.split("<br/>")[0];
    const id = (label: string) => {
        const found = nodes.filter((n) => firstLine(n) === label);
        if (found.length !== 1) {
            throw new Error(`${found.length} nodes labelled ${JSON.stringify(label)}; labels: ${nodes.map(firstLine).join(" | ")}`);
        }
        return found[0].id;
    };
    return {
        header: lines[0],
        nodes,
        edges,
        id,
        between: (from, to) => edges.filter((e) => e.from === id(from) && e.to === id(to)),
        labelOf: (nodeId) => nodes.find((n) => n.id === nodeId)?.label ?? nodeId,
    };
}
