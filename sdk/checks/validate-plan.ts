import type { NetworkPlan } from "../plan/types";
import { diagnosticsEnvironmentProblems } from "./diagnostics-environment";
import { physicalNameProblems } from "./physical-names";
import { PlannedReachability, predictReachability, unreachableNeedProblems } from "./needs";
import { InvalidNetworkArgumentsError } from "../arguments/problems";
import { subnetCapacityProblems } from "./subnet-capacity";

/**
 * What only the whole plan tells, checked before anything is registered: the names AWS derives
 * from the component's, whether the Lambda subnets hold the interface endpoints, whether the
 * diagnostics function's environment fits Lambda's 4 KB, whether the network can reach what
 * `needs` declares (both from `predicted`, the network's reachability, worked out once). Throws
 * one `InvalidNetworkArgumentsError` listing every problem, as `validateArgs` does for the
 * arguments one by one.
 */
export function validatePlan(plan: NetworkPlan, predicted: PlannedReachability = predictReachability(plan)): void {
    const problems = [...physicalNameProblems(plan), ...subnetCapacityProblems(plan), ...diagnosticsEnvironmentProblems(plan, predicted), ...unreachableNeedProblems(plan, predicted)];
    if (problems.length > 0) {
        throw new InvalidNetworkArgumentsError(plan.name, problems);
    }
}
