import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { endpointServiceNameCandidates } from "../aws/resource-types";
import type { EndpointPolicyPlan, GatewayEndpointPlan, InterfaceEndpointPlan, Ref } from "../plan/types";
import { sameAccountEndpointPolicy } from "../plan/iam-documents";
import { endpointPolicyProblem } from "../arguments/endpoint-policies";
import { endpointPolicyIsWritten } from "../checks/endpoint-policies";
import { subnetsOfferingService } from "../checks/endpoint-zones";
import { privateDnsConflict, routeTablesFreeOfService } from "../checks/existing-endpoints";
import { BuildContext, builtId, resolveRef } from "./context";
import { lookUpExistingEndpoint } from "./existing-endpoints";
import { vpcIdWithPrivateDns } from "./existing-vpc-dns";
import { accountId, endpointPolicySupported, endpointServiceName, endpointServiceZones, subnetZone } from "../checks/lookup-answers";
import type { BuiltNetwork } from "./network";

export interface BuiltEndpoints {
    /** Endpoint id by service name. */
    endpointIds: Record<string, pulumi.Output<string>>;
    /** The managed prefix list of each gateway endpoint, by endpoint key, for security-group rules. */
    prefixListIds: Map<string, pulumi.Output<string>>;
}

/** A Lambda subnet, the first of its zone, as an interface endpoint may take it: its place in the list, and its zone. */
interface ZonedSubnet {
    index: number;
    zone: string;
}

/** An endpoint service as looked up: the answer, and the service's full name read from it. */
interface LookedUpService {
    answer: pulumi.Output<aws.ec2.GetVpcEndpointServiceResult>;
    serviceName: pulumi.Output<string>;
}

/** The Lambda subnets' ids, and the first subnet of each of their zones. */
interface LambdaSubnetsByZone {
    ids: pulumi.Output<string[]>;
    firstOfEachZone: pulumi.Output<ZonedSubnet[]>;
}

export function buildEndpoints(ctx: BuildContext, vpcId: pulumi.Input<string>, network: BuiltNetwork, groupIds: ReadonlyMap<string, pulumi.Output<string>>): BuiltEndpoints {
    const { plan } = ctx;
    const endpointIds: Record<string, pulumi.Output<string>> = {};
    const prefixListIds = new Map<string, pulumi.Output<string>>();
    if (plan.gatewayEndpoints.length + plan.interfaceEndpoints.length === 0) {
        return { endpointIds, prefixListIds };
    }
    const region = ctx.lookUpRegion();
    // Service names are looked up, not built: in the China Regions several are
    // `cn.com.amazonaws.<region>.<service>`. The provider's `service` argument builds
    // `com.amazonaws.<region>.<service>` only (its own docs say it "will not work" for the others),
    // so the lookup filters on both forms, of which the Region has one. It also tells the zones
    // an interface endpoint's service is offered in.
    const lookUpService = (service: string, serviceType: "Gateway" | "Interface"): LookedUpService => {
        const answer = aws.ec2.getVpcEndpointServiceOutput(
            { serviceType, filters: [{ name: "service-name", values: region.apply((r) => endpointServiceNameCandidates(r, service)) }] },
            { parent: ctx.parent },
        );
        return { answer, serviceName: pulumi.all([answer, region]).apply(([a, r]) => endpointServiceName(plan.name, a, service, r)) };
    };

    for (const endpoint of plan.gatewayEndpoints) {
        const service = lookUpService(endpoint.service, "Gateway");
        const { serviceName } = service;
        const built = new aws.ec2.VpcEndpoint(
            ctx.name(endpoint.key),
            {
                vpcId,
                serviceName,
                vpcEndpointType: "Gateway",
                routeTableIds: gatewayRouteTableIds(ctx, endpoint, vpcId, serviceName, network.ids),
                ...(endpoint.policy ? { policy: policyDocument(ctx, endpoint.service, endpoint.policy, service) } : {}),
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
    // Endpoints share one subnet list; find its zones once, not once per endpoint.
    const zonedSubnets = new Map<Ref[], LambdaSubnetsByZone>();
    for (const endpoint of plan.interfaceEndpoints) {
        let subnets = zonedSubnets.get(endpoint.subnets);
        if (!subnets) {
            subnets = firstSubnetOfEachZone(ctx, endpoint.subnets, network);
            zonedSubnets.set(endpoint.subnets, subnets);
        }
        const service = lookUpService(endpoint.service, "Interface");
        const built = new aws.ec2.VpcEndpoint(
            ctx.name(endpoint.key),
            {
                vpcId: interfaceVpcId,
                serviceName: service.serviceName,
                vpcEndpointType: "Interface",
                privateDnsEnabled: endpoint.privateDnsEnabled,
                subnetIds: interfaceSubnetIds(ctx, endpoint, subnets, service, vpcId),
                securityGroupIds: [builtId(groupIds, endpoint.securityGroupKey)],
                ...(endpoint.policy ? { policy: policyDocument(ctx, endpoint.service, endpoint.policy, service) } : {}),
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
 * The endpoint's `policy`: the service's own, checked once known, or SameAccount's for the stack's
 * account; none where the service takes no policy (refused for the service's own, in a preview
 * already, since the lookup answers then). Only endpoints with a planned policy get the input at
 * all: with FullAccess an endpoint already running sees no change.
 */
function policyDocument(ctx: BuildContext, service: string, planned: EndpointPolicyPlan, lookedUp: LookedUpService): pulumi.Output<string | undefined> {
    const { name } = ctx.plan;
    const written = pulumi
        .all([lookedUp.answer, lookedUp.serviceName])
        .apply(([answer, serviceName]) => endpointPolicyIsWritten(name, service, serviceName, planned, endpointPolicySupported(name, answer, service), (message) => pulumi.log.warn(message, ctx.parent)));
    const document =
        planned.kind === "sameAccount"
            ? ctx.lookUpCallerIdentity().apply((identity) => JSON.stringify(sameAccountEndpointPolicy(accountId(name, identity))))
            : pulumi.output(planned.document).apply((text) => {
                  const problem = endpointPolicyProblem(name, service, text);
                  if (problem) {
                      throw new Error(problem);
                  }
                  return text;
              });
    return pulumi.all([written, document]).apply(([write, text]) => (write ? text : undefined));
}

/**
 * The route tables a gateway endpoint goes on: every Lambda route table, but in the user's VPC
 * those another endpoint of the service already routes through (left to it, with a warning).
 */
function gatewayRouteTableIds(
    ctx: BuildContext,
    endpoint: GatewayEndpointPlan,
    vpcId: pulumi.Input<string>,
    serviceName: pulumi.Output<string>,
    networkIds: ReadonlyMap<string, pulumi.Output<string>>,
): pulumi.Input<pulumi.Input<string>[]> {
    const routeTableIds = endpoint.routeTables.map((ref) => resolveRef(ref, networkIds));
    if (ctx.plan.vpc.kind !== "existing") {
        return routeTableIds;
    }
    const existing = lookUpExistingEndpoint(ctx, endpoint, vpcId, serviceName, "Gateway");
    return pulumi
        .all([pulumi.all(routeTableIds), existing])
        .apply(([ids, found]) => (found ? routeTablesFreeOfService(endpoint.service, ids, found, (message) => pulumi.log.warn(message, ctx.parent)) : ids));
}

/**
 * The subnets an interface endpoint goes in: the first Lambda subnet of each zone the service is
 * offered in. Failing here fails the endpoint in `pulumi preview` already: the zones are known
 * then (by name, or by the zone lookup), even while the new subnets' ids are not.
 */
function interfaceSubnetIds(
    ctx: BuildContext,
    endpoint: InterfaceEndpointPlan,
    subnets: LambdaSubnetsByZone,
    service: LookedUpService,
    vpcId: pulumi.Input<string>,
): pulumi.Output<string[]> {
    const whereToPick =
        ctx.plan.vpc.kind === "existing" ? "give existingVpc.subnetIds in a zone it is offered in" : "choose zones it is offered in with availabilityZoneNames";
    const offered = pulumi.all([subnets.firstOfEachZone, service.serviceName, service.answer]).apply(([all, serviceName, answer]) => {
        const zones = endpointServiceZones(ctx.plan.name, answer, endpoint.service, all.map((s) => s.zone));
        return subnetsOfferingService(ctx.plan.name, endpoint.service, serviceName, all, zones, whereToPick, (message) => pulumi.log.warn(message, ctx.parent));
    });
    // In the user's VPC, another endpoint may hold the service's private DNS already.
    const checked =
        ctx.plan.vpc.kind !== "existing"
            ? offered
            : pulumi.all([offered, vpcId, service.serviceName, lookUpExistingEndpoint(ctx, endpoint, vpcId, service.serviceName, "Interface")]).apply(([kept, vpc, serviceName, found]) => {
                  const problem = found && privateDnsConflict(ctx.plan.name, vpc, endpoint.service, serviceName, found);
                  if (problem) {
                      throw new Error(problem);
                  }
                  return kept;
              });
    return pulumi.all([checked, subnets.ids]).apply(([kept, ids]) => kept.map((s) => ids[s.index]));
}

/**
 * AWS takes at most one subnet per zone for an interface endpoint. Planned Lambda subnets are one
 * per zone already, their zones known from the plan; the subnets of an existing VPC are looked up
 * and the first of each zone is kept. Subnet ids unknown in a preview stay unknown; their zones
 * do not, and the zone check only waits for the zones.
 */
function firstSubnetOfEachZone(ctx: BuildContext, subnets: Ref[], network: BuiltNetwork): LambdaSubnetsByZone {
    const ids = subnets.map((ref) => resolveRef(ref, network.ids));
    const zones = subnets.map((ref, i) =>
        "key" in ref
            ? builtZone(network, ref.key)
            : pulumi.all([ids[i], aws.ec2.getSubnetOutput({ id: ids[i] }, { parent: ctx.parent })]).apply(([id, answer]) => subnetZone(ctx.plan.name, answer, id)),
    );
    const firstOfEachZone = pulumi.all(zones).apply((zoneNames) => {
        const seen = new Set<string>();
        return zoneNames.map((zone, index) => ({ index, zone })).filter((s) => !seen.has(s.zone) && seen.add(s.zone));
    });
    return { ids: pulumi.all(ids), firstOfEachZone };
}

function builtZone(network: BuiltNetwork, key: string): pulumi.Input<string> {
    const zone = network.subnetZones.get(key);
    if (zone === undefined) {
        throw new Error(`internal: the plan refers to subnet "${key}", which was not built`);
    }
    return zone;
}
