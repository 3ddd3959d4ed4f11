import type { PolicyResource } from "@pulumi/policy";
import { NetworkGraph } from "../sdk/network/network-graph";
import type { NetworkResource } from "../sdk/network/network-resource";
import { knownString, toPlain } from "./known-values";

/**
 * The policy engine's resources as the network model reads them (sdk/network/network-resource.ts):
 * their props, copied once as plain data with unknowns marked, serve as inputs (a stack policy
 * sees outputs during an update, inputs during a preview); relations are by URN. The offline plan
 * reads its recorded stack into the same model, so that the reports and the policies judge the
 * stack with one model.
 */
export function networkResourcesOf(stack: readonly PolicyResource[]): NetworkResource[] {
    return stack.map((r) => {
        const props = toPlain(r.props) as Record<string, unknown>;
        const id = knownString(props.id);
        return {
            urn: r.urn,
            type: r.type,
            name: r.name,
            // Bridged providers report the id among the outputs; unknown for a new resource in a preview.
            ...(id !== undefined ? { id } : {}),
            inputs: props,
            propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([key, deps]) => [key, deps.map((d) => d.urn)])),
        };
    });
}

const GRAPHS = new WeakMap<readonly PolicyResource[], NetworkGraph>();

/**
 * The stack's network model. Every stack policy asks for it with the same `args.resources`; when
 * that array is frozen (the offline plan's runner freezes the one it hands every policy), it
 * cannot change, so the model built for one policy, with every answer it has computed, serves
 * the next.
 */
export function networkGraphOf(resources: readonly PolicyResource[]): NetworkGraph {
    const known = GRAPHS.get(resources);
    if (known) {
        return known;
    }
    const graph = new NetworkGraph(networkResourcesOf(resources));
    if (Object.isFrozen(resources)) {
        GRAPHS.set(resources, graph);
    }
    return graph;
}
