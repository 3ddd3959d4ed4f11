import { expect } from "chai";
import { expectProblem, validateLoose } from "../helpers/plan";

describe("validation: tags and unknown keys", () => {
    it("rejects a Name tag, which the component sets on every resource", () => {
        expectProblem({ pattern: "Isolated", tags: { Name: "mine" } }, "tags.Name", "another key");
    });

    it('rejects a tag key with the reserved "aws:" prefix', () => {
        expectProblem({ pattern: "Isolated", tags: { "aws:team": "payments" } }, "tags.aws:team", '"aws:"', "reserves");
    });

    it("rejects a tag value that is not a string", () => {
        expectProblem({ pattern: "Isolated", tags: { cost: 12 } }, "tags.cost", "12", "not a string");
    });

    it("keeps the user's tags as given", () => {
        expect(validateLoose({ pattern: "Isolated", tags: { team: "payments" } }).tags).to.deep.equal({ team: "payments" });
    });

    it("rejects an unknown argument, suggesting the closest one", () => {
        expectProblem({ pattern: "PrivateWithNat", natGateway: { strategy: "Single" } }, "natGateway", 'did you mean "natGateways"?');
    });

    it("rejects an unknown flowLogs setting, suggesting the closest one", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { trafficTyp: "ALL" } }, "flowLogs.trafficTyp", 'did you mean "trafficType"?');
    });

    it("rejects an unknown allowTo key, suggesting the closest one", () => {
        expectProblem({ pattern: "Isolated", allowTo: [{ securityGroupId: "sg-0123456789abcdef0", port: 3306, descripton: "MySQL" }] }, "allowTo[0].descripton", 'did you mean "description"?');
    });

    it("lists the allowed keys when no known key is close", () => {
        expectProblem({ pattern: "Isolated", existingVpc: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"], zones: 2 } }, "existingVpc.zones", "vpcId, subnetIds, routeTableIds");
    });

    it("ignores a key whose value is undefined, as an absent one", () => {
        expect(validateLoose({ pattern: "Isolated", someOption: undefined, flowLogs: { trafficTyp: undefined } })).to.deep.equal(validateLoose({ pattern: "Isolated" }));
    });
});
