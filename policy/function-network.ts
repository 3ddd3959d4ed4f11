import { AWS, SECURITY_GROUP_TYPES } from "./aws-types";
import { isUnknown, knownList, Unknown } from "./known-values";
import type { Reference, StackIndex, StackResource } from "./stack-index";

/** Where a Lambda function sits: its `vpcConfig`, and the subnets and security groups it names. */
export interface FunctionNetwork {
    /** The subnet ids as given: a list (elements may be unknown), `UNKNOWN`, or `undefined` outside a VPC. */
    subnetIds: unknown[] | Unknown | undefined;
    subnets: Reference;
    securityGroups: Reference;
}

/**
 * The network of a function. `vpcConfig` is often computed from resources of the same stack
 * (the component's `vpcConfig` output is), and so is unknown for new resources during a
 * preview; its property dependencies then name the subnets and groups it came from.
 */
export function functionNetwork(index: StackIndex, fn: StackResource): FunctionNetwork {
    const vpcConfig = fn.props.vpcConfig as Record<string, unknown> | Unknown | undefined;
    const field = (key: string): unknown => (isUnknown(vpcConfig) ? vpcConfig : vpcConfig?.[key]);
    const subnetIds = knownList(field("subnetIds"));
    return {
        subnetIds,
        subnets: vpcConfig === undefined ? none() : index.follow(fn, "vpcConfig", field("subnetIds"), [AWS.subnet]),
        securityGroups: vpcConfig === undefined ? none() : index.follow(fn, "vpcConfig", field("securityGroupIds"), SECURITY_GROUP_TYPES),
    };
}

/**
 * Whether the function is attached to a VPC: it names at least one subnet, or its `vpcConfig`
 * is not known yet but is computed from subnets or security groups of the stack.
 */
export function isInVpc(network: FunctionNetwork): boolean {
    if (isUnknown(network.subnetIds)) {
        return network.subnets.resources.length + network.securityGroups.resources.length > 0;
    }
    return Array.isArray(network.subnetIds) && network.subnetIds.length > 0;
}

function none(): Reference {
    return { resources: [], incomplete: false };
}
