import { AWS_RESOURCE_TYPES } from "../aws/resource-types";
import { isUnknown, knownText, Unknown, UNKNOWN } from "./known-values";
import { NetworkResource, value } from "./network-resource";
import type { ResourceIndex } from "./resource-index";

/** Where a flow log delivers: `cloud-watch-logs` (the provider's default), `s3`, `kinesis-data-firehose`; `UNKNOWN` until known. */
export function flowLogDestinationType(flowLog: NetworkResource): string | Unknown {
    const given = value(flowLog, "logDestinationType");
    return isUnknown(given) ? UNKNOWN : (knownText(given) ?? "cloud-watch-logs");
}

/** Where flow logs go, per flow log, for the cost estimate: one not known yet is taken to use the provider's default. */
export function flowLogDestinationsOf(index: ResourceIndex): { name: string; destinationType: string }[] {
    return index.ofType(AWS_RESOURCE_TYPES.flowLog).map((r) => {
        const destinationType = flowLogDestinationType(r);
        return { name: r.name, destinationType: isUnknown(destinationType) ? "cloud-watch-logs" : destinationType };
    });
}
