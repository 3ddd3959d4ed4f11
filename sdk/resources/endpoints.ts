import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Ref } from "../plan/types";
import { BuildContext, builtId, resolveRef } from "./context";
import { vpcIdWithPrivateDns } from "./existing-vpc-dns";

export interface BuiltEndpoints {
    /** Endpoint id by service name. */
    endpointIds: Record<string, pulumi.Output<string>>;
    /** The managed prefix list of each gateway endpoint, by endpoint key, for security-group rules. */
    prefixListIds: Map<string, pulumi.Output<string>>;
}

export function buildEndpoints(
    ctx: BuildContext,
    vpcId: pulumi.Input<string>,
    networkIds: ReadonlyMap<string, pulumi.Output<string>>,
    groupIds: ReadonlyMap<string, pulumi.Output<string>>,
): BuiltEndpoints {
    const { plan } = ctx;
    const endpointIds: Record<string, pulumi.Output<string>> = {};
    const prefixListIds = new Map<string, pulumi.Output<string>>();
    if (plan.gatewayEndpoints.length + plan.interfaceEndpoints.length === 0) {
        return { endpointIds, prefixListIds };
    }
    const region = aws.getRegionOutput({}, { parent: ctx.parent }).region;
    const serviceName = (service: string) => pulumi.interpolate`com.amazonaws.${region}.${service}`;

    for (const endpoint of plan.gatewayEndpoints) {
        const built = new aws.ec2.VpcEndpoint(
            ctx.name(endpoint.key),
            {
                vpcId,
                serviceName: serviceName(endpoint.service),
                vpcEndpointType: "Gateway",
                routeTableIds: endpoint.routeTables.map((ref) => resolveRef(ref, networkIds)),
                tags: ctx.tags(endpoint.key),
            },
            // Replaced (its service name is ForceNew in the provider's vpc_endpoint.go), a second
            // gateway endpoint for the service on the same route tables fails: the route to the
            // service's prefix list already exists. Delete the old one first.
            { ...ctx.options, deleteBeforeReplace: true },
        );
        endpointIds[endpoint.service] = built.id;
        prefixListIds.set(endpoint.key, built.prefixListId);
    }

    // AWS refuses private DNS in a VPC without DNS support and DNS hostnames. A VPC the component
    // makes has both; the user's is looked up, once, and the endpoints fail saying which is off.
    const interfaceVpcId =
        plan.vpc.kind === "existing" && plan.vpc.needsPrivateDns
            ? vpcIdWithPrivateDns(ctx, vpcId, plan.interfaceEndpoints.filter((e) => e.privateDnsEnabled).map((e) => e.service))
            : vpcId;
    // Endpoints share one subnet list; look its zones up once, not once per endpoint.
    const subnetsOnePerZone = new Map<Ref[], pulumi.Output<string[]>>();
    for (const endpoint of plan.interfaceEndpoints) {
        let subnetIds = subnetsOnePerZone.get(endpoint.subnets);
        if (!subnetIds) {
            subnetIds = onePerZone(ctx, endpoint.subnets, networkIds);
            subnetsOnePerZone.set(endpoint.subnets, subnetIds);
        }
        const built = new aws.ec2.VpcEndpoint(
            ctx.name(endpoint.key),
            {
                vpcId: interfaceVpcId,
                serviceName: serviceName(endpoint.service),
                vpcEndpointType: "Interface",
                privateDnsEnabled: endpoint.privateDnsEnabled,
                subnetIds,
                securityGroupIds: [builtId(groupIds, endpoint.securityGroupKey)],
                tags: ctx.tags(endpoint.key),
            },
            // Replaced, a second endpoint with the service's private DNS in the same VPC fails
            // ("conflicting DNS domain"): only one may hold it. Delete the old one first.
            { ...ctx.options, deleteBeforeReplace: true },
        );
        endpointIds[endpoint.service] = built.id;
    }
    return { endpointIds, prefixListIds };
}

/**
 * AWS takes at most one subnet per zone for an interface endpoint. Planned Lambda subnets are
 * one per zone already; the subnets of an existing VPC are looked up and the first of each
 * zone is kept.
 */
function onePerZone(ctx: BuildContext, subnets: Ref[], networkIds: ReadonlyMap<string, pulumi.Output<string>>): pulumi.Output<string[]> {
    const ids = subnets.map((ref) => resolveRef(ref, networkIds));
    if (subnets.every((ref) => "key" in ref)) {
        return pulumi.all(ids);
    }
    const zones = ids.map((id) => aws.ec2.getSubnetOutput({ id }, { parent: ctx.parent }).availabilityZone);
    return pulumi.all([pulumi.all(ids), pulumi.all(zones)]).apply(([subnetIds, zoneNames]) => {
        const seen = new Set<string>();
        return subnetIds.filter((_, i) => !seen.has(zoneNames[i]) && seen.add(zoneNames[i]));
    });
}
