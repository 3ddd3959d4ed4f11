import { renderTree } from "../render-tree";
import type { PlannedStack } from "../run-program";
import type { CapacityReport } from "./capacity";
import type { Reachability } from "../../sdk/reachability/types";
import type { CostReport } from "./cost";
import type { EndpointZones } from "./endpoint-zones";
import { formatPercent, formatRate, formatUsd } from "./format";
import { POLICY_LEGEND, reachabilityTable } from "./reachability-matrix";
import type { ReviewReport } from "./review-report";
import { endpointZonesLine } from "./text-sections";

/**
 * The policy pack's verdicts, as much of them as the report shows (the shape of the policy
 * runner's result: pass it as it is). Without them, the report has no policy section.
 */
export interface PolicyVerdictsForReport {
    /** The policy pack's name, for the section's title. */
    pack?: string;
    violations: { policy: string; level: string; message: string; /** The URN of the resource in violation; absent for the stack as a whole. */ resource?: string }[];
}

/**
 * GitHub refuses a comment longer than 65,536 characters; the report keeps to less, leaving room
 * for what a workflow puts above it (examples/github-actions adds a marker and a heading line).
 */
export const MARKDOWN_REPORT_LIMIT = 64_000;

/**
 * The most the reachability section takes of the comment. Functions whose rows are alike share
 * one, but functions that each have a security group of their own do not: a thousand of them
 * make a thousand rows of a thousand columns (3.3 million characters). Past this, the section
 * shows the functions with a blocked or unknown destination first, as many as fit, and says how
 * many it leaves out; beside the diagram's 30,000 this leaves a third of the comment to the rest.
 */
export const REACHABILITY_SECTION_LIMIT = 12_000;

/**
 * A pull-request comment: a one-line summary, the network as a `mermaid` block (GitHub draws
 * it), the reachability matrix, the cost and capacity tables, the policy verdicts when there are
 * any, and the resource tree folded away. Only the resource tree is cut to keep within `limit`,
 * with a note: the diagram and the matrix (each already kept within its own limit, the matrix
 * with a note) and the policy verdicts are always whole.
 */
export function renderMarkdownReport(planned: PlannedStack, review: ReviewReport, policy?: PolicyVerdictsForReport, limit = MARKDOWN_REPORT_LIMIT): string {
    const { project, region, resources } = planned;
    const sections = [
        `## Offline plan of \`${project.name}\` (stack \`${project.stack}\`, ${region})`,
        summaryLine(planned, review, policy),
        "> Planned against mocked AWS: no credentials were used and nothing was deployed.",
        "### Network",
        "```mermaid\n" + review.diagram.trimEnd() + "\n```",
        "Solid arrows are routes; thick arrows are what the functions' security groups allow; a dotted arrow is allowed on one side only; a crossed arrow cannot be reached in this design.",
        "### Reachability",
        reachabilitySection(review.reachability),
        "### Monthly cost",
        costSection(review.cost),
        "### Capacity",
        capacitySection(review.capacity),
        ...(review.endpointZones.length > 0 ? ["### Interface endpoints by zone", endpointZonesSection(review.endpointZones)] : []),
        ...(planned.warnings.length > 0 ? ["### Warnings", planned.warnings.map((w) => `- ${w}`).join("\n")] : []),
        ...(policy ? [`### Policy${policy.pack ? ` pack \`${policy.pack}\`` : ""}`, policySection(policy)] : []),
    ];
    const tree = renderTree(resources).split("\n");
    const report = (listed: number) => `${[...sections, resourceList(resources.length, tree, listed, limit)].join("\n\n")}\n`;
    // Listing fewer lines never lengthens the report.
    return report(mostThatFit(tree.length, (listed) => report(listed).length <= limit));
}

/**
 * The largest n from 0 to `count` for which `fits(n)`, when showing fewer never takes more room
 * (so `fits` holds up to some n and not past it); 0 when nothing fits.
 */
function mostThatFit(count: number, fits: (n: number) => boolean): number {
    if (fits(count)) {
        return count;
    }
    let low = 0;
    let high = count - 1;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (fits(mid)) {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    return low;
}

/** The folded resource tree, its first `listed` lines, and a note of those left out. */
function resourceList(count: number, tree: string[], listed: number, limit: number): string {
    const rest = tree.length - listed;
    const note = rest > 0 ? `\n${rest} more not listed here, to keep this comment within ${limit.toLocaleString("en-US")} characters (GitHub's limit is 65,536): \`vpc-lambda plan\` lists them all.\n` : "";
    const block = listed > 0 ? `\`\`\`\n${tree.slice(0, listed).join("\n")}\n\`\`\`\n` : "";
    return `<details><summary>Resources to create (${count})</summary>\n\n${block}${note}\n</details>`;
}

function summaryLine(planned: PlannedStack, review: ReviewReport, policy: PolicyVerdictsForReport | undefined): string {
    const { cost, capacity } = review;
    const parts = [`**${planned.resources.length} resources** to create`];
    parts.push(cost.monthlyUsd === null ? `fixed network cost unknown in ${cost.region}` : `fixed network cost **${formatUsd(cost.monthlyUsd)} a month**`);
    const tightest = capacity.subnets.filter((s) => s.headroom !== undefined).sort((a, b) => a.headroom! - b.headroom!)[0];
    if (tightest) {
        parts.push(`tightest Lambda subnet ${formatPercent(tightest.headroom!)} free`);
    }
    if (capacity.warnings.length > 0) {
        parts.push(`**${capacity.warnings.length} capacity warning${capacity.warnings.length === 1 ? "" : "s"}**`);
    }
    if (policy) {
        const mandatory = policy.violations.filter((v) => v.level === "mandatory").length;
        parts.push(mandatory === 0 ? `policies: no mandatory violation` : `**policies: ${mandatory} mandatory violation${mandatory === 1 ? "" : "s"}**`);
    }
    return parts.join(" · ");
}

function costSection(cost: CostReport): string {
    const blocks: string[] = [];
    if (cost.lines.length === 0) {
        blocks.push("Nothing in this network is billed by the hour.");
    } else {
        const rows = cost.lines.map((l) => [l.item, l.resources.join(", "), `${l.quantity.toLocaleString("en-US")} ${l.unit}`, l.unitPriceUsd === null ? "unknown" : formatRate(l.unitPriceUsd), l.monthlyUsd === null ? "unknown" : formatUsd(l.monthlyUsd)]);
        rows.push(["**fixed total**", "", "", "", cost.monthlyUsd === null ? "**unknown**" : `**${formatUsd(cost.monthlyUsd)}**`]);
        blocks.push(table(["item", "resources", "quantity", "unit price", "per month"], rows, ["---", "---", "---:", "---:", "---:"]));
    }
    if (cost.rates.length > 0) {
        const rows = cost.rates.map((r) => [
            r.item,
            r.usdPerGb === null ? "unknown" : `${formatRate(r.usdPerGb)}/GB`,
            r.appliesTo,
            r.estimate ? `${r.estimate.gb.toLocaleString("en-US")} GB: ${r.estimate.monthlyUsd === null ? "unknown" : formatUsd(r.estimate.monthlyUsd)} (${r.estimate.assumption})` : "",
        ]);
        blocks.push(`Per-GB charges, on top of the fixed cost${cost.rates.some((r) => r.estimate) ? "" : " (estimate them with `--traffic-gb N`)"}:\n\n${table(["charge", "rate", "applies to", "estimate"], rows)}`);
    }
    if (cost.estimatedMonthlyUsdWithTraffic !== undefined) {
        blocks.push(`With the given traffic: **${cost.estimatedMonthlyUsdWithTraffic === null ? "unknown" : formatUsd(cost.estimatedMonthlyUsdWithTraffic)} a month**.`);
    }
    if (cost.alternatives.length > 0) {
        const rows = cost.alternatives.map((a) => [a.name, a.monthlyUsd === null ? "unknown" : formatUsd(a.monthlyUsd), a.savingUsd === null ? "unknown" : formatUsd(a.savingUsd), a.reaches, a.givesUp]);
        blocks.push(`Cheaper designs:\n\n${table(["design", "fixed per month", "saves", "still reaches", "gives up"], rows)}`);
    }
    const lineNotes = cost.lines.filter((l) => l.note).map((l) => `${l.item} (${l.resources.join(", ")}): ${l.note}`);
    blocks.push([...lineNotes, ...cost.notes].map((n) => `<sub>${n}</sub>`).join("<br/>"));
    return blocks.join("\n\n");
}

function capacitySection(capacity: CapacityReport): string {
    if (capacity.subnets.length === 0) {
        return "No Lambda subnets in this stack.";
    }
    const rows = capacity.subnets.map((s) => [
        s.name,
        s.zone ?? "",
        s.cidrBlock ?? "not in this stack",
        s.usable === undefined ? "unknown" : String(s.usable),
        String(s.interfaceEndpointAddresses),
        String(s.natGatewayAddresses),
        String(s.hyperplaneEnis),
        s.free === undefined ? "unknown" : String(s.free),
        s.headroom === undefined ? "unknown" : `${formatPercent(s.headroom)}${s.warnings.length > 0 ? " ⚠️" : ""}`,
    ]);
    const blocks = [
        table(["Lambda subnet", "zone", "CIDR", "usable", "interface endpoints", "NAT gateways", "Hyperplane ENIs", "free", "headroom"], rows, ["---", "---", "---", "---:", "---:", "---:", "---:", "---:", "---:"]),
        "<sub>Usable: the block less the 5 addresses AWS reserves. Lambda makes one Hyperplane ENI (one address) per unique subnet and security-group set, shared by the functions that have that pair; each carries up to 65,000 connections before Lambda adds another. They do not grow with concurrency.</sub>",
        ...capacity.vpcs.map((v) => `Lambda ENIs in \`${v.vpcName}\`: ${v.hyperplaneEnis} of the ${v.quota} per VPC quota.`),
        ...(capacity.notes ?? []).map((n) => `<sub>${n}</sub>`),
        ...capacity.warnings.map((w) => `> ⚠️ ${w}`),
    ];
    return blocks.join("\n\n");
}

function endpointZonesSection(endpoints: EndpointZones[]): string {
    return table(
        ["endpoint", "service", "zones"],
        endpoints.map((e) => [e.endpoint, e.service, endpointZonesLine(e)]),
    );
}

/**
 * Functions x destinations, then each blocking hop once with its fix; past `limit` characters,
 * the functions with a blocked destination, then those with an unknown one, then the rest, as
 * many as fit, and a note of those left out.
 */
export function reachabilitySection(cells: readonly Reachability[], limit = REACHABILITY_SECTION_LIMIT): string {
    if (cells.length === 0) {
        return "No Lambda function in a VPC in this stack.";
    }
    const byFunction = new Map<string, Reachability[]>();
    for (const c of cells) {
        byFunction.set(c.function, [...(byFunction.get(c.function) ?? []), c]);
    }
    const severity = (row: Reachability[]) => (row.some((c) => c.verdict === "blocked") ? 0 : row.some((c) => c.verdict === "unknown") ? 1 : 2);
    const functions = [...byFunction.values()].map((row, order) => ({ row, order })).sort((a, b) => severity(a.row) - severity(b.row) || a.order - b.order);
    const section = (shown: number) => {
        const { header, rows, blocked, decidedByPolicy } = reachabilityTable(functions.slice(0, shown).flatMap((f) => f.row));
        const left = functions.length - shown;
        const policyLegend = decidedByPolicy.length > 0 ? ` · ${POLICY_LEGEND}` : "";
        return [
            ...(shown > 0 ? [table(header, rows)] : []),
            `<sub>✅ reachable · ❌ blocked, at the hop named · ? not known until deployed${policyLegend}. The internet and AWS services are judged on TCP 443; a security group on its rule's port.</sub>`,
            ...(blocked.length > 0 ? [blocked.map((b) => `- ${b}`).join("\n")] : []),
            ...(decidedByPolicy.length > 0 ? [decidedByPolicy.map((d) => `- ${d}`).join("\n")] : []),
            ...(left > 0
                ? [
                      `${left} more function${left === 1 ? "" : "s"} not shown here (those with a blocked, then an unknown destination come first), to keep this comment within ${MARKDOWN_REPORT_LIMIT.toLocaleString("en-US")} characters: \`vpc-lambda plan\` shows the whole matrix, and \`--format json\` every cell with its path.`,
                  ]
                : []),
        ].join("\n\n");
    };
    // Showing fewer functions never lengthens the section (their columns go with them).
    return section(mostThatFit(functions.length, (shown) => section(shown).length <= limit));
}

function policySection(policy: PolicyVerdictsForReport): string {
    if (policy.violations.length === 0) {
        return "Every policy passes.";
    }
    // Mandatory violations first: they are the ones that fail the check.
    const ordered = [...policy.violations].sort((a, b) => Number(b.level === "mandatory") - Number(a.level === "mandatory"));
    return table(
        ["level", "policy", "resource", "violation"],
        ordered.map((v) => [v.level, `\`${v.policy}\``, v.resource ? `\`${v.resource.split("::").pop()}\`` : "the stack", v.message]),
    );
}

function table(header: string[], rows: string[][], align: string[] = header.map(() => "---")): string {
    const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
    return [line(header), `| ${align.join(" | ")} |`, ...rows.map(line)].join("\n");
}

// A table cell holds one line and no unescaped pipe.
function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
