import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LAMBDA_SECURITY_GROUP_KEY, rulePeerArgs } from "../plan/security-rules";
import { NEEDS_TAG, needsTagValue } from "../network/needs";
import { needsOf } from "../checks/needs";
import type { ValidatedNeeds } from "../arguments/validated-args";
import { BuildContext, builtId, resolveRef } from "./context";

/**
 * The security groups, with no inline rules: the provider then removes AWS's default
 * allow-all egress rule, and each rule below is its own resource, reviewable on its own.
 */
export function buildSecurityGroups(ctx: BuildContext, vpcId: pulumi.Input<string>): Map<string, pulumi.Output<string>> {
    const ids = new Map<string, pulumi.Output<string>>();
    for (const group of ctx.plan.securityGroups) {
        const needs: Record<string, pulumi.Input<string>> = group.key === LAMBDA_SECURITY_GROUP_KEY && ctx.plan.needs ? { [NEEDS_TAG]: needsTag(ctx.plan.needs) } : {};
        const built = new aws.ec2.SecurityGroup(
            ctx.name(group.key),
            { vpcId, description: group.description, tags: { ...ctx.tags(group.key), ...needs } },
            ctx.options,
        );
        ids.set(group.key, built.id);
    }
    return ids;
}

/**
 * One `aws.vpc.SecurityGroup{Ingress,Egress}Rule` per planned rule. `built` holds the ids of the
 * security groups and, by endpoint key, the prefix-list ids of the gateway endpoints.
 */
export function buildSecurityGroupRules(ctx: BuildContext, groupIds: ReadonlyMap<string, pulumi.Output<string>>, prefixListIds: ReadonlyMap<string, pulumi.Output<string>>): void {
    for (const rule of ctx.plan.securityGroupRules) {
        const args = {
            securityGroupId: builtId(groupIds, rule.securityGroupKey),
            description: rule.description,
            ipProtocol: rule.ipProtocol,
            ...(rule.ipProtocol === "-1" ? {} : { fromPort: rule.fromPort, toPort: rule.toPort }),
            ...rulePeerArgs(rule.peer, (ref) => resolveRef(ref, groupIds), (endpointKey) => builtId(prefixListIds, endpointKey)),
            tags: ctx.tags(rule.key),
        };
        if (rule.direction === "ingress") {
            new aws.vpc.SecurityGroupIngressRule(ctx.name(rule.key), args, ctx.options);
        } else {
            new aws.vpc.SecurityGroupEgressRule(ctx.name(rule.key), args, ctx.options);
        }
    }
}

/**
 * The needs, as the tag the policy pack reads (sdk/network/needs.ts): a plain string when
 * every security group id is, so that a preview shows it; else known once the groups exist.
 */
function needsTag(needs: ValidatedNeeds): pulumi.Input<string> {
    const outputs = needs.securityGroups.map((g) => g.securityGroupId).filter((id): id is Exclude<pulumi.Input<string>, string> => typeof id !== "string");
    const tag = (resolved: string[]) => needsTagValue(needsOf(needs, (output) => resolved[outputs.indexOf(output as Exclude<pulumi.Input<string>, string>)]).map(({ need }) => need));
    return outputs.length === 0 ? tag([]) : pulumi.all(outputs).apply(tag);
}
