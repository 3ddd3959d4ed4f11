import { NatGatewayStrategy } from "../args";
import type { NatGatewayPlan, RoutePlan, RouteTablePlan, SubnetPlan, ZonePlan } from "./types";

export const ANY_IPV4 = "0.0.0.0/0";
export const ANY_IPV6 = "::/0";

export interface RoutingPlan {
    internetGateway?: { key: string };
    egressOnlyInternetGateway?: { key: string };
    natGateways: NatGatewayPlan[];
    routeTables: RouteTablePlan[];
}

/**
 * Route tables for a VPC the component creates. Every Lambda subnet has its own route table,
 * so that with `OnePerAz` each zone's default route goes to its own zone's NAT gateway (a
 * zone outage then takes out that zone only). No Lambda route table ever targets the internet
 * gateway: a function in a public subnet gets neither a public IP nor internet access.
 *
 * With dual stack and NAT, each Lambda route table also sends `::/0` to an egress-only internet
 * gateway (outbound IPv6 only, and no NAT charge), and the public route table sends `::/0` to
 * the internet gateway. Without NAT there is no IPv6 route out, as there is no IPv4 one.
 */
export function planRouting(zones: ZonePlan[], subnets: SubnetPlan[], natGatewayStrategy: NatGatewayStrategy | undefined, dualStack: boolean): RoutingPlan {
    const natGateways = natGatewayStrategy ? planNatGateways(zones, natGatewayStrategy) : [];
    const egressOnlyInternetGateway = natGatewayStrategy && dualStack ? { key: "eigw" } : undefined;
    const routeTables: RouteTablePlan[] = zones.map((zone) => {
        const key = `lambda-rt-${zone.number}`;
        const nat = natGateways.find((n) => n.zone === zone.number) ?? natGateways[0];
        const routes: RoutePlan[] = [];
        if (nat) {
            routes.push({ key: `${key}-default`, destinationCidrBlock: ANY_IPV4, target: { kind: "natGateway", key: nat.key } });
        }
        if (egressOnlyInternetGateway) {
            routes.push({ key: `${key}-default-ipv6`, destinationIpv6CidrBlock: ANY_IPV6, target: { kind: "egressOnlyInternetGateway", key: egressOnlyInternetGateway.key } });
        }
        return {
            key,
            role: "lambda",
            zone: zone.number,
            subnetKeys: subnets.filter((s) => s.role === "lambda" && s.zone === zone.number).map((s) => s.key),
            routes,
        };
    });
    if (!natGatewayStrategy) {
        return { natGateways, routeTables };
    }
    const internetGateway = { key: "igw" };
    const publicRoutes: RoutePlan[] = [{ key: "public-rt-default", destinationCidrBlock: ANY_IPV4, target: { kind: "internetGateway", key: internetGateway.key } }];
    if (dualStack) {
        publicRoutes.push({ key: "public-rt-default-ipv6", destinationIpv6CidrBlock: ANY_IPV6, target: { kind: "internetGateway", key: internetGateway.key } });
    }
    routeTables.push({
        key: "public-rt",
        role: "public",
        subnetKeys: subnets.filter((s) => s.role === "public").map((s) => s.key),
        routes: publicRoutes,
    });
    return { internetGateway, ...(egressOnlyInternetGateway ? { egressOnlyInternetGateway } : {}), natGateways, routeTables };
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
