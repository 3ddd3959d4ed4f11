import { isDeepStrictEqual } from "util";
import type { RecordedResource } from "../../../../sdk/offline-engine/mock-stack";
import { REPLACE_ON_CHANGE, ruleSourceKind, subnetIpv6Replacement, UNIQUE_WHILE_BOTH_EXIST, vpcIpv6Refusal } from "../../../../e2e/aws-standin/replace-on-change";

/** What `pulumi up` would do to the resources of one configuration to reach the next. */
export interface Changes {
    /** `type::name` of resources only the new configuration has. */
    created: string[];
    /** `type::name` of resources only the old configuration has. */
    deleted: string[];
    /** Resources kept by name whose replacement the provider would force, and why. */
    replaced: { resource: string; because: string }[];
    /**
     * Replacements AWS would refuse: the new resource, created while the old one still exists,
     * asks for a value AWS keeps unique (a subnet's CIDR block), and the resource is not
     * registered with `deleteBeforeReplace`.
     */
    collisions: { resource: string; because: string }[];
    /** In-place updates AWS would refuse, and why. */
    refused: { resource: string; because: string }[];
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

    const replacedResources = kept.filter((r) => replaced.has(r.urn));
    return {
        created: [...next.keys()].filter((k) => !old.has(k)),
        deleted: [...old.keys()].filter((k) => !next.has(k)),
        replaced: replacedResources.map((r) => ({ resource: key(r), because: replaced.get(r.urn)! })),
        collisions: replacedResources.flatMap((r) => {
            const because = collision(old.get(key(r))!, r, replaced);
            return because ? [{ resource: key(r), because }] : [];
        }),
        refused: kept
            .filter((r) => !replaced.has(r.urn) && r.type === "aws:ec2/vpc:Vpc")
            .flatMap((vpc) => {
                const before = old.get(key(vpc))!;
                const subnetsHoldingIpv6 = before.id === undefined ? 0 : [...old.values()].filter((s) => s.type === "aws:ec2/subnet:Subnet" && s.inputs.vpcId === before.id && typeof s.inputs.ipv6CidrBlock === "string").length;
                const because = vpcIpv6Refusal(before.inputs, vpc.inputs, subnetsHoldingIpv6);
                return because ? [{ resource: key(vpc), because }] : [];
            }),
    };
}

/**
 * Why creating the replacement before deleting the old resource fails, if it does: the same
 * unique value in the same scope (a scope that is itself replaced is a new one), and no
 * `deleteBeforeReplace` on the new registration.
 */
function collision(before: RecordedResource, after: RecordedResource, replaced: ReadonlyMap<string, string>): string | undefined {
    const rule = UNIQUE_WHILE_BOTH_EXIST[after.type];
    if (!rule || after.deleteBeforeReplace) {
        return undefined;
    }
    const scopeReplaced = (after.propertyDependencies[rule.scope] ?? []).some((urn) => replaced.has(urn));
    const same = [rule.scope, ...rule.value].every((input) => isDeepStrictEqual(before.inputs[input], after.inputs[input]));
    return !scopeReplaced && same ? `its replacement asks for the same ${rule.value.join(" and ")} in the same ${rule.scope} while the old one exists: ${rule.why}` : undefined;
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
