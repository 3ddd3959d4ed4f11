import { expect } from "chai";
import { NetworkPattern } from "../../../sdk/args";
import { namedResources } from "../../../sdk/plan/physical-names";
import { planFor } from "../../helpers/plan";

// The resources whose AWS name Pulumi derives from the component's name: validation checks the
// name against each (sdk/checks/physical-names.ts), so one missing here is one never checked.

describe("plan: the resources AWS names after the component", () => {
    it("lists the ENI policy and the security groups of every network, with their kinds", () => {
        expect(namedResources(planFor({ pattern: NetworkPattern.Isolated, flowLogs: { enabled: false } }))).to.deep.equal([
            { key: "lambda-eni-policy", kind: "iamPolicy" },
            { key: "lambda-sg", kind: "securityGroup" },
            { key: "lambda-replacement-sg", kind: "securityGroup" },
        ]);
    });

    it("adds the endpoints' group, the flow logs' log group, role and policy, and the diagnostics function's", () => {
        const plan = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs"], diagnostics: { enabled: true } });
        expect(namedResources(plan)).to.deep.equal([
            { key: "lambda-eni-policy", kind: "iamPolicy" },
            { key: "lambda-sg", kind: "securityGroup" },
            { key: "lambda-replacement-sg", kind: "securityGroup" },
            { key: "endpoint-sg", kind: "securityGroup" },
            { key: "flow-log-group", kind: "logGroup" },
            { key: "flow-log-role", kind: "iamRole" },
            { key: "flow-log-policy", kind: "iamPolicy" },
            { key: "diagnostics", kind: "lambdaFunction" },
            { key: "diagnostics-role", kind: "iamRole" },
            { key: "diagnostics-logs", kind: "logGroup" },
            { key: "diagnostics-logs-policy", kind: "iamPolicy" },
        ]);
    });
});
