import type { PolicyResource } from "@pulumi/policy";
import { NetworkGraph } from "../sdk/network/network-graph";
import type { NetworkResource } from "../sdk/network/network-resource";
import { knownString } from "./known-values";
import { StackIndex } from "./stack-index";

/**
 * The policy engine's resources as the network graph reads them (sdk/network/network-resource.ts):
 * their props, as plain data with unknowns marked, serve as inputs; relations are by URN. The
 * offline plan reads its recorded stack into the same graph, so that the reports and the
 * policies judge reachability with one model.
 */
export function networkResourcesOf(index: StackIndex): NetworkResource[] {
    return index.resources.map((r) => ({
        urn: r.urn,
        type: r.type,
        name: r.name,
        // Bridged providers report the id among the outputs; unknown for a new resource in a preview.
        ...(knownString(r.props.id) !== undefined ? { id: knownString(r.props.id) } : {}),
        inputs: r.props,
        propertyDependencies: r.propertyDependencies,
    }));
}

const GRAPHS = new WeakMap<readonly PolicyResource[], NetworkGraph>();

/**
 * The stack's network graph. When the engine's array is frozen (the offline plan's runner
 * freezes the one it hands every policy), the graph built for one policy, with every path it has
 * computed, serves the next.
 */
export function networkGraphOf(resources: readonly PolicyResource[]): NetworkGraph {
    const known = GRAPHS.get(resources);
    if (known) {
        return known;
    }
    const graph = new NetworkGraph(networkResourcesOf(new StackIndex(resources)));
    if (Object.isFrozen(resources)) {
        GRAPHS.set(resources, graph);
    }
    return graph;
}
