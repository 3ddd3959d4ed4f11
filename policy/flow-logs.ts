// VPC flow logs: every VPC records its traffic, and keeps the records long enough to use them.
// Facts: shared/AWS-FACTS.md, "VPC Flow Logs".
import type { StackValidationPolicy } from "@pulumi/policy";
import { AWS_LIMITS } from "../sdk/aws/limits";
import { AWS_RESOURCE_TYPES, VPC_TYPES } from "../sdk/aws/resource-types";
import { flowLogDestinationType } from "../sdk/network/flow-logs";
import { value } from "../sdk/network/network-resource";
import { describe, describeAtSentenceStart } from "./describe";
import { exemptionSchema, isExempt } from "./exemptions";
import { isUnknown, knownNumber } from "./known-values";
import { networkGraphOf } from "./network-resources";

export const vpcFlowLogs: StackValidationPolicy = {
    name: "vpc-flow-logs",
    description: "Every VPC in the stack has a flow log, so that its traffic (accepted and rejected) can be investigated.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Add an aws.ec2.FlowLog with vpcId set to the VPC (a VpcLambdaNetwork does this by default: flowLogs.enabled), " +
        "or list the VPC in this policy's `exemptVpcs`.",
    configSchema: { properties: { exemptVpcs: exemptionSchema("VPCs") } },
    validateStack: (args, reportViolation) => {
        const graph = networkGraphOf(args.resources);
        const flowLogs = graph.ofType(AWS_RESOURCE_TYPES.flowLog);
        // A flow log whose VPC is unknown and untraceable may be any VPC's: judge none then.
        const untraceable = flowLogs.some((log) => isUnknown(value(log, "vpcId")) && graph.followProperty(log, "vpcId", VPC_TYPES).resources.length === 0);
        if (untraceable) {
            return;
        }
        const exempt = args.getConfig<{ exemptVpcs?: string[] }>().exemptVpcs;
        for (const vpc of graph.ofType(...VPC_TYPES)) {
            if (isExempt(vpc, exempt) || graph.referrers(vpc, AWS_RESOURCE_TYPES.flowLog, "vpcId").length > 0) {
                continue;
            }
            reportViolation(
                `${describeAtSentenceStart(vpc)} has no flow log: nothing will record the traffic its network interfaces accept or reject. ` +
                    "Add an aws.ec2.FlowLog with this vpcId (to CloudWatch Logs or S3), or exempt the VPC in this policy's config.",
                vpc.urn,
            );
        }
    },
};

/** The component's own default retention, so that a default VpcLambdaNetwork passes. */
const DEFAULT_MINIMUM_RETENTION_DAYS = 90;
/** The retention periods CloudWatch Logs accepts (0, "never expire", aside). */
const ACCEPTED_RETENTION_DAYS = AWS_LIMITS.logRetentionDays.filter((days) => days > 0);

export const flowLogRetention: StackValidationPolicy = {
    name: "flow-log-retention",
    description: `The CloudWatch log group that receives a VPC flow log keeps its records at least the configured number of days (${DEFAULT_MINIMUM_RETENTION_DAYS} by default).`,
    enforcementLevel: "advisory",
    remediationSteps:
        "Raise the log group's retentionInDays to at least the minimum (a VpcLambdaNetwork's flowLogs.retentionInDays), or leave it unset " +
        `to keep records forever. CloudWatch accepts only these values: ${ACCEPTED_RETENTION_DAYS.join(", ")}.`,
    configSchema: {
        properties: {
            minimumRetentionDays: {
                type: "integer",
                minimum: 1,
                default: DEFAULT_MINIMUM_RETENTION_DAYS,
                description: "The shortest retention accepted, in days (AWS Config's cw-loggroup-retention-period-check uses 365).",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const minimum = args.getConfig<{ minimumRetentionDays?: number }>().minimumRetentionDays ?? DEFAULT_MINIMUM_RETENTION_DAYS;
        const suggested = ACCEPTED_RETENTION_DAYS.find((days) => days >= minimum);
        const graph = networkGraphOf(args.resources);
        for (const flowLog of graph.ofType(AWS_RESOURCE_TYPES.flowLog)) {
            // A flow log to S3 (or Firehose) is not applicable: no log group keeps its records, the
            // bucket's lifecycle rules do. One whose destination is not known yet is not judged.
            if (flowLogDestinationType(flowLog) !== "cloud-watch-logs") {
                continue;
            }
            for (const logGroup of graph.followProperty(flowLog, "logDestination", [AWS_RESOURCE_TYPES.logGroup]).resources) {
                const days = knownNumber(value(logGroup, "retentionInDays"));
                // Absent or 0 means the records never expire.
                if (isUnknown(days) || days === undefined || days === 0 || days >= minimum) {
                    continue;
                }
                reportViolation(
                    `${describeAtSentenceStart(logGroup)}, which receives ${describe(flowLog)}, keeps records ${days} days; the minimum is ${minimum}. ` +
                        (suggested !== undefined ? `Set its retentionInDays to ${suggested} (the shortest CloudWatch accepts that is long enough) or more.` : "Leave its retentionInDays unset: records never expire."),
                    logGroup.urn,
                );
            }
        }
    },
};

export const flowLogPolicies = [vpcFlowLogs, flowLogRetention];
