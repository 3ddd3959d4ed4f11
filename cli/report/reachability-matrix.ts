import { describeDestination, destinationKey, Destination, HopKind, Reachability } from "../../sdk/reachability/types";

/**
 * The reachability model's cells as a table for people: a row per function (functions whose
 * rows are alike share one, so that a thousand functions on one network make one row), a column
 * per destination, ✅ reachable, ❌ and the hop that blocks, ? unknown; and, under it, each
 * distinct blocking hop once, with the functions it stops and its fix.
 */
export interface ReachabilityTable {
    header: string[];
    rows: string[][];
    /** `❌ the internet (IPv6) for fn: <why>. Fix: <how>.`, one per distinct blocking hop. */
    blocked: string[];
    /** `🔐 s3: <the endpoint's hop>`, one per endpoint whose policy decides which calls of a reachable cell succeed. */
    decidedByPolicy: string[];
}

/** The mark of a reachable cell whose calls an endpoint policy decides (`policy?` when the policy is not known yet). */
export const POLICY_MARKS = { limits: "✅ policy", notKnownYet: "✅ policy?" } as const;
/** What the marks above mean, for the reports' legends. */
export const POLICY_LEGEND = "✅ policy: the network lets it through, an endpoint policy decides which calls succeed (policy?: not known yet)";

/** How many function names a shared row spells out before "and N more". */
const NAMES_SHOWN = 3;

/** Each hop's short name, for a table cell or a diagram's edge. */
export const HOP_TITLES: Record<HopKind, string> = {
    function: "function",
    subnet: "subnet",
    routeTable: "route table",
    dns: "DNS",
    route: "route",
    natGateway: "NAT gateway",
    internetGateway: "internet gateway",
    egressOnlyInternetGateway: "egress-only gateway",
    vpcEndpoint: "endpoint",
    routeTarget: "route target",
    securityGroupEgress: "SG egress",
    securityGroupIngress: "SG ingress",
    networkAcl: "network ACL",
};

export function reachabilityTable(cells: readonly Reachability[]): ReachabilityTable {
    const columns = new Map<string, Destination>();
    const ordered = [...cells].sort((a, b) => columnOrder(a.destination) - columnOrder(b.destination) || columnTitle(a.destination).localeCompare(columnTitle(b.destination)));
    for (const cell of ordered) {
        columns.set(destinationKey(cell.destination), cell.destination);
    }
    const byFunction = new Map<string, Map<string, Reachability>>();
    for (const cell of cells) {
        const row = byFunction.get(cell.function) ?? new Map<string, Reachability>();
        row.set(destinationKey(cell.destination), cell);
        byFunction.set(cell.function, row);
    }
    const keys = [...columns.keys()];
    const shared = new Map<string, { functions: string[]; cells: string[] }>();
    for (const [fn, row] of byFunction) {
        const marks = keys.map((key) => mark(row.get(key)));
        const signature = marks.join("|");
        const entry = shared.get(signature) ?? { functions: [], cells: marks };
        entry.functions.push(fn);
        shared.set(signature, entry);
    }
    const blocked = new Map<string, { functions: string[]; text: string }>();
    for (const cell of cells.filter((c) => c.verdict === "blocked")) {
        const text = `${describeDestination(cell.destination)}: ${cell.blockedAt!.says}${cell.fix ? ` Fix: ${cell.fix}` : ""}`;
        const entry = blocked.get(text) ?? { functions: [], text };
        entry.functions.push(cell.function);
        blocked.set(text, entry);
    }
    const decided = new Map<string, { functions: string[]; text: string }>();
    for (const cell of cells.filter((c) => c.endpointPolicy !== undefined)) {
        const hop = cell.path.find((h) => h.endpointPolicy !== undefined && h.resource === cell.endpointPolicy!.endpoint);
        const text = `${describeDestination(cell.destination)}: ${hop?.says ?? `the policy of endpoint ${cell.endpointPolicy!.endpoint} decides which calls succeed.`}`;
        const entry = decided.get(text) ?? { functions: [], text };
        entry.functions.push(cell.function);
        decided.set(text, entry);
    }
    return {
        header: ["function", ...[...columns.values()].map(columnTitle)],
        rows: [...shared.values()].map(({ functions, cells: marks }) => [names(functions), ...marks]),
        blocked: [...blocked.values()].map(({ functions, text }) => `❌ ${text} (${names(functions)})`),
        decidedByPolicy: [...decided.values()].map(({ functions, text }) => `🔐 ${text} (${names(functions)})`),
    };
}

function mark(cell: Reachability | undefined): string {
    if (!cell) {
        return "";
    }
    if (cell.verdict === "reachable" && cell.endpointPolicy) {
        return POLICY_MARKS[cell.endpointPolicy.reading];
    }
    return cell.verdict === "reachable" ? "✅" : cell.verdict === "unknown" ? "?" : `❌ ${HOP_TITLES[cell.blockedAt!.hop]}`;
}

function columnTitle(destination: Destination): string {
    return destination.kind === "internet" ? `internet IPv${destination.ipVersion}` : describeDestination(destination);
}

/** The internet first, then services, then security groups: the order of the model's rows. */
function columnOrder(destination: Destination): number {
    return destination.kind === "internet" ? destination.ipVersion : destination.kind === "service" ? 10 : 20;
}

function names(functions: string[]): string {
    return functions.length <= NAMES_SHOWN + 1 ? functions.join(", ") : `${functions.slice(0, NAMES_SHOWN).join(", ")} and ${functions.length - NAMES_SHOWN} more`;
}
