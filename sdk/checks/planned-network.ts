// The component's network as the reachability model reads a stack, straight from its plan and
// before anything exists: what the component can know alone. Planned resources are named as the
// component names them (`<name>-<key>`) and identified by their key; what the user gives (an
// existing VPC, its subnets and route tables, allowTo targets) is identified by its id when it is
// a plain string, else by a stand-in per Output, the same for the same Output. A function stands
// for every function placed on the network: in its Lambda subnets, with its Lambda security group
// (which carries the needs, as the component tags it), with no role.
import { LAMBDA_SECURITY_GROUP_KEY, rulePeerArgs } from "../plan/security-rules";
import type { NetworkPlan, Ref, RouteTarget } from "../plan/types";
import { UNKNOWN } from "../network/known-values";
import { AWS_RESOURCE_TYPES } from "../aws/resource-types";
import { NetworkGraph } from "../network/network-graph";
import type { NetworkResource } from "../network/network-resource";
import { functionReachability } from "../reachability/model";
import { Need, NEEDS_TAG, needsTagValue } from "../network/needs";
import type { Reachability } from "../reachability/types";

export interface PlannedNetwork {
    resources: NetworkResource[];
    /** The name of the function that stands for the network's functions. */
    functionName: string;
    /** The stand-in id given to each Output the plan holds (an allowTo target, an existing subnet). */
    standIns: Map<unknown, string>;
}

/** The planned network, with a function on it whose Lambda security group declares `needs`. */
export function plannedNetwork(plan: NetworkPlan, needs: readonly Need[] | undefined, idOf: (given: unknown) => string = standInIds()): PlannedNetwork {
    const resources: NetworkResource[] = [];
    const standIns = new Map<unknown, string>();
    const given = (id: unknown): string => {
        const text = typeof id === "string" ? id : idOf(id);
        if (typeof id !== "string") {
            standIns.set(id, text);
        }
        return text;
    };
    const ref = (r: Ref): string => ("key" in r ? r.key : given(r.id));
    const add = (type: string, key: string, inputs: Record<string, unknown>) =>
        resources.push({ urn: `urn:pulumi:plan::${plan.name}::${type}::${plan.name}-${key}`, type, name: `${plan.name}-${key}`, id: key, inputs, propertyDependencies: {} });

    const vpcId = plan.vpc.kind === "new" ? plan.vpc.key : given(plan.vpc.vpcId);
    if (plan.vpc.kind === "new") {
        add(AWS_RESOURCE_TYPES.vpc, plan.vpc.key, {
            cidrBlock: plan.vpc.cidrBlock,
            enableDnsSupport: plan.vpc.enableDnsSupport,
            enableDnsHostnames: plan.vpc.enableDnsHostnames,
            assignGeneratedIpv6CidrBlock: plan.vpc.assignGeneratedIpv6CidrBlock,
            // Amazon gives the /56 when the VPC is created.
            ...(plan.vpc.assignGeneratedIpv6CidrBlock ? { ipv6CidrBlock: UNKNOWN } : {}),
        });
    }
    for (const subnet of plan.subnets) {
        add(AWS_RESOURCE_TYPES.subnet, subnet.key, {
            vpcId,
            cidrBlock: subnet.cidrBlock,
            availabilityZone: plan.zones[subnet.zone - 1]?.name ?? `zone ${subnet.zone}`,
            ...(subnet.ipv6SubnetIndex !== undefined ? { ipv6CidrBlock: UNKNOWN } : {}),
        });
    }
    if (plan.internetGateway) {
        add(AWS_RESOURCE_TYPES.internetGateway, plan.internetGateway.key, { vpcId });
    }
    if (plan.egressOnlyInternetGateway) {
        add(AWS_RESOURCE_TYPES.egressOnlyInternetGateway, plan.egressOnlyInternetGateway.key, { vpcId });
    }
    for (const nat of plan.natGateways) {
        add(AWS_RESOURCE_TYPES.eip, nat.elasticIpKey, { domain: "vpc" });
        add(AWS_RESOURCE_TYPES.natGateway, nat.key, { subnetId: nat.subnetKey, allocationId: nat.elasticIpKey, connectivityType: "public" });
    }
    for (const table of plan.routeTables) {
        add(AWS_RESOURCE_TYPES.routeTable, table.key, { vpcId });
        table.subnetKeys.forEach((subnetKey) => add(AWS_RESOURCE_TYPES.routeTableAssociation, `${table.key}-${subnetKey}`, { subnetId: subnetKey, routeTableId: table.key }));
        for (const route of table.routes) {
            add(AWS_RESOURCE_TYPES.route, route.key, {
                routeTableId: table.key,
                ...(route.destinationCidrBlock ? { destinationCidrBlock: route.destinationCidrBlock } : {}),
                ...(route.destinationIpv6CidrBlock ? { destinationIpv6CidrBlock: route.destinationIpv6CidrBlock } : {}),
                ...routeTarget(route.target),
            });
        }
    }
    for (const endpoint of plan.gatewayEndpoints) {
        add(AWS_RESOURCE_TYPES.vpcEndpoint, endpoint.key, { vpcId, serviceName: serviceName(endpoint.service), vpcEndpointType: "Gateway", routeTableIds: endpoint.routeTables.map(ref) });
    }
    for (const endpoint of plan.interfaceEndpoints) {
        add(AWS_RESOURCE_TYPES.vpcEndpoint, endpoint.key, {
            vpcId,
            serviceName: serviceName(endpoint.service),
            vpcEndpointType: "Interface",
            privateDnsEnabled: endpoint.privateDnsEnabled,
            subnetIds: endpoint.subnets.map(ref),
            securityGroupIds: [endpoint.securityGroupKey],
        });
    }
    for (const group of plan.securityGroups) {
        const tags = group.key === LAMBDA_SECURITY_GROUP_KEY && needs ? { [NEEDS_TAG]: needsTagValue(needs) } : {};
        add(AWS_RESOURCE_TYPES.securityGroup, group.key, { vpcId, tags });
    }
    for (const rule of plan.securityGroupRules) {
        add(rule.direction === "egress" ? AWS_RESOURCE_TYPES.egressRule : AWS_RESOURCE_TYPES.ingressRule, rule.key, {
            securityGroupId: rule.securityGroupKey,
            ipProtocol: rule.ipProtocol,
            ...(rule.ipProtocol === "-1" ? {} : { fromPort: rule.fromPort, toPort: rule.toPort }),
            // A gateway endpoint's prefix list is named by the endpoint that exposes it.
            ...rulePeerArgs(rule.peer, ref, (endpointKey) => endpointKey),
        });
    }
    const functionKey = "function";
    add(AWS_RESOURCE_TYPES.function, functionKey, {
        vpcConfig: { subnetIds: plan.lambdaSubnets.map(ref), securityGroupIds: [LAMBDA_SECURITY_GROUP_KEY], ipv6AllowedForDualStack: plan.dualStack },
    });
    return { resources, functionName: `${plan.name}-${functionKey}`, standIns };
}

/**
 * What a function on the planned network reaches, from what the component knows alone. Pass the
 * `idOf` that named the needs' Outputs, so that a needed group and an allowTo target given the
 * same Output are the same group.
 */
export function plannedReachability(plan: NetworkPlan, needs?: readonly Need[], idOf: (given: unknown) => string = standInIds()): Reachability[] {
    const network = plannedNetwork(plan, needs, idOf);
    const graph = new NetworkGraph(network.resources);
    const fn = graph.functions.find((f) => f.name === network.functionName)!;
    return functionReachability(graph, fn, needs ?? []);
}

/** Names each Output by a stand-in id, and remembers which Output each stand-in stands for. */
export type StandInIds = ((given: unknown) => string) & {
    /** The Output (or Promise) behind each stand-in id given so far. */
    readonly given: ReadonlyMap<string, unknown>;
};

/** Stand-in ids for Outputs: one per Output object, numbered in the order met. */
export function standInIds(): StandInIds {
    const ids = new Map<unknown, string>();
    const given = new Map<string, unknown>();
    const idOf = (value: unknown) => {
        let id = ids.get(value);
        if (!id) {
            id = `(output ${ids.size + 1})`;
            ids.set(value, id);
            given.set(id, value);
        }
        return id;
    };
    return Object.assign(idOf, { given: given as ReadonlyMap<string, unknown> });
}

function routeTarget(target: RouteTarget): Record<string, string> {
    switch (target.kind) {
        case "internetGateway":
            return { gatewayId: target.key };
        case "natGateway":
            return { natGatewayId: target.key };
        case "egressOnlyInternetGateway":
            return { egressOnlyGatewayId: target.key };
    }
}

/** Any region: the model reads only the service part. */
function serviceName(service: string): string {
    return `com.amazonaws.region.${service}`;
}
