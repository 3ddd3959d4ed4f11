import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { NetworkPattern } from "../../../sdk/args";
import { planFor } from "../../helpers/plan";

describe("plan: the flow log", () => {
    it("sends the records to a log group of its own, kept 90 days, written through a role, by default", () => {
        expect(planFor({ pattern: NetworkPattern.Isolated }).flowLog).to.deep.equal({
            key: "flow-log",
            trafficType: "ALL",
            maxAggregationInterval: 600,
            destination: { kind: "cloud-watch-logs", logGroupKey: "flow-log-group", retentionInDays: 90, roleKey: "flow-log-role", policyKey: "flow-log-policy", policyAttachmentKey: "flow-log-policy-attachment" },
        });
    });

    it("sends the records to the bucket given with destination s3, and plans no log group or role for it", () => {
        const plan = planFor({ pattern: NetworkPattern.Isolated, flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123/vpc/" } });
        expect(plan.flowLog?.destination).to.deep.equal({ kind: "s3", bucketArn: "arn:aws:s3:::flow-logs-123/vpc/" });
    });

    it("keeps the flow log's key whatever the destination, so switching replaces the flow log rather than adding a second one", () => {
        const toS3 = planFor({ pattern: NetworkPattern.Isolated, flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123" } });
        expect(toS3.flowLog?.key).to.equal(planFor({ pattern: NetworkPattern.Isolated }).flowLog?.key);
    });

    it("applies the traffic type and aggregation interval to a flow log to S3", () => {
        const plan = planFor({ pattern: NetworkPattern.Isolated, flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123", trafficType: "REJECT", maxAggregationInterval: 60 } });
        expect(plan.flowLog).to.include({ trafficType: "REJECT", maxAggregationInterval: 60 });
    });

    it("passes a bucket ARN that is an Output through untouched", () => {
        const arn = pulumi.output("arn:aws:s3:::from-another-stack");
        const plan = planFor({ pattern: NetworkPattern.Isolated, flowLogs: { destination: "s3", s3BucketArn: arn } });
        expect(plan.flowLog?.destination).to.include({ kind: "s3", bucketArn: arn });
    });

    it("plans no flow log when they are turned off", () => {
        expect(planFor({ pattern: NetworkPattern.Isolated, flowLogs: { enabled: false } }).flowLog).to.equal(undefined);
    });
});
