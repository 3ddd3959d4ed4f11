// The needs the planned network cannot meet: the network built from the plan, a function on it
// with the declared needs, and its reachability, worked out once (checks of the whole plan, not
// of the arguments one by one: validation/needs.ts reads the argument).
import { NetworkPattern } from "../args";
import { AWS_LIMITS } from "../aws/limits";
import type { NetworkPlan } from "../plan/types";
import { plannedReachability, standInIds } from "./planned-network";
import type { Need } from "../network/needs";
import { destinationKey, Destination, Reachability } from "../reachability/types";
import { ArgumentProblem, ProblemList } from "../arguments/problems";
import type { ValidatedNeeds } from "../arguments/validated-args";

/** Each need as the model reads it (a security group by its id, or by the stand-in `idOf` gives its Output), with its field and how to quote it. */
export function needsOf(needs: ValidatedNeeds, idOf: (given: unknown) => string): DeclaredNeed[] {
    return [
        ...(needs.internet ? [{ field: "needs.internet", shown: "internet", need: { kind: "internet" as const } }] : []),
        ...needs.services.map((service, i) => ({ field: `needs.services[${i}]`, shown: service, need: { kind: "service" as const, service } })),
        ...needs.securityGroups.map((g, i) => {
            const known = typeof g.securityGroupId === "string";
            const securityGroupId = known ? (g.securityGroupId as string) : idOf(g.securityGroupId);
            return { field: `needs.securityGroups[${i}]`, shown: `${known ? securityGroupId : "an Output"} on port ${g.port}`, need: { kind: "securityGroup" as const, securityGroupId, port: g.port } };
        }),
    ];
}

/** A declared need, with the field it comes from and how to quote it. */
export interface DeclaredNeed {
    field: string;
    shown: string;
    need: Need;
}

/**
 * What a function on the planned network reaches, its needs declared: worked out once per
 * component, then read by validation (a need it blocks is refused) and by the diagnostics
 * function (which compares it with what it finds, once deployed).
 */
export interface PlannedReachability {
    declared: DeclaredNeed[];
    cells: Reachability[];
    /** The Output behind each stand-in id the cells name (an allowTo or needed security group given as an Output). */
    standIns: ReadonlyMap<string, unknown>;
}

export function predictReachability(plan: NetworkPlan): PlannedReachability {
    const idOf = standInIds();
    const declared = plan.needs ? needsOf(plan.needs, idOf) : [];
    const cells = plannedReachability(plan, plan.needs && declared.map((d) => d.need), idOf);
    return { declared, cells, standIns: idOf.given };
}

/**
 * The needs the planned network certainly cannot meet: those the reachability model finds blocked on the network the component builds (a need it
 * cannot judge alone, such as whether a database's group admits the functions, is left to the
 * policy pack). Each problem names the need, the hop that stops it, and the argument that fixes it.
 */
export function unreachableNeedProblems(plan: NetworkPlan, predicted: PlannedReachability = predictReachability(plan)): ArgumentProblem[] {
    const byKey = new Map(predicted.cells.map((cell) => [destinationKey(cell.destination), cell]));
    const problems = new ProblemList();
    for (const { field, shown, need } of predicted.declared) {
        const cell = byKey.get(destinationKey(destinationOf(need)));
        if (cell?.verdict === "blocked") {
            problems.add(field, `${shown} cannot be reached: ${cell.blockedAt!.says} ${argumentFix(need, plan.pattern)}`);
        }
    }
    return problems.problems;
}

function destinationOf(need: Need): Destination {
    return need.kind === "internet" ? { kind: "internet", ipVersion: 4 } : need.kind === "service" ? { kind: "service", service: need.service } : { kind: "securityGroup", securityGroupId: need.securityGroupId, port: need.port };
}

/** What to change in the arguments for a need the pattern leaves unreachable. */
function argumentFix(need: Need, pattern: NetworkPattern): string {
    switch (need.kind) {
        case "internet":
            return `Only pattern "PrivateWithNat" routes the functions to the internet: use it, or drop needs.internet.`;
        case "service": {
            const list = (AWS_LIMITS.gatewayEndpointServices as readonly string[]).includes(need.service) ? "gatewayEndpoints" : "interfaceEndpoints";
            return pattern === NetworkPattern.Isolated
                ? `Pattern "Isolated" reaches no AWS service: use "PrivateWithEndpoints" with ${list}: ["${need.service}"], or "PrivateWithNat".`
                : `Add "${need.service}" to ${list}, or use pattern "PrivateWithNat".`;
        }
        case "securityGroup":
            return `Add { securityGroupId, port: ${need.port} } for it to allowTo.`;
    }
}
