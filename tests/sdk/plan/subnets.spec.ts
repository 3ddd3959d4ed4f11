import { expect } from "chai";
import { NetworkPattern } from "../../../sdk/args";
import type { NetworkPlan } from "../../../sdk/plan/types";
import { nthSubBlock } from "../../../sdk/addresses/cidr";
import { freeBlock } from "../../../sdk/addresses/subnet-layout";
import { planSubnets } from "../../../sdk/plan/subnets";
import { block, planFor } from "../../helpers/plan";
import { areDisjoint, isWithin } from "../addresses/ipv4-oracle";

describe("plan: subnet layout", () => {
    let sixZonesWithNat: NetworkPlan;
    beforeEach(() => {
        sixZonesWithNat = planFor({ pattern: NetworkPattern.PrivateWithNat, cidrBlock: "10.0.0.0/16", numberOfAvailabilityZones: 6 });
    });
    const lambdaOf = (plan: NetworkPlan) => plan.subnets.filter((s) => s.role === "lambda");
    const publicOf = (plan: NetworkPlan) => plan.subnets.filter((s) => s.role === "public");

    it("gives the Lambda subnet of zone i the (i-1)-th eighth of the VPC", () => {
        expect(lambdaOf(sixZonesWithNat).map((s) => [s.key, s.cidrBlock])).to.deep.equal([
            ["lambda-subnet-1", "10.0.0.0/19"],
            ["lambda-subnet-2", "10.0.32.0/19"],
            ["lambda-subnet-3", "10.0.64.0/19"],
            ["lambda-subnet-4", "10.0.96.0/19"],
            ["lambda-subnet-5", "10.0.128.0/19"],
            ["lambda-subnet-6", "10.0.160.0/19"],
        ]);
    });

    it("gives Lambda subnets one eighth of any VPC size, e.g. /23s in a /20", () => {
        const plan = planFor({ pattern: NetworkPattern.Isolated, cidrBlock: "172.16.16.0/20", numberOfAvailabilityZones: 3 });
        const vpc = block("172.16.16.0/20");
        expect(lambdaOf(plan).map((s) => s.cidrBlock)).to.deep.equal([0, 1, 2].map((i) => nthSubBlock(vpc, 23, i).cidr));
    });

    it("cuts the public subnet of zone i from the last eighth of the VPC, as its (i-1)-th eighth", () => {
        const lastEighth = nthSubBlock(block("10.0.0.0/16"), 19, 7);
        expect(publicOf(sixZonesWithNat).map((s) => s.cidrBlock)).to.deep.equal([0, 1, 2, 3, 4, 5].map((i) => nthSubBlock(lastEighth, 22, i).cidr));
        expect(publicOf(sixZonesWithNat)[0].cidrBlock).to.equal("10.0.224.0/22");
    });

    it("keeps every subnet inside the VPC", () => {
        for (const subnet of sixZonesWithNat.subnets) {
            expect(isWithin(subnet.cidrBlock, "10.0.0.0/16"), subnet.cidrBlock).to.equal(true);
        }
    });

    it("never lets two subnets overlap", () => {
        const subnets = sixZonesWithNat.subnets;
        for (let i = 0; i < subnets.length; i++) {
            for (let j = i + 1; j < subnets.length; j++) {
                expect(areDisjoint(subnets[i].cidrBlock, subnets[j].cidrBlock), `${subnets[i].key} and ${subnets[j].key}`).to.equal(true);
            }
        }
    });

    it("leaves the seventh eighth free for the user's own subnets", () => {
        const vpc = sixZonesWithNat.vpc;
        expect(vpc.kind === "new" && vpc.freeCidrBlock).to.equal("10.0.192.0/19");
        for (const subnet of sixZonesWithNat.subnets) {
            expect(areDisjoint(subnet.cidrBlock, "10.0.192.0/19"), subnet.key).to.equal(true);
        }
    });

    it("still gives /28 subnets, AWS's smallest, in the smallest VPC each pattern accepts", () => {
        const isolated = planFor({ pattern: NetworkPattern.Isolated, cidrBlock: "10.1.2.0/25", numberOfAvailabilityZones: 6 });
        const withNat = planFor({ pattern: NetworkPattern.PrivateWithNat, cidrBlock: "10.1.4.0/22", numberOfAvailabilityZones: 6 });
        expect(isolated.subnets.map((s) => block(s.cidrBlock).prefixLength)).to.deep.equal([28, 28, 28, 28, 28, 28]);
        expect(publicOf(withNat).map((s) => block(s.cidrBlock).prefixLength)).to.deep.equal([28, 28, 28, 28, 28, 28]);
    });

    it("maps no public IP on launch in any subnet", () => {
        expect(sixZonesWithNat.subnets.filter((s) => s.mapPublicIpOnLaunch).map((s) => s.key)).to.deep.equal([]);
    });

    it("builds public subnets only with PrivateWithNat", () => {
        for (const pattern of [NetworkPattern.PrivateWithEndpoints, NetworkPattern.Isolated]) {
            expect(publicOf(planFor({ pattern })), pattern).to.deep.equal([]);
        }
    });

    it("puts one Lambda subnet in each zone named in availabilityZoneNames, in the order given", () => {
        const plan = planFor({ pattern: NetworkPattern.Isolated, availabilityZoneNames: ["eu-west-1c", "eu-west-1a"] });
        const zoneOf = (n: number) => plan.zones.find((z) => z.number === n)?.name;
        expect(lambdaOf(plan).map((s) => [s.key, zoneOf(s.zone)])).to.deep.equal([
            ["lambda-subnet-1", "eu-west-1c"],
            ["lambda-subnet-2", "eu-west-1a"],
        ]);
    });

    it("lists the Lambda subnets functions attach to in zone order", () => {
        const plan = planFor({ pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: 3 });
        expect(plan.lambdaSubnets).to.deep.equal([{ key: "lambda-subnet-1" }, { key: "lambda-subnet-2" }, { key: "lambda-subnet-3" }]);
    });
});

describe("plan: subnet layout, given a VPC block validation would have refused", () => {
    it("throws an internal error naming the block, since validation runs first", () => {
        expect(() => freeBlock("10.0.0.0")).to.throw('internal: the VPC CIDR "10.0.0.0" is not IPv4 CIDR notation (a.b.c.d/n)');
        expect(() => planSubnets("10.0.1.0/16", [{ number: 1 }], false, false)).to.throw('internal: the VPC CIDR "10.0.1.0/16" is not the first address');
    });
});
