// What a prefix list in a security group rule stands for: the addresses of an AWS service (the
// list a gateway endpoint exposes as `prefixListId`), the entries of a managed prefix list of the
// stack, or, for a list the stack does not show, addresses that cannot be read here.
import { isUnknown } from "../network/known-values";
import { AWS_RESOURCE_TYPES } from "../aws/resource-types";
import { NetworkGraph, value } from "../network/network-graph";
import { AddressBlock, parseBlock } from "./address-blocks";

export type PrefixListContents = { kind: "service"; service: string } | { kind: "blocks"; blocks: AddressBlock[] } | { kind: "unknown" };

export function prefixListContents(graph: NetworkGraph, id: string): PrefixListContents {
    return graph.memo(`prefixList:${id}`, () => {
        const resource = graph.resource(id);
        if (resource?.type === AWS_RESOURCE_TYPES.vpcEndpoint) {
            const endpoint = graph.endpoints.find((e) => e.id === id);
            return endpoint ? { kind: "service", service: endpoint.service } : { kind: "unknown" };
        }
        if (resource?.type === AWS_RESOURCE_TYPES.managedPrefixList) {
            const entries = value(resource, "entries");
            if (!Array.isArray(entries)) {
                return isUnknown(entries) ? { kind: "unknown" } : { kind: "blocks", blocks: [] };
            }
            const blocks = entries.map((entry) => (typeof entry?.cidr === "string" ? parseBlock(entry.cidr) : undefined));
            return blocks.every((b): b is AddressBlock => b !== undefined) ? { kind: "blocks", blocks } : { kind: "unknown" };
        }
        const endpoint = graph.endpoints.find((e) => graph.resource(e.id)?.outputs?.prefixListId === id);
        return endpoint ? { kind: "service", service: endpoint.service } : { kind: "unknown" };
    });
}
