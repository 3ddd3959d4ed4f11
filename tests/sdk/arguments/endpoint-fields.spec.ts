import { expect } from "chai";
import { NetworkPattern } from "../../../sdk/args";
import { validateGatewayEndpoints, validateInterfaceEndpoints } from "../../../sdk/arguments/endpoint-fields";
import { ProblemList } from "../../../sdk/arguments/problems";
import { expectProblem, rejectionOf, validateLoose } from "../../helpers/plan";

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

describe("validation: endpoint lists, their shape and limits", () => {
    const existingVpc = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"], routeTableIds: ["rtb-0123456789abcdef0"] };

    it("takes 50 interface endpoints, AWS's quota per VPC", () => {
        const services = Array.from({ length: 50 }, (_, i) => `service${i}`);
        expect(validateLoose({ pattern: "PrivateWithEndpoints", interfaceEndpoints: services }).interfaceEndpoints).to.deep.equal(services);
    });

    it("refuses interface endpoints that are not a list, or a service that is not a string", () => {
        expectProblem({ pattern: "PrivateWithEndpoints", interfaceEndpoints: "sqs" }, "interfaceEndpoints", '"sqs" is not a list of service names');
        expectProblem({ pattern: "PrivateWithEndpoints", interfaceEndpoints: [7] }, "interfaceEndpoints[0]", "7 is not a service name");
    });

    it("refuses a service name with an empty part or a trailing separator", () => {
        for (const bad of ["ecr..api", "ecr.", "-sqs", "sqs_fifo"]) {
            expectProblem({ pattern: "PrivateWithEndpoints", interfaceEndpoints: [bad] }, "interfaceEndpoints[0]", JSON.stringify(bad), "is not a service name");
        }
    });

    it("takes an empty interface endpoint list with Isolated", () => {
        expect(validateLoose({ pattern: "Isolated", interfaceEndpoints: [], gatewayEndpoints: [] })).to.deep.include({ interfaceEndpoints: [], gatewayEndpoints: [] });
    });

    it("refuses gateway endpoints that are not a list", () => {
        expectProblem({ pattern: "PrivateWithEndpoints", gatewayEndpoints: "s3" }, "gatewayEndpoints", '"s3" is not a list such as ["s3", "dynamodb"]');
    });

    it("builds the default gateway endpoints into an existing VPC whose route tables are given, without a warning", () => {
        const args = validateLoose({ pattern: "PrivateWithEndpoints", existingVpc });
        expect([args.gatewayEndpoints, args.warnings]).to.deep.equal([["s3", "dynamodb"], []]);
    });

    it("takes the gateway endpoints asked for on an existing VPC with route tables", () => {
        expect(validateLoose({ pattern: "PrivateWithNat", existingVpc, gatewayEndpoints: ["dynamodb"] }).gatewayEndpoints).to.deep.equal(["dynamodb"]);
    });

    it("reports a refused service in either list at its own place, and keeps it out of the list it returns", () => {
        const error = rejectionOf({ pattern: "PrivateWithEndpoints", gatewayEndpoints: ["s3", "sqs"], interfaceEndpoints: ["sqs", "s3"] });
        expect(error.problems.map((p) => p.field)).to.deep.equal(["gatewayEndpoints[1]", "interfaceEndpoints[1]"]);
        const problems = new ProblemList();
        expect(validateGatewayEndpoints(problems, ["s3", "sqs"], NetworkPattern.PrivateWithEndpoints, undefined, [])).to.deep.equal(["s3"]);
        expect(validateInterfaceEndpoints(problems, ["sqs", 7], NetworkPattern.PrivateWithEndpoints)).to.deep.equal(["sqs"]);
        expect(problems.problems.map((p) => p.field)).to.deep.equal(["gatewayEndpoints[1]", "interfaceEndpoints[1]"]);
    });

    it("says what the full name of a service is, after com.amazonaws.<region>.", () => {
        const problem = expectProblem({ pattern: "PrivateWithEndpoints", interfaceEndpoints: ["com.amazonaws.eu-west-1.sqs"] }, "interfaceEndpoints[0]");
        expect(problem.message).to.equal('"com.amazonaws.eu-west-1.sqs" is a full endpoint service name; write only the service, e.g. "sqs".');
    });
});

describe("validation: endpoint lists, as the validators return them", () => {
    it("returns no service from a list it refused whole", () => {
        const problems = new ProblemList();
        expect(validateInterfaceEndpoints(problems, "sqs", NetworkPattern.PrivateWithEndpoints)).to.deep.equal([]);
        expect(validateInterfaceEndpoints(problems, ["sqs"], NetworkPattern.Isolated)).to.deep.equal([]);
        expect(validateGatewayEndpoints(problems, "s3", NetworkPattern.PrivateWithEndpoints, undefined, [])).to.deep.equal([]);
        expect(validateGatewayEndpoints(problems, ["s3"], NetworkPattern.Isolated, undefined, [])).to.deep.equal([]);
        expect(problems.problems.map((p) => p.field)).to.deep.equal(["interfaceEndpoints", "interfaceEndpoints", "gatewayEndpoints", "gatewayEndpoints"]);
    });
});
