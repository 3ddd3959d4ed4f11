import * as pulumi from "@pulumi/pulumi";
import { FlowLogDestination, FlowLogTrafficType } from "../args";
import { AWS_LIMITS } from "../aws/limits";
import { checkKnownKeys, isPlainObject, oneOf, ProblemList, show } from "./problems";
import { parseKmsKeyArn } from "./kms-key-arn";
import { parseS3BucketArn } from "./s3-bucket-arn";
import type { ValidatedCloudWatchFlowLogs, ValidatedFlowLogs } from "./validated-args";

export const FLOW_LOG_DEFAULTS: ValidatedCloudWatchFlowLogs = {
    destination: FlowLogDestination.CloudWatchLogs,
    retentionInDays: 90,
    trafficType: FlowLogTrafficType.All,
    maxAggregationInterval: 600,
};
const DESTINATIONS = Object.values(FlowLogDestination);
const TRAFFIC_TYPES = Object.values(FlowLogTrafficType);
const SETTINGS = ["destination", "s3BucketArn", "kmsKeyId", "retentionInDays", "trafficType", "maxAggregationInterval"] as const;

/** Returns the flow-log settings, or undefined when flow logs are turned off (or invalid). */
export function validateFlowLogs(problems: ProblemList, value: unknown): ValidatedFlowLogs | undefined {
    if (value === undefined) {
        return FLOW_LOG_DEFAULTS;
    }
    if (!isPlainObject(value)) {
        problems.add("flowLogs", `${show(value)} is not an object such as { enabled: true, retentionInDays: 90 }.`);
        return undefined;
    }
    checkKnownKeys(problems, "flowLogs", value, ["enabled", ...SETTINGS]);
    const enabled = value.enabled ?? true;
    if (typeof enabled !== "boolean") {
        problems.add("flowLogs.enabled", `${show(enabled)} is not true or false.`);
        return undefined;
    }
    if (!enabled) {
        for (const setting of SETTINGS) {
            if (value[setting] !== undefined) {
                problems.add(`flowLogs.${setting}`, `is set but flowLogs.enabled is false, so it would be ignored; remove it or enable flow logs.`);
            }
        }
        return undefined;
    }
    // Both destinations take the same traffic type and aggregation interval.
    const common = {
        trafficType: validateTrafficType(problems, value.trafficType),
        maxAggregationInterval: validateAggregationInterval(problems, value.maxAggregationInterval),
    };
    const destination = value.destination ?? FLOW_LOG_DEFAULTS.destination;
    if (destination === FlowLogDestination.S3) {
        if (value.retentionInDays !== undefined) {
            problems.add(
                "flowLogs.retentionInDays",
                `${show(value.retentionInDays)} is set, but a flow log to S3 has no retention: the bucket's lifecycle rules keep or expire its objects. ` +
                    "Remove it, and give the bucket a lifecycle rule (aws.s3.BucketLifecycleConfiguration) that expires the records when you no longer need them.",
            );
        }
        if (value.kmsKeyId !== undefined) {
            problems.add(
                "flowLogs.kmsKeyId",
                `is set, but a flow log to S3 writes no log group to encrypt: the bucket's own encryption applies (a bucket encrypted with a customer managed key needs its key policy to admit delivery.logs.amazonaws.com). Remove it.`,
            );
        }
        const s3BucketArn = validateS3BucketArn(problems, value.s3BucketArn);
        return s3BucketArn === undefined ? undefined : { destination, s3BucketArn, ...common };
    }
    if (destination === FlowLogDestination.CloudWatchLogs) {
        if (value.s3BucketArn !== undefined) {
            const why = value.destination === undefined ? "flowLogs.destination is \"cloud-watch-logs\" (the default)" : "flowLogs.destination is \"cloud-watch-logs\"";
            problems.add("flowLogs.s3BucketArn", `is set, but ${why}; set destination: "s3" to deliver to that bucket, or remove it.`);
        }
        const kmsKeyId = validateKmsKeyId(problems, value.kmsKeyId);
        return { destination, retentionInDays: validateRetention(problems, value.retentionInDays), ...(kmsKeyId !== undefined ? { kmsKeyId } : {}), ...common };
    }
    problems.add("flowLogs.destination", `${show(destination)} is not a flow-log destination; allowed: ${oneOf(DESTINATIONS)}.`);
    return undefined;
}

function validateTrafficType(problems: ProblemList, trafficType: unknown): FlowLogTrafficType {
    if (trafficType === undefined || TRAFFIC_TYPES.includes(trafficType as FlowLogTrafficType)) {
        return (trafficType as FlowLogTrafficType | undefined) ?? FLOW_LOG_DEFAULTS.trafficType;
    }
    problems.add("flowLogs.trafficType", `${show(trafficType)} is not a traffic type; allowed: ${oneOf(TRAFFIC_TYPES)}.`);
    return FLOW_LOG_DEFAULTS.trafficType;
}

function validateAggregationInterval(problems: ProblemList, seconds: unknown): number {
    if (seconds === undefined || (AWS_LIMITS.flowLogAggregationIntervals as readonly unknown[]).includes(seconds)) {
        return (seconds as number | undefined) ?? FLOW_LOG_DEFAULTS.maxAggregationInterval;
    }
    problems.add("flowLogs.maxAggregationInterval", `${show(seconds)} is not an aggregation interval AWS accepts; allowed: ${AWS_LIMITS.flowLogAggregationIntervals.join(" or ")} seconds.`);
    return FLOW_LOG_DEFAULTS.maxAggregationInterval;
}

function validateRetention(problems: ProblemList, days: unknown): number {
    if (days === undefined || (AWS_LIMITS.logRetentionDays as readonly unknown[]).includes(days)) {
        return (days as number | undefined) ?? FLOW_LOG_DEFAULTS.retentionInDays;
    }
    problems.add("flowLogs.retentionInDays", `${show(days)} is not a retention CloudWatch Logs accepts; allowed: ${AWS_LIMITS.logRetentionDays.join(", ")} (0 keeps logs forever).`);
    return FLOW_LOG_DEFAULTS.retentionInDays;
}

/**
 * The log group's KMS key: its shape is checked when it is a plain string; an Output (or a promise)
 * is checked once known, with the Region, when the log group is built (resources/flow-logs.ts).
 */
function validateKmsKeyId(problems: ProblemList, arn: unknown): pulumi.Input<string> | undefined {
    if (arn === undefined || pulumi.Output.isInstance(arn) || arn instanceof Promise) {
        return arn as pulumi.Input<string> | undefined;
    }
    if (typeof arn !== "string") {
        problems.add("flowLogs.kmsKeyId", `${show(arn)} is not a string; give the KMS key's ARN, such as "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab".`);
        return undefined;
    }
    const parsed = parseKmsKeyArn(arn);
    if ("problem" in parsed) {
        problems.add("flowLogs.kmsKeyId", `${show(arn)} ${parsed.problem}`);
        return undefined;
    }
    return arn;
}

/** The bucket's ARN: checked when it is a plain string; an Output (or a promise) is taken as given. */
function validateS3BucketArn(problems: ProblemList, arn: unknown): pulumi.Input<string> | undefined {
    if (arn === undefined) {
        problems.add("flowLogs.s3BucketArn", 'is required with flowLogs.destination "s3": the ARN of the bucket to deliver to, such as "arn:aws:s3:::my-flow-logs".');
        return undefined;
    }
    if (pulumi.Output.isInstance(arn) || arn instanceof Promise) {
        return arn as pulumi.Input<string>;
    }
    if (typeof arn !== "string") {
        problems.add("flowLogs.s3BucketArn", `${show(arn)} is not a string; give the bucket's ARN, such as "arn:aws:s3:::my-flow-logs".`);
        return undefined;
    }
    const parsed = parseS3BucketArn(arn);
    if ("problem" in parsed) {
        problems.add("flowLogs.s3BucketArn", `${show(arn)} ${parsed.problem}`);
        return undefined;
    }
    return arn;
}
