import { AWS_RESOURCE_TYPES, SECURITY_GROUP_TYPES } from "../aws/resource-types";
import { isPlainObject } from "./known-values";
import { value } from "./network-resource";
import type { ResourceIndex } from "./resource-index";
import { defaultRouteOf } from "./route-tables";
import { subnetsOf } from "./subnets";

export interface FunctionNode {
    id: string;
    name: string;
    subnetIds: string[];
    securityGroupIds: string[];
    /** `vpcConfig.ipv6AllowedForDualStack`: undefined when not known (a preview of a computed vpcConfig). */
    ipv6AllowedForDualStack?: boolean;
}

export function functionsOf(index: ResourceIndex): FunctionNode[] {
    return index.memo("functions", () =>
        index
            .ofType(AWS_RESOURCE_TYPES.function)
            .map((r) => {
                const vpcConfig = value(r, "vpcConfig");
                const known = isPlainObject(vpcConfig) ? vpcConfig : {};
                // A vpcConfig unknown as a whole (a preview) still records where its ids come from.
                const configured = vpcConfig !== undefined && vpcConfig !== null;
                const ipv6Allowed = known.ipv6AllowedForDualStack;
                return {
                    id: index.identity(r),
                    name: r.name,
                    subnetIds: configured ? index.refs(r, "vpcConfig", [AWS_RESOURCE_TYPES.subnet], known.subnetIds ?? null) : [],
                    securityGroupIds: configured ? index.refs(r, "vpcConfig", SECURITY_GROUP_TYPES, known.securityGroupIds ?? null) : [],
                    // Absent is the provider's default, false; a vpcConfig unknown as a whole says nothing.
                    ...(typeof ipv6Allowed === "boolean" ? { ipv6AllowedForDualStack: ipv6Allowed } : isPlainObject(vpcConfig) && ipv6Allowed === undefined ? { ipv6AllowedForDualStack: false } : {}),
                };
            })
            .filter((fn) => fn.subnetIds.length > 0),
    );
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
        .filter((s) => defaultRouteOf(index, s.id, "ipv4")?.kind !== "internetGateway" && defaultRouteOf(index, s.id, "ipv6")?.kind !== "internetGateway")
        .map((s) => s.id);
}
