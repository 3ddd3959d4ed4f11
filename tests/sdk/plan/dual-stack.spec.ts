import { expect } from "chai";
import { NatGatewayStrategy, NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { ipv6SubnetBlock } from "../../../sdk/addresses/cidr";
import type { NetworkPlan, RoutePlan } from "../../../sdk/plan/types";
import { DB_SG, lambdaRouteTables, planFor, rulesOf } from "../../helpers/plan";

const PATTERNS = Object.values(NetworkPattern);
const routeSummary = (r: RoutePlan) => [r.destinationCidrBlock ?? r.destinationIpv6CidrBlock, r.target.kind];
const ipv6Routes = (plan: NetworkPlan) => plan.routeTables.flatMap((t) => t.routes).filter((r) => r.destinationIpv6CidrBlock !== undefined);

describe("plan: dual stack", () => {
    describe("the IPv6 /64 of each subnet", () => {
        it("is the nth /64 of the VPC's /56, in canonical form", () => {
            expect(ipv6SubnetBlock("2600:1f18:abcd:1200::/56", 0)).to.equal("2600:1f18:abcd:1200::/64");
            expect(ipv6SubnetBlock("2600:1f18:abcd:1200::/56", 32)).to.equal("2600:1f18:abcd:1220::/64");
            expect(ipv6SubnetBlock("2600:1f18:abcd:1200::/56", 255)).to.equal("2600:1f18:abcd:12ff::/64");
            expect(ipv6SubnetBlock("2600:1f18:0abc:0000::/56", 1)).to.equal("2600:1f18:abc:1::/64");
        });

        it("refuses an index outside the /56 and a block that is not a /56 at its first address", () => {
            expect(() => ipv6SubnetBlock("2600:1f18:abcd:1200::/56", 256)).to.throw(RangeError, /256 blocks of \/64; index 256/);
            expect(() => ipv6SubnetBlock("2600:1f18:abcd:1200::/56", -1)).to.throw(RangeError);
            expect(() => ipv6SubnetBlock("2600:1f18:abcd:1200::/48", 0)).to.throw(/not the first address of a \/56/);
            expect(() => ipv6SubnetBlock("2600:1f18:abcd:1201::/56", 0)).to.throw(/not the first address of a \/56/);
            expect(() => ipv6SubnetBlock("10.0.0.0/16", 0)).to.throw(/not IPv6 CIDR notation/);
        });

        it("follows the IPv4 layout: Lambda subnet of zone n at the start of eighth n-1, public subnets in the last eighth", () => {
            const plan = planFor({ pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: 3, dualStack: true });
            expect(plan.subnets.map((s) => [s.key, s.ipv6SubnetIndex])).to.deep.equal([
                ["lambda-subnet-1", 0],
                ["lambda-subnet-2", 32],
                ["lambda-subnet-3", 64],
                ["public-subnet-1", 224],
                ["public-subnet-2", 225],
                ["public-subnet-3", 226],
            ]);
        });

        it("never moves when zones are added, and no two subnets share one, up to six zones", () => {
            const indices = (zones: number) =>
                new Map(planFor({ pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: zones, dualStack: true }).subnets.map((s) => [s.key, s.ipv6SubnetIndex]));
            const six = indices(6);
            expect(new Set(six.values()).size).to.equal(12);
            // The seventh eighth (/64s 192 to 223) stays free for the user's own subnets.
            expect([...six.values()].filter((i) => i! >= 192 && i! < 224)).to.deep.equal([]);
            for (let zones = 1; zones < 6; zones++) {
                for (const [key, index] of indices(zones)) {
                    expect(six.get(key), `${key} with ${zones} zones`).to.equal(index);
                }
            }
        });

        it("is not planned without dual stack", () => {
            const plan = planFor({ pattern: NetworkPattern.PrivateWithNat });
            expect(plan.subnets.map((s) => s.ipv6SubnetIndex)).to.deep.equal([undefined, undefined, undefined, undefined]);
            expect(plan.dualStack).to.equal(false);
            expect(plan.vpc).to.deep.include({ kind: "new", assignGeneratedIpv6CidrBlock: false });
        });
    });

    describe("PrivateWithNat", () => {
        let plan: NetworkPlan;
        beforeEach(() => {
            plan = planFor({ pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: 2, dualStack: true });
        });

        it("asks AWS for an IPv6 block for the VPC", () => {
            expect(plan.vpc).to.deep.include({ kind: "new", assignGeneratedIpv6CidrBlock: true });
        });

        it("sends each Lambda subnet's IPv4 to its NAT gateway and its IPv6 to the egress-only internet gateway", () => {
            expect(plan.egressOnlyInternetGateway).to.deep.equal({ key: "eigw" });
            for (const table of lambdaRouteTables(plan)) {
                expect(table.routes.map(routeSummary), table.key).to.deep.equal([
                    ["0.0.0.0/0", "natGateway"],
                    ["::/0", "egressOnlyInternetGateway"],
                ]);
            }
        });

        it("sends the public subnets' IPv4 and IPv6 to the internet gateway", () => {
            const publicTable = plan.routeTables.find((t) => t.role === "public")!;
            expect(publicTable.routes.map(routeSummary)).to.deep.equal([
                ["0.0.0.0/0", "internetGateway"],
                ["::/0", "internetGateway"],
            ]);
        });

        it("gives the egress-only gateway the Lambda subnets' IPv6 with Single NAT too", () => {
            const single = planFor({ pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: 3, natGateways: { strategy: NatGatewayStrategy.Single }, dualStack: true });
            expect(lambdaRouteTables(single).map((t) => t.routes.map(routeSummary)[1])).to.deep.equal([
                ["::/0", "egressOnlyInternetGateway"],
                ["::/0", "egressOnlyInternetGateway"],
                ["::/0", "egressOnlyInternetGateway"],
            ]);
        });
    });

    describe("nothing but the world rule widens", () => {
        const cases: [string, VpcLambdaNetworkArgs][] = PATTERNS.map((pattern) => [
            pattern,
            {
                pattern,
                ...(pattern === NetworkPattern.Isolated ? {} : { interfaceEndpoints: ["sqs", "kms"] }),
                allowTo: [{ securityGroupId: DB_SG, port: 5432 }],
            },
        ]);
        for (const [pattern, args] of cases) {
            it(`${pattern}: the dual-stack rules are the IPv4 rules plus, with NAT only, the Lambda group's ::/0 egress`, () => {
                const ipv4 = planFor(args).securityGroupRules;
                const dual = planFor({ ...args, dualStack: true }).securityGroupRules;
                const added = dual.filter((rule) => !ipv4.some((r) => JSON.stringify(r) === JSON.stringify(rule)));
                expect(dual.filter((rule) => !added.includes(rule))).to.deep.equal(ipv4);
                if (pattern === NetworkPattern.PrivateWithNat) {
                    expect(added.map((r) => [r.securityGroupKey, r.direction, r.ipProtocol, r.peer])).to.deep.equal([
                        ["lambda-sg", "egress", "-1", { kind: "cidrIpv6", cidrIpv6: "::/0" }],
                    ]);
                } else {
                    expect(added).to.deep.equal([]);
                }
            });
        }

        it("gives an existing VPC's Lambda group the ::/0 twin with NAT as well", () => {
            const existingVpc = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"] };
            const plan = planFor({ pattern: NetworkPattern.PrivateWithNat, existingVpc, dualStack: true });
            expect(rulesOf(plan, "lambda-sg", "egress").map((r) => r.peer)).to.deep.equal([
                { kind: "cidr", cidrIpv4: "0.0.0.0/0" },
                { kind: "cidrIpv6", cidrIpv6: "::/0" },
            ]);
            expect(plan.egressOnlyInternetGateway).to.equal(undefined);
        });
    });

    for (const pattern of [NetworkPattern.PrivateWithEndpoints, NetworkPattern.Isolated]) {
        it(`${pattern}: no IPv6 route out and no egress-only gateway, while the subnets are dual-stack`, () => {
            const plan = planFor({ pattern, numberOfAvailabilityZones: 3, dualStack: true });
            expect(ipv6Routes(plan)).to.deep.equal([]);
            expect(plan.egressOnlyInternetGateway).to.equal(undefined);
            expect(plan.subnets.every((s) => s.ipv6SubnetIndex !== undefined)).to.equal(true);
        });
    }

    it("turning dual stack on keeps every IPv4 block, route, rule and key: it only adds", () => {
        for (const pattern of PATTERNS) {
            const before = planFor({ pattern, numberOfAvailabilityZones: 3 });
            const after = planFor({ pattern, numberOfAvailabilityZones: 3, dualStack: true });
            expect(after.subnets.map(({ key, cidrBlock }) => ({ key, cidrBlock })), pattern).to.deep.equal(before.subnets.map(({ key, cidrBlock }) => ({ key, cidrBlock })));
            for (const table of before.routeTables) {
                const same = after.routeTables.find((t) => t.key === table.key)!;
                expect(same.routes.slice(0, table.routes.length), `${pattern} ${table.key}`).to.deep.equal(table.routes);
            }
        }
    });
});

describe("plan: an IPv6 /64 of the VPC's /56, every guard", () => {
    it("refuses an index that is not a whole number", () => {
        expect(() => ipv6SubnetBlock("2600:1f18:abcd:1200::/56", 1.5)).to.throw(RangeError, "an IPv6 /56 has 256 blocks of /64; index 1.5 is outside");
    });

    it("says what was wrong with a VPC block that is not IPv6 at all", () => {
        expect(() => ipv6SubnetBlock("10.0.0.0/16", 0)).to.throw('internal: the VPC\'s IPv6 block "10.0.0.0/16" is not IPv6 CIDR notation (');
    });

    it("refuses a /56 that does not start at its first address, naming it", () => {
        expect(() => ipv6SubnetBlock("2600:1f18:abcd:1201::/56", 0)).to.throw('internal: the VPC\'s IPv6 block "2600:1f18:abcd:1201::/56" is not the first address of a /56');
    });

    it("refuses a /64 or a /48 as the VPC's block, even at a first address", () => {
        expect(() => ipv6SubnetBlock("2600:1f18:abcd:1200::/64", 0)).to.throw("is not the first address of a /56");
        expect(() => ipv6SubnetBlock("2600:1f18:abcd::/48", 0)).to.throw("is not the first address of a /56");
    });
});
