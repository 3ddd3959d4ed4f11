import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext, flowLogDeliveryPolicy, flowLogTrustPolicy } from "../plan/iam-documents";
import { BuildContext } from "./context";

/** The VPC's flow log, to a CloudWatch log group with retention, through a guarded role. */
export function buildFlowLog(ctx: BuildContext, vpcId: pulumi.Input<string>): aws.ec2.FlowLog | undefined {
    const settings = ctx.plan.flowLog;
    if (!settings) {
        return undefined;
    }
    const invokeOptions = { parent: ctx.parent };
    const account: pulumi.Output<AccountContext> = pulumi
        .all([aws.getPartitionOutput({}, invokeOptions), aws.getRegionOutput({}, invokeOptions), aws.getCallerIdentityOutput({}, invokeOptions)])
        .apply(([partition, region, identity]) => ({ partition: partition.partition, region: region.region, accountId: identity.accountId }));

    const logGroup = new aws.cloudwatch.LogGroup(
        ctx.name(settings.logGroupKey),
        { retentionInDays: settings.retentionInDays, tags: ctx.tags(settings.logGroupKey) },
        ctx.options,
    );
    const role = new aws.iam.Role(
        ctx.name(settings.roleKey),
        {
            description: `Lets VPC Flow Logs of this account write ${ctx.plan.name}'s flow log`,
            assumeRolePolicy: account.apply((a) => JSON.stringify(flowLogTrustPolicy(a))),
            tags: ctx.tags(settings.roleKey),
        },
        ctx.options,
    );
    const rolePolicy = new aws.iam.RolePolicy(
        ctx.name(settings.rolePolicyKey),
        { role: role.id, policy: pulumi.all([account, logGroup.arn]).apply(([a, arn]) => JSON.stringify(flowLogDeliveryPolicy(a, arn))) },
        ctx.options,
    );
    return new aws.ec2.FlowLog(
        ctx.name(settings.key),
        {
            vpcId,
            trafficType: settings.trafficType,
            maxAggregationInterval: settings.maxAggregationInterval,
            logDestinationType: "cloud-watch-logs",
            logDestination: logGroup.arn,
            iamRoleArn: role.arn,
            tags: ctx.tags(settings.key),
        },
        // Without the role's permissions in place the first deliveries fail.
        { ...ctx.options, dependsOn: [rolePolicy] },
    );
}
