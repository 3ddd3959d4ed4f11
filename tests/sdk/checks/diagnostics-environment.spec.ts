import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { AWS_LIMITS } from "../../../sdk/aws/limits";
import { diagnosticsEnvironment, lambdaEnvironmentBytes, ResolvedDiagnosticsValues } from "../../../sdk/diagnostics/environment";
import type { DiagnosticsConfiguration, NetworkPlan } from "../../../sdk/plan/types";
import { encodeExpectations } from "../../../sdk/diagnostics/expectations";
import { diagnosticsEnvironmentProblem, diagnosticsEnvironmentProblems } from "../../../sdk/checks/diagnostics-environment";
import { predictReachability } from "../../../sdk/checks/needs";
import { host, targets } from "../../helpers/diagnostics-targets";
import { planFor } from "../../helpers/plan";

// At construction the component measures the diagnostics function's environment before the VPC
// and its security groups exist: what a deploy fills in later is counted at its longest. These
// specs compute, by hand, the environment the check must measure, and compare its size with the
// one the refusal reports: a value counted shorter than it can be lets through a function Lambda
// would refuse at `pulumi up`.

/** The longest IPv6 /56 Amazon gives a VPC, and the longest security group id (20 characters, AWS_LIMITS). */
const LONGEST_IPV6_BLOCK = "ffff:ffff:ffff:ff00::/56";
const LONGEST_GROUP_ID = "sg-fffffffffffffffff";

/** Twenty targets of 240-character hosts: too many bytes for any network, so the check reports its count. */
const TOO_MANY_BYTES = () => targets(20, 240);

/** The size the refusal reports, in "would be N bytes". */
function reportedBytes(plan: NetworkPlan): number {
    const problems = diagnosticsEnvironmentProblems(plan);
    expect(problems, "the environment fits, so no size is reported").to.have.length(1);
    return Number(/environment would be (\d+) bytes/.exec(problems[0].message)![1]);
}

/** The size of the environment with these values, the reachability matrix's group ids written by `groupIdOf`. */
function bytesWith(plan: NetworkPlan, values: Omit<ResolvedDiagnosticsValues, "expectations">, groupIdOf: (id: string) => string): number {
    const expectations = encodeExpectations(predictReachability(plan).cells, groupIdOf);
    return lambdaEnvironmentBytes(diagnosticsEnvironment(plan.diagnostics!.configuration, { ...values, expectations }));
}

describe("validation: the diagnostics function's environment, measured at construction", () => {
    it("counts a dual-stack VPC's IPv6 block, and the interface endpoints' group, at their longest", () => {
        const given = TOO_MANY_BYTES();
        const plan = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, cidrBlock: "10.0.0.0/16", interfaceEndpoints: ["sqs"], dualStack: true, diagnostics: { enabled: true, targets: given } });
        const expected = bytesWith(plan, { targets: given, vpcCidrBlocks: ["10.0.0.0/16", LONGEST_IPV6_BLOCK], endpointGroupId: LONGEST_GROUP_ID }, () => LONGEST_GROUP_ID);
        expect(reportedBytes(plan)).to.equal(expected);
    });

    it("counts an IPv4-only VPC by its one block, and no endpoints' group where there are no interface endpoints", () => {
        const given = TOO_MANY_BYTES();
        const plan = planFor({ pattern: NetworkPattern.PrivateWithNat, cidrBlock: "10.0.0.0/16", diagnostics: { enabled: true, targets: given } });
        const expected = bytesWith(plan, { targets: given, vpcCidrBlocks: ["10.0.0.0/16"] }, () => LONGEST_GROUP_ID);
        expect(reportedBytes(plan)).to.equal(expected);
    });

    it("counts a security group id given as a string as written, and one given as an Output at its longest, in targets and needs alike", () => {
        const SHORT_GROUP = "sg-1234abcd";
        const given = TOO_MANY_BYTES();
        const args: VpcLambdaNetworkArgs = {
            pattern: NetworkPattern.PrivateWithNat,
            cidrBlock: "10.0.0.0/16",
            needs: { securityGroups: [{ securityGroupId: SHORT_GROUP, port: 6379 }, { securityGroupId: pulumi.output("sg-1"), port: 3306 }] },
            diagnostics: {
                enabled: true,
                targets: [{ ...given[0], securityGroupId: SHORT_GROUP }, { ...given[1], securityGroupId: pulumi.output("sg-2") }, ...given.slice(2)],
            },
        };
        const plan = planFor(args);
        const measuredTargets = [{ ...given[0], securityGroupId: SHORT_GROUP }, { ...given[1], securityGroupId: LONGEST_GROUP_ID }, ...given.slice(2)];
        const expected = bytesWith(plan, { targets: measuredTargets, vpcCidrBlocks: ["10.0.0.0/16"] }, (id) => (id === SHORT_GROUP ? SHORT_GROUP : LONGEST_GROUP_ID));
        expect(reportedBytes(plan)).to.equal(expected);
    });

    it("leaves the check to the deploy when a single host is an Output", () => {
        const args = (hosts: pulumi.Input<string>[]): VpcLambdaNetworkArgs => ({
            pattern: NetworkPattern.PrivateWithNat,
            diagnostics: { enabled: true, targets: hosts.map((h) => ({ host: h, port: 5432 })) },
        });
        const hosts = TOO_MANY_BYTES().map((t) => t.host);
        expect(diagnosticsEnvironmentProblems(planFor(args(hosts)))).to.have.length(1);
        expect(diagnosticsEnvironmentProblems(planFor(args([...hosts.slice(1), pulumi.output(hosts[0])])))).to.deep.equal([]);
    });
});

describe("validation: diagnosticsEnvironmentProblem, on values already known", () => {
    const configuration: DiagnosticsConfiguration = { pattern: NetworkPattern.Isolated, internetExpected: false, services: [], dualStack: false };
    const values = (hosts: string[], matrix = ""): ResolvedDiagnosticsValues => ({
        targets: hosts.map((h) => ({ host: h, port: 5432 })),
        vpcCidrBlocks: ["10.0.0.0/16"],
        expectations: { matrix, blockedHops: {} },
    });
    const bytesOf = (resolved: ResolvedDiagnosticsValues) => lambdaEnvironmentBytes(diagnosticsEnvironment(configuration, resolved));
    /** Hosts whose environment is exactly `bytes` long: 19 of 150 characters and one that makes up the rest. */
    function hostsMaking(bytes: number): string[] {
        const hosts = Array.from({ length: 19 }, (_, i) => host(i, 150));
        const short = [...hosts, host(19, 30)];
        return [...hosts, host(19, 30 + bytes - bytesOf(values(short)))];
    }

    it("takes an environment of exactly Lambda's 4096 bytes, and refuses one byte more", () => {
        expect(bytesOf(values(hostsMaking(AWS_LIMITS.lambdaEnvironmentBytes)))).to.equal(4096);
        expect(diagnosticsEnvironmentProblem(configuration, values(hostsMaking(4096)))).to.equal(undefined);
        expect(diagnosticsEnvironmentProblem(configuration, values(hostsMaking(4097)))).to.contain("would be 4097 bytes, over Lambda's 4096");
    });

    it("names the three longest hosts, longest first", () => {
        const hosts = [host(0, 200), host(1, 210), host(2, 220), host(3, 230), host(4, 240), ...Array.from({ length: 15 }, (_, i) => host(5 + i, 190))];
        const problem = diagnosticsEnvironmentProblem(configuration, values(hosts));
        expect(problem).to.contain(`(20 targets, the longest ${[hosts[4], hosts[3], hosts[2]].map((h) => JSON.stringify(h)).join(", ")}; `);
    });

    it("counts the expected destinations, none for an empty matrix", () => {
        const hosts = TOO_MANY_BYTES().map((t) => t.host);
        expect(diagnosticsEnvironmentProblem(configuration, values(hosts))).to.contain("; 0 expected destinations, 0 bytes)");
        expect(diagnosticsEnvironmentProblem(configuration, values(hosts, "i4=R i6=U"))).to.contain("; 2 expected destinations, 9 bytes)");
    });
});
