import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { diagnosticsCode } from "./diagnostics-code";
import { diagnosticsEnvironment, ResolvedDiagnosticsValues } from "../diagnostics/environment";
import { ENDPOINT_SECURITY_GROUP_KEY } from "../plan/endpoints";
import { lambdaTrustPolicy, logGroupWriterPolicy } from "../plan/iam-documents";
import type { DiagnosticsPlan } from "../plan/types";
import { encodeExpectations } from "../diagnostics/expectations";
import { diagnosticsEnvironmentProblem } from "../checks/diagnostics-environment";
import type { PlannedReachability } from "../checks/needs";
import type { BuildContext } from "./context";
import { createdLogGroupArn } from "../checks/created-outputs";
import { vpcCidrBlocks } from "../checks/lookup-answers";

/** What the diagnostics function is attached to: the network's own subnets, groups and policy. */
export interface DiagnosticsNetwork {
    subnetIds: pulumi.Input<string>[];
    lambdaSecurityGroupId: pulumi.Input<string>;
    replacementSecurityGroupId: pulumi.Input<string>;
    eniPolicyArn: pulumi.Input<string>;
    /** The VPC's ranges, IPv4 and (with dual stack) IPv6: the handler calls an address private when it lies in one. */
    vpcCidrBlocks: pulumi.Input<pulumi.Input<string>[]>;
    /** The ids of the security groups the component builds, by their key in the plan. */
    securityGroupIds: ReadonlyMap<string, pulumi.Output<string>>;
}

/** Seconds the function may run: every probe is bounded well below this. */
const TIMEOUT_SECONDS = 30;
const MEMORY_MB = 256;

/**
 * The diagnostics function, set up as the Quickstart (README.md) tells users to set up theirs: its own role with
 * the ENI policy attached (the attachment outlives the function, so Lambda can delete its ENIs),
 * the Lambda subnets and security group, and the rule-less group swapped in on destroy. It is told
 * the reachability `predicted` for the network's functions, to compare with what it finds.
 */
export function buildDiagnostics(ctx: BuildContext, plan: DiagnosticsPlan, network: DiagnosticsNetwork, predicted: PlannedReachability): aws.lambda.Function {
    const logGroup = new aws.cloudwatch.LogGroup(
        ctx.name(plan.logGroupKey),
        { retentionInDays: plan.logRetentionInDays, tags: ctx.tags(plan.logGroupKey) },
        ctx.options,
    );
    const role = new aws.iam.Role(
        ctx.name(plan.roleKey),
        {
            description: `Runs the diagnostics function of ${ctx.plan.name}`,
            assumeRolePolicy: JSON.stringify(lambdaTrustPolicy()),
            tags: ctx.tags(plan.roleKey),
        },
        ctx.options,
    );
    // Customer-managed policies attached to the role, none inline (cdk-nag's IAMNoInlinePolicy).
    const logsPolicy = new aws.iam.Policy(
        ctx.name(plan.logsPolicyKey),
        {
            description: `Lets the diagnostics function of ${ctx.plan.name} write to its own log group`,
            policy: logGroup.arn.apply((arn) => JSON.stringify(logGroupWriterPolicy(createdLogGroupArn(ctx.plan.name, ctx.name(plan.logGroupKey), arn)))),
            tags: ctx.tags(plan.logsPolicyKey),
        },
        ctx.options,
    );
    const logging = new aws.iam.RolePolicyAttachment(ctx.name(plan.logsPolicyAttachmentKey), { role: role.name, policyArn: logsPolicy.arn }, ctx.options);
    const eniAccess = new aws.iam.RolePolicyAttachment(ctx.name(plan.eniPolicyAttachmentKey), { role: role.name, policyArn: network.eniPolicyArn }, ctx.options);

    // The predicted matrix names a group the component builds by its key, and one given as an
    // Output by a stand-in: the function is told their ids.
    const groupIds: Record<string, pulumi.Input<string>> = {};
    for (const cell of predicted.cells) {
        const id = cell.destination.kind === "securityGroup" ? cell.destination.securityGroupId : undefined;
        const real = id === undefined ? undefined : (network.securityGroupIds.get(id) ?? (predicted.standIns.get(id) as pulumi.Input<string> | undefined));
        if (id !== undefined && real !== undefined) {
            groupIds[id] = real;
        }
    }
    const endpointGroupId = network.securityGroupIds.get(ENDPOINT_SECURITY_GROUP_KEY);
    // The environment is checked once its values are known (in a preview when they are): Lambda
    // refuses more than 4 KB of variables at `pulumi up`.
    const variables = pulumi
        .all([pulumi.all(plan.targets.map((t) => pulumi.all([t.host, t.port, t.securityGroupId]))), network.vpcCidrBlocks, pulumi.all(groupIds), endpointGroupId])
        .apply(([targets, vpcCidrBlocks, resolvedGroupIds, endpointGroup]) => {
            const resolved: ResolvedDiagnosticsValues = {
                targets: targets.map(([host, port, securityGroupId]) => ({ host, port, ...(securityGroupId ? { securityGroupId } : {}) })),
                vpcCidrBlocks: vpcCidrBlocks.filter(Boolean),
                expectations: encodeExpectations(predicted.cells, (id) => resolvedGroupIds[id] ?? id),
                ...(endpointGroup ? { endpointGroupId: endpointGroup } : {}),
            };
            const problem = diagnosticsEnvironmentProblem(plan.configuration, resolved);
            if (problem) {
                throw new Error(`VpcLambdaNetwork "${ctx.plan.name}": diagnostics.targets: ${problem}`);
            }
            return diagnosticsEnvironment(plan.configuration, resolved);
        });
    return new aws.lambda.Function(
        ctx.name(plan.functionKey),
        {
            description: `Checks the network of ${ctx.plan.name} from inside it: invoke it and read the report`,
            runtime: aws.lambda.Runtime.NodeJS24dX,
            handler: "index.handler",
            code: diagnosticsCode(),
            role: role.arn,
            timeout: TIMEOUT_SECONDS,
            memorySize: MEMORY_MB,
            environment: { variables },
            loggingConfig: { logFormat: "Text", logGroup: logGroup.name },
            vpcConfig: {
                subnetIds: network.subnetIds,
                securityGroupIds: [network.lambdaSecurityGroupId],
                ipv6AllowedForDualStack: ctx.plan.dualStack,
            },
            replaceSecurityGroupsOnDestroy: true,
            replacementSecurityGroupIds: [network.replacementSecurityGroupId],
            tags: ctx.tags(plan.functionKey),
        },
        // The role must be able to create ENIs and write logs before the function is created.
        { ...ctx.options, dependsOn: [logging, eniAccess] },
    );
}

/** An existing VPC's IPv4 and IPv6 blocks, looked up: the diagnostics function calls addresses in them private. */
export function existingVpcCidrBlocks(ctx: BuildContext, vpcId: pulumi.Input<string>): pulumi.Output<string[]> {
    return pulumi.all([vpcId, ctx.lookUpExistingVpc(vpcId)]).apply(([id, answer]) => vpcCidrBlocks(ctx.plan.name, answer, id));
}
