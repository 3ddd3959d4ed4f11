import { Flowchart, FlowNode, renderMermaid } from "./mermaid";

/**
 * What Mermaid draws at most, by default. Past `maxEdges` a flowchart fails with "Edge limit
 * exceeded"; past `maxTextSize` characters Mermaid draws "Maximum text size in diagram exceeded"
 * in place of the diagram. Both are "secure" settings a diagram cannot raise for itself, and a
 * page that renders our Markdown (GitHub's) cannot be assumed to raise them.
 * Source: mermaid 12.3.0, `defaultConfig` (`maxTextSize: 50000`, `maxEdges: 500`), the flowchart
 * database's `addLink` and `render`'s text-size check.
 */
export const MERMAID_LIMITS: MermaidLimits = { maxEdges: 500, maxTextSize: 50_000 };

export interface MermaidLimits {
    maxEdges: number;
    maxTextSize: number;
}

export interface FitOptions {
    limits?: MermaidLimits;
    /** Node ids to leave out first, most expendable first; after them, any node, the last drawn first. */
    expendable: string[];
    /** The note's lines, given the nodes left out (each with its edges). */
    note: (omitted: FlowNode[]) => string[];
}

const NOTE_STYLE = "fill:#ffffcc,stroke:#999,stroke-dasharray: 4 2";

/**
 * The chart as it is when it is within the limits; otherwise the most of it that is: whole nodes
 * left out with their edges (never a label cut short, never a line half drawn), the nodes left
 * with no edge by that left out too, and a note saying what is not drawn.
 */
export function fitMermaidLimits(chart: Flowchart, options: FitOptions): Flowchart {
    const limits = options.limits ?? MERMAID_LIMITS;
    const fits = (c: Flowchart) => c.edges.length <= limits.maxEdges && renderMermaid(c).length <= limits.maxTextSize;
    if (fits(chart)) {
        return chart;
    }
    const first = new Set(options.expendable);
    const order = [...options.expendable, ...chart.nodes.map((n) => n.id).filter((id) => !first.has(id)).reverse()];
    // Leaving out more never makes the chart longer: find the fewest to leave out.
    let low = 1;
    let high = order.length;
    while (low < high) {
        const mid = Math.floor((low + high) / 2);
        if (fits(without(chart, order.slice(0, mid), options.note))) {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    return without(chart, order.slice(0, low), options.note);
}

/** The chart less `omit`, less the nodes left with no edge by it, plus the note. */
function without(chart: Flowchart, omit: string[], note: FitOptions["note"]): Flowchart {
    const gone = new Set(omit);
    const linked = new Set(chart.edges.flatMap((e) => [e.from, e.to]));
    let edges = chart.edges.filter((e) => !gone.has(e.from) && !gone.has(e.to));
    const stillLinked = new Set(edges.flatMap((e) => [e.from, e.to]));
    for (const id of linked) {
        if (!stillLinked.has(id)) {
            gone.add(id);
        }
    }
    edges = edges.filter((e) => !gone.has(e.from) && !gone.has(e.to));
    const omitted = chart.nodes.filter((n) => gone.has(n.id));
    const noteNode: FlowNode = { id: "note_not_drawn", label: note(omitted), shape: "box", className: "omitted" };
    return {
        ...chart,
        nodes: [noteNode, ...chart.nodes.filter((n) => !gone.has(n.id))],
        edges,
        classes: { ...chart.classes, omitted: NOTE_STYLE },
    };
}
