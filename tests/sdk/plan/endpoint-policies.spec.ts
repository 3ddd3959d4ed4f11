import { expect } from "chai";
import { EndpointPolicy, NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { sameAccountEndpointPolicy } from "../../../sdk/plan/iam-documents";
import { planFor } from "../../helpers/plan";

// Each endpoint's plan carries its policy: none with FullAccess, SameAccount's, or the service's own.

const S3_POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:DeleteBucket", Resource: "*" }] });
const args: VpcLambdaNetworkArgs = { pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs"] };
const policies = (plan: ReturnType<typeof planFor>) => Object.fromEntries([...plan.gatewayEndpoints, ...plan.interfaceEndpoints].map((e) => [e.service, e.policy]));

describe("plan: endpoint policies", () => {
    it("plans no policy on any endpoint with FullAccess, leaving the key out", () => {
        const plan = planFor(args);
        for (const endpoint of [...plan.gatewayEndpoints, ...plan.interfaceEndpoints]) {
            expect(endpoint, endpoint.service).to.not.have.property("policy");
        }
    });

    it("plans SameAccount's policy on every gateway and interface endpoint", () => {
        expect(policies(planFor({ ...args, endpointPolicy: EndpointPolicy.SameAccount }))).to.deep.equal({ s3: { kind: "sameAccount" }, dynamodb: { kind: "sameAccount" }, sqs: { kind: "sameAccount" } });
    });

    it("plans a service's own policy in place of SameAccount's, and alone with FullAccess", () => {
        expect(policies(planFor({ ...args, endpointPolicy: EndpointPolicy.SameAccount, endpointPolicies: { s3: S3_POLICY } }))).to.deep.equal({
            s3: { kind: "given", document: S3_POLICY },
            dynamodb: { kind: "sameAccount" },
            sqs: { kind: "sameAccount" },
        });
        expect(policies(planFor({ ...args, endpointPolicies: { sqs: S3_POLICY } }))).to.deep.equal({ s3: undefined, dynamodb: undefined, sqs: { kind: "given", document: S3_POLICY } });
    });

    it("plans the policies in an existing VPC too", () => {
        const existingVpc = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"], routeTableIds: ["rtb-0123456789abcdef0"] };
        expect(policies(planFor({ ...args, existingVpc, endpointPolicy: EndpointPolicy.SameAccount }))).to.deep.equal({ s3: { kind: "sameAccount" }, dynamodb: { kind: "sameAccount" }, sqs: { kind: "sameAccount" } });
    });
});

describe("plan: SameAccount's endpoint policy document", () => {
    const document = sameAccountEndpointPolicy("123456789012");

    it("allows only requests whose principal and resource are both of the account", () => {
        expect(document.Statement).to.deep.equal([
            {
                Sid: "RequestsByThisAccountToThisAccount",
                Effect: "Allow",
                Principal: "*",
                Action: "*",
                Resource: "*",
                Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012", "aws:ResourceAccount": "123456789012" } },
            },
        ]);
    });

    it("fits AWS's endpoint policy limit many times over", () => {
        expect(JSON.stringify(document).length).to.be.lessThan(20_480 / 50);
    });
});
