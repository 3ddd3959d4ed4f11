// Where Lambda functions sit in the network: in a VPC, across zones, in private subnets, behind
// closed security groups, within Lambda's limits. Facts: shared/AWS-FACTS.md, "Lambda in a VPC".
import type { ResourceValidationArgs, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { AWS_LIMITS } from "../sdk/aws/limits";
import { AWS_RESOURCE_TYPES } from "../sdk/aws/resource-types";
import type { NetworkGraph, SubnetNode } from "../sdk/network/network-graph";
import { value } from "../sdk/network/network-resource";
import { describe, describeAtSentenceStart } from "./describe";
import { exemptionSchema, isExempt } from "./exemptions";
import { isUnknown, knownList, knownString, toPlain } from "./known-values";
import { networkGraphOf } from "./network-resources";
import { stackGroups, worldOpenings } from "./security-group-ingress";
import { publicExposureOf } from "./subnet-exposure";

interface FunctionExemptions {
    exemptFunctions?: string[];
}

/** The function's own inputs as plain data, or `undefined` for any other resource or an exempt function. */
function functionUnderReview(args: ResourceValidationArgs, exempt?: unknown): Record<string, unknown> | undefined {
    if (args.type !== AWS_RESOURCE_TYPES.function || isExempt(args, exempt)) {
        return undefined;
    }
    return toPlain(args.props) as Record<string, unknown>;
}

/**
 * The stack's functions attached to a VPC (the network model's rule), with their resources and
 * the subnets they name, exemptions left out.
 */
function vpcFunctions(graph: NetworkGraph, exempt?: unknown) {
    return graph.vpcFunctions
        .map((fn) => ({ fn, resource: graph.resource(fn.id)!, subnets: [...new Set(fn.subnetIds)].map((id) => graph.subnet(id)) }))
        .filter(({ resource }) => !isExempt(resource, exempt));
}

export const lambdaInVpc: ResourceValidationPolicy = {
    name: "lambda-in-vpc",
    description: "Lambda functions run in a VPC: a vpcConfig with at least one subnet and one security group.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Give the function `vpcConfig: net.vpcConfig` from a VpcLambdaNetwork (or subnet ids and security group ids of your own), " +
        "or list it in this policy's `exemptFunctions` if it must run outside a VPC (Lambda@Edge functions cannot use a VPC).",
    configSchema: { properties: { exemptFunctions: exemptionSchema("Functions") } },
    validateResource: (args, reportViolation) => {
        const props = functionUnderReview(args, args.getConfig<FunctionExemptions>().exemptFunctions);
        // A vpcConfig computed from resources not created yet is unknown in a preview: not judged.
        if (!props || isUnknown(props.vpcConfig)) {
            return;
        }
        const vpcConfig = props.vpcConfig as Record<string, unknown> | undefined;
        if (!vpcConfig) {
            reportViolation(
                `Function "${args.name}" has no vpcConfig, so it runs outside any VPC: it cannot reach private resources, and no security group or flow log covers its traffic. ` +
                    "Set vpcConfig to a VpcLambdaNetwork's vpcConfig, or exempt the function in this policy's config.",
            );
            return;
        }
        const missing = (["subnetIds", "securityGroupIds"] as const).filter((key) => {
            const list = knownList(vpcConfig[key]);
            return Array.isArray(list) ? list.length === 0 : list === undefined;
        });
        if (missing.length > 0) {
            reportViolation(
                `Function "${args.name}" has a vpcConfig with no ${missing.join(" and no ")}; Lambda detaches a function whose vpcConfig is empty. ` +
                    "List at least one subnet and one security group (a VpcLambdaNetwork's vpcConfig has both).",
            );
        }
    },
};

export const lambdaVpcLimits: ResourceValidationPolicy = {
    name: "lambda-vpc-limits",
    description: `A function's vpcConfig names at most ${AWS_LIMITS.lambdaMaxSubnets} subnets and ${AWS_LIMITS.lambdaMaxSecurityGroups} security groups, Lambda's limits.`,
    enforcementLevel: "mandatory",
    remediationSteps:
        "Lambda rejects a vpcConfig beyond its limits when the function is created or updated. Keep one subnet per Availability Zone " +
        "and merge security groups: one group per function role is usually enough.",
    validateResource: (args, reportViolation) => {
        const props = functionUnderReview(args);
        const vpcConfig = props?.vpcConfig;
        if (!vpcConfig || isUnknown(vpcConfig)) {
            return;
        }
        const limits = [
            { key: "subnetIds", noun: "subnets", max: AWS_LIMITS.lambdaMaxSubnets },
            { key: "securityGroupIds", noun: "security groups", max: AWS_LIMITS.lambdaMaxSecurityGroups },
        ];
        for (const { key, noun, max } of limits) {
            // A list of known length counts even when its elements are not known yet.
            const list = knownList((vpcConfig as Record<string, unknown>)[key]);
            if (Array.isArray(list) && list.length > max) {
                reportViolation(
                    `Function "${args.name}" names ${list.length} ${noun} in vpcConfig.${key}; Lambda accepts at most ${max} and will reject the function. ` +
                        `Remove ${list.length - max} of them.`,
                );
            }
        }
    },
};

/** Two zones: what AWS recommends for a function to survive one zone's outage. */
const DEFAULT_MINIMUM_ZONES = 2;

interface MultiAzConfig extends FunctionExemptions {
    minimumAvailabilityZones?: number;
}

export const lambdaMultiAz: StackValidationPolicy = {
    name: "lambda-multi-az",
    description: "A VPC function's subnets span at least two Availability Zones, so that one zone's outage does not stop it.",
    enforcementLevel: "advisory",
    remediationSteps:
        "Add a subnet in another Availability Zone to the function's vpcConfig.subnetIds (a VpcLambdaNetwork builds one per zone: " +
        "numberOfAvailabilityZones defaults to 2).",
    configSchema: {
        properties: {
            minimumAvailabilityZones: { type: "integer", minimum: 1, default: DEFAULT_MINIMUM_ZONES, description: "How many zones a function's subnets must span." },
            exemptFunctions: exemptionSchema("Functions"),
        },
    },
    validateStack: (args, reportViolation) => {
        const config = args.getConfig<MultiAzConfig>();
        const minimum = config.minimumAvailabilityZones ?? DEFAULT_MINIMUM_ZONES;
        const graph = networkGraphOf(args.resources);
        for (const { fn, resource, subnets } of vpcFunctions(graph, config.exemptFunctions)) {
            const vpcConfig = value(resource, "vpcConfig");
            const ids = knownList(isUnknown(vpcConfig) ? vpcConfig : (vpcConfig as Record<string, unknown>).subnetIds);
            if (Array.isArray(ids) && ids.every((id) => knownString(id) !== undefined) && new Set(ids).size < minimum) {
                // Each subnet lies in exactly one zone: too few subnets need no lookup.
                reportViolation(
                    `Function "${resource.name}" names ${new Set(ids).size} subnet(s), so it runs in fewer than ${minimum} Availability Zones; ` +
                        `add subnets in other zones to vpcConfig.subnetIds.`,
                    resource.urn,
                );
                continue;
            }
            // Subnets outside the stack, or not known yet, have zones that cannot be read here.
            const everyZoneKnown = !fn.unknownSubnets && subnets.every((s) => s.inStack && s.zone !== undefined);
            const zones = new Set(subnets.map((s) => s.zone));
            if (everyZoneKnown && zones.size > 0 && zones.size < minimum) {
                reportViolation(
                    `Function "${resource.name}" runs only in ${[...zones].join(", ")} (subnets ${subnets.map((s) => `"${s.name}"`).join(", ")}); ` +
                        `spread vpcConfig.subnetIds over at least ${minimum} Availability Zones.`,
                    resource.urn,
                );
            }
        }
    },
};

export const lambdaPrivateSubnets: StackValidationPolicy = {
    name: "lambda-private-subnets",
    description: "VPC functions run in private subnets: none assigns public IPs or routes 0.0.0.0/0 (or ::/0) to an internet gateway.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "A function in a public subnet gets neither a public IP nor Internet access (AWS: Lambda ENIs never get public IPs). Put it in private " +
        "subnets whose default route goes to a NAT gateway (or nowhere), e.g. a VpcLambdaNetwork's lambdaSubnetIds.",
    configSchema: { properties: { exemptFunctions: exemptionSchema("Functions") } },
    validateStack: (args, reportViolation) => {
        const graph = networkGraphOf(args.resources);
        for (const { resource, subnets } of vpcFunctions(graph, args.getConfig<FunctionExemptions>().exemptFunctions)) {
            // During a preview the subnets come from vpcConfig's dependencies: the subnets its value is computed from.
            const exposed = subnets
                .filter((subnet) => subnet.inStack)
                .map((subnet) => ({ subnet, reasons: publicExposureOf(graph, subnet) }))
                .filter(({ reasons }) => reasons.length > 0);
            if (exposed.length > 0) {
                const details = exposed.map(({ subnet, reasons }) => `${describeSubnet(subnet)} (${reasons.join("; ")})`).join(", ");
                reportViolation(
                    `Function "${resource.name}" is placed in public subnets: ${details}. Lambda never gives a function a public IP, so it gains no Internet access there; ` +
                        "use private subnets routed to a NAT gateway (or with no route out).",
                    resource.urn,
                );
            }
        }
    },
};

export const lambdaSgNoPublicIngress: StackValidationPolicy = {
    name: "lambda-sg-no-public-ingress",
    description: "Security groups attached to Lambda functions admit nothing from 0.0.0.0/0 or ::/0.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Lambda functions take no inbound connections through their network interfaces, so a function's security group needs no ingress at all. " +
        "Remove the rules open to the Internet, or give the function its own group (a VpcLambdaNetwork's lambdaSecurityGroupId has no ingress).",
    validateStack: (args, reportViolation) => {
        const graph = networkGraphOf(args.resources);
        const attachments = vpcFunctions(graph).map(({ fn, resource }) => ({ guarded: resource, groups: stackGroups(graph, fn.securityGroupIds) }));
        for (const { group, guarded, openings } of worldOpenings(graph, attachments, () => true)) {
            reportViolation(
                `${describeAtSentenceStart(group)}, attached to function ${guarded.join(", ")}, admits ${openings.join(", ")}. ` +
                    "Remove these ingress rules: a Lambda function's security group needs no ingress.",
                group.urn,
            );
        }
    },
};

/**
 * Why a subnet cannot carry a dual-stack function: it has no IPv6 block, or it is IPv6-only.
 * `undefined` when it is dual-stack, or when its block is not known yet (a preview, where a
 * block computed from the VPC's is unknown): nothing to judge.
 */
function notDualStack(subnet: SubnetNode): string | undefined {
    if (subnet.ipv6Native) {
        return "is IPv6-only (ipv6Native)";
    }
    return subnet.dualStack ? undefined : "has no IPv6 block (ipv6CidrBlock)";
}

/** `subnet "app-lambda-1"`, as the network model knows it. */
function describeSubnet(subnet: SubnetNode): string {
    return describe({ type: AWS_RESOURCE_TYPES.subnet, name: subnet.name });
}

export const lambdaDualStackSubnets: StackValidationPolicy = {
    name: "lambda-dual-stack-subnets",
    description: "A function that allows IPv6 (vpcConfig.ipv6AllowedForDualStack) runs only in dual-stack subnets: each has an IPv6 block and an IPv4 one.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Lambda's IPv6 support needs dual-stack subnets: IPv4-only and IPv6-only subnets are refused for such a function. Give every subnet of its vpcConfig " +
        "an IPv6 /64 beside its IPv4 block (a VpcLambdaNetwork with `dualStack: true` does, and sets ipv6AllowedForDualStack in its vpcConfig), " +
        "or set ipv6AllowedForDualStack to false.",
    configSchema: { properties: { exemptFunctions: exemptionSchema("Functions") } },
    validateStack: (args, reportViolation) => {
        const graph = networkGraphOf(args.resources);
        for (const { fn, resource, subnets } of vpcFunctions(graph, args.getConfig<FunctionExemptions>().exemptFunctions)) {
            // A vpcConfig computed from new resources is unknown in a preview: whether it allows IPv6 is not known.
            if (fn.ipv6AllowedForDualStack !== true) {
                continue;
            }
            // Subnets the stack does not manage are not seen: only the stack's own are judged.
            const refused = subnets.filter((subnet) => subnet.inStack).map((subnet) => ({ subnet, reason: notDualStack(subnet) })).filter(({ reason }) => reason !== undefined);
            if (refused.length > 0) {
                reportViolation(
                    `Function "${resource.name}" allows IPv6 (vpcConfig.ipv6AllowedForDualStack), but ${refused.map(({ subnet, reason }) => `${describeSubnet(subnet)} ${reason}`).join(", ")}; ` +
                        "Lambda refuses IPv6 for a function unless all its subnets are dual-stack. Give them IPv6 blocks, or set ipv6AllowedForDualStack to false.",
                    resource.urn,
                );
            }
        }
    },
};

export const lambdaNetworkPolicies = [lambdaInVpc, lambdaMultiAz, lambdaPrivateSubnets, lambdaSgNoPublicIngress, lambdaVpcLimits, lambdaDualStackSubnets];
