import { expect } from "chai";
import { NetworkPattern } from "../../sdk/args";
import { VpcLambdaNetwork } from "../../sdk/component";
import { MockStack } from "../../sdk/offline-engine/mock-stack";
import { blamed, verdictsOf, violationsOf } from "./helpers";
import { plainStack, PlainStackOptions } from "./plain-stack";

describe("policies: VPC flow logs", () => {
    let stack: MockStack;
    const verdicts = (options: PlainStackOptions, config?: Parameters<typeof verdictsOf>[2]) => verdictsOf(stack, (prefix) => plainStack(prefix, options), config);

    before(async () => {
        stack = await MockStack.install();
    });

    describe("vpc-flow-logs", () => {
        it("accepts a VPC with a flow log", async () => {
            expect(violationsOf(await verdicts({}), "vpc-flow-logs")).to.deep.equal([]);
        });

        it("rejects a VPC without a flow log, blaming the VPC", async () => {
            const [violation] = violationsOf(await verdicts({ flowLog: false }), "vpc-flow-logs");
            expect(violation.level).to.equal("mandatory");
            expect(blamed(violation)).to.match(/-vpc$/);
            expect(violation.message).to.match(/VPC "p\d+-vpc" has no flow log/);
        });

        it("accepts a VpcLambdaNetwork whose flow log goes to S3", async () => {
            const result = await verdictsOf(stack, (prefix) => new VpcLambdaNetwork(prefix, { pattern: NetworkPattern.Isolated, flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123" } }));
            expect(violationsOf(result, "vpc-flow-logs")).to.deep.equal([]);
        });

        it("skips a VPC listed in exemptVpcs", async () => {
            const result = await verdicts({ flowLog: false }, (prefix) => ({ "vpc-flow-logs": { exemptVpcs: [`${prefix}-vpc`] } }));
            expect(violationsOf(result, "vpc-flow-logs")).to.deep.equal([]);
        });
    });

    describe("flow-log-retention", () => {
        it("accepts 90 days, the default minimum", async () => {
            expect(violationsOf(await verdicts({ logRetentionDays: 90 }), "flow-log-retention")).to.deep.equal([]);
        });

        it("accepts a log group whose records never expire", async () => {
            expect(violationsOf(await verdicts({ logRetentionDays: undefined }), "flow-log-retention")).to.deep.equal([]);
        });

        it("warns (advisory) about 30 days, blaming the log group", async () => {
            const [violation] = violationsOf(await verdicts({ logRetentionDays: 30 }), "flow-log-retention");
            expect(violation.level).to.equal("advisory");
            expect(blamed(violation)).to.match(/-flow-logs$/);
            expect(violation.message).to.match(/keeps records 30 days; the minimum is 90/);
        });

        it("suggests the shortest retention CloudWatch accepts that meets the minimum", async () => {
            const result = await verdicts({ logRetentionDays: 90 }, { "flow-log-retention": { minimumRetentionDays: 100 } });
            expect(violationsOf(result, "flow-log-retention")[0].message).to.include("Set its retentionInDays to 120");
        });

        it("does not judge a flow log delivered to S3, whose bucket's lifecycle rules keep the records, whatever the minimum", async () => {
            const result = await verdictsOf(
                stack,
                (prefix) => new VpcLambdaNetwork(prefix, { pattern: NetworkPattern.Isolated, flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123" } }),
                { "flow-log-retention": { minimumRetentionDays: 3653 } },
            );
            expect(violationsOf(result, "flow-log-retention")).to.deep.equal([]);
        });

        it("still judges the component's own log group by default: 90 days fall short of a 365-day minimum", async () => {
            const result = await verdictsOf(stack, (prefix) => new VpcLambdaNetwork(prefix, { pattern: NetworkPattern.Isolated }), { "flow-log-retention": { minimumRetentionDays: 365 } });
            const violations = violationsOf(result, "flow-log-retention");
            expect(violations).to.have.length(1);
            expect(blamed(violations[0])).to.match(/^p\d+-flow-log-group$/);
        });

        it("takes the minimum from config", async () => {
            const result = await verdicts({ logRetentionDays: 90 }, { "flow-log-retention": { minimumRetentionDays: 365 } });
            expect(violationsOf(result, "flow-log-retention")[0].message).to.include("the minimum is 365");
        });
    });
});
