import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { expectProblem, validateLoose } from "../../helpers/plan";

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

describe("validation: tag lengths and values", () => {
    const tagged = (tags: unknown) => ({ pattern: "Isolated", tags });

    it("takes a key of 128 characters and a value of 256, AWS's longest", () => {
        const tags = { ["k".repeat(128)]: "v".repeat(256) };
        expect(validateLoose(tagged(tags)).tags).to.deep.equal(tags);
    });

    it("refuses a key of 129 characters, and an empty key", () => {
        expectProblem(tagged({ ["k".repeat(129)]: "v" }), `tags.${"k".repeat(129)}`, "has a 129-character key; AWS allows 1 to 128.");
        expectProblem(tagged({ "": "v" }), "tags.", "has a 0-character key; AWS allows 1 to 128.");
    });

    it("refuses a value of 257 characters", () => {
        expectProblem(tagged({ team: "v".repeat(257) }), "tags.team", "has a 257-character value; AWS allows up to 256.");
    });

    it("refuses the aws: prefix in any case", () => {
        expectProblem(tagged({ "AWS:team": "payments" }), "tags.AWS:team", '"aws:" prefix');
    });

    it("takes an empty value, and values that are Outputs or promises, as given", () => {
        const fromStack = pulumi.output("payments");
        const promised = Promise.resolve("eu");
        const tags = { empty: "", team: fromStack, region: promised };
        const kept = validateLoose(tagged(tags)).tags;
        expect(kept).to.deep.equal(tags);
        expect(kept.team).to.equal(fromStack);
        expect(kept.region).to.equal(promised);
    });

    it("refuses tags that are not an object", () => {
        expectProblem(tagged(["team", "payments"]), "tags", '["team","payments"] is not an object of tag names to values.');
        expectProblem(tagged("team=payments"), "tags", '"team=payments" is not an object');
    });

    it("refuses a value that is neither a string, an Output nor a promise, quoting it", () => {
        expectProblem(tagged({ owner: { name: "ops" } }), "tags.owner", '{"name":"ops"} is not a string.');
        expectProblem(tagged({ owner: null }), "tags.owner", "null is not a string.");
    });
});

describe("validation: unknown keys, and the nearest known one", () => {
    it("suggests a known key two edits away, whatever its case", () => {
        expectProblem({ pattern: "Isolated", tgas: {} }, "tgas", 'did you mean "tags"?');
        expectProblem({ pattern: "Isolated", Allowto: [] }, "Allowto", 'did you mean "allowTo"?');
        expectProblem({ pattern: "Isolated", flowLog: {} }, "flowLog", 'did you mean "flowLogs"?');
    });

    it("suggests the nearest of two candidates", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { destinatio: "s3" } }, "flowLogs.destinatio", 'did you mean "destination"?');
        expectProblem({ pattern: "Isolated", diagnostics: { enable: true } }, "diagnostics.enable", 'did you mean "enabled"?');
    });

    it("lists the allowed keys instead for a key three edits from every known one", () => {
        expectProblem({ pattern: "Isolated", natGateways: undefined, nat: {} }, "nat", "allowed: pattern, cidrBlock, numberOfAvailabilityZones,");
        expectProblem({ pattern: "Isolated", existingVpc: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"], region: "x" } }, "existingVpc.region", "allowed: vpcId, subnetIds, routeTableIds.");
    });

    it("says the key is not an argument of VpcLambdaNetwork", () => {
        const problem = expectProblem({ pattern: "Isolated", tgas: {} }, "tgas");
        expect(problem.message).to.equal('is not an argument of VpcLambdaNetwork; did you mean "tags"?');
    });
});
