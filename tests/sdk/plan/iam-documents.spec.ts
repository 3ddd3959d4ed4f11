import { expect } from "chai";
import { NetworkPattern } from "../../../sdk/args";
import { flowLogDeliveryPolicy, flowLogTrustPolicy, lambdaTrustPolicy, logGroupWriterPolicy, PolicyStatement } from "../../../sdk/plan/iam-documents";
import { planFor } from "../../helpers/plan";
import { LAMBDA_VPC_ACCESS_ENI_ACTIONS } from "../../helpers/aws-facts";

const chinaAccount = { partition: "aws-cn", region: "cn-north-1", accountId: "210987654321" };
const LOG_GROUP_ARN = "arn:aws-cn:logs:cn-north-1:210987654321:log-group:app-flow-log-group-1234567";
const actionsOf = (s: PolicyStatement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe("plan: IAM documents", () => {
    describe("the Lambda ENI policy", () => {
        let statement: PolicyStatement;
        let others: PolicyStatement[];
        beforeEach(() => {
            [statement, ...others] = planFor({ pattern: NetworkPattern.Isolated }).eniPolicy.document.Statement;
        });

        it("allows exactly the six network-interface actions of AWSLambdaVPCAccessExecutionRole", () => {
            expect(actionsOf(statement)).to.have.members(LAMBDA_VPC_ACCESS_ENI_ACTIONS);
        });

        it("allows them on every resource, as the Describe actions support no narrower scope", () => {
            expect(statement).to.deep.include({ Effect: "Allow", Resource: "*" });
        });

        it("has a single statement", () => {
            expect(others).to.deep.equal([]);
        });
    });

    describe("the flow-log role's trust policy", () => {
        let statement: PolicyStatement;
        beforeEach(() => {
            [statement] = flowLogTrustPolicy(chinaAccount).Statement;
        });

        it("trusts only vpc-flow-logs.amazonaws.com to assume the role", () => {
            expect(statement).to.deep.include({ Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" });
        });

        it("requires the caller's account with aws:SourceAccount (StringEquals)", () => {
            expect(statement.Condition?.StringEquals).to.deep.equal({ "aws:SourceAccount": "210987654321" });
        });

        it("requires a flow log of this partition, region and account with aws:SourceArn (ArnLike)", () => {
            expect(statement.Condition?.ArnLike).to.deep.equal({ "aws:SourceArn": "arn:aws-cn:ec2:cn-north-1:210987654321:vpc-flow-log/*" });
        });
    });

    describe("the flow-log delivery policy", () => {
        let statements: PolicyStatement[];
        beforeEach(() => {
            statements = flowLogDeliveryPolicy(chinaAccount, LOG_GROUP_ARN).Statement;
        });

        it("lets the service write streams and events only into the flow log's group", () => {
            const write = statements.find((s) => actionsOf(s).includes("logs:PutLogEvents"));
            expect(actionsOf(write!)).to.have.members(["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]);
            expect(write!.Resource).to.deep.equal([LOG_GROUP_ARN, `${LOG_GROUP_ARN}:*`]);
        });

        it("never grants logs:CreateLogGroup (the component creates the group)", () => {
            expect(statements.flatMap(actionsOf)).to.not.include("logs:CreateLogGroup");
        });

        it("scopes logs:DescribeLogGroups to the account's log groups in the region", () => {
            const describe = statements.find((s) => actionsOf(s).includes("logs:DescribeLogGroups"));
            expect(describe!.Resource).to.equal("arn:aws-cn:logs:cn-north-1:210987654321:log-group:*");
        });

        it("grants nothing on every resource", () => {
            expect(statements.map((s) => s.Resource)).to.not.include("*");
        });
    });
});

describe("plan: IAM documents, written out in full", () => {
    // A policy is read by IAM, not by us: every field, its spelling and its case matter.

    it("the Lambda ENI policy", () => {
        expect(planFor({ pattern: NetworkPattern.Isolated }, "shop").eniPolicy).to.deep.equal({
            key: "lambda-eni-policy",
            description: "Lets the Lambda functions of shop create and delete their VPC network interfaces",
            document: {
                Version: "2012-10-17",
                Statement: [{ Sid: "LambdaVpcNetworkInterfaces", Effect: "Allow", Action: LAMBDA_VPC_ACCESS_ENI_ACTIONS, Resource: "*" }],
            },
        });
    });

    it("the flow-log role's trust policy: its version and statement id (its principal and conditions are specified above)", () => {
        const { Version, Statement } = flowLogTrustPolicy(chinaAccount);
        expect([Version, Statement.map((s) => s.Sid)]).to.deep.equal(["2012-10-17", ["VpcFlowLogsOfThisAccountOnly"]]);
    });

    it("the flow-log delivery policy", () => {
        expect(flowLogDeliveryPolicy(chinaAccount, LOG_GROUP_ARN)).to.deep.equal({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "WriteFlowLogRecords",
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                    Resource: [LOG_GROUP_ARN, `${LOG_GROUP_ARN}:*`],
                },
                { Sid: "FindTheLogGroup", Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "arn:aws-cn:logs:cn-north-1:210987654321:log-group:*" },
            ],
        });
    });

    it("the diagnostics function's trust policy: Lambda may assume its role", () => {
        expect(lambdaTrustPolicy()).to.deep.equal({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
        });
    });

    it("the diagnostics function's log policy: streams and events in its own log group only, no CreateLogGroup", () => {
        const group = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/app-diagnostics";
        expect(logGroupWriterPolicy(group)).to.deep.equal({
            Version: "2012-10-17",
            Statement: [{ Sid: "WriteOwnLogGroup", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [group, `${group}:*`] }],
        });
    });
});
