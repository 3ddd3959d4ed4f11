import { NatGatewayStrategy } from "../args";
import type { NatGatewayPlan, RouteTablePlan, SubnetPlan, ZonePlan } from "./types";

export const ANY_IPV4 = "0.0.0.0/0";

export interface RoutingPlan {
    internetGateway?: { key: string };
    natGateways: NatGatewayPlan[];
    routeTables: RouteTablePlan[];
}

/**
 * Route tables for a VPC the component creates. Every Lambda subnet has its own route table,
 * so that with `OnePerAz` each zone's default route goes to its own zone's NAT gateway (a
 * zone outage then takes out that zone only). No Lambda route table ever targets the internet
 * gateway: a function in a public subnet gets neither a public IP nor internet access.
 */
export function planRouting(zones: ZonePlan[], subnets: SubnetPlan[], natGatewayStrategy: NatGatewayStrategy | undefined): RoutingPlan {
    const natGateways = natGatewayStrategy ? planNatGateways(zones, natGatewayStrategy) : [];
    const routeTables: RouteTablePlan[] = zones.map((zone) => {
        const key = `lambda-rt-${zone.number}`;
        const nat = natGateways.find((n) => n.zone === zone.number) ?? natGateways[0];
        return {
            key,
            role: "lambda",
            zone: zone.number,
            subnetKeys: subnets.filter((s) => s.role === "lambda" && s.zone === zone.number).map((s) => s.key),
            routes: nat ? [{ key: `${key}-default`, destinationCidrBlock: ANY_IPV4, target: { kind: "natGateway", key: nat.key } }] : [],
        };
    });
    if (!natGatewayStrategy) {
        return { natGateways, routeTables };
    }
    const internetGateway = { key: "igw" };
    routeTables.push({
        key: "public-rt",
        role: "public",
        subnetKeys: subnets.filter((s) => s.role === "public").map((s) => s.key),
        routes: [{ key: "public-rt-default", destinationCidrBlock: ANY_IPV4, target: { kind: "internetGateway", key: internetGateway.key } }],
    });
    return { internetGateway, natGateways, routeTables };
}

function planNatGateways(zones: ZonePlan[], strategy: NatGatewayStrategy): NatGatewayPlan[] {
    // `Single` keeps zone 1's gateway, so switching between strategies adds or removes the
    // other zones' gateways and never replaces zone 1's.
    const served = strategy === NatGatewayStrategy.Single ? zones.slice(0, 1) : zones;
    return served.map((zone) => ({
        key: `nat-${zone.number}`,
        elasticIpKey: `nat-eip-${zone.number}`,
        zone: zone.number,
        subnetKey: `public-subnet-${zone.number}`,
    }));
}
