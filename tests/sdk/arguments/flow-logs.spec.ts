import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { parseS3BucketArn } from "../../../sdk/arguments/s3-bucket-arn";
import { expectProblem, rejectionOf, validateLoose } from "../../helpers/plan";

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

describe("validation: flowLogs, every answer", () => {
    it("takes enabled: true with nothing else as the defaults", () => {
        expect(validateLoose({ pattern: "Isolated", flowLogs: { enabled: true } }).flowLogs).to.deep.equal({
            destination: "cloud-watch-logs",
            retentionInDays: 90,
            trafficType: "ALL",
            maxAggregationInterval: 600,
        });
    });

    it("keeps every CloudWatch setting asked for", () => {
        const flowLogs = { destination: "cloud-watch-logs", retentionInDays: 3653, trafficType: "ACCEPT", maxAggregationInterval: 60 };
        expect(validateLoose({ pattern: "Isolated", flowLogs }).flowLogs).to.deep.equal(flowLogs);
    });

    it("refuses flowLogs that are not an object", () => {
        expectProblem({ pattern: "Isolated", flowLogs: true }, "flowLogs", "true is not an object such as { enabled: true, retentionInDays: 90 }.");
    });

    it("refuses the destination and the bucket while disabled, each under its own name", () => {
        const error = rejectionOf({ pattern: "Isolated", flowLogs: { enabled: false, destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123" } });
        expect(error.problems).to.deep.equal([
            { field: "flowLogs.destination", message: "is set but flowLogs.enabled is false, so it would be ignored; remove it or enable flow logs." },
            { field: "flowLogs.s3BucketArn", message: "is set but flowLogs.enabled is false, so it would be ignored; remove it or enable flow logs." },
        ]);
    });

    it("reports a bad traffic type and interval beside a bad retention, all at once", () => {
        const error = rejectionOf({ pattern: "Isolated", flowLogs: { trafficType: "SOME", maxAggregationInterval: 30, retentionInDays: 2 } });
        expect(error.problems.map((p) => p.field)).to.deep.equal(["flowLogs.trafficType", "flowLogs.maxAggregationInterval", "flowLogs.retentionInDays"]);
        expect(error.problems[2].message).to.equal("2 is not a retention CloudWatch Logs accepts; allowed: 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (0 keeps logs forever).");
    });

    it("reports the S3 problems beside a bad traffic type", () => {
        const error = rejectionOf({ pattern: "Isolated", flowLogs: { destination: "s3", trafficType: "SOME" } });
        expect(error.problems.map((p) => p.field)).to.deep.equal(["flowLogs.trafficType", "flowLogs.s3BucketArn"]);
    });

    it("words the destination problem with the allowed values", () => {
        expect(expectProblem({ pattern: "Isolated", flowLogs: { destination: 3 } }, "flowLogs.destination").message).to.equal('3 is not a flow-log destination; allowed: "cloud-watch-logs", "s3".');
    });

    it("keeps a bucket ARN that is a promise as given", () => {
        const arn = Promise.resolve("arn:aws:s3:::flow-logs-123");
        expect(validateLoose({ pattern: "Isolated", flowLogs: { destination: "s3", s3BucketArn: arn } }).flowLogs).to.deep.equal({
            destination: "s3",
            s3BucketArn: arn,
            trafficType: "ALL",
            maxAggregationInterval: 600,
        });
    });
});

describe("validation: S3 bucket ARNs, every answer", () => {
    const problemOf = (arn: string) => expectProblem({ pattern: "Isolated", flowLogs: { destination: "s3", s3BucketArn: arn } }, "flowLogs.s3BucketArn").message;

    it("takes a bucket name of 3 and of 63 characters, with dots and hyphens inside", () => {
        for (const bucket of ["abc", `a${"b.c-d".repeat(12)}z`, "a".repeat(63)]) {
            expect(validateLoose({ pattern: "Isolated", flowLogs: { destination: "s3", s3BucketArn: `arn:aws:s3:::${bucket}` } }).flowLogs).to.include({ s3BucketArn: `arn:aws:s3:::${bucket}` });
        }
    });

    it("refuses a bucket name of 2 or 64 characters, or one that starts or ends with a dot or hyphen", () => {
        for (const bucket of ["ab", "a".repeat(64), "-flow-logs", "flow-logs-", ".flow", "flow."]) {
            expect(problemOf(`arn:aws:s3:::${bucket}`)).to.equal(
                `"arn:aws:s3:::${bucket}" names the bucket ${JSON.stringify(bucket)}, which is not a bucket name; S3 allows 3 to 63 lowercase letters, digits, dots and hyphens, beginning and ending with a letter or digit, with no two dots in a row.`,
            );
        }
    });

    it("suggests an ARN only for a text that is itself a bucket name", () => {
        expect(problemOf("Flow Logs")).to.equal('"Flow Logs" is not an ARN; give the bucket\'s ARN, such as "arn:aws:s3:::my-flow-logs".');
        expect(problemOf("flow-logs-123")).to.equal('"flow-logs-123" is not an ARN; for the bucket of that name, write "arn:aws:s3:::flow-logs-123".');
    });

    it("refuses an access point's ARN, an ARN with an account only, and one with a region only", () => {
        const why = 'has a region or an account; an S3 bucket\'s ARN has neither: "arn:aws:s3:::<bucket>".';
        for (const arn of ["arn:aws:s3:us-east-1:123456789012:accesspoint/flows", "arn:aws:s3::123456789012:flows", "arn:aws:s3:us-east-1::flows"]) {
            expect(problemOf(arn)).to.equal(`${JSON.stringify(arn)} ${why}`);
        }
    });

    it("words the wrong service, and an ARN with no service", () => {
        expect(problemOf("arn:aws:sqs:us-east-1:123456789012:q")).to.equal('"arn:aws:sqs:us-east-1:123456789012:q" is the ARN of a sqs resource, not of an S3 bucket; give one such as "arn:aws:s3:::my-flow-logs".');
        expect(problemOf("arn:aws-cn::::flows")).to.equal('"arn:aws-cn::::flows" is the ARN of no service, not of an S3 bucket; give one such as "arn:aws-cn:s3:::my-flow-logs".');
    });

    it("words the partition and the missing bucket in the ARN's own partition", () => {
        expect(problemOf("arn:aws-iso:s3:::flows")).to.equal('"arn:aws-iso:s3:::flows" names the partition "aws-iso"; allowed: "aws", "aws-cn", "aws-us-gov".');
        expect(problemOf("arn:aws-us-gov:s3:::")).to.equal('"arn:aws-us-gov:s3:::" names no bucket; write it after "arn:aws-us-gov:s3:::", such as "arn:aws-us-gov:s3:::my-flow-logs".');
    });

    it("refuses AWSLogs as any folder of the prefix, and takes it as part of a longer name", () => {
        expect(problemOf("arn:aws:s3:::flow-logs-123/vpc/AWSLogs")).to.equal(
            '"arn:aws:s3:::flow-logs-123/vpc/AWSLogs" uses "AWSLogs" as a folder of its prefix, which AWS reserves for the folders it writes under the prefix; choose another prefix.',
        );
        const arn = "arn:aws:s3:::flow-logs-123/AWSLogsArchive/";
        expect(validateLoose({ pattern: "Isolated", flowLogs: { destination: "s3", s3BucketArn: arn } }).flowLogs).to.include({ s3BucketArn: arn });
    });
});

// Equivalent mutant: in parseS3BucketArn, `slash < 0 ? "" : ...` for the prefix becoming
// `slash <= 0` changes only the case of a slash right after "s3:::", where the bucket is ""
// and the ARN is refused ("names no bucket") before the prefix is read.
describe("validation: what parseS3BucketArn reads from a bucket ARN", () => {
    it("the partition, the bucket, and the key prefix after the first slash (empty without one)", () => {
        expect(parseS3BucketArn("arn:aws:s3:::flow-logs-123")).to.deep.equal({ partition: "aws", bucket: "flow-logs-123", prefix: "" });
        expect(parseS3BucketArn("arn:aws-cn:s3:::flow-logs-123/vpc/app/")).to.deep.equal({ partition: "aws-cn", bucket: "flow-logs-123", prefix: "vpc/app/" });
        expect(parseS3BucketArn("arn:aws:s3:::flow-logs-123/")).to.deep.equal({ partition: "aws", bucket: "flow-logs-123", prefix: "" });
    });

    it("refuses text around an ARN, and an ARN with a second line", () => {
        for (const arn of [" arn:aws:s3:::flow-logs-123", "xarn:aws:s3:::flow-logs-123", "arn:aws:s3:::flow-logs-123\nextra"]) {
            expect(parseS3BucketArn(arn), JSON.stringify(arn)).to.deep.equal({ problem: 'is not an ARN; give the bucket\'s ARN, such as "arn:aws:s3:::my-flow-logs".' });
        }
    });
});

describe("validation: flowLogs, the S3 sentences in full", () => {
    it("says what keeps a flow log's records in S3 instead of a retention", () => {
        const problem = expectProblem({ pattern: "Isolated", flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123", retentionInDays: 30 } }, "flowLogs.retentionInDays");
        expect(problem.message).to.equal(
            "30 is set, but a flow log to S3 has no retention: the bucket's lifecycle rules keep or expire its objects. " +
                "Remove it, and give the bucket a lifecycle rule (aws.s3.BucketLifecycleConfiguration) that expires the records when you no longer need them.",
        );
    });

    it("calls cloud-watch-logs the default only when the destination was left out", () => {
        const arn = "arn:aws:s3:::flow-logs-123";
        expect(expectProblem({ pattern: "Isolated", flowLogs: { s3BucketArn: arn } }, "flowLogs.s3BucketArn").message).to.equal(
            'is set, but flowLogs.destination is "cloud-watch-logs" (the default); set destination: "s3" to deliver to that bucket, or remove it.',
        );
        expect(expectProblem({ pattern: "Isolated", flowLogs: { destination: "cloud-watch-logs", s3BucketArn: arn } }, "flowLogs.s3BucketArn").message).to.equal(
            'is set, but flowLogs.destination is "cloud-watch-logs"; set destination: "s3" to deliver to that bucket, or remove it.',
        );
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

    it("refuses a key that is not a string, showing a key ARN", () => {
        expect(expectProblem({ pattern: "Isolated", flowLogs: { kmsKeyId: 42 } }, "flowLogs.kmsKeyId").message).to.equal(
            '42 is not a string; give the KMS key\'s ARN, such as "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab".',
        );
    });

    it("takes an Output as given (checked once known, when the log group is built)", () => {
        const kmsKeyId = pulumi.output(KEY);
        expect(validateLoose({ pattern: "Isolated", flowLogs: { kmsKeyId } }).flowLogs).to.include({ kmsKeyId });
    });
});
