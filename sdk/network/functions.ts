import { AWS_RESOURCE_TYPES, SECURITY_GROUP_TYPES } from "../aws/resource-types";
import { isPlainObject, isUnknown, knownList, UNKNOWN } from "./known-values";
import { NetworkResource, value } from "./network-resource";
import type { ResourceIndex } from "./resource-index";
import { internetRoutesOf } from "./route-tables";
import { subnetsOf } from "./subnets";

export interface FunctionNode {
    id: string;
    name: string;
    /** The subnets `vpcConfig` names: ids as given (some may be outside the stack), or, unknown in a preview, where they came from. */
    subnetIds: string[];
    securityGroupIds: string[];
    /** Some of its subnets are not known yet and no dependency says which (a preview): `subnetIds` may lack them. */
    unknownSubnets?: true;
    /** `vpcConfig.ipv6AllowedForDualStack`: undefined when not known (a preview of a computed vpcConfig). */
    ipv6AllowedForDualStack?: boolean;
}

/**
 * The stack's functions attached to a VPC: those whose `vpcConfig` names at least one subnet, or
 * whose subnets are not known yet (a preview: the component's `vpcConfig` is computed) but whose
 * `vpcConfig` comes from the stack's subnets or security groups, or names groups. An empty
 * `subnetIds` detaches a function from its VPC (Lambda API, VpcConfig).
 */
export function vpcFunctionsOf(index: ResourceIndex): FunctionNode[] {
    return index.memo("vpcFunctions", () => index.ofType(AWS_RESOURCE_TYPES.function).flatMap((r) => vpcFunctionOf(index, r) ?? []));
}

/** The functions in a VPC whose subnets the stack can name: the ones the reachability model walks from. */
export function functionsOf(index: ResourceIndex): FunctionNode[] {
    return index.memo("functions", () => vpcFunctionsOf(index).filter((fn) => fn.subnetIds.length > 0));
}

function vpcFunctionOf(index: ResourceIndex, r: NetworkResource): FunctionNode | undefined {
    const vpcConfig = value(r, "vpcConfig");
    if (vpcConfig === undefined || vpcConfig === null) {
        return undefined;
    }
    // A vpcConfig unknown as a whole (a preview) still records where its ids come from.
    const field = (key: string): unknown => (isUnknown(vpcConfig) ? UNKNOWN : isPlainObject(vpcConfig) ? vpcConfig[key] : undefined);
    const subnetIds = index.refs(r, "vpcConfig", [AWS_RESOURCE_TYPES.subnet], field("subnetIds") ?? null);
    const securityGroupIds = index.refs(r, "vpcConfig", SECURITY_GROUP_TYPES, field("securityGroupIds") ?? null);
    const given = knownList(field("subnetIds"));
    const inVpc = isUnknown(given) ? subnetIds.length + securityGroupIds.length > 0 : Array.isArray(given) && given.length > 0;
    if (!inVpc) {
        return undefined;
    }
    const unresolved = (isUnknown(given) || (given ?? []).some(isUnknown)) && index.dependenciesOf(r, "vpcConfig", [AWS_RESOURCE_TYPES.subnet]).length === 0;
    const ipv6Allowed = field("ipv6AllowedForDualStack");
    return {
        id: index.identity(r),
        name: r.name,
        subnetIds,
        securityGroupIds,
        ...(unresolved ? { unknownSubnets: true as const } : {}),
        // Absent is the provider's default, false; a vpcConfig unknown as a whole says nothing.
        ...(typeof ipv6Allowed === "boolean" ? { ipv6AllowedForDualStack: ipv6Allowed } : isPlainObject(vpcConfig) && ipv6Allowed === undefined ? { ipv6AllowedForDualStack: false } : {}),
    };
}

/**
 * The subnets Lambda functions run in: those of the stack's functions' `vpcConfig`; in a
 * stack without functions (a network-only stack), its subnets with no route to an internet
 * gateway (of either family), which is where functions would go.
 */
export function lambdaSubnetIdsOf(index: ResourceIndex): string[] {
    const fromFunctions = [...new Set(functionsOf(index).flatMap((fn) => fn.subnetIds))];
    if (fromFunctions.length > 0) {
        return fromFunctions;
    }
    return subnetsOf(index)
        .filter((s) => internetRoutesOf(index, s.id).length === 0)
        .map((s) => s.id);
}
