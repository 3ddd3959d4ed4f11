import { EdgeKind, FlowEdge, Flowchart, FlowGroup, FlowNode, mermaidId, NodeShape } from "./mermaid";

/**
 * Folds a diagram of one node per resource into one a reviewer can read at any size: nodes of
 * one kind that sit in the same place and have the same edges (to the same kinds of nodes, in
 * the same numbers) are drawn as one node that lists them, `Lambda ×60`; the edges between two
 * folded nodes are drawn once; and zones that hold the same things are drawn once, as one zone
 * group labelled with every zone it stands for.
 *
 * Nothing is lost: a folded edge means "each of these to each of those" (or, inside a group of
 * alike zones, "in each zone, each to each"). Where the resources' edges do not have that shape
 * (two functions that share a kind of subnet but not the same subnets), the nodes are split
 * until they do.
 */

/** A node of the detailed diagram: one resource, or one fixed thing such as the internet. */
export interface DetailNode {
    /** Unique among the chart's nodes: a resource's identity, or a fixed key. */
    key: string;
    /** Its label when drawn alone, line by line. */
    label: string[];
    shape: NodeShape;
    className?: string;
    /** The Mermaid id's prefix (`fn`, `subnet`), and the name it is made from. */
    prefix: string;
    idName: string;
    /** Only nodes of the same kind fold together; undefined: always drawn alone. */
    kind?: string;
    /**
     * How a folded node names its members: `NAT gateway` gives `NAT gateway ×6`; each member is
     * then listed by its own label less this word at its start or end (`ds-nat-1`).
     */
    title?: string;
    /** List the members several to a line (short names), with the lines they all share said once. */
    packed?: boolean;
    /** The VPC it is drawn in (a key of `DetailChart.vpcs`). */
    vpc?: string;
    /** Its zone inside that VPC, for what lives in one subnet. */
    zone?: string;
}

export interface DetailEdge {
    from: string;
    to: string;
    kind: EdgeKind;
    label?: string;
}

export interface DetailChart {
    nodes: DetailNode[];
    edges: DetailEdge[];
    /** The VPC subgraphs, in the order they are drawn. */
    vpcs: { key: string; label: string; idName: string }[];
    classes: Record<string, string>;
}

/** At most this many members are named in a folded node; the rest are counted. */
export const LISTED_MEMBERS = 24;
// Mermaid wraps a label's lines at 200 pixels, about 28 characters: pack no more on one.
const PACKED_LINE = 28;

export interface AggregatedChart {
    chart: Flowchart;
    /** The detailed nodes each drawn node stands for, by its Mermaid id. */
    members: Map<string, DetailNode[]>;
}

export function aggregateChart(chart: DetailChart): AggregatedChart {
    const nodes = chart.nodes;
    const index = new Map(nodes.map((n, i) => [n.key, i]));
    const edges = uniqueEdges(chart.edges).map((e) => ({ ...e, a: index.get(e.from)!, b: index.get(e.to)! }));
    const colors = foldableClasses(nodes, edges);

    // Zones that hold the same number of members of the same classes are alike.
    const zoneGroups = new Map<string, { vpc: string; zones: string[] }>();
    const zoneGroupOf = new Map<string, string>();
    for (const vpc of new Set(nodes.filter((n) => n.zone !== undefined).map((n) => n.vpc ?? ""))) {
        const contents = new Map<string, number[]>();
        nodes.forEach((n, i) => {
            if (n.zone !== undefined && (n.vpc ?? "") === vpc) {
                pushTo(contents, n.zone, colors[i]);
            }
        });
        const bySignature = new Map<string, string[]>();
        for (const zone of [...contents.keys()].sort()) {
            const signature = contents.get(zone)!.sort((x, y) => x - y).join(",");
            pushTo(bySignature, signature, zone);
        }
        for (const zones of bySignature.values()) {
            const key = `${vpc}\u0000${zones.join(",")}`;
            zoneGroups.set(key, { vpc, zones });
            zones.forEach((z) => zoneGroupOf.set(`${vpc}\u0000${z}`, key));
        }
    }

    // The drawn nodes: each class, split by the zone group its members are in.
    const drawnOf: string[] = nodes.map((n, i) => `${colors[i]}@${n.zone === undefined ? "" : zoneGroupOf.get(`${n.vpc ?? ""}\u0000${n.zone}`)}`);
    const members = new Map<string, DetailNode[]>();
    nodes.forEach((n, i) => pushTo(members, drawnOf[i], n));
    const taken = new Set<string>();
    const flowNodes = new Map<string, FlowNode>();
    const placeOf = new Map<string, { vpc?: string; zoneGroup?: string }>();
    const membersById = new Map<string, DetailNode[]>();
    for (const [drawn, group] of members) {
        const first = group[0];
        const id = group.length === 1 ? mermaidId(first.prefix, first.idName, taken) : mermaidId(first.prefix, `${first.idName}_x${group.length}`, taken);
        membersById.set(id, group);
        flowNodes.set(drawn, { id, label: group.length === 1 ? first.label : foldedLabel(group), shape: first.shape, ...(first.className ? { className: first.className } : {}) });
        placeOf.set(drawn, { vpc: first.vpc, zoneGroup: first.zone === undefined ? undefined : zoneGroupOf.get(`${first.vpc ?? ""}\u0000${first.zone}`) });
    }

    const flowEdges: FlowEdge[] = [];
    const seen = new Set<string>();
    for (const e of edges) {
        const from = flowNodes.get(drawnOf[e.a])!.id;
        const to = flowNodes.get(drawnOf[e.b])!.id;
        const key = `${from}|${to}|${e.kind}|${e.label ?? ""}`;
        if (!seen.has(key)) {
            seen.add(key);
            flowEdges.push({ from, to, kind: e.kind, ...(e.label ? { label: e.label } : {}) });
        }
    }

    const groups: FlowGroup[] = chart.vpcs.map((vpc) => ({ id: mermaidId("vpc", vpc.idName, taken), label: vpc.label, nodeIds: [], groups: [] }));
    const vpcGroup = new Map(chart.vpcs.map((vpc, i) => [vpc.key, groups[i]]));
    const zoneGroupKeys = [...zoneGroups.keys()].sort((x, y) => zoneGroups.get(x)!.zones[0].localeCompare(zoneGroups.get(y)!.zones[0]));
    const zoneGroup = new Map<string, FlowGroup>();
    for (const key of zoneGroupKeys) {
        const { vpc, zones } = zoneGroups.get(key)!;
        const parent = vpcGroup.get(vpc);
        const group: FlowGroup = { id: mermaidId("zone", `${parent?.id ?? "outside"}_${zones[0]}${zones.length > 1 ? `_x${zones.length}` : ""}`, taken), label: zoneLabel(zones), nodeIds: [], groups: [] };
        zoneGroup.set(key, group);
        if (parent) {
            parent.groups.push(group);
        } else {
            groups.push(group);
        }
    }
    for (const [drawn, node] of flowNodes) {
        const place = placeOf.get(drawn)!;
        const group = place.zoneGroup !== undefined ? zoneGroup.get(place.zoneGroup) : place.vpc !== undefined ? vpcGroup.get(place.vpc) : undefined;
        group?.nodeIds.push(node.id);
    }
    const used = new Set([...flowNodes.values()].map((n) => n.className));
    const classes = Object.fromEntries(Object.entries(chart.classes).filter(([name]) => used.has(name)));
    return { chart: { direction: "LR", nodes: [...flowNodes.values()], groups, edges: flowEdges, classes }, members: membersById };
}

/** `us-east-1a`, or `us-east-1a, us-east-1b, us-east-1c (×3 zones alike)`. */
function zoneLabel(zones: string[]): string {
    return zones.length === 1 ? zones[0] : `${zones.join(", ")} (×${zones.length} zones alike)`;
}

function uniqueEdges(edges: DetailEdge[]): DetailEdge[] {
    const seen = new Set<string>();
    return edges.filter((e) => {
        const key = `${e.from}|${e.to}|${e.kind}|${e.label ?? ""}`;
        return !seen.has(key) && (seen.add(key), true);
    });
}

type IndexedEdge = DetailEdge & { a: number; b: number };

/**
 * The classes of nodes that fold together, as a colour per node: colour refinement (the
 * Weisfeiler-Leman test) from the nodes' kind and place, by the colours of their neighbours,
 * counted, with each edge's kind, label and whether it stays in its zone; then split further
 * wherever a folded edge would not mean "each to each".
 */
function foldableClasses(nodes: DetailNode[], edges: IndexedEdge[]): number[] {
    const sameZone = (e: IndexedEdge) => nodes[e.a].zone !== undefined && nodes[e.b].zone !== undefined && nodes[e.a].zone === nodes[e.b].zone && nodes[e.a].vpc === nodes[e.b].vpc;
    const around: { sig: string; other: number }[][] = nodes.map(() => []);
    for (const e of edges) {
        const sig = `${e.kind}|${e.label ?? ""}|${sameZone(e) ? "z" : ""}`;
        around[e.a].push({ sig: `>${sig}`, other: e.b });
        around[e.b].push({ sig: `<${sig}`, other: e.a });
    }
    let colors = intern(nodes.map((n) => (n.kind === undefined ? `solo|${n.key}` : `${n.kind}|${n.vpc ?? ""}|${n.zone !== undefined}|${n.className ?? ""}|${n.shape}`)));
    for (;;) {
        colors = refine(colors, around);
        const split = splitInexact(colors, nodes, edges, sameZone);
        // Each split makes more classes; at one node per class every edge is exact.
        if (!split || new Set(split).size === new Set(colors).size) {
            return colors;
        }
        colors = split;
    }
}

function refine(start: number[], around: { sig: string; other: number }[][]): number[] {
    let colors = start;
    let count = new Set(colors).size;
    for (;;) {
        const next = intern(colors.map((c, i) => `${c}#${around[i].map((a) => `${a.sig}:${colors[a.other]}`).sort().join(",")}`));
        const nextCount = new Set(next).size;
        if (nextCount === count) {
            return colors;
        }
        colors = next;
        count = nextCount;
    }
}

/**
 * The colours split where a folded edge between two classes would say more than the resources
 * do, or undefined when every folded edge is exact: each member of one class to each of the
 * other (to each other member, within one class), or, for edges inside zones, each to each within
 * every zone.
 */
function splitInexact(colors: number[], nodes: DetailNode[], edges: IndexedEdge[], sameZone: (e: IndexedEdge) => boolean): number[] | undefined {
    const size = new Map<number, number>();
    colors.forEach((c) => size.set(c, (size.get(c) ?? 0) + 1));
    const folded = new Map<string, IndexedEdge[]>();
    for (const e of edges) {
        const key = `${colors[e.a]}|${colors[e.b]}|${e.kind}|${e.label ?? ""}`;
        pushTo(folded, key, e);
    }
    const refinedBy = new Map<number, string>();
    for (const group of folded.values()) {
        const from = colors[group[0].a];
        const to = colors[group[0].b];
        const pairs = size.get(from)! * size.get(to)!;
        const exact =
            group.length === pairs ||
            (from === to && group.length === pairs - size.get(from)! && group.every((e) => e.a !== e.b)) ||
            (group.every(sameZone) && group.length === zonePairs(colors, nodes, from, to));
        if (exact) {
            continue;
        }
        // Members with the same neighbours along these edges stay together.
        const neighbours = new Map<number, number[]>();
        for (const e of group) {
            pushTo(neighbours, e.a, e.b);
            pushTo(neighbours, e.b, -1 - e.a);
        }
        for (const [node, list] of neighbours) {
            refinedBy.set(node, `${refinedBy.get(node) ?? ""};${list.sort((x, y) => x - y).join(",")}`);
        }
    }
    if (refinedBy.size === 0) {
        return undefined;
    }
    return intern(colors.map((c, i) => `${c}/${refinedBy.get(i) ?? ""}`));
}

/** How many (from, to) pairs of the two classes share a zone. */
function zonePairs(colors: number[], nodes: DetailNode[], from: number, to: number): number {
    const count = (color: number) => {
        const perZone = new Map<string, number>();
        nodes.forEach((n, i) => colors[i] === color && n.zone !== undefined && perZone.set(`${n.vpc}|${n.zone}`, (perZone.get(`${n.vpc}|${n.zone}`) ?? 0) + 1));
        return perZone;
    };
    const a = count(from);
    const b = count(to);
    return [...a].reduce((sum, [zone, n]) => sum + n * (b.get(zone) ?? 0), 0);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) {
        list.push(value);
    } else {
        map.set(key, [value]);
    }
}

function intern(keys: string[]): number[] {
    const ids = new Map<string, number>();
    return keys.map((k) => {
        let id = ids.get(k);
        if (id === undefined) {
            id = ids.size;
            ids.set(k, id);
        }
        return id;
    });
}

/**
 * `NAT gateway ×2`, then the members, the first few dozen of them: short ones several to a line
 * (`fn-1, fn-2`) after the lines they all share; others each on a line of its own
 * (`ds-nat-1`), with what else its label says on the next (`in ds-public-subnet-1`).
 */
function foldedLabel(group: DetailNode[]): string[] {
    const title = group[0].title ?? group[0].label[0];
    const name = (n: DetailNode) => {
        const first = n.label[0];
        return first.startsWith(`${title} `) ? first.slice(title.length + 1) : first.endsWith(` ${title}`) ? first.slice(0, -title.length - 1) : first;
    };
    const listed = group.slice(0, LISTED_MEMBERS);
    const rest = group.length - listed.length;
    const more = rest > 0 ? [`… and ${rest} more`] : [];
    if (group[0].packed) {
        const shared = group[0].label.slice(1).filter((line) => group.every((n) => n.label.slice(1).includes(line)));
        const entries = listed.map((n) => [name(n), ...n.label.slice(1).filter((line) => !shared.includes(line))].join(" "));
        return [`${title} ×${group.length}`, ...shared, ...packLines(entries), ...more];
    }
    return [`${title} ×${group.length}`, ...listed.flatMap((n) => [name(n), ...(n.label.length > 1 ? [n.label.slice(1).join(" ")] : [])]), ...more];
}

function packLines(entries: string[]): string[] {
    const lines: string[] = [];
    for (const entry of entries) {
        const last = lines.length - 1;
        if (last >= 0 && lines[last].length + 2 + entry.length <= PACKED_LINE) {
            lines[last] += `, ${entry}`;
        } else {
            lines.push(entry);
        }
    }
    return lines;
}
