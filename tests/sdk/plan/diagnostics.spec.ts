import { expect } from "chai";
import { NetworkPattern } from "../../../sdk/args";
import { planFor } from "../../helpers/plan";

describe("plan: the diagnostics function", () => {
    it("is not planned unless enabled", () => {
        expect(planFor({ pattern: NetworkPattern.PrivateWithNat }).diagnostics).to.equal(undefined);
        expect(planFor({ pattern: NetworkPattern.PrivateWithNat, diagnostics: { enabled: false, targets: [{ host: "db.internal", port: 5432 }] } }).diagnostics).to.equal(undefined);
    });

    it("checks the services behind the network's endpoints, each with its endpoint type", () => {
        const plan = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["secretsmanager", "ecr.api"], diagnostics: { enabled: true } });
        expect(plan.diagnostics!.configuration.services).to.deep.equal([
            { service: "s3", endpointType: "Gateway" },
            { service: "dynamodb", endpointType: "Gateway" },
            { service: "secretsmanager", endpointType: "Interface" },
            { service: "ecr.api", endpointType: "Interface" },
        ]);
    });

    it("expects the internet only with NAT", () => {
        const expected = Object.values(NetworkPattern).map((pattern) => [pattern, planFor({ pattern, diagnostics: { enabled: true } }).diagnostics!.configuration.internetExpected]);
        expect(expected).to.deep.equal([
            [NetworkPattern.PrivateWithNat, true],
            [NetworkPattern.PrivateWithEndpoints, false],
            [NetworkPattern.Isolated, false],
        ]);
    });

    it("passes the targets and the dual-stack setting on, and keeps its logs two weeks", () => {
        const targets = [{ host: "db.internal", port: 5432 }, { host: "10.0.192.10", port: 6379 }];
        const plan = planFor({ pattern: NetworkPattern.Isolated, dualStack: true, diagnostics: { enabled: true, targets } });
        expect(plan.diagnostics).to.deep.include({ functionKey: "diagnostics", roleKey: "diagnostics-role", logGroupKey: "diagnostics-logs", logRetentionInDays: 14, targets });
        expect(plan.diagnostics!.configuration).to.deep.include({ pattern: NetworkPattern.Isolated, dualStack: true, services: [] });
    });
});

describe("plan: the diagnostics function, written out in full", () => {
    it("PrivateWithNat with the default gateway endpoints and a target", () => {
        const targets = [{ host: "db.internal", port: 5432 }];
        expect(planFor({ pattern: NetworkPattern.PrivateWithNat, diagnostics: { enabled: true, targets } }).diagnostics).to.deep.equal({
            functionKey: "diagnostics",
            roleKey: "diagnostics-role",
            logGroupKey: "diagnostics-logs",
            logsPolicyKey: "diagnostics-logs-policy",
            logsPolicyAttachmentKey: "diagnostics-logs-policy-attachment",
            eniPolicyAttachmentKey: "diagnostics-role-eni",
            logRetentionInDays: 14,
            configuration: {
                pattern: NetworkPattern.PrivateWithNat,
                internetExpected: true,
                services: [
                    { service: "s3", endpointType: "Gateway" },
                    { service: "dynamodb", endpointType: "Gateway" },
                ],
                dualStack: false,
            },
            targets,
        });
    });
});
