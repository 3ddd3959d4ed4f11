import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { AWS_LIMITS } from "../../../sdk/aws/limits";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { CONFIG_ENV as DIAGNOSTICS_CONFIG_VARIABLE } from "../../../sdk/diagnostics/handler/config";
import { DIAGNOSTICS_HANDLER_FILE } from "../../../sdk/resources/diagnostics-code";
import { diagnosticsEnvironment, encodeDiagnosticsConfiguration, lambdaEnvironmentBytes } from "../../../sdk/diagnostics/environment";
import type { DiagnosticsConfiguration } from "../../../sdk/plan/types";
import { encodeExpectations } from "../../../sdk/diagnostics/expectations";
import { predictReachability } from "../../../sdk/checks/needs";
import { InvalidNetworkArgumentsError } from "../../../sdk/arguments/problems";
import { diagnosticsEnvironmentProblems } from "../../../sdk/checks/diagnostics-environment";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { targets } from "../../helpers/diagnostics-targets";
import { runFresh } from "../../helpers/mock-network";
import { planFor } from "../../helpers/plan";

// Lambda allows a function 4 KB of environment variables in all (Lambda quotas page). The
// diagnostics function takes its configuration, targets included, through one variable: the
// component writes it compact, measures it with one function, and refuses what cannot fit.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const handler = require(DIAGNOSTICS_HANDLER_FILE) as { expandCompactConfig: (value: unknown) => Record<string, unknown> };

/** The interface endpoints of `npm run bench`'s large network (bench/programs/large). */
const LARGE_NETWORK_SERVICES = ["secretsmanager", "ssm", "ssmmessages", "sts", "kms", "sqs", "sns", "lambda", "ecr.api", "ecr.dkr", "xray", "logs", "monitoring", "events", "states", "kinesis-streams", "elasticloadbalancing", "ec2", "rds", "execute-api"];
const SERVICES = ["secretsmanager", "ssm", "sts", "kms", "sqs", "sns", "lambda", "ecr.api", "ecr.dkr", "xray", "logs", "ec2", "events", "monitoring", "states", "athena", "glue", "kinesis-streams", "elasticache", "rds"];
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

    it("writes a form the handler reads back as the long one, the expected matrix and the group a target wears included", () => {
        const plan = planFor(network(60));
        const expectations = encodeExpectations(predictReachability(plan).cells, () => "sg-0aaaaaaaaaaaaaaaa");
        const withGroup = [{ ...targets(1, 60)[0], securityGroupId: "sg-0bbbbbbbbbbbbbbbb" }, targets(2, 60)[1]];
        const variables = diagnosticsEnvironment(plan.diagnostics!.configuration, { targets: withGroup, vpcCidrBlocks: ["10.0.0.0/16"], expectations, endpointGroupId: "sg-0aaaaaaaaaaaaaaaa" });
        expect(handler.expandCompactConfig(JSON.parse(variables[DIAGNOSTICS_CONFIG_VARIABLE]))).to.deep.include({
            pattern: "PrivateWithEndpoints",
            internetExpected: false,
            dualStack: true,
            targets: withGroup,
            vpcCidrBlocks: ["10.0.0.0/16"],
            expectations: "i4=B:route i6=B:route g:sg-0aaaaaaaaaaaaaaaa:443=R",
            blockedHops: {
                i4: { resource: "app-lambda-rt-1", fix: "Add a 0.0.0.0/0 route from app-lambda-rt-1 to a NAT gateway in a public subnet." },
                i6: { resource: "app-lambda-rt-1", fix: "Add a ::/0 route from app-lambda-rt-1 to an egress-only internet gateway." },
            },
            endpointGroupId: "sg-0aaaaaaaaaaaaaaaa",
        });
    });

    it("writes the compact form field by field: gateway and interface services apart, no blocked hops nor endpoints' group when there are none", () => {
        const configuration: DiagnosticsConfiguration = {
            pattern: NetworkPattern.PrivateWithEndpoints,
            internetExpected: false,
            services: [
                { service: "s3", endpointType: "Gateway" },
                { service: "sqs", endpointType: "Interface" },
                { service: "dynamodb", endpointType: "Gateway" },
                { service: "sts", endpointType: "Interface" },
            ],
            dualStack: true,
        };
        const encoded = encodeDiagnosticsConfiguration(configuration, {
            targets: [{ host: "db.internal", port: 5432 }],
            vpcCidrBlocks: ["10.0.0.0/16", "2600:1f18:abcd:ef00::/56"],
            expectations: { matrix: "i4=R", blockedHops: {} },
        });
        expect(JSON.parse(encoded)).to.deep.equal({ v: 1, p: "PrivateWithEndpoints", i: 0, d: 1, g: ["s3", "dynamodb"], e: ["sqs", "sts"], t: [["db.internal", 5432]], c: ["10.0.0.0/16", "2600:1f18:abcd:ef00::/56"], x: "i4=R" });
    });

    it("gives the function's DNS lookups 16 threads beside the configuration", () => {
        const configuration: DiagnosticsConfiguration = { pattern: NetworkPattern.Isolated, internetExpected: false, services: [], dualStack: false };
        const variables = diagnosticsEnvironment(configuration, { targets: [], vpcCidrBlocks: ["10.0.0.0/16"], expectations: { matrix: "", blockedHops: {} } });
        expect(Object.keys(variables)).to.deep.equal([DIAGNOSTICS_CONFIG_VARIABLE, "UV_THREADPOOL_SIZE"]);
        expect(variables.UV_THREADPOOL_SIZE).to.equal("16");
    });

    it("counts the expected matrix, with every group id not known yet at its longest: the bench's large network with a need per service fits beside 20 targets of 100-character hosts", () => {
        const args: VpcLambdaNetworkArgs = {
            pattern: NetworkPattern.PrivateWithNat,
            numberOfAvailabilityZones: 6,
            interfaceEndpoints: LARGE_NETWORK_SERVICES,
            dualStack: true,
            allowTo: [{ securityGroupId: pulumi.output("sg-0123456789abcdef0"), port: 5432 }],
            needs: { internet: true, services: LARGE_NETWORK_SERVICES, securityGroups: [{ securityGroupId: "sg-0fedcba9876543210", port: 6379 }] },
            diagnostics: { enabled: true, targets: targets(20, 100) },
        };
        const plan = planFor(args);
        const predicted = predictReachability(plan);
        expect(predicted.cells).to.have.length(25);
        expect(diagnosticsEnvironmentProblems(plan, predicted)).to.deep.equal([]);
        // The same network, measured with the matrix at its longest, leaves room.
        const matrix = encodeExpectations(predicted.cells, () => "sg-fffffffffffffffff");
        const bytes = lambdaEnvironmentBytes(diagnosticsEnvironment(plan.diagnostics!.configuration, { targets: targets(20, 100), vpcCidrBlocks: ["10.0.0.0/16", "ffff:ffff:ffff:ff00::/56"], expectations: matrix, endpointGroupId: "sg-fffffffffffffffff" }));
        expect(bytes).to.be.within(Buffer.byteLength(matrix.matrix) + 20 * 100, AWS_LIMITS.lambdaEnvironmentBytes);
    });

    it("names the expected matrix's share when refusing an environment that does not fit", () => {
        const [problem] = diagnosticsEnvironmentProblems(planFor({ ...network(240), needs: { services: SERVICES } }));
        expect(problem.message).to.match(/\(20 targets, the longest "x+[^"]*", .*; 23 expected destinations, \d+ bytes\)/);
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
