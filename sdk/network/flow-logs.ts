import { AWS_RESOURCE_TYPES } from "../aws/resource-types";
import { knownText } from "./known-values";
import { value } from "./network-resource";
import type { ResourceIndex } from "./resource-index";

/** Where flow logs go, per flow log: `cloud-watch-logs` (the provider's default), `s3`, `kinesis-data-firehose`. */
export function flowLogDestinationsOf(index: ResourceIndex): { name: string; destinationType: string }[] {
    return index.ofType(AWS_RESOURCE_TYPES.flowLog).map((r) => ({ name: r.name, destinationType: knownText(value(r, "logDestinationType")) ?? "cloud-watch-logs" }));
}
