import * as fs from "fs";
import type { PolicyPackConfig } from "@pulumi/policy";
import { hasMandatoryViolation, PolicyVerdicts, PolicyViolation, runPolicies } from "./policy-runner";
import { policies, POLICY_PACK_NAME } from "../policy/policies";
import { UsageError } from "./usage-error";
import type { PlannedStack } from "./run-program";

/** The exit code of a plan that violates a mandatory policy (1 is a failed program, 2 a usage error). */
export const POLICY_VIOLATION_EXIT_CODE = 3;

/** Runs the vpc-lambda-guard pack on the planned stack, as `pulumi preview --policy-pack policy` would. */
export async function policyVerdicts(planned: PlannedStack, policyConfigFile?: string): Promise<PolicyVerdicts> {
    return runPolicies(planned.resources, { config: policyConfigFile ? readPolicyConfig(policyConfigFile) : undefined });
}

/** The same JSON file `pulumi preview --policy-pack-config` takes. */
function readPolicyConfig(file: string): PolicyPackConfig {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        throw new UsageError(`cannot read the policy config ${file}: ${(error as Error).message}`);
    }
    let config: unknown;
    try {
        config = JSON.parse(text);
    } catch (error) {
        throw new UsageError(`the policy config ${file} is not valid JSON: ${(error as Error).message}`);
    }
    if (typeof config !== "object" || config === null || Array.isArray(config)) {
        throw new UsageError(`the policy config ${file} must be an object of policy names, e.g. { "lambda-multi-az": "mandatory" }.`);
    }
    const known = new Set(["all", ...policies.map((p) => p.name)]);
    const unknown = Object.keys(config).filter((name) => !known.has(name));
    if (unknown.length > 0) {
        throw new UsageError(`the policy config ${file} names no policy of ${POLICY_PACK_NAME}: ${unknown.join(", ")}; the policies are ${[...known].join(", ")}.`);
    }
    return config as PolicyPackConfig;
}

/** The exit code the verdicts call for: non-zero on a mandatory violation unless told not to fail. */
export function policyExitCode(verdicts: PolicyVerdicts, failOnPolicy: boolean): number {
    return failOnPolicy && hasMandatoryViolation(verdicts) ? POLICY_VIOLATION_EXIT_CODE : 0;
}

/** `{ "violations": [ { "policy", "level", "message", "resource" } ] }` for `--format json`. */
export function policyJson(verdicts: PolicyVerdicts): { pack: string; violations: PolicyViolation[] } {
    return { pack: POLICY_PACK_NAME, violations: verdicts.violations };
}

/** The verdicts as `pulumi preview` prints them: mandatory first, each with the resource it blames. */
export function renderPolicyText(verdicts: PolicyVerdicts): string {
    const header = `Policy pack ${POLICY_PACK_NAME}: ${summary(verdicts)}`;
    const lines = ordered(verdicts.violations).map((v) => `  [${v.level}] ${v.policy}${v.resource ? ` (${resourceName(v.resource)})` : ""}\n    ${v.message}`);
    return [header, ...lines].join("\n");
}

function summary(verdicts: PolicyVerdicts): string {
    const count = (level: string) => verdicts.violations.filter((v) => v.level === level).length;
    if (verdicts.violations.length === 0) {
        // Those that ran: a policy disabled by default (or by the config) passes nothing.
        return `all ${verdicts.ran.length} policies pass.`;
    }
    return `${count("mandatory")} mandatory and ${count("advisory")} advisory violation(s).`;
}

function ordered(violations: PolicyViolation[]): PolicyViolation[] {
    return [...violations].sort((a, b) => (a.level === b.level ? 0 : a.level === "mandatory" ? -1 : 1));
}

/** The resource's type and name from its URN: `aws:ec2/vpc:Vpc::app-vpc`. */
function resourceName(urn: string): string {
    const parts = urn.split("::");
    const typePath = parts[parts.length - 2] ?? "";
    return `${typePath.split("$").pop()}::${parts[parts.length - 1]}`;
}
