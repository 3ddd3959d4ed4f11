import { AWS_LIMITS } from "../aws/limits";
import { namedResources, NamedResource, PhysicalNameKind } from "../plan/physical-names";
import type { NetworkPlan } from "../plan/types";
import { ArgumentProblem, show } from "../arguments/problems";

// Decision (issue 13, findings 1 and 2): the component's name is validated, not rewritten. Deriving
// "safe" AWS names (`orders_api` for `orders api`) would make the physical name differ from the
// Pulumi name, let two names collide after rewriting, and, by setting `name` where the provider
// auto-names today, replace the resources of every running network. A name AWS refuses never
// deployed anything, so refusing it up front costs a user nothing but picking another.

const RENAME_HINT = "a running network keeps its resources when renamed through the aliases resource option";

/**
 * Why AWS would refuse a name derived from the component's: too long, or with characters the
 * kind does not allow, with the longest name that fits. One problem per rule broken, naming the
 * resource that breaks it first; empty when every derived name is valid.
 */
export function physicalNameProblems(plan: NetworkPlan): ArgumentProblem[] {
    const name = plan.name;
    const problems: ArgumentProblem[] = [];
    const byKind = new Map<PhysicalNameKind, NamedResource[]>();
    for (const resource of namedResources(plan)) {
        byKind.set(resource.kind, [...(byKind.get(resource.kind) ?? []), resource]);
    }
    for (const [kind, resources] of byKind) {
        const rule = AWS_LIMITS.physicalNames[kind];
        const outside = [...new Set([...name].filter((c) => !new RegExp(`^[${rule.characters}]$`).test(c)))];
        if (outside.length > 0) {
            problems.push({
                field: "name",
                message:
                    `${show(name)} has ${outside.map((c) => JSON.stringify(c)).join(", ")}, which AWS does not allow in the ${rule.label} name ` +
                    `"${name}-${resources[0].key}-<7 random>" that Pulumi derives from it: ${rule.label} names take ${rule.allowed}. ` +
                    `Name the network with letters, digits, "-" and "_" only (${RENAME_HINT}).`,
            });
        }
        const longest = resources.reduce((a, b) => (b.key.length > a.key.length ? b : a));
        const maxNameLength = rule.maxLength - AWS_LIMITS.autoNameSuffixLength - longest.key.length - 1;
        if (name.length > maxNameLength) {
            const derived = name.length + 1 + longest.key.length + AWS_LIMITS.autoNameSuffixLength;
            problems.push({
                field: "name",
                message:
                    `${show(name)} is ${name.length} characters: the ${rule.label} name "${name}-${longest.key}-<7 random>" Pulumi derives from it ` +
                    `would be ${derived}, over AWS's ${rule.maxLength}. Shorten the name to ${maxNameLength} characters or fewer (${RENAME_HINT}).`,
            });
        }
    }
    return problems;
}
