import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ipv6SubnetBlock } from "../addresses/cidr";
import type { NetworkPlan, RouteTarget, ZonePlan } from "../plan/types";
import { BuildContext, builtId } from "./context";
import { createdVpcIpv6Block } from "../checks/created-outputs";
import { availabilityZoneNames } from "../checks/lookup-answers";

/** The ids of what `buildNetwork` built (or was given), by plan key where planned. */
export interface BuiltNetwork {
    vpcId: pulumi.Input<string>;
    /** Subnet and route-table ids by plan key. */
    ids: Map<string, pulumi.Output<string>>;
    /** The zone name of each planned subnet, by plan key (known in a preview too). */
    subnetZones: Map<string, pulumi.Input<string>>;
    natGatewayIds: pulumi.Output<string>[];
    publicSubnetIds: pulumi.Output<string>[];
    /** The VPC's IPv4 block and, with dual stack, its IPv6 block; empty for an existing VPC. */
    vpcCidrBlocks: pulumi.Input<string>[];
    /** The new VPC's IPv6 block with dual stack; otherwise undefined. */
    vpcIpv6CidrBlock?: pulumi.Output<string>;
}

/**
 * The VPC, its subnets, gateways and routes, for a VPC the component creates. With an existing
 * VPC nothing is built here: the user's VPC and subnets are used as they are.
 */
export function buildNetwork(ctx: BuildContext): BuiltNetwork {
    const { plan } = ctx;
    const ids = new Map<string, pulumi.Output<string>>();
    if (plan.vpc.kind === "existing") {
        return { vpcId: plan.vpc.vpcId, ids, subnetZones: new Map(), natGatewayIds: [], publicSubnetIds: [], vpcCidrBlocks: [] };
    }
    const vpcName = ctx.name(plan.vpc.key);
    const vpc = new aws.ec2.Vpc(
        vpcName,
        {
            cidrBlock: plan.vpc.cidrBlock,
            enableDnsSupport: plan.vpc.enableDnsSupport,
            enableDnsHostnames: plan.vpc.enableDnsHostnames,
            ...(plan.vpc.assignGeneratedIpv6CidrBlock ? { assignGeneratedIpv6CidrBlock: true } : {}),
            tags: ctx.tags(plan.vpc.key),
        },
        ctx.options,
    );
    // A new VPC's default security group lets its members talk to each other and out to
    // anywhere; adopting it with no rules strips them (CIS AWS Foundations 5.4).
    new aws.ec2.DefaultSecurityGroup(
        ctx.name(plan.vpc.defaultSecurityGroupKey),
        { vpcId: vpc.id, tags: ctx.tags(plan.vpc.defaultSecurityGroupKey) },
        ctx.options,
    );

    // Read once, here: each dual-stack subnet takes a /64 of it, and the component reports it.
    const vpcIpv6CidrBlock = plan.vpc.assignGeneratedIpv6CidrBlock ? vpc.ipv6CidrBlock.apply((block) => createdVpcIpv6Block(plan.name, vpcName, block)) : undefined;
    const zoneNames = zoneNameResolver(ctx, plan);
    const subnetZones = new Map<string, pulumi.Input<string>>();
    for (const subnet of plan.subnets) {
        const availabilityZone = zoneNames(plan.zones[subnet.zone - 1]);
        subnetZones.set(subnet.key, availabilityZone);
        const built = new aws.ec2.Subnet(
            ctx.name(subnet.key),
            {
                vpcId: vpc.id,
                cidrBlock: subnet.cidrBlock,
                availabilityZone,
                mapPublicIpOnLaunch: subnet.mapPublicIpOnLaunch,
                ...ipv6SubnetArgs(vpcIpv6CidrBlock, subnet.ipv6SubnetIndex),
                tags: ctx.tags(subnet.key),
            },
            // A subnet is replaced when its zone changes (availability_zone is ForceNew in the
            // provider's vpc_subnet.go). Created before the old one is deleted, the replacement asks
            // for the same CIDR block in the same VPC, and EC2 refuses it (InvalidSubnet.Conflict).
            { ...ctx.options, deleteBeforeReplace: true },
        );
        ids.set(subnet.key, built.id);
    }

    let internetGateway: aws.ec2.InternetGateway | undefined;
    if (plan.internetGateway) {
        internetGateway = new aws.ec2.InternetGateway(
            ctx.name(plan.internetGateway.key),
            { vpcId: vpc.id, tags: ctx.tags(plan.internetGateway.key) },
            ctx.options,
        );
        ids.set(plan.internetGateway.key, internetGateway.id);
    }

    if (plan.egressOnlyInternetGateway) {
        const { key } = plan.egressOnlyInternetGateway;
        const gateway = new aws.ec2.EgressOnlyInternetGateway(ctx.name(key), { vpcId: vpc.id, tags: ctx.tags(key) }, ctx.options);
        ids.set(key, gateway.id);
    }

    const natGatewayIds = plan.natGateways.map((nat) => {
        const eip = new aws.ec2.Eip(ctx.name(nat.elasticIpKey), { domain: "vpc", tags: ctx.tags(nat.elasticIpKey) }, ctx.options);
        const natGateway = new aws.ec2.NatGateway(
            ctx.name(nat.key),
            { allocationId: eip.allocationId, subnetId: builtId(ids, nat.subnetKey), connectivityType: "public", tags: ctx.tags(nat.key) },
            // A NAT gateway needs the internet gateway attached before it can route (AWS docs).
            { ...ctx.options, dependsOn: internetGateway ? [internetGateway] : [] },
        );
        ids.set(nat.key, natGateway.id);
        return natGateway.id;
    });

    for (const table of plan.routeTables) {
        const routeTable = new aws.ec2.RouteTable(ctx.name(table.key), { vpcId: vpc.id, tags: ctx.tags(table.key) }, ctx.options);
        ids.set(table.key, routeTable.id);
        for (const route of table.routes) {
            const target = builtId(ids, route.target.key);
            new aws.ec2.Route(
                ctx.name(route.key),
                {
                    routeTableId: routeTable.id,
                    ...(route.destinationIpv6CidrBlock
                        ? { destinationIpv6CidrBlock: route.destinationIpv6CidrBlock }
                        : { destinationCidrBlock: route.destinationCidrBlock }),
                    ...routeTargetArgs(route.target, target),
                },
                ctx.options,
            );
        }
        for (const subnetKey of table.subnetKeys) {
            new aws.ec2.RouteTableAssociation(
                ctx.name(`${subnetKey}-rta`),
                { subnetId: builtId(ids, subnetKey), routeTableId: routeTable.id },
                ctx.options,
            );
        }
    }

    return {
        vpcId: vpc.id,
        ids,
        subnetZones,
        natGatewayIds,
        publicSubnetIds: plan.subnets.filter((s) => s.role === "public").map((s) => builtId(ids, s.key)),
        vpcCidrBlocks: [plan.vpc.cidrBlock, ...(vpcIpv6CidrBlock ? [vpcIpv6CidrBlock] : [])],
        ...(vpcIpv6CidrBlock ? { vpcIpv6CidrBlock } : {}),
    };
}

function routeTargetArgs(target: RouteTarget, id: pulumi.Output<string>): Pick<aws.ec2.RouteArgs, "gatewayId" | "natGatewayId" | "egressOnlyGatewayId"> {
    switch (target.kind) {
        case "internetGateway":
            return { gatewayId: id };
        case "natGateway":
            return { natGatewayId: id };
        case "egressOnlyInternetGateway":
            return { egressOnlyGatewayId: id };
    }
}

/**
 * With dual stack, the subnet's /64 of the VPC's /56, known once AWS has given the VPC its
 * block (unknown in a first preview), and an IPv6 address for every network interface made in it.
 */
function ipv6SubnetArgs(vpcIpv6CidrBlock: pulumi.Output<string> | undefined, index: number | undefined): Partial<aws.ec2.SubnetArgs> {
    if (vpcIpv6CidrBlock === undefined || index === undefined) {
        return {};
    }
    return {
        ipv6CidrBlock: vpcIpv6CidrBlock.apply((block) => ipv6SubnetBlock(block, index)),
        assignIpv6AddressOnCreation: true,
    };
}

/**
 * A zone chosen by name is used as is; a zone chosen by count is the region's n-th available
 * zone (opt-in Local Zones excluded: Lambda cannot place ENIs there), looked up once.
 */
function zoneNameResolver(ctx: BuildContext, plan: NetworkPlan): (zone: ZonePlan) => pulumi.Input<string> {
    let available: pulumi.Output<string[]> | undefined;
    return (zone) => {
        if (zone.name) {
            return zone.name;
        }
        available ??= aws
            .getAvailabilityZonesOutput({ state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] }, { parent: ctx.parent })
            .apply((answer) => availabilityZoneNames(plan.name, answer));
        return available.apply((names) => {
            if (names.length < zone.number) {
                throw new Error(
                    `VpcLambdaNetwork "${plan.name}": numberOfAvailabilityZones asks for ${plan.zones.length} zones but this region has ${names.length} available (${names.join(", ")}); lower it.`,
                );
            }
            return names[zone.number - 1];
        });
    };
}
