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
    /**
     * The id of the node that draws a resource: the node whose label's first line is `name`, or
     * else the folded node (`NAT gateway ×2`) that lists it (`ds-nat-1`, asked for as
     * `NAT gateway ds-nat-1`, the first line it would have alone). Throws with the labels there are.
     */
    id(name: string): string;
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
    const id = (name: string) => {
        let found = nodes.filter((n) => firstLine(n) === name);
        if (found.length === 0) {
            found = nodes.filter((n) => foldedMembers(n).some((member) => member === name));
        }
        if (found.length !== 1) {
            throw new Error(`${found.length} nodes labelled ${JSON.stringify(name)}; labels: ${nodes.map(firstLine).join(" | ")}`);
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

const FOLDED_TITLE = /^(.*) ×\d+$/;

/**
 * The first lines a folded node's members would have alone: for `NAT gateway ×2` listing
 * `ds-nat-1`, both `ds-nat-1` and `NAT gateway ds-nat-1` (or `ds-nat-1 NAT gateway`, for titles
 * that end a label: `secretsmanager interface endpoint`).
 */
export function foldedMembers(node: ParsedNode): string[] {
    const [title, ...lines] = node.label.split("<br/>");
    const kind = FOLDED_TITLE.exec(title)?.[1];
    if (kind === undefined) {
        return [];
    }
    const names = lines.flatMap((line) => line.split(", ").map((entry) => entry.split(" ")[0]));
    return names.flatMap((name) => [name, `${kind} ${name}`, `${name} ${kind}`]);
}
