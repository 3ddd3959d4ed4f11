import type { RecordedResource } from "../sdk/offline-engine/mock-stack";

/** The resources as `pulumi preview` lists them: type and name, children indented under parents. */
export function renderTree(resources: RecordedResource[]): string {
    const children = new Map<string | undefined, RecordedResource[]>();
    const known = new Set(resources.map((r) => r.urn));
    for (const resource of resources) {
        const parent = resource.parent && known.has(resource.parent) ? resource.parent : undefined;
        children.set(parent, [...(children.get(parent) ?? []), resource]);
    }
    const rows: { label: string; name: string }[] = [];
    const visit = (resource: RecordedResource, depth: number) => {
        rows.push({ label: `${"   ".repeat(depth)}${resource.type}`, name: resource.name });
        [...(children.get(resource.urn) ?? [])].sort(byTypeThenName).forEach((child) => visit(child, depth + 1));
    };
    (children.get(undefined) ?? []).forEach((root) => visit(root, 0));
    const width = Math.max(0, ...rows.map((r) => r.label.length)) + 2;
    return rows.map((r) => `+  ${r.label.padEnd(width)}${r.name}`).join("\n");
}

function byTypeThenName(a: RecordedResource, b: RecordedResource): number {
    return a.type.localeCompare(b.type) || a.name.localeCompare(b.name, undefined, { numeric: true });
}
