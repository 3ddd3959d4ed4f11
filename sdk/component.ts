import * as pulumi from "@pulumi/pulumi";
import type { LambdaVpcConfig, VpcLambdaNetworkArgs } from "./args";
import { planNetwork } from "./plan/plan-network";
import { ENDPOINT_SECURITY_GROUP_KEY } from "./plan/endpoints";
import { LAMBDA_SECURITY_GROUP_KEY, REPLACEMENT_SECURITY_GROUP_KEY } from "./plan/security-rules";
import { BuildContext, builtId, resolveRef } from "./resources/context";
import { buildDiagnostics, existingVpcCidrBlocks } from "./resources/diagnostics";
import { buildEndpoints } from "./resources/endpoints";
import { dualStackSubnetId } from "./resources/existing-subnet-ipv6";
import { buildFlowLog } from "./resources/flow-logs";
import { buildEniPolicy } from "./resources/iam";
import { buildNetwork } from "./resources/network";
import { buildSecurityGroupRules, buildSecurityGroups } from "./resources/security-groups";
import { validateArgs } from "./arguments/validate-args";
import { predictReachability } from "./checks/needs";
import { validatePlan } from "./checks/validate-plan";

/**
 * A VPC network for AWS Lambda functions, built right in one line: private subnets in each
 * zone, egress as the pattern says (NAT gateways, VPC endpoints, or none), a least-privilege
 * security group, the IAM policy Lambda needs for its network interfaces, and VPC flow logs.
 *
 * Pass `vpcConfig` to `aws.lambda.Function` and attach `eniPolicyArn` to the function's role.
 */
export class VpcLambdaNetwork extends pulumi.ComponentResource {
    /** The VPC's id (created, or the one given in `existingVpc`). */
    public readonly vpcId: pulumi.Output<string>;
    /** The private subnets functions run in, one per Availability Zone. */
    public readonly lambdaSubnetIds: pulumi.Output<string[]>;
    /** The public subnets holding the NAT gateways; empty unless the pattern is `PrivateWithNat`. */
    public readonly publicSubnetIds: pulumi.Output<string[]>;
    /** The functions' security group: no ingress, egress limited to what the pattern needs. */
    public readonly lambdaSecurityGroupId: pulumi.Output<string>;
    /**
     * A security group with no rules (no ingress, no egress), for functions to switch to just
     * before they are deleted: pass it as `replacementSecurityGroupIds: [id]` with
     * `replaceSecurityGroupsOnDestroy: true` on `aws.lambda.Function`. Lambda takes up to ~20
     * minutes (seen: an hour) to release a deleted function's network interfaces; moved onto
     * this group, they no longer hold `lambdaSecurityGroupId`, which can then be deleted or
     * replaced at once.
     */
    public readonly replacementSecurityGroupId: pulumi.Output<string>;
    /** The interface endpoints' security group (HTTPS from the Lambda group only); absent without interface endpoints. */
    public readonly endpointSecurityGroupId: pulumi.Output<string | undefined>;
    /** The NAT gateways, in zone order; empty unless the pattern is `PrivateWithNat`. */
    public readonly natGatewayIds: pulumi.Output<string[]>;
    /** The VPC endpoints' ids by service name, e.g. `{ s3: "vpce-...", secretsmanager: "vpce-..." }`. */
    public readonly vpcEndpointIds: pulumi.Output<Record<string, string>>;
    /** The VPC flow log's id; absent when flow logs are turned off. */
    public readonly flowLogId: pulumi.Output<string | undefined>;
    /** The IAM policy granting the network-interface actions; attach it to every function's execution role. */
    public readonly eniPolicyArn: pulumi.Output<string>;
    /** `{ subnetIds, securityGroupIds, ipv6AllowedForDualStack }`, ready for `aws.lambda.Function`'s `vpcConfig`. */
    public readonly vpcConfig: pulumi.Output<LambdaVpcConfig>;
    /** The new VPC's Amazon-provided IPv6 block (a /56) with `dualStack`; otherwise absent. */
    public readonly vpcIpv6CidrBlock: pulumi.Output<string | undefined>;
    /**
     * The diagnostics function's name, to invoke (`aws lambda invoke --function-name <name> out.json`);
     * absent unless `diagnostics.enabled`.
     */
    public readonly diagnosticsFunctionName: pulumi.Output<string | undefined>;

    constructor(name: string, args: VpcLambdaNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate and plan before registering anything: bad input leaves nothing half-built.
        const validated = validateArgs(name, args);
        const plan = planNetwork(name, validated);
        // What a function on this network reaches, worked out once: validation refuses a declared
        // need it blocks, and the diagnostics function compares it with what it finds.
        const predicted = predictReachability(plan);
        validatePlan(plan, predicted);
        super("vpc-lambda:index:VpcLambdaNetwork", name, {}, opts);
        validated.warnings.forEach((warning) => pulumi.log.warn(warning, this));

        const ctx = new BuildContext(plan, this);
        const network = buildNetwork(ctx);
        const groupIds = buildSecurityGroups(ctx, network.vpcId);
        const endpoints = buildEndpoints(ctx, network.vpcId, network, groupIds);
        buildSecurityGroupRules(ctx, groupIds, endpoints.prefixListIds);
        const eniPolicy = buildEniPolicy(ctx);
        const flowLog = buildFlowLog(ctx, network.vpcId);

        // Subnets the user gives must be dual-stack for a dual-stack network: checked by lookup.
        const checkSubnet = plan.vpc.kind === "existing" && plan.dualStack ? (id: pulumi.Input<string>) => dualStackSubnetId(ctx, id) : (id: pulumi.Input<string>) => id;
        const lambdaSubnetIds = plan.lambdaSubnets.map((ref) => checkSubnet(resolveRef(ref, network.ids)));
        const lambdaSecurityGroupId = builtId(groupIds, LAMBDA_SECURITY_GROUP_KEY);
        const replacementSecurityGroupId = builtId(groupIds, REPLACEMENT_SECURITY_GROUP_KEY);
        const diagnostics = plan.diagnostics
            ? buildDiagnostics(ctx, plan.diagnostics, {
                  subnetIds: lambdaSubnetIds,
                  lambdaSecurityGroupId,
                  replacementSecurityGroupId,
                  eniPolicyArn: eniPolicy.arn,
                  vpcCidrBlocks: plan.vpc.kind === "new" ? network.vpcCidrBlocks : existingVpcCidrBlocks(ctx, network.vpcId),
                  securityGroupIds: groupIds,
              }, predicted)
            : undefined;
        this.vpcId = pulumi.output(network.vpcId);
        this.lambdaSubnetIds = pulumi.all(lambdaSubnetIds);
        this.publicSubnetIds = pulumi.all(network.publicSubnetIds);
        this.lambdaSecurityGroupId = lambdaSecurityGroupId;
        this.replacementSecurityGroupId = replacementSecurityGroupId;
        this.endpointSecurityGroupId = pulumi.output(groupIds.get(ENDPOINT_SECURITY_GROUP_KEY));
        this.natGatewayIds = pulumi.all(network.natGatewayIds);
        this.vpcEndpointIds = pulumi.all(endpoints.endpointIds);
        this.flowLogId = flowLog ? flowLog.id : pulumi.output(undefined);
        this.eniPolicyArn = eniPolicy.arn;
        this.vpcConfig = pulumi.all([this.lambdaSubnetIds, lambdaSecurityGroupId]).apply(([subnetIds, groupId]) => ({
            subnetIds,
            securityGroupIds: [groupId],
            ipv6AllowedForDualStack: plan.dualStack,
        }));
        this.vpcIpv6CidrBlock = pulumi.output(network.vpcIpv6CidrBlock);
        this.diagnosticsFunctionName = diagnostics ? diagnostics.name : pulumi.output(undefined);

        this.registerOutputs({
            vpcId: this.vpcId,
            lambdaSubnetIds: this.lambdaSubnetIds,
            publicSubnetIds: this.publicSubnetIds,
            lambdaSecurityGroupId: this.lambdaSecurityGroupId,
            replacementSecurityGroupId: this.replacementSecurityGroupId,
            endpointSecurityGroupId: this.endpointSecurityGroupId,
            natGatewayIds: this.natGatewayIds,
            vpcEndpointIds: this.vpcEndpointIds,
            flowLogId: this.flowLogId,
            eniPolicyArn: this.eniPolicyArn,
            vpcConfig: this.vpcConfig,
            vpcIpv6CidrBlock: this.vpcIpv6CidrBlock,
            diagnosticsFunctionName: this.diagnosticsFunctionName,
        });
    }
}
