// A stack in a few lines a person can read: one line per resource, its type's short name, its
// name and its inputs without the VPC id every resource repeats. What fast-check prints for a
// shrunk network that the model and the oracle disagree on.
import type { NetworkResource } from "../../../../sdk/network/network-resource";

export function summarize(resources: readonly NetworkResource[]): string {
    return resources.map((r) => `  ${r.type.split(":").pop()} ${r.name} ${compact(withoutVpcId(r.inputs))}${r.outputs ? ` -> ${compact(r.outputs)}` : ""}`).join("\n");
}

function withoutVpcId(inputs: Record<string, unknown>): Record<string, unknown> {
    const { vpcId: _vpcId, ...rest } = inputs;
    return rest;
}

/** JSON without the quotes around keys and plain words. */
function compact(value: unknown): string {
    return JSON.stringify(value).replace(/"([A-Za-z_][\w-]*)":/g, "$1:").replace(/"([\w.:/-]+)"/g, "$1");
}
