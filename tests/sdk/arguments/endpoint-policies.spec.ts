import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { AWS_LIMITS } from "../../../sdk/aws/limits";
import { endpointPolicyDocumentProblem, endpointPolicyProblem } from "../../../sdk/arguments/endpoint-policies";
import { expectProblem, rejectionOf, validateLoose } from "../../helpers/plan";

// endpointPolicy and endpointPolicies, refused before anything is created: each problem names
// `endpointPolicies.<service>` (or `endpointPolicy`), the value, and what is allowed.

const network = { pattern: "PrivateWithEndpoints", interfaceEndpoints: ["sqs", "ecr.api"] };
const policy = (statement: Record<string, unknown>) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
const ALLOW_ONE_BUCKET = policy({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::my-bucket/*" });

describe("validation: endpointPolicy", () => {
    it("defaults to FullAccess, with no service of its own", () => {
        expect(validateLoose(network)).to.deep.include({ endpointPolicy: "FullAccess", endpointPolicies: {} });
    });

    it("takes SameAccount", () => {
        expect(validateLoose({ ...network, endpointPolicy: "SameAccount" }).endpointPolicy).to.equal("SameAccount");
    });

    it("refuses another value, listing the two allowed", () => {
        expectProblem({ ...network, endpointPolicy: "sameAccount" }, "endpointPolicy", '"sameAccount" is not an endpoint policy', '"FullAccess", "SameAccount"', "endpointPolicies");
    });
});

describe("validation: endpointPolicies", () => {
    it("keeps each service's policy as written, for gateway and interface endpoints alike", () => {
        const endpointPolicies = { s3: ALLOW_ONE_BUCKET, "ecr.api": ALLOW_ONE_BUCKET };
        expect(validateLoose({ ...network, endpointPolicies }).endpointPolicies).to.deep.equal(endpointPolicies);
    });

    it("takes an Output as given, to be checked once it is known", () => {
        const document = pulumi.output(ALLOW_ONE_BUCKET);
        expect(validateLoose({ ...network, endpointPolicies: { sqs: document } }).endpointPolicies.sqs).to.equal(document);
    });

    it("refuses what is not an object of service names", () => {
        expectProblem({ ...network, endpointPolicies: [ALLOW_ONE_BUCKET] }, "endpointPolicies", "is not an object of service names to policy JSON");
    });

    it("refuses a service the network has no endpoint for, naming the ones it has and how to add it", () => {
        expectProblem(
            { ...network, endpointPolicies: { kms: ALLOW_ONE_BUCKET } },
            "endpointPolicies.kms",
            '"kms" has no endpoint in this network',
            'its endpoints are for "s3", "dynamodb", "sqs", "ecr.api"',
            'Add "kms" to interfaceEndpoints (or gatewayEndpoints), or remove this entry.',
        );
    });

    it("refuses a gateway service whose gateway endpoint is not built (gatewayEndpoints: [])", () => {
        expectProblem({ ...network, gatewayEndpoints: [], endpointPolicies: { s3: ALLOW_ONE_BUCKET } }, "endpointPolicies.s3", '"s3" has no endpoint', 'its endpoints are for "sqs", "ecr.api"');
    });

    it("says the network has no endpoint at all with Isolated", () => {
        expectProblem({ pattern: "Isolated", endpointPolicies: { s3: ALLOW_ONE_BUCKET } }, "endpointPolicies.s3", "it has none (gatewayEndpoints and interfaceEndpoints are empty)");
    });

    it("refuses JSON that does not parse, with the parser's reason and how to write it", () => {
        expectProblem({ ...network, endpointPolicies: { sqs: '{"Statement": [' } }, "endpointPolicies.sqs", '"{\\"Statement\\": [" is not JSON (', "JSON.stringify(document) in TypeScript");
    });

    it("refuses a value that is not text", () => {
        expectProblem({ ...network, endpointPolicies: { sqs: { Statement: [] } } }, "endpointPolicies.sqs", '{"Statement":[]} is not a string', "JSON text");
    });

    it("refuses a document over 20,480 characters, AWS's limit for an endpoint policy", () => {
        const long = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "x".repeat(AWS_LIMITS.endpointPolicyMaxCharacters) }] });
        expectProblem({ ...network, endpointPolicies: { sqs: long } }, "endpointPolicies.sqs", `is ${[...long].length.toLocaleString("en-US")} characters long`, "20,480 at most, white space included");
    });

    it("takes a document of exactly 20,480 characters", () => {
        const head = policy({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/" });
        const padded = head.replace('"Version"', `${" ".repeat(AWS_LIMITS.endpointPolicyMaxCharacters - head.length)}"Version"`);
        expect(padded).to.have.length(AWS_LIMITS.endpointPolicyMaxCharacters);
        expect(endpointPolicyDocumentProblem(padded)).to.equal(undefined);
    });

    it("counts characters, not UTF-16 units, against the limit", () => {
        const head = policy({ Sid: "", Effect: "Allow", Principal: "*", Action: "*", Resource: "*" });
        // Each "𝑥" is one character and two UTF-16 units: the document is at the limit, not over it.
        const atLimit = head.replace('"Sid":""', `"Sid":"${"𝑥".repeat(AWS_LIMITS.endpointPolicyMaxCharacters - head.length)}"`);
        expect(atLimit.length).to.be.greaterThan(AWS_LIMITS.endpointPolicyMaxCharacters);
        expect(endpointPolicyDocumentProblem(atLimit)).to.equal(undefined);
    });

    it("refuses JSON that is not a policy document", () => {
        expectProblem({ ...network, endpointPolicies: { sqs: '{"Version": "2012-10-17"}' } }, "endpointPolicies.sqs", 'is JSON but not a policy document: it needs a "Statement"');
        expectProblem({ ...network, endpointPolicies: { sqs: "[]" } }, "endpointPolicies.sqs", "is JSON but not a policy document");
    });

    it("refuses a statement without a Principal, which AWS requires in an endpoint policy", () => {
        expectProblem(
            { ...network, endpointPolicies: { sqs: policy({ Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" }) } },
            "endpointPolicies.sqs",
            'has statement 1 without a "Principal"',
        );
    });

    it("refuses an Effect other than Allow or Deny", () => {
        expectProblem({ ...network, endpointPolicies: { sqs: policy({ Effect: "allow", Principal: "*", Action: "*", Resource: "*" }) } }, "endpointPolicies.sqs", 'has statement 1 with Effect "allow"; allowed: "Allow", "Deny".');
    });

    it("reports every bad service at once, each under its own field", () => {
        const error = rejectionOf({ ...network, endpointPolicies: { kms: ALLOW_ONE_BUCKET, sqs: "nope", s3: ALLOW_ONE_BUCKET } });
        expect(error.problems.map((p) => p.field)).to.deep.equal(["endpointPolicies.kms", "endpointPolicies.sqs"]);
    });

    it("words the problem of an Output's text, once known, as a sentence naming the component and the field", () => {
        expect(endpointPolicyProblem("app", "sqs", "{")).to.match(/^VpcLambdaNetwork "app": endpointPolicies\.sqs "\{" is not JSON \(/);
        expect(endpointPolicyProblem("app", "sqs", ALLOW_ONE_BUCKET)).to.equal(undefined);
    });
});
