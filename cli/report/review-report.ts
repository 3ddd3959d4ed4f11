import type { PlannedStack } from "../run-program";
import { assessCapacity, CapacityReport } from "./capacity";
import { CostReport, estimateCost } from "./cost";
import { renderNetworkDiagram } from "./diagram";
import { NetworkGraph } from "../../sdk/stack/network-graph";

/** What a reviewer of a network change reads besides the resource list. */
export interface ReviewReport {
    /** The Mermaid `flowchart` text of the planned network. */
    diagram: string;
    cost: CostReport;
    capacity: CapacityReport;
}

export interface ReviewOptions {
    /** GB a month through the network's billed path, to estimate the per-GB charges. */
    trafficGb?: number;
}

/** The diagram, cost and capacity of a planned stack, all read from the same resource graph. */
export function buildReviewReport(planned: PlannedStack, options: ReviewOptions = {}): ReviewReport {
    const graph = new NetworkGraph(planned.resources);
    return {
        diagram: renderNetworkDiagram(graph),
        cost: estimateCost(graph, planned.region, options),
        capacity: assessCapacity(graph),
    };
}
