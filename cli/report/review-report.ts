import { reachabilityMatrix } from "../../sdk/reachability/model";
import { NetworkGraph } from "../../sdk/network/network-graph";
import type { Reachability } from "../../sdk/reachability/types";
import type { PlannedStack } from "../run-program";
import { assessCapacity, CapacityReport } from "./capacity";
import { CostReport, estimateCost } from "./cost";
import { renderNetworkDiagram } from "./diagram";
import { assessEndpointZones, EndpointZones } from "./endpoint-zones";

/** What a reviewer of a network change reads besides the resource list. */
export interface ReviewReport {
    /** The Mermaid `flowchart` text of the planned network. */
    diagram: string;
    cost: CostReport;
    capacity: CapacityReport;
    /** The zones each interface endpoint is in, and the Lambda zones it is not. */
    endpointZones: EndpointZones[];
    /** Per function and destination: reachable, blocked (at which hop, and the fix) or unknown. */
    reachability: Reachability[];
}

export interface ReviewOptions {
    /** GB a month through the network's billed path, to estimate the per-GB charges. */
    trafficGb?: number;
}

/** The diagram, cost, capacity and reachability of a planned stack, all read from the same resource graph. */
export function buildReviewReport(planned: PlannedStack, options: ReviewOptions = {}): ReviewReport {
    const graph = new NetworkGraph(planned.resources);
    const reachability = reachabilityMatrix(graph);
    return {
        diagram: renderNetworkDiagram(graph, { reachability }),
        cost: estimateCost(graph, planned.region, options),
        capacity: assessCapacity(graph),
        endpointZones: assessEndpointZones(graph),
        reachability,
    };
}
