import { expect } from "chai";
import { NatGatewayStrategy, NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { ipv6SubnetBlock } from "../../../sdk/addresses/cidr";
import type { NatGatewayPlan, RoutePlan, RouteTablePlan, SubnetPlan } from "../../../sdk/plan/types";
import { planFor } from "../../helpers/plan";

// Every subnet's slot, written out: key -> IPv4 block, zone, IPv6 /64, route table. A key is part
// of a deployed resource's name and a block is a subnet's identity, so changing either one
// replaces the subnet and whatever runs in it (RDS, Lambda's ENIs): these rows may gain rows,
// never change. Nothing here is computed with the planner's own helpers.

/** The IPv6 /56 AWS might give the VPC; the plan holds only each subnet's index into it. */
const VPC_IPV6 = "2600:1f18:abcd:1200::/56";

interface Slot {
    key: string;
    role: "lambda" | "public";
    zone: number;
    ipv4: string;
    ipv6Index: number;
    ipv6: string;
    routeTable: string;
}

/** The slots of a 10.0.0.0/16 VPC: a Lambda /19 per zone in eighths 0-5, public /22s in eighth 7. */
const SLOTS_OF_A_SLASH_16: Slot[] = [
    { key: "lambda-subnet-1", role: "lambda", zone: 1, ipv4: "10.0.0.0/19", ipv6Index: 0, ipv6: "2600:1f18:abcd:1200::/64", routeTable: "lambda-rt-1" },
    { key: "lambda-subnet-2", role: "lambda", zone: 2, ipv4: "10.0.32.0/19", ipv6Index: 32, ipv6: "2600:1f18:abcd:1220::/64", routeTable: "lambda-rt-2" },
    { key: "lambda-subnet-3", role: "lambda", zone: 3, ipv4: "10.0.64.0/19", ipv6Index: 64, ipv6: "2600:1f18:abcd:1240::/64", routeTable: "lambda-rt-3" },
    { key: "lambda-subnet-4", role: "lambda", zone: 4, ipv4: "10.0.96.0/19", ipv6Index: 96, ipv6: "2600:1f18:abcd:1260::/64", routeTable: "lambda-rt-4" },
    { key: "lambda-subnet-5", role: "lambda", zone: 5, ipv4: "10.0.128.0/19", ipv6Index: 128, ipv6: "2600:1f18:abcd:1280::/64", routeTable: "lambda-rt-5" },
    { key: "lambda-subnet-6", role: "lambda", zone: 6, ipv4: "10.0.160.0/19", ipv6Index: 160, ipv6: "2600:1f18:abcd:12a0::/64", routeTable: "lambda-rt-6" },
    { key: "public-subnet-1", role: "public", zone: 1, ipv4: "10.0.224.0/22", ipv6Index: 224, ipv6: "2600:1f18:abcd:12e0::/64", routeTable: "public-rt" },
    { key: "public-subnet-2", role: "public", zone: 2, ipv4: "10.0.228.0/22", ipv6Index: 225, ipv6: "2600:1f18:abcd:12e1::/64", routeTable: "public-rt" },
    { key: "public-subnet-3", role: "public", zone: 3, ipv4: "10.0.232.0/22", ipv6Index: 226, ipv6: "2600:1f18:abcd:12e2::/64", routeTable: "public-rt" },
    { key: "public-subnet-4", role: "public", zone: 4, ipv4: "10.0.236.0/22", ipv6Index: 227, ipv6: "2600:1f18:abcd:12e3::/64", routeTable: "public-rt" },
    { key: "public-subnet-5", role: "public", zone: 5, ipv4: "10.0.240.0/22", ipv6Index: 228, ipv6: "2600:1f18:abcd:12e4::/64", routeTable: "public-rt" },
    { key: "public-subnet-6", role: "public", zone: 6, ipv4: "10.0.244.0/22", ipv6Index: 229, ipv6: "2600:1f18:abcd:12e5::/64", routeTable: "public-rt" },
];

/** The IPv4 slots of 10.20.0.0/22, the smallest VPC PrivateWithNat accepts: Lambda /25s, public /28s. */
const IPV4_SLOTS_OF_A_SLASH_22: [string, string][] = [
    ["lambda-subnet-1", "10.20.0.0/25"],
    ["lambda-subnet-2", "10.20.0.128/25"],
    ["lambda-subnet-3", "10.20.1.0/25"],
    ["lambda-subnet-4", "10.20.1.128/25"],
    ["lambda-subnet-5", "10.20.2.0/25"],
    ["lambda-subnet-6", "10.20.2.128/25"],
    ["public-subnet-1", "10.20.3.128/28"],
    ["public-subnet-2", "10.20.3.144/28"],
    ["public-subnet-3", "10.20.3.160/28"],
    ["public-subnet-4", "10.20.3.176/28"],
    ["public-subnet-5", "10.20.3.192/28"],
    ["public-subnet-6", "10.20.3.208/28"],
];

/** How the network leaves the VPC, as the table below expects it. */
type Egress = "OnePerAz" | "Single" | "none";

const CASES: { pattern: NetworkPattern; egress: Egress; args: Partial<VpcLambdaNetworkArgs> }[] = [
    { pattern: NetworkPattern.PrivateWithNat, egress: "OnePerAz", args: {} },
    { pattern: NetworkPattern.PrivateWithNat, egress: "Single", args: { natGateways: { strategy: NatGatewayStrategy.Single } } },
    { pattern: NetworkPattern.PrivateWithEndpoints, egress: "none", args: {} },
    { pattern: NetworkPattern.Isolated, egress: "none", args: {} },
];

function slotsFor(zones: number, egress: Egress): Slot[] {
    return SLOTS_OF_A_SLASH_16.filter((s) => s.zone <= zones && (s.role === "lambda" || egress !== "none"));
}

function expectedSubnets(zones: number, egress: Egress, dualStack: boolean): SubnetPlan[] {
    return slotsFor(zones, egress).map((s) => ({
        key: s.key,
        role: s.role,
        zone: s.zone,
        cidrBlock: s.ipv4,
        mapPublicIpOnLaunch: false,
        ...(dualStack ? { ipv6SubnetIndex: s.ipv6Index } : {}),
    }));
}

function expectedNatGateways(zones: number, egress: Egress): NatGatewayPlan[] {
    const served = egress === "OnePerAz" ? zones : egress === "Single" ? 1 : 0;
    return Array.from({ length: served }, (_, i) => ({ key: `nat-${i + 1}`, elasticIpKey: `nat-eip-${i + 1}`, zone: i + 1, subnetKey: `public-subnet-${i + 1}` }));
}

function expectedRouteTables(zones: number, egress: Egress, dualStack: boolean): RouteTablePlan[] {
    const slots = slotsFor(zones, egress);
    const tables: RouteTablePlan[] = slots
        .filter((s) => s.role === "lambda")
        .map((s) => {
            const routes: RoutePlan[] = [];
            if (egress !== "none") {
                const nat = egress === "OnePerAz" ? `nat-${s.zone}` : "nat-1";
                routes.push({ key: `${s.routeTable}-default`, destinationCidrBlock: "0.0.0.0/0", target: { kind: "natGateway", key: nat } });
                if (dualStack) {
                    routes.push({ key: `${s.routeTable}-default-ipv6`, destinationIpv6CidrBlock: "::/0", target: { kind: "egressOnlyInternetGateway", key: "eigw" } });
                }
            }
            return { key: s.routeTable, role: "lambda", zone: s.zone, subnetKeys: [s.key], routes };
        });
    if (egress !== "none") {
        tables.push({
            key: "public-rt",
            role: "public",
            subnetKeys: slots.filter((s) => s.role === "public").map((s) => s.key),
            routes: [
                { key: "public-rt-default", destinationCidrBlock: "0.0.0.0/0", target: { kind: "internetGateway", key: "igw" } },
                ...(dualStack ? [{ key: "public-rt-default-ipv6", destinationIpv6CidrBlock: "::/0", target: { kind: "internetGateway" as const, key: "igw" } }] : []),
            ],
        });
    }
    return tables;
}

describe("plan: every subnet slot and routing key, pinned", () => {
    for (const { pattern, egress, args } of CASES) {
        for (let zones = 1; zones <= 6; zones++) {
            for (const dualStack of [false, true]) {
                const label = `${pattern}${egress === "Single" ? " (Single NAT)" : ""}, ${zones} zone${zones > 1 ? "s" : ""}, ${dualStack ? "dual stack" : "IPv4"}`;

                it(`${label}: subnets, route tables, routes and gateways are exactly the table's`, () => {
                    const plan = planFor({ pattern, numberOfAvailabilityZones: zones, dualStack, ...args });
                    expect(plan.subnets, "subnets").to.deep.equal(expectedSubnets(zones, egress, dualStack));
                    expect(plan.routeTables, "route tables").to.deep.equal(expectedRouteTables(zones, egress, dualStack));
                    expect(plan.natGateways, "NAT gateways").to.deep.equal(expectedNatGateways(zones, egress));
                    expect(plan.lambdaSubnets, "Lambda subnets").to.deep.equal(slotsFor(zones, egress).filter((s) => s.role === "lambda").map((s) => ({ key: s.key })));
                    // Absent means no such key at all, not a key holding undefined.
                    const gateways = Object.fromEntries(Object.entries(plan).filter(([key]) => ["internetGateway", "egressOnlyInternetGateway", "natGatewayStrategy"].includes(key)));
                    expect(gateways, "gateways").to.deep.equal({
                        ...(egress === "none" ? {} : { internetGateway: { key: "igw" }, natGatewayStrategy: egress }),
                        ...(egress !== "none" && dualStack ? { egressOnlyInternetGateway: { key: "eigw" } } : {}),
                    });
                    expect(plan.zones, "zones").to.deep.equal(Array.from({ length: zones }, (_, i) => ({ number: i + 1 })));
                });
            }
        }
    }

    it("gives each subnet's IPv6 index the /64 of the table", () => {
        expect(SLOTS_OF_A_SLASH_16.map((s) => [s.key, ipv6SubnetBlock(VPC_IPV6, s.ipv6Index)])).to.deep.equal(SLOTS_OF_A_SLASH_16.map((s) => [s.key, s.ipv6]));
    });

    it("scales the slots with the VPC: in the smallest /22 PrivateWithNat takes, Lambda /25s and public /28s at the same positions", () => {
        const plan = planFor({ pattern: NetworkPattern.PrivateWithNat, cidrBlock: "10.20.0.0/22", numberOfAvailabilityZones: 6 });
        expect(plan.subnets.map((s) => [s.key, s.cidrBlock])).to.deep.equal(IPV4_SLOTS_OF_A_SLASH_22);
        expect(plan.vpc).to.deep.include({ cidrBlock: "10.20.0.0/22", freeCidrBlock: "10.20.3.0/25" });
    });

    it("keeps the zone names given, in order, beside the zone numbers the slots follow", () => {
        const plan = planFor({ pattern: NetworkPattern.Isolated, availabilityZoneNames: ["eu-west-1c", "eu-west-1a", "eu-west-1b"] });
        expect(plan.zones).to.deep.equal([
            { number: 1, name: "eu-west-1c" },
            { number: 2, name: "eu-west-1a" },
            { number: 3, name: "eu-west-1b" },
        ]);
        expect(plan.subnets.map((s) => [s.key, s.zone, s.cidrBlock])).to.deep.equal([
            ["lambda-subnet-1", 1, "10.0.0.0/19"],
            ["lambda-subnet-2", 2, "10.0.32.0/19"],
            ["lambda-subnet-3", 3, "10.0.64.0/19"],
        ]);
    });
});
