import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { EndpointPolicy, NetworkPattern } from "../../sdk/args";
import { VpcLambdaNetwork } from "../../sdk/component";
import { MockStack } from "../../sdk/offline-engine/mock-stack";
import { sameAccountEndpointPolicy } from "../../sdk/plan/iam-documents";
import { blamed, verdictsOf, violationsOf } from "./helpers";

const POLICY = "vpc-endpoint-account-scoped-policy";
const ACCOUNT = "123456789012";
const doc = (...Statement: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement });

/** A VPC with one endpoint of plain aws.* resources, to `service`, with this policy (none when undefined). */
function endpointStack(prefix: string, policy: string | undefined, serviceName = "com.amazonaws.us-east-1.s3"): void {
    const vpc = new aws.ec2.Vpc(`${prefix}-vpc`, { cidrBlock: "10.0.0.0/16" });
    new aws.ec2.VpcEndpoint(`${prefix}-endpoint`, { vpcId: vpc.id, serviceName, ...(policy === undefined ? {} : { policy }) });
}

for (const preview of [false, true]) {
    describe(`policies: ${POLICY} (${preview ? "in a preview" : "deployed"})`, () => {
        let stack: MockStack;
        // Disabled by default: a platform team opts in, here as advisory.
        const violations = async (program: (prefix: string) => void, settings: Record<string, unknown> = {}) =>
            violationsOf(await verdictsOf(stack, program, { [POLICY]: { enforcementLevel: "advisory", ...settings } }), POLICY);

        before(async () => {
            stack = await MockStack.install({ preview });
        });

        it("runs only when the config enables it, so that a default VpcLambdaNetwork passes the pack", async () => {
            const verdicts = await verdictsOf(stack, (prefix) => new VpcLambdaNetwork(prefix, { pattern: NetworkPattern.PrivateWithNat }));
            expect(verdicts.ran).to.not.include(POLICY);
            expect(violationsOf(verdicts, POLICY)).to.deep.equal([]);
        });

        it("flags an endpoint without a policy, at the level configured, blaming the endpoint and saying what to set", async () => {
            const [violation, ...more] = await violations((prefix) => endpointStack(prefix, undefined));
            expect(more).to.deep.equal([]);
            expect(violation.level).to.equal("advisory");
            expect(blamed(violation)).to.match(/-endpoint$/);
            expect(violation.message).to.match(/^VPC endpoint "p\d+-endpoint" \(s3\) has no endpoint policy: any principal, of any account, may call any action on any resource through it\./);
            expect(violation.message).to.contain('endpointPolicy: "SameAccount"');
        });

        it("flags AWS's full-access policy written out, as AWS reads it back", async () => {
            const [violation] = await violations((prefix) => endpointStack(prefix, doc({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" })));
            expect(violation.message).to.contain("(s3) has a policy allowing every call");
        });

        it("accepts SameAccount's policy", async () => {
            expect(await violations((prefix) => endpointStack(prefix, JSON.stringify(sameAccountEndpointPolicy(ACCOUNT))))).to.deep.equal([]);
        });

        it("names the statements of a policy that let other accounts in", async () => {
            const principalOnly = { Sid: "OurPrincipals", Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalAccount": ACCOUNT } } };
            const [violation] = await violations((prefix) => endpointStack(prefix, doc(principalOnly, { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::*/*" })));
            expect(violation.message).to.contain("has a policy whose statements OurPrincipals, statement 2 allow requests beyond trusted accounts");
        });

        it("accepts SameAccount's statement beside exceptions for AWS-owned buckets and AWS service principals", async () => {
            const policy = doc(
                sameAccountEndpointPolicy(ACCOUNT).Statement[0] as unknown as Record<string, unknown>,
                { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: ["arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"] },
                { Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { Bool: { "aws:PrincipalIsAWSService": "true" } } },
            );
            expect(await violations((prefix) => endpointStack(prefix, policy))).to.deep.equal([]);
        });

        it("skips a service listed in exemptServices", async () => {
            expect(await violations((prefix) => endpointStack(prefix, undefined), { exemptServices: ["s3"] })).to.deep.equal([]);
        });

        it("skips an endpoint to another account's PrivateLink service, and a policy that is not a policy", async () => {
            expect(await violations((prefix) => endpointStack(prefix, undefined, "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"))).to.deep.equal([]);
            expect(await violations((prefix) => endpointStack(prefix, "{ not json"))).to.deep.equal([]);
        });

        it("accepts every endpoint of a VpcLambdaNetwork with SameAccount, and flags each one without it", async () => {
            const args = { pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs"] };
            expect(await violations((prefix) => new VpcLambdaNetwork(prefix, { ...args, endpointPolicy: EndpointPolicy.SameAccount }))).to.deep.equal([]);
            const flagged = await violations((prefix) => new VpcLambdaNetwork(prefix, args));
            expect(flagged.map((v) => blamed(v)?.replace(/^p\d+-/, ""))).to.have.members(["s3-endpoint", "dynamodb-endpoint", "sqs-endpoint"]);
        });
    });
}
