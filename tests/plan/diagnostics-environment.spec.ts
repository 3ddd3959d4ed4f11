import { expect } from "chai";
import { NetworkPattern, VpcLambdaNetworkArgs } from "../../sdk/args";
import { AWS_LIMITS } from "../../sdk/aws-limits";
import { VpcLambdaNetwork } from "../../sdk/component";
import { DIAGNOSTICS_CONFIG_VARIABLE, DIAGNOSTICS_HANDLER_FILE } from "../../sdk/diagnostics/handler-code";
import { diagnosticsEnvironment, lambdaEnvironmentBytes } from "../../sdk/plan/diagnostics-environment";
import { InvalidNetworkArgumentsError } from "../../sdk/validation/problems";
import { diagnosticsEnvironmentProblems } from "../../sdk/validation/diagnostics-environment";
import { MockStack } from "../../sdk/testing/mock-stack";
import { runFresh } from "../helpers/mock-network";
import { planFor } from "../helpers/plan";

// Lambda allows a function 4 KB of environment variables in all (Lambda quotas page). The
// diagnostics function takes its configuration, targets included, through one variable: the
// component writes it compact, measures it with one function, and refuses what cannot fit.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const handler = require(DIAGNOSTICS_HANDLER_FILE) as { expandCompactConfig: (value: unknown) => Record<string, unknown> };

const SERVICES = ["secretsmanager", "ssm", "sts", "kms", "sqs", "sns", "lambda", "ecr.api", "ecr.dkr", "xray", "logs", "ec2", "events", "monitoring", "states", "athena", "glue", "kinesis-streams", "elasticache", "rds"];
/** A host name of `length` characters (labels of at most 63, as DNS allows), like a long private hosted zone record. */
function host(i: number, length: number): string {
    const suffix = `.db${String(i).padStart(2, "0")}.example.internal`;
    const labels = "x".repeat(length - suffix.length).match(/.{1,60}/g)!;
    const name = labels.join(".").slice(0, length - suffix.length);
    return `${name.replace(/\.$/, "y")}${suffix}`;
}
const targets = (count: number, length: number) => Array.from({ length: count }, (_, i) => ({ host: host(i, length), port: 5432 }));
const network = (hostLength: number): VpcLambdaNetworkArgs => ({
    pattern: NetworkPattern.PrivateWithEndpoints,
    cidrBlock: "10.0.0.0/16",
    interfaceEndpoints: SERVICES,
    dualStack: true,
    diagnostics: { enabled: true, targets: targets(20, hostLength) },
});

/** The same configuration in the long form the component wrote before, measured the same way. */
function longFormBytes(args: VpcLambdaNetworkArgs): number {
    const plan = planFor(args);
    const configuration = { ...plan.diagnostics!.configuration, targets: plan.diagnostics!.targets, vpcCidrBlocks: ["10.0.0.0/16", "2600:1f18:abcd:ef00::/56"] };
    return lambdaEnvironmentBytes({ [DIAGNOSTICS_CONFIG_VARIABLE]: JSON.stringify(configuration), UV_THREADPOOL_SIZE: "16" });
}

describe("plan: the diagnostics function's environment fits Lambda's 4 KB", () => {
    it("measures every key and value of the variables, as JSON", () => {
        expect(lambdaEnvironmentBytes({ A: "b" })).to.equal('{"A":"b"}'.length);
        expect(lambdaEnvironmentBytes({ A: "é" })).to.equal(10);
    });

    it("fits 20 targets of 150-character hosts and 20 interface endpoints, which the long form did not", () => {
        const args = network(150);
        expect(longFormBytes(args)).to.be.greaterThan(AWS_LIMITS.lambdaEnvironmentBytes);
        expect(diagnosticsEnvironmentProblems(planFor(args))).to.deep.equal([]);
    });

    it("writes a form the handler reads back as the long one", () => {
        const plan = planFor(network(60));
        const variables = diagnosticsEnvironment(plan.diagnostics!.configuration, { targets: targets(2, 60), vpcCidrBlocks: ["10.0.0.0/16"] });
        expect(handler.expandCompactConfig(JSON.parse(variables[DIAGNOSTICS_CONFIG_VARIABLE]))).to.deep.include({
            pattern: "PrivateWithEndpoints",
            internetExpected: false,
            dualStack: true,
            targets: targets(2, 60),
            vpcCidrBlocks: ["10.0.0.0/16"],
        });
    });

    it("refuses 20 targets of 240-character hosts at construction, saying how big, the limit and what to change", () => {
        const [problem] = diagnosticsEnvironmentProblems(planFor(network(240)));
        expect(problem.field).to.equal("diagnostics.targets");
        expect(problem.message).to.match(/environment would be \d{4} bytes, over Lambda's 4096/).and.contain("pass the rest in the invoke's event");
    });

    it("makes the constructor throw before anything is registered", async () => {
        const stack = await MockStack.install();
        expect(() => new VpcLambdaNetwork("app", network(240))).to.throw(InvalidNetworkArgumentsError, /diagnostics\.targets: the diagnostics function's environment/);
        expect(await stack.settle()).to.deep.equal([]);
    });

    it("fails the function once targets given as outputs turn out too long", async () => {
        const { failures } = await runFresh(() => {
            const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
            new VpcLambdaNetwork("app", { ...network(240), diagnostics: { enabled: true, targets: targets(20, 240).map((t) => ({ host: pulumi.output(t.host), port: t.port })) } });
        });
        expect(failures).to.have.length(1);
        expect(failures[0]).to.contain('VpcLambdaNetwork "app": diagnostics.targets: the diagnostics function\'s environment would be');
    });
});
