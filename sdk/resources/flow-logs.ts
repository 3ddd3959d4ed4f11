import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext, flowLogDeliveryPolicy, flowLogTrustPolicy } from "../plan/iam-documents";
import type { CloudWatchLogsDestinationPlan, FlowLogDestinationPlan } from "../plan/types";
import { kmsKeyProblem } from "../arguments/kms-key-arn";
import { BuildContext } from "./context";
import { createdLogGroupArn } from "../checks/created-outputs";
import { accountId, partitionName } from "../checks/lookup-answers";

/** The VPC's flow log, to a CloudWatch log group (with retention, through a guarded role) or to the user's S3 bucket. */
export function buildFlowLog(ctx: BuildContext, vpcId: pulumi.Input<string>): aws.ec2.FlowLog | undefined {
    const settings = ctx.plan.flowLog;
    if (!settings) {
        return undefined;
    }
    const { inputs, dependsOn } = buildDestination(ctx, settings.destination);
    return new aws.ec2.FlowLog(
        ctx.name(settings.key),
        { vpcId, trafficType: settings.trafficType, maxAggregationInterval: settings.maxAggregationInterval, ...inputs, tags: ctx.tags(settings.key) },
        { ...ctx.options, dependsOn },
    );
}

interface BuiltDestination {
    inputs: Pick<aws.ec2.FlowLogArgs, "logDestinationType" | "logDestination" | "iamRoleArn">;
    dependsOn: pulumi.Resource[];
}

function buildDestination(ctx: BuildContext, destination: FlowLogDestinationPlan): BuiltDestination {
    if (destination.kind === "s3") {
        // The log delivery service writes under the bucket's policy: nothing to build, and no
        // role to pass (CreateFlowLogs: with s3, do not specify DeliverLogsPermissionArn).
        return { inputs: { logDestinationType: "s3", logDestination: destination.bucketArn }, dependsOn: [] };
    }
    return buildCloudWatchLogsDestination(ctx, destination);
}

function buildCloudWatchLogsDestination(ctx: BuildContext, destination: CloudWatchLogsDestinationPlan): BuiltDestination {
    const invokeOptions = { parent: ctx.parent };
    const { name } = ctx.plan;
    const account: pulumi.Output<AccountContext> = pulumi
        .all([aws.getPartitionOutput({}, invokeOptions), ctx.lookUpRegion(), ctx.lookUpCallerIdentity()])
        .apply(([partition, region, identity]) => ({ partition: partitionName(name, partition), region, accountId: accountId(name, identity) }));

    const logGroup = new aws.cloudwatch.LogGroup(
        ctx.name(destination.logGroupKey),
        {
            retentionInDays: destination.retentionInDays,
            ...(destination.kmsKeyId !== undefined ? { kmsKeyId: checkedKmsKeyId(ctx, destination.kmsKeyId, account) } : {}),
            tags: ctx.tags(destination.logGroupKey),
        },
        ctx.options,
    );
    const role = new aws.iam.Role(
        ctx.name(destination.roleKey),
        {
            description: `Lets VPC Flow Logs of this account write ${ctx.plan.name}'s flow log`,
            assumeRolePolicy: account.apply((a) => JSON.stringify(flowLogTrustPolicy(a))),
            tags: ctx.tags(destination.roleKey),
        },
        ctx.options,
    );
    // A customer-managed policy attached to the role rather than an inline one, so that rule sets
    // such as cdk-nag's IAMNoInlinePolicy (NIST 800-53 R5, HIPAA) find nothing to flag.
    const policy = new aws.iam.Policy(
        ctx.name(destination.policyKey),
        {
            description: `Lets the flow log of ${ctx.plan.name} write its records to its log group`,
            policy: pulumi
                .all([account, logGroup.arn])
                .apply(([a, arn]) => JSON.stringify(flowLogDeliveryPolicy(a, createdLogGroupArn(name, ctx.name(destination.logGroupKey), arn)))),
            tags: ctx.tags(destination.policyKey),
        },
        ctx.options,
    );
    const attachment = new aws.iam.RolePolicyAttachment(ctx.name(destination.policyAttachmentKey), { role: role.name, policyArn: policy.arn }, ctx.options);
    return {
        inputs: { logDestinationType: "cloud-watch-logs", logDestination: logGroup.arn, iamRoleArn: role.arn },
        // Without the role's permissions in place the first deliveries fail.
        dependsOn: [attachment],
    };
}

/**
 * The key ARN, passed on once it is known to be a key ARN in the log group's Region; otherwise the
 * log group fails with a sentence saying what to change (in `pulumi preview` already when the ARN is
 * known), instead of CloudWatch Logs' "The specified KMS key does not exist or is not allowed" at
 * `pulumi up`. The key policy cannot be checked here: reading it needs kms:GetKeyPolicy on the key,
 * which the deploying identity often lacks; docs/flow-logs.md says what it must allow.
 */
function checkedKmsKeyId(ctx: BuildContext, kmsKeyId: pulumi.Input<string>, account: pulumi.Output<AccountContext>): pulumi.Output<string> {
    return pulumi.all([kmsKeyId, account]).apply(([arn, { region }]) => {
        const problem = kmsKeyProblem(ctx.plan.name, arn, region);
        if (problem) {
            throw new Error(problem);
        }
        return arn;
    });
}
