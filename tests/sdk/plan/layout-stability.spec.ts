import { expect } from "chai";
import { NatGatewayStrategy, NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import type { NetworkPlan, RoutePlan } from "../../../sdk/plan/types";
import { DB_SG, planFor } from "../../helpers/plan";

/**
 * Subnet key -> CIDR: what must never change for an existing subnet. Fails on a repeated key,
 * which would fold two subnets into one entry and let a comparison pass on half the layout.
 */
function subnetCidrs(plan: NetworkPlan): Record<string, string> {
    const cidrs = Object.fromEntries(plan.subnets.map((s) => [s.key, s.cidrBlock]));
    expect(Object.keys(cidrs), "subnet keys").to.have.lengthOf(plan.subnets.length);
    return cidrs;
}

/** The routes of the route table with this key; fails when there is none, so that two missing tables never compare equal. */
function routesOf(plan: NetworkPlan, tableKey: string): RoutePlan[] {
    const table = plan.routeTables.find((t) => t.key === tableKey);
    expect(table, `route table ${tableKey}`).to.not.equal(undefined);
    return table!.routes;
}

describe("plan: the layout is stable", () => {
    const base: VpcLambdaNetworkArgs = { pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: 2 };

    it("keeps every existing subnet's name and CIDR when a zone is added", () => {
        const before = subnetCidrs(planFor(base));
        const after = subnetCidrs(planFor({ ...base, numberOfAvailabilityZones: 3 }));
        expect(Object.keys(before)).to.deep.equal(["lambda-subnet-1", "lambda-subnet-2", "public-subnet-1", "public-subnet-2"]);
        expect(after).to.deep.include(before);
        expect(Object.keys(after)).to.include.members(["lambda-subnet-3", "public-subnet-3"]);
    });

    it("keeps every existing subnet's CIDR at each step from one zone to six", () => {
        for (let zones = 1; zones < 6; zones++) {
            const before = subnetCidrs(planFor({ pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: zones }));
            const after = subnetCidrs(planFor({ pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: zones + 1 }));
            expect(Object.keys(before), `${zones} zones`).to.have.lengthOf(2 * zones);
            expect(after, `${zones} -> ${zones + 1} zones`).to.deep.include(before);
        }
    });

    it("keeps the subnets unchanged when an interface endpoint is added", () => {
        const before = planFor({ ...base, pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs"] });
        const after = planFor({ ...base, pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs", "secretsmanager"] });
        expect(after.subnets).to.deep.equal(before.subnets);
    });

    it("keeps existing endpoints' names when another endpoint is added before them in the list", () => {
        const before = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs"] });
        const after = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["kms", "sqs"] });
        expect(before.interfaceEndpoints.map((e) => e.key)).to.deep.equal(["sqs-endpoint"]);
        expect(after.interfaceEndpoints.map((e) => e.key)).to.deep.equal(["kms-endpoint", "sqs-endpoint"]);
    });

    it("keeps the subnets unchanged when an allowTo target is added", () => {
        const after = planFor({ ...base, allowTo: [{ securityGroupId: DB_SG, port: 3306 }] });
        expect(after.subnets).to.deep.equal(planFor(base).subnets);
    });

    it("keeps zone 1's NAT gateway, its Elastic IP and its subnet when switching between OnePerAz and Single", () => {
        const onePerAz = planFor({ ...base, natGateways: { strategy: NatGatewayStrategy.OnePerAz } });
        const single = planFor({ ...base, natGateways: { strategy: NatGatewayStrategy.Single } });
        expect(single.natGateways).to.deep.equal([onePerAz.natGateways[0]]);
        expect(single.natGateways[0]).to.deep.equal({ key: "nat-1", elasticIpKey: "nat-eip-1", zone: 1, subnetKey: "public-subnet-1" });
    });

    it("keeps the public subnets of every zone whichever NAT strategy is chosen", () => {
        const onePerAz = planFor({ ...base, natGateways: { strategy: NatGatewayStrategy.OnePerAz } });
        const single = planFor({ ...base, natGateways: { strategy: NatGatewayStrategy.Single } });
        expect(subnetCidrs(single)).to.deep.equal(subnetCidrs(onePerAz));
    });

    it("keeps zone 1's route to its NAT gateway when a zone is added", () => {
        const before = routesOf(planFor(base), "lambda-rt-1");
        expect(before.map((r) => r.key)).to.deep.equal(["lambda-rt-1-default"]);
        expect(routesOf(planFor({ ...base, numberOfAvailabilityZones: 3 }), "lambda-rt-1")).to.deep.equal(before);
    });
});
