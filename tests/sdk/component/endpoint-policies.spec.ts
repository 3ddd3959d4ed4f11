import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { EndpointPolicy, NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack, MockStackOptions } from "../../../sdk/offline-engine/mock-stack";
import { sameAccountEndpointPolicy } from "../../../sdk/plan/iam-documents";
import { runFresh, T } from "../../helpers/mock-network";

// The policy on each VPC endpoint: none with FullAccess (the default, so that running endpoints
// see no change), SameAccount's for the stack's account, or the service's own from
// endpointPolicies. A service whose endpoint takes no policy (vpcEndpointPolicySupported false)
// refuses a policy of the user's, in `pulumi preview` already, and keeps full access under
// SameAccount, with a warning.

const ENDPOINTS = ["app-s3-endpoint", "app-dynamodb-endpoint", "app-sqs-endpoint", "app-ecr-api-endpoint"];
const args: VpcLambdaNetworkArgs = { pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs", "ecr.api"] };
const S3_POLICY = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" }],
});

async function built(network: VpcLambdaNetworkArgs, options: MockStackOptions = {}): Promise<MockStack> {
    const stack = await MockStack.install(options);
    new VpcLambdaNetwork("app", network);
    await stack.settle();
    return stack;
}

const inputsOf = (stack: MockStack, name: string) => stack.get(T.vpcEndpoint, name).inputs;

describe("VpcLambdaNetwork: endpoint policies", () => {
    it("sets no policy input on any endpoint by default (FullAccess), so that running endpoints see no diff", async () => {
        const stack = await built(args);
        for (const name of ENDPOINTS) {
            expect(inputsOf(stack, name), name).to.not.have.property("policy");
        }
    });

    it("writes SameAccount's document, for the deploying account, on every gateway and interface endpoint", async () => {
        const stack = await built({ ...args, endpointPolicy: EndpointPolicy.SameAccount }, { accountId: "210987654321" });
        for (const name of ENDPOINTS) {
            expect(JSON.parse(inputsOf(stack, name).policy), name).to.deep.equal(sameAccountEndpointPolicy("210987654321"));
        }
    });

    it("gives a service its own policy from endpointPolicies, as written, and the others SameAccount's", async () => {
        const stack = await built({ ...args, endpointPolicy: EndpointPolicy.SameAccount, endpointPolicies: { s3: S3_POLICY } });
        expect(inputsOf(stack, "app-s3-endpoint").policy).to.equal(S3_POLICY);
        expect(JSON.parse(inputsOf(stack, "app-sqs-endpoint").policy)).to.deep.equal(sameAccountEndpointPolicy("123456789012"));
    });

    it("with FullAccess, sets a policy only on the services endpointPolicies names", async () => {
        const stack = await built({ ...args, endpointPolicies: { sqs: S3_POLICY } });
        expect(inputsOf(stack, "app-sqs-endpoint").policy).to.equal(S3_POLICY);
        expect(inputsOf(stack, "app-s3-endpoint")).to.not.have.property("policy");
    });

    it("looks the account up once, for the flow log's guards and every endpoint's policy", async () => {
        const stack = await MockStack.install();
        const answer = stack.aws.call.bind(stack.aws);
        let lookups = 0;
        stack.aws.call = (a) => {
            lookups += a.token === "aws:index/getCallerIdentity:getCallerIdentity" ? 1 : 0;
            return answer(a);
        };
        new VpcLambdaNetwork("app", { ...args, endpointPolicy: EndpointPolicy.SameAccount });
        await stack.settle();
        expect(stack.ofType(T.flowLog)).to.have.length(1);
        expect(lookups).to.equal(1);
    });

    it("checks a policy given as an Output once it is known, naming endpointPolicies.<service>", async () => {
        const { failures } = await runFresh(() => new VpcLambdaNetwork("app", { ...args, endpointPolicies: { sqs: pulumi.output("{ not json") } }));
        expect(failures).to.have.length(1);
        expect(failures[0]).to.contain('VpcLambdaNetwork "app": endpointPolicies.sqs "{ not json" is not JSON (');
    });
});

describe("VpcLambdaNetwork: a service whose endpoint takes no policy", () => {
    it("refuses a policy of the user's for it, naming endpointPolicies.<service>, the service and the way out", async () => {
        const { failures } = await runFresh(() => new VpcLambdaNetwork("app", { ...args, endpointPolicies: { sqs: S3_POLICY } }), { servicesWithoutEndpointPolicy: ["sqs"] });
        // The SDK says first which input failed ("error serializing property ..."); the sentence is the component's.
        expect(failures.map((f) => f.slice(f.indexOf('VpcLambdaNetwork "')))).to.deep.equal([
            'VpcLambdaNetwork "app": endpointPolicies.sqs: the endpoint service of "sqs" (com.amazonaws.us-east-1.sqs) supports no endpoint policy (vpcEndpointPolicySupported is false), ' +
                "and AWS allows full access through any endpoint of it, so no policy can limit it. Remove endpointPolicies.sqs, " +
                "and limit what the functions may do there with their roles' IAM policies and the resources' own policies.",
        ]);
    });

    it("refuses it in a preview already, when the lookup answers and the endpoint's ids are not known", async () => {
        const { failures } = await runFresh(() => new VpcLambdaNetwork("app", { ...args, endpointPolicies: { sqs: S3_POLICY } }), { preview: true, servicesWithoutEndpointPolicy: ["sqs"] });
        expect(failures).to.have.length(1);
        expect(failures[0]).to.contain("endpointPolicies.sqs: the endpoint service of \"sqs\"");
    });

    it("leaves it without SameAccount's policy, and warns that its endpoint keeps full access", async () => {
        const stack = await built({ ...args, endpointPolicy: EndpointPolicy.SameAccount }, { servicesWithoutEndpointPolicy: ["ecr.api"] });
        expect(inputsOf(stack, "app-ecr-api-endpoint").policy).to.equal(undefined);
        expect(JSON.parse(inputsOf(stack, "app-sqs-endpoint").policy)).to.deep.equal(sameAccountEndpointPolicy("123456789012"));
        expect(stack.warnings).to.include(
            'endpointPolicy: "SameAccount" is not written on the endpoint of "ecr.api": the endpoint service of "ecr.api" (com.amazonaws.us-east-1.ecr.api) supports no endpoint policy ' +
                "(vpcEndpointPolicySupported is false), and AWS allows full access through any endpoint of it. Limit what the functions may do there with their roles' IAM policies.",
        );
    });
});
