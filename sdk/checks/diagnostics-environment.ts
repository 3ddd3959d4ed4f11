import { AWS_LIMITS } from "../aws/limits";
import { diagnosticsEnvironment, lambdaEnvironmentBytes, ResolvedDiagnosticsValues } from "../diagnostics/environment";
import type { DiagnosticsConfiguration, NetworkPlan } from "../plan/types";
import { encodeExpectations } from "../diagnostics/expectations";
import { PlannedReachability, predictReachability } from "./needs";
import type { ArgumentProblem } from "../arguments/problems";

// The longest an Amazon-provided IPv6 /56 is written (e.g. "2600:1f18:abcd:ef00::/56"), for
// measuring before the VPC has its block.
const LONGEST_IPV6_VPC_BLOCK = "ffff:ffff:ffff:ff00::/56";
// A security group id at its longest, for one not known yet (a group the component creates, or one given as an Output).
const LONGEST_SECURITY_GROUP_ID = `sg-${"f".repeat(AWS_LIMITS.securityGroupIdMaxLength - 3)}`;

/**
 * Why Lambda would refuse the diagnostics function's environment (over 4 KB in all, Lambda quotas
 * page), as a sentence naming what to change; undefined when it fits.
 */
export function diagnosticsEnvironmentProblem(configuration: DiagnosticsConfiguration, resolved: ResolvedDiagnosticsValues): string | undefined {
    const bytes = lambdaEnvironmentBytes(diagnosticsEnvironment(configuration, resolved));
    if (bytes <= AWS_LIMITS.lambdaEnvironmentBytes) {
        return undefined;
    }
    const longest = [...resolved.targets].sort((a, b) => b.host.length - a.host.length).slice(0, 3);
    const expected = resolved.expectations.matrix.split(" ").filter(Boolean).length;
    return (
        `the diagnostics function's environment would be ${bytes} bytes, over Lambda's ${AWS_LIMITS.lambdaEnvironmentBytes} for all of a function's variables ` +
        `(${resolved.targets.length} targets, the longest ${longest.map((t) => JSON.stringify(t.host)).join(", ")}; ` +
        `${expected} expected destinations, ${Buffer.byteLength(resolved.expectations.matrix)} bytes). ` +
        `List fewer or shorter targets here, and pass the rest in the invoke's event: { "targets": [...] }.`
    );
}

/**
 * The check at construction, when everything it measures is known then: a new VPC, and targets
 * given as plain strings. What a deploy fills in later is counted at its longest: the IPv6 block
 * a dual-stack VPC gets, and the id of every security group not known yet. Otherwise the
 * function's environment is checked once its values are known (resources/diagnostics.ts), in
 * `pulumi preview` when they are.
 */
export function diagnosticsEnvironmentProblems(plan: NetworkPlan, predicted: PlannedReachability = predictReachability(plan)): ArgumentProblem[] {
    const diagnostics = plan.diagnostics;
    if (!diagnostics || plan.vpc.kind !== "new" || !diagnostics.targets.every((t) => typeof t.host === "string")) {
        return [];
    }
    const plannedGroups = new Set(plan.securityGroups.map((g) => g.key));
    const atLongest = (id: string) => (plannedGroups.has(id) || predicted.standIns.has(id) ? LONGEST_SECURITY_GROUP_ID : id);
    const resolved: ResolvedDiagnosticsValues = {
        targets: diagnostics.targets.map((t) => ({
            host: t.host as string,
            port: t.port,
            ...(t.securityGroupId !== undefined ? { securityGroupId: typeof t.securityGroupId === "string" ? t.securityGroupId : LONGEST_SECURITY_GROUP_ID } : {}),
        })),
        vpcCidrBlocks: [plan.vpc.cidrBlock, ...(plan.dualStack ? [LONGEST_IPV6_VPC_BLOCK] : [])],
        expectations: encodeExpectations(predicted.cells, atLongest),
        ...(plan.interfaceEndpoints.length > 0 ? { endpointGroupId: LONGEST_SECURITY_GROUP_ID } : {}),
    };
    const problem = diagnosticsEnvironmentProblem(diagnostics.configuration, resolved);
    return problem ? [{ field: "diagnostics.targets", message: problem }] : [];
}
