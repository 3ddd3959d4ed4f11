import { expect } from "chai";
import type { VpcLambdaNetworkArgs } from "../../sdk/args";
import { parseIpv4Block, Ipv4Block } from "../../sdk/addresses/cidr";
import { planNetwork } from "../../sdk/plan/plan-network";
import type { NetworkPlan, RouteTablePlan, SecurityGroupRulePlan } from "../../sdk/plan/types";
import { ArgumentProblem, InvalidNetworkArgumentsError } from "../../sdk/arguments/problems";
import { validateArgs } from "../../sdk/arguments/validate-args";
import type { ValidatedArgs } from "../../sdk/arguments/validated-args";

/** A security group id of the form EC2 uses, for `allowTo` targets. */
export const DB_SG = "sg-0123456789abcdef0";
export const CACHE_SG = "sg-0fedcba9876543210";

/** The plan the component would build for these arguments. */
export function planFor(args: VpcLambdaNetworkArgs, name = "app"): NetworkPlan {
    return planNetwork(name, validateArgs(name, args));
}

/** Validates arguments the type system would reject, as a JavaScript or YAML user may write them. */
export function validateLoose(args: Record<string, unknown>, name = "app"): ValidatedArgs {
    return validateArgs(name, args as unknown as VpcLambdaNetworkArgs);
}

/** The error validation throws for these arguments; fails the test when none is thrown. */
export function rejectionOf(args: Record<string, unknown>, name = "app"): InvalidNetworkArgumentsError {
    try {
        validateLoose(args, name);
    } catch (e) {
        expect(e).to.be.instanceOf(InvalidNetworkArgumentsError);
        return e as InvalidNetworkArgumentsError;
    }
    expect.fail(`expected ${JSON.stringify(args)} to be rejected`);
}

/**
 * Asserts that the arguments are rejected with a problem on `field` whose message contains every
 * fragment (the bad value, what is allowed), and that the error's message shows it under the field.
 */
export function expectProblem(args: Record<string, unknown>, field: string, ...fragments: string[]): ArgumentProblem {
    const error = rejectionOf(args);
    const problem = error.problems.find((p) => p.field === field);
    expect(problem, `no problem on "${field}"; got ${JSON.stringify(error.problems)}`).to.not.equal(undefined);
    for (const fragment of fragments) {
        expect(problem!.message).to.include(fragment);
    }
    expect(error.message).to.include(`${field}: ${problem!.message}`);
    return problem!;
}

export function block(cidr: string): Ipv4Block {
    const parsed = parseIpv4Block(cidr);
    if ("problem" in parsed) {
        throw new Error(`${cidr} ${parsed.problem}`);
    }
    return parsed;
}

export function lambdaRouteTables(plan: NetworkPlan): RouteTablePlan[] {
    return plan.routeTables.filter((t) => t.role === "lambda");
}

export function rulesOf(plan: NetworkPlan, securityGroupKey: string, direction: "ingress" | "egress"): SecurityGroupRulePlan[] {
    return plan.securityGroupRules.filter((r) => r.securityGroupKey === securityGroupKey && r.direction === direction);
}

/**
 * The key of every resource the plan asks for, in plan order. A key is the tail of the
 * resource's Pulumi name (`<name>-<key>`), so a key that changes replaces the resource.
 */
export function plannedResourceKeys(plan: NetworkPlan): string[] {
    const flowLog = plan.flowLog;
    const destination = flowLog?.destination;
    return [
        ...(plan.vpc.kind === "new" ? [plan.vpc.key, plan.vpc.defaultSecurityGroupKey] : []),
        ...plan.subnets.map((s) => s.key),
        ...(plan.internetGateway ? [plan.internetGateway.key] : []),
        ...(plan.egressOnlyInternetGateway ? [plan.egressOnlyInternetGateway.key] : []),
        ...plan.natGateways.flatMap((n) => [n.key, n.elasticIpKey]),
        ...plan.routeTables.flatMap((t) => [t.key, ...t.routes.map((r) => r.key)]),
        ...plan.gatewayEndpoints.map((e) => e.key),
        ...plan.interfaceEndpoints.map((e) => e.key),
        ...plan.securityGroups.map((g) => g.key),
        ...plan.securityGroupRules.map((r) => r.key),
        plan.eniPolicy.key,
        ...(flowLog ? [flowLog.key] : []),
        ...(destination?.kind === "cloud-watch-logs" ? [destination.logGroupKey, destination.roleKey, destination.policyKey, destination.policyAttachmentKey] : []),
        ...(plan.diagnostics
            ? [plan.diagnostics.functionKey, plan.diagnostics.roleKey, plan.diagnostics.logGroupKey, plan.diagnostics.logsPolicyKey, plan.diagnostics.logsPolicyAttachmentKey, plan.diagnostics.eniPolicyAttachmentKey]
            : []),
    ];
}
