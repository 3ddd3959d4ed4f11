import { expect } from "chai";
import { expectProblem, validateLoose } from "../helpers/plan";

describe("validation: flowLogs", () => {
    it("rejects a retention CloudWatch Logs does not accept, listing those it does", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { retentionInDays: 91 } }, "flowLogs.retentionInDays", "91", "90, 120", "3653");
    });

    it("accepts 0 days, CloudWatch's never-expire", () => {
        expect(validateLoose({ pattern: "Isolated", flowLogs: { retentionInDays: 0 } }).flowLogs).to.include({ retentionInDays: 0 });
    });

    it("rejects a traffic type other than ALL, ACCEPT and REJECT", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { trafficType: "all" } }, "flowLogs.trafficType", '"all"', '"ALL", "ACCEPT", "REJECT"');
    });

    it("rejects an aggregation interval other than 60 or 600 seconds", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { maxAggregationInterval: 300 } }, "flowLogs.maxAggregationInterval", "300", "60 or 600");
    });

    it("rejects every setting given while flow logs are disabled, as it would be ignored", () => {
        const flowLogs = { enabled: false, retentionInDays: 30, trafficType: "REJECT", maxAggregationInterval: 60 };
        for (const key of ["retentionInDays", "trafficType", "maxAggregationInterval"]) {
            expectProblem({ pattern: "Isolated", flowLogs }, `flowLogs.${key}`, "enabled is false");
        }
    });

    it("rejects an enabled flag that is not a boolean", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { enabled: "yes" } }, "flowLogs.enabled", '"yes"', "true or false");
    });
});
