import { expect } from "chai";
import { expectProblem, validateLoose } from "../helpers/plan";

describe("validation: endpoints", () => {
    describe("interfaceEndpoints", () => {
        for (const bad of ["Secrets Manager", "SQS"]) {
            it(`rejects ${JSON.stringify(bad)}, which is not a service name`, () => {
                expectProblem({ pattern: "PrivateWithEndpoints", interfaceEndpoints: [bad] }, "interfaceEndpoints[0]", JSON.stringify(bad), '"ecr.api"');
            });
        }

        it("accepts service names with dots and dashes", () => {
            const services = ["ecr.api", "execute-api", "bedrock-runtime"];
            expect(validateLoose({ pattern: "PrivateWithEndpoints", interfaceEndpoints: services }).interfaceEndpoints).to.deep.equal(services);
        });

        it("rejects a service listed twice, at its second place", () => {
            expectProblem({ pattern: "PrivateWithEndpoints", interfaceEndpoints: ["sqs", "kms", "sqs"] }, "interfaceEndpoints[2]", '"sqs"', "twice");
        });

        it("rejects a full com.amazonaws name, suggesting the service alone", () => {
            expectProblem(
                { pattern: "PrivateWithEndpoints", interfaceEndpoints: ["com.amazonaws.us-east-1.ecr.dkr"] },
                "interfaceEndpoints[0]",
                '"com.amazonaws.us-east-1.ecr.dkr"',
                '"ecr.dkr"',
            );
        });

        it("sends s3 and dynamodb to gatewayEndpoints, whose endpoints are free", () => {
            expectProblem({ pattern: "PrivateWithEndpoints", interfaceEndpoints: ["s3", "dynamodb"] }, "interfaceEndpoints[0]", '"s3"', "gatewayEndpoints");
            expectProblem({ pattern: "PrivateWithEndpoints", interfaceEndpoints: ["s3", "dynamodb"] }, "interfaceEndpoints[1]", '"dynamodb"', "gatewayEndpoints");
        });

        it("is not allowed with Isolated", () => {
            expectProblem({ pattern: "Isolated", interfaceEndpoints: ["sqs"] }, "interfaceEndpoints", '["sqs"]', '"Isolated"', '"PrivateWithEndpoints"');
        });

        it("rejects more than 50, AWS's quota per VPC", () => {
            const services = Array.from({ length: 51 }, (_, i) => `service${i}`);
            expectProblem({ pattern: "PrivateWithEndpoints", interfaceEndpoints: services }, "interfaceEndpoints", "51", "50");
        });
    });

    describe("gatewayEndpoints", () => {
        it("is not allowed with Isolated", () => {
            expectProblem({ pattern: "Isolated", gatewayEndpoints: ["s3"] }, "gatewayEndpoints", '["s3"]', '"Isolated"');
        });

        it("rejects a service that has no gateway endpoint, pointing to interfaceEndpoints", () => {
            expectProblem({ pattern: "PrivateWithEndpoints", gatewayEndpoints: ["sqs"] }, "gatewayEndpoints[0]", '"sqs"', '"s3", "dynamodb"', "interfaceEndpoints");
        });

        it("rejects a service listed twice", () => {
            expectProblem({ pattern: "PrivateWithEndpoints", gatewayEndpoints: ["s3", "s3"] }, "gatewayEndpoints[1]", '"s3"', "twice");
        });

        it("needs route tables on an existing VPC", () => {
            expectProblem(
                { pattern: "PrivateWithEndpoints", gatewayEndpoints: ["s3"], existingVpc: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"] } },
                "gatewayEndpoints",
                '["s3"]',
                "existingVpc.routeTableIds",
            );
        });

        it("accepts an empty list to turn gateway endpoints off", () => {
            expect(validateLoose({ pattern: "PrivateWithNat", gatewayEndpoints: [] }).gatewayEndpoints).to.deep.equal([]);
        });
    });
});
