import type { AWS_LIMITS } from "../aws/limits";
import type { NetworkPlan } from "./types";

/** The kinds of AWS name a planned resource gets, as `AWS_LIMITS.physicalNames` lists them. */
export type PhysicalNameKind = keyof typeof AWS_LIMITS.physicalNames;

/** A planned resource whose AWS name Pulumi derives from its Pulumi name `<component>-<key>`. */
export interface NamedResource {
    key: string;
    kind: PhysicalNameKind;
}

/**
 * The planned resources AWS names after the component: Pulumi auto-names them
 * `<component name>-<key>-<7 random>`, so the component's name must fit each kind's rules. The
 * VPC, subnets, gateways, routes and endpoints carry the name only in a `Name` tag.
 */
export function namedResources(plan: NetworkPlan): NamedResource[] {
    const named: NamedResource[] = [
        { key: plan.eniPolicy.key, kind: "iamPolicy" },
        ...plan.securityGroups.map((group) => ({ key: group.key, kind: "securityGroup" as const })),
    ];
    const destination = plan.flowLog?.destination;
    if (destination?.kind === "cloud-watch-logs") {
        named.push(
            { key: destination.logGroupKey, kind: "logGroup" },
            { key: destination.roleKey, kind: "iamRole" },
            { key: destination.policyKey, kind: "iamPolicy" },
        );
    }
    if (plan.diagnostics) {
        named.push(
            { key: plan.diagnostics.functionKey, kind: "lambdaFunction" },
            { key: plan.diagnostics.roleKey, kind: "iamRole" },
            { key: plan.diagnostics.logGroupKey, kind: "logGroup" },
            { key: plan.diagnostics.logsPolicyKey, kind: "iamPolicy" },
        );
    }
    return named;
}
