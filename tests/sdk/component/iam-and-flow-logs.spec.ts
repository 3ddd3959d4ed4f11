import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { FlowLogDestination, NetworkPattern } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { LAMBDA_VPC_ACCESS_ENI_ACTIONS } from "../../helpers/aws-facts";
import { runFresh, T, valueOf } from "../../helpers/mock-network";

describe("VpcLambdaNetwork: IAM and flow logs", () => {
    let stack: MockStack;
    let net: VpcLambdaNetwork;

    before(async () => {
        stack = await MockStack.install({ region: "eu-west-1", accountId: "210987654321" });
        net = new VpcLambdaNetwork("app", { pattern: NetworkPattern.Isolated });
        await stack.settle();
    });

    it("builds an IAM policy allowing exactly the six ENI actions of AWSLambdaVPCAccessExecutionRole", () => {
        const document = JSON.parse(stack.get(T.policy, "app-lambda-eni-policy").inputs.policy);
        expect(document.Statement.flatMap((s: { Action: string[] }) => s.Action)).to.have.members(LAMBDA_VPC_ACCESS_ENI_ACTIONS);
    });

    it("reports the ENI policy's ARN", async () => {
        expect(await valueOf(net.eniPolicyArn)).to.equal(stack.get(T.policy, "app-lambda-eni-policy").outputs.arn);
    });

    it("sends the VPC's flow log to the CloudWatch log group with the defaults ALL and 600 seconds", () => {
        const flowLog = stack.get(T.flowLog, "app-flow-log");
        expect(flowLog.inputs).to.deep.include({
            vpcId: stack.get(T.vpc, "app-vpc").id,
            logDestinationType: "cloud-watch-logs",
            logDestination: stack.get(T.logGroup, "app-flow-log-group").outputs.arn,
            iamRoleArn: stack.get(T.role, "app-flow-log-role").outputs.arn,
            trafficType: "ALL",
            maxAggregationInterval: 600,
        });
    });

    it("creates the flow log only after its role's policy is attached", () => {
        expect(stack.get(T.flowLog, "app-flow-log").dependencies).to.include(stack.get(T.rolePolicyAttachment, "app-flow-log-policy-attachment").urn);
    });

    it("keeps the records 90 days by default", () => {
        expect(stack.get(T.logGroup, "app-flow-log-group").inputs.retentionInDays).to.equal(90);
    });

    it("lets only this account's flow logs in this region assume the flow-log role", () => {
        const trust = JSON.parse(stack.get(T.role, "app-flow-log-role").inputs.assumeRolePolicy);
        expect(trust.Statement).to.deep.equal([
            {
                Sid: "VpcFlowLogsOfThisAccountOnly",
                Effect: "Allow",
                Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "aws:SourceAccount": "210987654321" },
                    ArnLike: { "aws:SourceArn": "arn:aws:ec2:eu-west-1:210987654321:vpc-flow-log/*" },
                },
            },
        ]);
    });

    it("attaches the delivery policy, scoped to the log group, to the flow-log role", () => {
        const policy = stack.get(T.policy, "app-flow-log-policy");
        const logGroupArn = stack.get(T.logGroup, "app-flow-log-group").outputs.arn;
        const attachment = stack.get(T.rolePolicyAttachment, "app-flow-log-policy-attachment");
        expect(attachment.inputs).to.deep.equal({ role: stack.get(T.role, "app-flow-log-role").outputs.name, policyArn: policy.outputs.arn });
        expect(JSON.parse(policy.inputs.policy).Statement[0].Resource).to.deep.equal([logGroupArn, `${logGroupArn}:*`]);
    });

    it("gives the flow-log role no inline policy: its permissions are a customer-managed policy (cdk-nag IAMNoInlinePolicy)", () => {
        expect(stack.ofType(T.rolePolicy)).to.deep.equal([]);
        expect(stack.get(T.role, "app-flow-log-role").inputs).to.not.have.property("inlinePolicies");
    });

    it("reports the flow log's id", async () => {
        expect(await valueOf(net.flowLogId)).to.equal(stack.get(T.flowLog, "app-flow-log").id);
    });

    describe("with custom settings", () => {
        before(async () => {
            stack.reset();
            new VpcLambdaNetwork("custom", { pattern: NetworkPattern.Isolated, flowLogs: { retentionInDays: 30, trafficType: "REJECT", maxAggregationInterval: 60 } });
            await stack.settle();
        });

        it("records the traffic type and aggregation interval asked for", () => {
            expect(stack.get(T.flowLog, "custom-flow-log").inputs).to.deep.include({ trafficType: "REJECT", maxAggregationInterval: 60 });
        });

        it("keeps the records for the retention asked for", () => {
            expect(stack.get(T.logGroup, "custom-flow-log-group").inputs.retentionInDays).to.equal(30);
        });
    });

    describe("with the log group encrypted with a KMS key (flowLogs.kmsKeyId)", () => {
        const KEY = "arn:aws:kms:eu-west-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab";

        it("encrypts the flow log's log group with the key", async () => {
            stack.reset();
            new VpcLambdaNetwork("sealed", { pattern: NetworkPattern.Isolated, flowLogs: { kmsKeyId: KEY } });
            await stack.settle();
            expect(stack.get(T.logGroup, "sealed-flow-log-group").inputs.kmsKeyId).to.equal(KEY);
        });

        it("fails the log group, saying which Region the key must be in, when an Output gives a key of another Region", async () => {
            const elsewhere = "arn:aws:kms:us-east-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab";
            const { failures } = await runFresh(() => new VpcLambdaNetwork("far", { pattern: NetworkPattern.Isolated, flowLogs: { kmsKeyId: pulumi.output(elsewhere) } }), {
                region: "eu-west-1",
            });
            expect(failures).to.have.length(1);
            expect(failures[0]).to.contain("flowLogs.kmsKeyId").and.contain("a key in us-east-1").and.contain("Give a key made in eu-west-1");
            stack = await MockStack.install({ region: "eu-west-1", accountId: "210987654321" });
        });
    });

    describe("with flow logs to S3", () => {
        const BUCKET_ARN = "arn:aws:s3:::flow-logs-210987654321/vpc/";
        before(async () => {
            stack.reset();
            new VpcLambdaNetwork("archived", {
                pattern: NetworkPattern.Isolated,
                flowLogs: { destination: FlowLogDestination.S3, s3BucketArn: BUCKET_ARN, trafficType: "REJECT", maxAggregationInterval: 60 },
            });
            await stack.settle();
        });

        it("delivers the VPC's flow log to the bucket, with the traffic type and aggregation interval asked for", () => {
            const flowLog = stack.get(T.flowLog, "archived-flow-log");
            expect(flowLog.inputs).to.deep.include({
                vpcId: stack.get(T.vpc, "archived-vpc").id,
                logDestinationType: "s3",
                logDestination: BUCKET_ARN,
                trafficType: "REJECT",
                maxAggregationInterval: 60,
            });
        });

        it("passes the flow log no role: the log delivery service writes under the bucket's policy", () => {
            expect(stack.get(T.flowLog, "archived-flow-log").inputs).to.not.have.property("iamRoleArn");
        });

        it("builds no log group, role or role policy", () => {
            expect([T.logGroup, T.role, T.rolePolicyAttachment].flatMap((type) => stack.ofType(type))).to.deep.equal([]);
            expect(stack.ofType(T.policy).map((p) => p.name)).to.deep.equal(["archived-lambda-eni-policy"]);
        });

        it("creates the flow log after the bucket policy its ARN is taken through, as docs/flow-logs.md shows", async () => {
            stack.reset();
            const bucket = new aws.s3.Bucket("flow-logs");
            const policy = new aws.s3.BucketPolicy("flow-logs", { bucket: bucket.id, policy: "{}" });
            const s3BucketArn = pulumi.all([bucket.arn, policy.id]).apply(([arn]) => arn);
            new VpcLambdaNetwork("ordered", { pattern: NetworkPattern.Isolated, flowLogs: { destination: "s3", s3BucketArn } });
            await stack.settle();
            const flowLog = stack.get(T.flowLog, "ordered-flow-log");
            expect(flowLog.inputs.logDestination).to.equal(stack.get("aws:s3/bucket:Bucket", "flow-logs").outputs.arn).and.match(/^arn:aws:s3:::/);
            expect(flowLog.dependencies).to.include(stack.get("aws:s3/bucketPolicy:BucketPolicy", "flow-logs").urn);
        });
    });

    describe("with flow logs disabled", () => {
        let quiet: VpcLambdaNetwork;
        before(async () => {
            stack.reset();
            quiet = new VpcLambdaNetwork("quiet", { pattern: NetworkPattern.Isolated, flowLogs: { enabled: false } });
            await stack.settle();
        });

        it("builds no flow log, log group or role", () => {
            expect([T.flowLog, T.logGroup, T.role, T.rolePolicyAttachment].flatMap((type) => stack.ofType(type))).to.deep.equal([]);
        });

        it("reports no flow log id", async () => {
            expect(await valueOf(quiet.flowLogId)).to.equal(undefined);
        });

        it("still builds the ENI policy", () => {
            expect(stack.get(T.policy, "quiet-lambda-eni-policy").inputs.policy).to.include("ec2:CreateNetworkInterface");
        });
    });
});
