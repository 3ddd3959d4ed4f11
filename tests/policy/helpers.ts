import type { PolicyPackConfig } from "@pulumi/policy";
import { expect } from "chai";
import { PolicyVerdicts, PolicyViolation, runPolicies } from "../../policy/runner";
import type { MockStack } from "../../sdk/testing/mock-stack";

let programs = 0;

/**
 * Registers `program` on a freshly reset mock stack and runs the policy pack on what it
 * registered; `config` may depend on the prefix the program's resource names start with. Fails the test if a policy could not run (it read a value unknown in a preview).
 */
export async function verdictsOf(
    stack: MockStack,
    program: (prefix: string) => void,
    config?: PolicyPackConfig | ((prefix: string) => PolicyPackConfig),
): Promise<PolicyVerdicts> {
    stack.reset();
    const prefix = `p${++programs}`;
    program(prefix);
    await stack.settle();
    const verdicts = await runPolicies(stack.resources, { config: typeof config === "function" ? config(prefix) : config });
    expect(verdicts.notRun, "policies that could not run").to.deep.equal([]);
    return verdicts;
}

/** The violations of one policy. */
export function violationsOf(verdicts: PolicyVerdicts, policy: string): PolicyViolation[] {
    return verdicts.violations.filter((v) => v.policy === policy);
}

/** The URN's resource name (the part after the last `::`), to assert on which resource is blamed. */
export function blamed(violation: PolicyViolation): string | undefined {
    return violation.resource?.split("::").pop();
}
