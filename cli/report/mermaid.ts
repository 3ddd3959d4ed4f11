/**
 * A Mermaid `flowchart` as plain data, and its text. The diagram is built as data first so
 * that what it says (which node reaches which) can be checked without parsing Mermaid.
 */

export type NodeShape = "box" | "rounded" | "stadium" | "database" | "circle";

export interface FlowNode {
    id: string;
    /** Lines of the label; joined with `<br/>`. */
    label: string[];
    shape: NodeShape;
    /** A `classDef` name, for the seed guide's colours. */
    className?: string;
}

export interface FlowGroup {
    id: string;
    label: string;
    nodeIds: string[];
    groups: FlowGroup[];
}

/**
 * `route`: traffic is routed that way; `permission`: a security group lets it through;
 * `unadmitted`: one side allows it but the other does not; `blocked`: no way there.
 */
export type EdgeKind = "route" | "permission" | "unadmitted" | "blocked";

export interface FlowEdge {
    from: string;
    to: string;
    kind: EdgeKind;
    label?: string;
}

export interface Flowchart {
    direction: "LR" | "TB";
    nodes: FlowNode[];
    /** Top-level subgraphs; nodes in none of them are drawn outside. */
    groups: FlowGroup[];
    edges: FlowEdge[];
    classes: Record<string, string>;
}

const ARROWS: Record<EdgeKind, string> = { route: "-->", permission: "==>", unadmitted: "-.->", blocked: "-.-x" };

const SHAPES: Record<NodeShape, [string, string]> = {
    box: ["[", "]"],
    rounded: ["(", ")"],
    stadium: ["([", "])"],
    database: ["[(", ")]"],
    circle: ["((", "))"],
};

export function renderMermaid(chart: Flowchart): string {
    const nodes = new Map(chart.nodes.map((n) => [n.id, n]));
    const drawn = new Set<string>();
    const lines = [`flowchart ${chart.direction}`];
    const node = (id: string, indent: string) => {
        const n = nodes.get(id);
        if (!n || drawn.has(id)) {
            return;
        }
        drawn.add(id);
        const [open, close] = SHAPES[n.shape];
        lines.push(`${indent}${n.id}${open}"${n.label.map(escapeLabel).join("<br/>")}"${close}${n.className ? `:::${n.className}` : ""}`);
    };
    // A subgraph with nothing in it would be drawn as an empty box.
    const holdsNodes = (g: FlowGroup): boolean => g.nodeIds.some((id) => nodes.has(id)) || g.groups.some(holdsNodes);
    const group = (g: FlowGroup, indent: string) => {
        if (!holdsNodes(g)) {
            return;
        }
        lines.push(`${indent}subgraph ${g.id}["${escapeLabel(g.label)}"]`);
        g.nodeIds.forEach((id) => node(id, `${indent}    `));
        g.groups.forEach((inner) => group(inner, `${indent}    `));
        lines.push(`${indent}end`);
    };
    chart.groups.forEach((g) => group(g, "    "));
    chart.nodes.forEach((n) => node(n.id, "    "));
    for (const edge of chart.edges) {
        lines.push(`    ${edge.from} ${ARROWS[edge.kind]}${edge.label ? `|"${escapeLabel(edge.label)}"|` : ""} ${edge.to}`);
    }
    for (const [name, style] of Object.entries(chart.classes)) {
        lines.push(`    classDef ${name} ${style}`);
    }
    return `${lines.join("\n")}\n`;
}

/** A Mermaid id made of the name's letters and digits, unique among `taken`. */
export function mermaidId(prefix: string, name: string, taken: Set<string>): string {
    const base = `${prefix}_${name.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "")}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) {
        id = `${base}_${n}`;
    }
    taken.add(id);
    return id;
}

// Quoted labels cannot hold a double quote; Mermaid's entity codes can.
function escapeLabel(text: string): string {
    return text.replace(/"/g, "#quot;").replace(/[<>]/g, (c) => (c === "<" ? "#lt;" : "#gt;"));
}
