import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { expectProblem, validateLoose } from "../helpers/plan";

describe("validation: flowLogs", () => {
    it("rejects a retention CloudWatch Logs does not accept, listing those it does", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { retentionInDays: 91 } }, "flowLogs.retentionInDays", "91", "90, 120", "3653");
    });

    it("accepts 0 days, CloudWatch's never-expire", () => {
        expect(validateLoose({ pattern: "Isolated", flowLogs: { retentionInDays: 0 } }).flowLogs).to.include({ retentionInDays: 0 });
    });

    it("rejects a traffic type other than ALL, ACCEPT and REJECT", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { trafficType: "all" } }, "flowLogs.trafficType", '"all"', '"ALL", "ACCEPT", "REJECT"');
    });

    it("rejects an aggregation interval other than 60 or 600 seconds", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { maxAggregationInterval: 300 } }, "flowLogs.maxAggregationInterval", "300", "60 or 600");
    });

    it("rejects every setting given while flow logs are disabled, as it would be ignored", () => {
        const flowLogs = { enabled: false, retentionInDays: 30, trafficType: "REJECT", maxAggregationInterval: 60 };
        for (const key of ["retentionInDays", "trafficType", "maxAggregationInterval"]) {
            expectProblem({ pattern: "Isolated", flowLogs }, `flowLogs.${key}`, "enabled is false");
        }
    });

    it("rejects an enabled flag that is not a boolean", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { enabled: "yes" } }, "flowLogs.enabled", '"yes"', "true or false");
    });
});

describe("validation: flowLogs to S3", () => {
    const BUCKET = "arn:aws:s3:::flow-logs-123";
    const toS3 = (flowLogs: Record<string, unknown>) => ({ pattern: "Isolated", flowLogs: { destination: "s3", s3BucketArn: BUCKET, ...flowLogs } });

    it("rejects a destination other than cloud-watch-logs and s3, listing both", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { destination: "kinesis-data-firehose" } }, "flowLogs.destination", '"kinesis-data-firehose"', '"cloud-watch-logs", "s3"');
    });

    it("requires s3BucketArn with destination s3", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { destination: "s3" } }, "flowLogs.s3BucketArn", "is required", '"s3"', "arn:aws:s3:::");
    });

    it("rejects s3BucketArn without destination s3, saying cloud-watch-logs is the default", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { s3BucketArn: BUCKET } }, "flowLogs.s3BucketArn", '"cloud-watch-logs" (the default)', 'destination: "s3"');
    });

    it("rejects s3BucketArn with destination cloud-watch-logs", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { destination: "cloud-watch-logs", s3BucketArn: BUCKET } }, "flowLogs.s3BucketArn", 'destination is "cloud-watch-logs"');
    });

    it("rejects retentionInDays with S3, pointing at the bucket's lifecycle rules", () => {
        expectProblem(toS3({ retentionInDays: 90 }), "flowLogs.retentionInDays", "90", "no retention", "lifecycle");
    });

    it("rejects s3BucketArn while flow logs are disabled, as it would be ignored", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { enabled: false, destination: "s3", s3BucketArn: BUCKET } }, "flowLogs.s3BucketArn", "enabled is false");
    });

    it("accepts a bucket ARN with a prefix", () => {
        expect(validateLoose(toS3({ s3BucketArn: "arn:aws:s3:::flow-logs-123/vpc/app/" })).flowLogs).to.include({ s3BucketArn: "arn:aws:s3:::flow-logs-123/vpc/app/" });
    });

    for (const partition of ["aws-cn", "aws-us-gov"]) {
        it(`accepts a bucket in the ${partition} partition`, () => {
            expect(validateLoose(toS3({ s3BucketArn: `arn:${partition}:s3:::flow-logs-123` })).flowLogs).to.include({ s3BucketArn: `arn:${partition}:s3:::flow-logs-123` });
        });
    }

    it("keeps an Output bucket ARN as given, unchecked until it is known", () => {
        const arn = pulumi.output("arn:aws:s3:::from-another-resource");
        expect(validateLoose(toS3({ s3BucketArn: arn })).flowLogs).to.include({ s3BucketArn: arn });
    });

    it("keeps the traffic type and aggregation interval asked for", () => {
        expect(validateLoose(toS3({ trafficType: "REJECT", maxAggregationInterval: 60 })).flowLogs).to.include({ trafficType: "REJECT", maxAggregationInterval: 60 });
    });

    it("rejects a bare bucket name, suggesting its ARN", () => {
        expectProblem(toS3({ s3BucketArn: "flow-logs-123" }), "flowLogs.s3BucketArn", '"flow-logs-123" is not an ARN', '"arn:aws:s3:::flow-logs-123"');
    });

    it("rejects a partition other than aws, aws-cn and aws-us-gov", () => {
        expectProblem(toS3({ s3BucketArn: "arn:aws-iso:s3:::flow-logs-123" }), "flowLogs.s3BucketArn", '"aws-iso"', '"aws", "aws-cn", "aws-us-gov"');
    });

    it("rejects the ARN of another service, such as a log group", () => {
        expectProblem(toS3({ s3BucketArn: "arn:aws:logs:us-east-1:123456789012:log-group:flows" }), "flowLogs.s3BucketArn", "a logs resource", "not of an S3 bucket");
    });

    it("rejects an ARN with a region or account, such as an access point's", () => {
        expectProblem(toS3({ s3BucketArn: "arn:aws:s3:us-east-1:123456789012:accesspoint/flows" }), "flowLogs.s3BucketArn", "region or an account", "arn:aws:s3:::<bucket>");
    });

    it("rejects an ARN that names no bucket", () => {
        expectProblem(toS3({ s3BucketArn: "arn:aws:s3:::/flows" }), "flowLogs.s3BucketArn", "names no bucket");
    });

    it("rejects a bucket name S3 does not allow, stating the naming rule", () => {
        expectProblem(toS3({ s3BucketArn: "arn:aws:s3:::Flow_Logs" }), "flowLogs.s3BucketArn", '"Flow_Logs"', "3 to 63 lowercase letters, digits, dots and hyphens");
    });

    it("rejects a bucket name with two dots in a row", () => {
        expectProblem(toS3({ s3BucketArn: "arn:aws:s3:::flow..logs" }), "flowLogs.s3BucketArn", '"flow..logs"', "no two dots in a row");
    });

    it("rejects AWSLogs as a folder of the prefix, which AWS reserves", () => {
        expectProblem(toS3({ s3BucketArn: "arn:aws:s3:::flow-logs-123/AWSLogs/" }), "flowLogs.s3BucketArn", '"AWSLogs"', "reserves");
    });

    it("rejects a bucket ARN that is not a string", () => {
        expectProblem(toS3({ s3BucketArn: 42 }), "flowLogs.s3BucketArn", "42 is not a string");
    });
});

describe("validation: flowLogs.kmsKeyId (cdk-nag CloudWatchLogGroupEncrypted)", () => {
    const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    it("takes a key ARN for the CloudWatch log group", () => {
        expect(validateLoose({ pattern: "Isolated", flowLogs: { kmsKeyId: KEY } }).flowLogs).to.include({ kmsKeyId: KEY });
    });

    it("takes a multi-Region key's ARN", () => {
        const mrk = "arn:aws:kms:eu-west-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef";
        expect(validateLoose({ pattern: "Isolated", flowLogs: { kmsKeyId: mrk } }).flowLogs).to.include({ kmsKeyId: mrk });
    });

    it("rejects an alias, saying CloudWatch Logs takes the key's ARN", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { kmsKeyId: "alias/flow-logs" } }, "flowLogs.kmsKeyId", '"alias/flow-logs"', "an alias", "key's ARN");
    });

    it("rejects an alias ARN", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:alias/flow-logs" } }, "flowLogs.kmsKeyId", "alias ARN", ":key/<key id>");
    });

    it("rejects a bare key id", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { kmsKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" } }, "flowLogs.kmsKeyId", "bare key id");
    });

    it("rejects the ARN of something that is not a KMS key", () => {
        expectProblem({ pattern: "Isolated", flowLogs: { kmsKeyId: "arn:aws:s3:::flow-logs-123" } }, "flowLogs.kmsKeyId", "a s3 resource", "not of a KMS key");
    });

    it("rejects it with destination s3, whose bucket has its own encryption", () => {
        expectProblem(
            { pattern: "Isolated", flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123", kmsKeyId: KEY } },
            "flowLogs.kmsKeyId",
            "no log group to encrypt",
            "Remove it",
        );
    });

    it("takes an Output as given (checked once known, when the log group is built)", () => {
        const kmsKeyId = pulumi.output(KEY);
        expect(validateLoose({ pattern: "Isolated", flowLogs: { kmsKeyId } }).flowLogs).to.include({ kmsKeyId });
    });
});
