import * as aws from "@pulumi/aws";
import type { PolicyPackConfig } from "@pulumi/policy";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { PolicyVerdicts, PolicyViolation, runPolicies } from "../../cli/policy-runner";
import type { VpcLambdaNetwork } from "../../sdk/component";
import type { MockStack } from "../../sdk/offline-engine/mock-stack";

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

/** A function on the network, as the README shows it: its role gets the network's ENI policy. */
export function functionOn(prefix: string, net: VpcLambdaNetwork): void {
    const role = new aws.iam.Role(`${prefix}-fn-role`, {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
    });
    const eniAccess = new aws.iam.RolePolicyAttachment(`${prefix}-fn-eni`, { role: role.name, policyArn: net.eniPolicyArn });
    new aws.lambda.Function(
        `${prefix}-fn`,
        { role: role.arn, runtime: aws.lambda.Runtime.NodeJS20dX, handler: "index.handler", code: new pulumi.asset.AssetArchive({}), vpcConfig: net.vpcConfig },
        { dependsOn: [eniAccess] },
    );
}
