import { expect } from "chai";
import { grants, Statement, statementsOf } from "../../../sdk/network/iam-statements";
import { UNKNOWN } from "../../../policy/known-values";

const allow = (Action: string | string[], Resource: string | string[] = "*"): Statement => ({ Effect: "Allow", Action, Resource });

describe("IAM statements, as the ENI-permission policy reads them", () => {
    describe("grants", () => {
        it("grants an action listed by name", () => {
            expect(grants([allow("ec2:CreateNetworkInterface")], "ec2:CreateNetworkInterface", false)).to.equal(true);
        });

        it("does not grant an action that is not listed", () => {
            expect(grants([allow("ec2:CreateNetworkInterface")], "ec2:DeleteNetworkInterface", false)).to.equal(false);
        });

        it("matches wildcards and ignores case, as IAM does", () => {
            expect(grants([allow("EC2:*networkinterface*")], "ec2:DeleteNetworkInterface", false)).to.equal(true);
            expect(grants([allow("ec2:Describe?ubnets")], "ec2:DescribeSubnets", true)).to.equal(true);
        });

        it("grants what an Allow with NotAction leaves out", () => {
            const statement: Statement = { Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" };
            expect(grants([statement], "ec2:CreateNetworkInterface", false)).to.equal(true);
            expect(grants([statement], "iam:PassRole", false)).to.equal(false);
        });

        it("grants a Describe action only on \"Resource\": \"*\" (it supports no resource-level permissions)", () => {
            const scoped = allow("ec2:DescribeSubnets", "arn:aws:ec2:us-east-1:123456789012:subnet/*");
            expect(grants([scoped], "ec2:DescribeSubnets", true)).to.equal(false);
            expect(grants([scoped], "ec2:DescribeSubnets", false)).to.equal(true);
        });

        it("lets an unconditional Deny win over an Allow", () => {
            const deny: Statement = { Effect: "Deny", Action: "ec2:*", Resource: "*" };
            expect(grants([allow("*"), deny], "ec2:CreateNetworkInterface", false)).to.equal(false);
        });
    });

    describe("statementsOf", () => {
        it("reads a JSON document", () => {
            expect(statementsOf(JSON.stringify({ Version: "2012-10-17", Statement: [allow("s3:GetObject")] }))).to.deep.equal([allow("s3:GetObject")]);
        });

        it("reads a document given as an object with a single statement", () => {
            expect(statementsOf({ Statement: allow("s3:GetObject") })).to.deep.equal([allow("s3:GetObject")]);
        });

        it("says a document not known yet is unknown", () => {
            expect(statementsOf(UNKNOWN)).to.equal(UNKNOWN);
        });

        it("gives up on text that is not a policy", () => {
            expect(statementsOf("not json")).to.equal(undefined);
        });
    });
});
