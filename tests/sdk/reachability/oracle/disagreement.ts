// How a disagreement between the model and the oracle reads when fast-check reports it: the
// cell, both verdicts with their reasons, the model's path hop by hop, and the shrunk network.
import type { NetworkResource } from "../../../../sdk/network/network-resource";
import { describeDestination, Reachability } from "../../../../sdk/reachability/types";
import type { OracleVerdict } from "./oracle-verdict";
import { summarize } from "./network-summary";

export function disagreement(cell: Reachability, oracle: OracleVerdict, resources: readonly NetworkResource[]): string {
    return [
        `${cell.function} -> ${describeDestination(cell.destination)}: the model says ${cell.verdict}, the oracle ${oracle.verdict}.`,
        `  oracle: ${oracle.why}`,
        `  model:  ${cell.path.map((hop) => `${hop.hop} ${hop.status}${hop.resource ? ` (${hop.resource})` : ""}`).join(" > ")}`,
        ...(cell.blockedAt ? [`  model blocked at: ${cell.blockedAt.says}`] : []),
        `  network:`,
        summarize(resources),
    ].join("\n");
}
