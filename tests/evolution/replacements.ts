import { isDeepStrictEqual } from "util";
import type { RecordedResource } from "../../sdk/testing/mock-stack";
import { REPLACE_ON_CHANGE, ruleSourceKind, subnetIpv6Replacement } from "./replace-on-change";

/** What `pulumi up` would do to the resources of one configuration to reach the next. */
export interface Changes {
    /** `type::name` of resources only the new configuration has. */
    created: string[];
    /** `type::name` of resources only the old configuration has. */
    deleted: string[];
    /** Resources kept by name whose replacement the provider would force, and why. */
    replaced: { resource: string; because: string }[];
}

const key = (r: RecordedResource) => `${r.type}::${r.name}`;

/**
 * Compares two recordings of the same program under mocks as the engine's diff would: a
 * resource with the same type and name is the same resource, and it is replaced when an input
 * the provider cannot change in place differs, or comes from a resource that is itself
 * replaced (whose new id is unknown until it exists). Mocked ids are derived from type and
 * name, so an id compares equal exactly when the resource it names is kept.
 */
export function changesBetween(before: RecordedResource[], after: RecordedResource[]): Changes {
    const old = new Map(before.filter((r) => r.custom).map((r) => [key(r), r]));
    const next = new Map(after.filter((r) => r.custom).map((r) => [key(r), r]));
    const kept = [...next.values()].filter((r) => old.has(key(r)));
    const replaced = new Map<string, string>();

    for (const resource of kept) {
        const because = changedReplaceOnChangeInput(old.get(key(resource))!, resource);
        if (because) {
            replaced.set(resource.urn, `${key(resource)}: ${because}`);
        }
    }
    // A replaced resource gets a new id; whatever takes that id in a replace-on-change input is
    // replaced in turn (a new VPC means new subnets), until nothing more changes.
    let grew = true;
    while (grew) {
        grew = false;
        for (const resource of kept) {
            if (replaced.has(resource.urn)) {
                continue;
            }
            for (const input of replaceOnChange(resource.type)) {
                const source = (resource.propertyDependencies[input] ?? []).find((urn) => replaced.has(urn));
                if (source) {
                    replaced.set(resource.urn, `${key(resource)}: ${input} comes from a replaced resource (${replaced.get(source)})`);
                    grew = true;
                    break;
                }
            }
        }
    }

    return {
        created: [...next.keys()].filter((k) => !old.has(k)),
        deleted: [...old.keys()].filter((k) => !next.has(k)),
        replaced: kept.filter((r) => replaced.has(r.urn)).map((r) => ({ resource: key(r), because: replaced.get(r.urn)! })),
    };
}

function replaceOnChange(type: string): readonly string[] {
    const entry = REPLACE_ON_CHANGE[type];
    if (!entry) {
        // A type with no entry would escape the check in silence: say which one to add.
        throw new Error(`${type} has no entry in REPLACE_ON_CHANGE; add its replace-on-change inputs from the provider's schema`);
    }
    return entry.inputs;
}

function changedReplaceOnChangeInput(before: RecordedResource, after: RecordedResource): string | undefined {
    for (const input of replaceOnChange(after.type)) {
        if (!isDeepStrictEqual(before.inputs[input], after.inputs[input])) {
            return `${input} changes from ${JSON.stringify(before.inputs[input])} to ${JSON.stringify(after.inputs[input])}`;
        }
    }
    if (after.type === "aws:ec2/subnet:Subnet") {
        const because = subnetIpv6Replacement(before.inputs, after.inputs);
        if (because) {
            return because;
        }
    }
    if (after.type.startsWith("aws:vpc/securityGroup") && ruleSourceKind(before.inputs) !== ruleSourceKind(after.inputs)) {
        return `its peer changes from a ${ruleSourceKind(before.inputs)} to a ${ruleSourceKind(after.inputs)}`;
    }
    return undefined;
}
