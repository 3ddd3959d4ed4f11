import { expect } from "chai";
import { UNKNOWN } from "../../../sdk/network/known-values";
import { readEndpointPolicy, unscopedStatements } from "../../../sdk/network/endpoint-policies";
import { sameAccountEndpointPolicy } from "../../../sdk/plan/iam-documents";

// An endpoint policy read from its text: what it lets through, and which of its statements let
// other accounts' principals or resources through.

const ACCOUNT = "123456789012";
const doc = (...Statement: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const allow = (rest: Record<string, unknown>) => ({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*", ...rest });
const SAME_ACCOUNT_CONDITION = { StringEquals: { "aws:PrincipalAccount": ACCOUNT, "aws:ResourceAccount": ACCOUNT } };

describe("network: what an endpoint policy lets through", () => {
    it("reads no policy as AWS's default, full access", () => {
        for (const none of [undefined, null, ""]) {
            expect(readEndpointPolicy(none)).to.deep.equal({ kind: "fullAccess" });
        }
    });

    it("reads an allow-all statement, with any principal written either way, as full access", () => {
        expect(readEndpointPolicy(doc(allow({})))).to.deep.equal({ kind: "fullAccess" });
        expect(readEndpointPolicy(doc(allow({ Principal: { AWS: "*" }, Action: ["*"] })))).to.deep.equal({ kind: "fullAccess" });
    });

    it("reads SameAccount's document as limiting, to its account", () => {
        expect(readEndpointPolicy(JSON.stringify(sameAccountEndpointPolicy(ACCOUNT)))).to.deep.equal({ kind: "limits", sameAccount: ACCOUNT });
    });

    it("reads SameAccount's statement beside an exception for named resources as limiting, to no one account", () => {
        const exception = allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" });
        expect(readEndpointPolicy(doc(allow({ Condition: SAME_ACCOUNT_CONDITION }), exception))).to.deep.equal({ kind: "limits" });
    });

    it("reads an allow-all next to a narrower Deny as limiting", () => {
        expect(readEndpointPolicy(doc(allow({}), { Effect: "Deny", Principal: "*", Action: "s3:DeleteBucket", Resource: "*" }))).to.deep.equal({ kind: "limits" });
    });

    it("reads a policy that allows nothing, or denies every call, as denying everything", () => {
        expect(readEndpointPolicy(doc({ Effect: "Deny", Principal: "*", Action: "s3:DeleteBucket", Resource: "*" }))).to.deep.equal({ kind: "deniesAll" });
        expect(readEndpointPolicy(doc(allow({ Action: "s3:GetObject" }), { Effect: "Deny", Principal: "*", Action: "*", Resource: "*" }))).to.deep.equal({ kind: "deniesAll" });
    });

    it("does not read a conditional Deny of everything as denying everything", () => {
        const denyOthers = { Effect: "Deny", Principal: "*", Action: "*", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalAccount": ACCOUNT } } };
        expect(readEndpointPolicy(doc(allow({}), denyOthers))).to.deep.equal({ kind: "limits" });
    });

    it("reads a policy not known yet as unknown, and text that is no policy as unreadable", () => {
        expect(readEndpointPolicy(UNKNOWN)).to.deep.equal({ kind: "unknown" });
        expect(readEndpointPolicy("{ not json")).to.deep.equal({ kind: "unreadable" });
        expect(readEndpointPolicy('{"Version": "2012-10-17"}')).to.deep.equal({ kind: "unreadable" });
    });
});

describe("network: the statements of an endpoint policy not scoped to trusted accounts", () => {
    it("finds none in SameAccount's document", () => {
        expect(unscopedStatements(JSON.stringify(sameAccountEndpointPolicy(ACCOUNT)))).to.deep.equal([]);
    });

    it("names an allow-all statement by its Sid, and one without a Sid by its place", () => {
        expect(unscopedStatements(doc(allow({ Sid: "Everything" }), allow({ Action: "s3:GetObject" })))).to.deep.equal(["Everything", "statement 2"]);
    });

    it("takes the organization's keys as scoping, as AWS's data-perimeter examples write them", () => {
        expect(unscopedStatements(doc(allow({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123", "aws:ResourceOrgID": "o-abc123" } } })))).to.deep.equal([]);
    });

    it("flags a statement pinning only the principal's account: its principals may still reach other accounts' resources", () => {
        expect(unscopedStatements(doc(allow({ Condition: { StringEquals: { "aws:PrincipalAccount": ACCOUNT } } })))).to.deep.equal(["statement 1"]);
    });

    it("flags a statement pinning only the resource's account: other accounts' credentials may still be used through the endpoint", () => {
        expect(unscopedStatements(doc(allow({ Condition: { StringEquals: { "aws:ResourceAccount": ACCOUNT } } })))).to.deep.equal(["statement 1"]);
    });

    it("takes named principals with the resource's account pinned as scoped", () => {
        expect(unscopedStatements(doc(allow({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/fn` }, Condition: { StringEquals: { "aws:ResourceAccount": ACCOUNT } } })))).to.deep.equal([]);
    });

    it("does not take a negated or IfExists operator as pinning a key", () => {
        expect(unscopedStatements(doc(allow({ Condition: { StringNotEquals: { "aws:PrincipalAccount": ACCOUNT, "aws:ResourceAccount": ACCOUNT } } })))).to.deep.equal(["statement 1"]);
        expect(unscopedStatements(doc(allow({ Condition: { StringEqualsIfExists: { "aws:PrincipalAccount": ACCOUNT, "aws:ResourceAccount": ACCOUNT } } })))).to.deep.equal(["statement 1"]);
        expect(unscopedStatements(doc(allow({ Condition: { StringLike: { "aws:PrincipalAccount": "*", "aws:ResourceAccount": ACCOUNT } } })))).to.deep.equal(["statement 1"]);
    });

    it("takes an exception for named resources as scoped (AWS's own buckets, one account's queues), and not a wildcard ARN", () => {
        expect(unscopedStatements(doc(allow({ Action: "s3:GetObject", Resource: ["arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"] })))).to.deep.equal([]);
        expect(unscopedStatements(doc(allow({ Action: "sqs:*", Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:*` })))).to.deep.equal([]);
        expect(unscopedStatements(doc(allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::*/*" })))).to.deep.equal(["statement 1"]);
        expect(unscopedStatements(doc(allow({ Action: "s3:GetObject", NotResource: "arn:aws:s3:::secrets/*" })))).to.deep.equal(["statement 1"]);
    });

    it("takes a statement admitting AWS service principals only as scoped", () => {
        expect(unscopedStatements(doc(allow({ Condition: { Bool: { "aws:PrincipalIsAWSService": "true" } } })))).to.deep.equal([]);
        expect(unscopedStatements(doc(allow({ Condition: { Bool: { "aws:PrincipalIsAWSService": "false" } } })))).to.deep.equal(["statement 1"]);
    });

    it("ignores Deny statements, and cannot judge a document not known yet or not readable", () => {
        expect(unscopedStatements(doc({ Effect: "Deny", Principal: "*", Action: "*", Resource: "*" }))).to.deep.equal([]);
        expect(unscopedStatements(UNKNOWN)).to.equal(undefined);
        expect(unscopedStatements("nope")).to.equal(undefined);
    });
});
