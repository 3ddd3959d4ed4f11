import { AWS_PRICES } from "../../sdk/aws/prices";
import type { CapacityReport } from "./capacity";
import type { Reachability } from "../../sdk/reachability/types";
import type { CostReport } from "./cost";
import type { EndpointZones } from "./endpoint-zones";
import { POLICY_LEGEND, reachabilityTable } from "./reachability-matrix";
import { formatPercent, formatRate, formatUsd } from "./format";

/** The short cost section of the text report. */
export function renderCostText(cost: CostReport): string {
    const head = cost.monthlyUsd === null
        ? `Monthly cost: unknown in ${cost.region} (the price table of ${cost.priceTableDate} covers ${Object.keys(AWS_PRICES.regions).join(", ")} only).`
        : `Monthly cost: ${formatUsd(cost.monthlyUsd)} fixed (${cost.region} list prices of ${cost.priceTableDate}).`;
    const lines = cost.lines.flatMap((l) => [
        `  ${l.item.padEnd(30)}${String(l.quantity).padStart(8)} ${l.unit.padEnd(20)}${l.monthlyUsd === null ? "unknown" : formatUsd(l.monthlyUsd)}`,
        ...(l.note ? [`    (${l.resources.join(", ")}) ${l.note}`] : []),
    ]);
    const rates = cost.rates.map((r) => `  + ${r.item}: ${r.usdPerGb === null ? "rate unknown" : `${formatRate(r.usdPerGb)}/GB`}${r.estimate ? `, ${r.estimate.gb} GB ~ ${r.estimate.monthlyUsd === null ? "unknown" : formatUsd(r.estimate.monthlyUsd)}` : ""}`);
    const total = cost.estimatedMonthlyUsdWithTraffic !== undefined && cost.estimatedMonthlyUsdWithTraffic !== null ? [`  = ${formatUsd(cost.estimatedMonthlyUsdWithTraffic)} a month with the given traffic`] : [];
    const alternatives = cost.alternatives.map((a) => `  cheaper: ${a.name.replace(/`/g, "")}: ${a.monthlyUsd === null ? "unknown" : formatUsd(a.monthlyUsd)}; gives up ${a.givesUp}`);
    const ipv6 = cost.notes.filter((n) => n.startsWith("IPv6: ")).map((n) => `  ${n}`);
    return [head, ...lines, ...rates, ...total, ...ipv6, ...alternatives].join("\n");
}

/** The short capacity section of the text report. */
export function renderCapacityText(capacity: CapacityReport): string {
    if (capacity.subnets.length === 0) {
        return "Capacity: no Lambda subnets in this stack.";
    }
    const rows = capacity.subnets.map((s) => {
        const size = s.usable === undefined ? "size unknown (not created by this stack)" : `${s.usable} usable, ${s.free} free (${formatPercent(s.headroom!)})`;
        const where = [s.cidrBlock, s.zone].filter(Boolean).join(" ");
        return `  ${s.name}${where ? ` ${where}` : ""}: ${size}; Hyperplane ENIs ${s.hyperplaneEnis}, interface endpoint addresses ${s.interfaceEndpointAddresses}, NAT gateway addresses ${s.natGatewayAddresses}`;
    });
    const vpcs = capacity.vpcs.map((v) => `  Lambda ENIs in ${v.vpcName}: ${v.hyperplaneEnis} of the ${v.quota} per VPC quota`);
    return ["Capacity (per Lambda subnet):", ...rows, ...vpcs, ...(capacity.notes ?? []).map((n) => `  ${n}`), ...capacity.warnings.map((w) => `  WARNING: ${w}`)].join("\n");
}

/** Each interface endpoint's zones, and the Lambda zones that reach it across zones; empty without interface endpoints. */
export function renderEndpointZonesText(endpoints: EndpointZones[]): string {
    if (endpoints.length === 0) {
        return "";
    }
    const rows = endpoints.map((e) => `  ${e.endpoint} (${e.service}): ${endpointZonesLine(e)}`);
    return ["Interface endpoints by zone:", ...rows].join("\n");
}

/** `us-east-1a, us-east-1b; not in us-east-1c, whose functions reach it across zones`. */
export function endpointZonesLine(e: EndpointZones): string {
    const placed = e.zones.length > 0 ? e.zones.join(", ") : "no zone known";
    const unknown = e.zonesUnknown ? " (subnets not created by this stack: zones unknown here)" : "";
    const without = e.lambdaZonesWithout.length > 0 ? `; not in ${e.lambdaZonesWithout.join(", ")}, whose functions reach it across zones (the service is not offered there)` : "";
    return `${placed}${unknown}${without}`;
}

/** The warnings the program logged, as `pulumi preview` prints them; empty when there are none. */
export function renderWarningsText(warnings: readonly string[]): string {
    return warnings.length === 0 ? "" : ["Warnings (as pulumi preview prints them):", ...warnings.map((w) => `  ${w}`)].join("\n");
}

/** The reachability matrix of the text report: functions x destinations, then each blocking hop with its fix. */
export function renderReachabilityText(cells: readonly Reachability[]): string {
    if (cells.length === 0) {
        return "Reachability: no Lambda function in a VPC in this stack.";
    }
    const { header, rows, blocked, decidedByPolicy } = reachabilityTable(cells);
    const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i]))));
    const line = (cells: string[]) => `  ${cells.map((c, i) => c + " ".repeat(widths[i] - displayWidth(c))).join("  ").trimEnd()}`;
    const legend = `✅ reachable, ❌ blocked at the hop named, ? not known until deployed${decidedByPolicy.length > 0 ? `; ${POLICY_LEGEND}` : ""}`;
    return [`Reachability (${legend}):`, line(header), ...rows.map(line), ...blocked.map((b) => `  ${b}`), ...decidedByPolicy.map((d) => `  ${d}`)].join("\n");
}

/** Columns a string takes in a terminal: the check and cross marks take two. */
function displayWidth(text: string): number {
    return [...text].reduce((width, char) => width + (char === "✅" || char === "❌" ? 2 : 1), 0);
}
