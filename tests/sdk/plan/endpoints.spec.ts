import { expect } from "chai";
import { NetworkPattern } from "../../../sdk/args";
import { lambdaRouteTables, planFor } from "../../helpers/plan";

describe("plan: VPC endpoints", () => {
    it("puts the S3 and DynamoDB gateway endpoints on every Lambda route table with PrivateWithNat", () => {
        const plan = planFor({ pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: 3 });
        const lambdaTables = lambdaRouteTables(plan).map((t) => ({ key: t.key }));
        expect(plan.gatewayEndpoints.map((e) => [e.service, e.routeTables])).to.deep.equal([
            ["s3", lambdaTables],
            ["dynamodb", lambdaTables],
        ]);
    });

    it("never puts a gateway endpoint on the public route table", () => {
        const plan = planFor({ pattern: NetworkPattern.PrivateWithNat });
        expect(plan.gatewayEndpoints.flatMap((e) => e.routeTables)).to.not.deep.include({ key: "public-rt" });
    });

    it("puts the S3 and DynamoDB gateway endpoints on every Lambda route table with PrivateWithEndpoints", () => {
        const plan = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, numberOfAvailabilityZones: 2 });
        expect(plan.gatewayEndpoints.map((e) => [e.service, e.routeTables])).to.deep.equal([
            ["s3", [{ key: "lambda-rt-1" }, { key: "lambda-rt-2" }]],
            ["dynamodb", [{ key: "lambda-rt-1" }, { key: "lambda-rt-2" }]],
        ]);
    });

    it("builds no endpoint at all with Isolated", () => {
        const plan = planFor({ pattern: NetworkPattern.Isolated });
        expect([...plan.gatewayEndpoints, ...plan.interfaceEndpoints]).to.deep.equal([]);
    });

    it("places each interface endpoint in the Lambda subnets, with private DNS, behind the endpoint security group", () => {
        const plan = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, numberOfAvailabilityZones: 3, interfaceEndpoints: ["secretsmanager", "sqs"] });
        for (const endpoint of plan.interfaceEndpoints) {
            expect(endpoint, endpoint.service).to.deep.include({
                privateDnsEnabled: true,
                subnets: plan.lambdaSubnets,
                securityGroupKey: "endpoint-sg",
            });
        }
        expect(plan.interfaceEndpoints.map((e) => e.service)).to.deep.equal(["secretsmanager", "sqs"]);
    });

    it("names endpoints after their service with dots turned to dashes", () => {
        const plan = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["ecr.api", "ecr.dkr"] });
        expect(plan.interfaceEndpoints.map((e) => e.key)).to.deep.equal(["ecr-api-endpoint", "ecr-dkr-endpoint"]);
    });

    it("builds the endpoint security group only when there are interface endpoints", () => {
        const without = planFor({ pattern: NetworkPattern.PrivateWithEndpoints });
        const withOne = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs"] });
        expect(without.securityGroups.map((g) => g.role)).to.not.include("endpoint");
        expect(withOne.securityGroups.filter((g) => g.role === "endpoint").map((g) => g.key)).to.deep.equal(["endpoint-sg"]);
    });

    it("builds only the gateway endpoints asked for", () => {
        const plan = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, gatewayEndpoints: ["dynamodb"] });
        expect(plan.gatewayEndpoints.map((e) => e.service)).to.deep.equal(["dynamodb"]);
    });
});

describe("plan: endpoint keys", () => {
    it("turns every dot of a service into a dash", () => {
        const plan = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sagemaker.runtime.fips", "execute-api"] });
        expect(plan.interfaceEndpoints.map((e) => e.key)).to.deep.equal(["sagemaker-runtime-fips-endpoint", "execute-api-endpoint"]);
    });
});
