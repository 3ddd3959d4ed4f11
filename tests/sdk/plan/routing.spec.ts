import { expect } from "chai";
import { NatGatewayStrategy, NetworkPattern } from "../../../sdk/args";
import type { NetworkPlan } from "../../../sdk/plan/types";
import { lambdaRouteTables, planFor } from "../../helpers/plan";

function defaultRouteTarget(plan: NetworkPlan, tableKey: string) {
    const table = plan.routeTables.find((t) => t.key === tableKey);
    return table?.routes.find((r) => r.destinationCidrBlock === "0.0.0.0/0")?.target;
}

describe("plan: routes", () => {
    describe("PrivateWithNat with one NAT gateway per zone", () => {
        let plan: NetworkPlan;
        beforeEach(() => {
            plan = planFor({ pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: 3 });
        });

        it("builds one NAT gateway in the public subnet of each zone", () => {
            expect(plan.natGateways.map((n) => [n.key, n.zone, n.subnetKey])).to.deep.equal([
                ["nat-1", 1, "public-subnet-1"],
                ["nat-2", 2, "public-subnet-2"],
                ["nat-3", 3, "public-subnet-3"],
            ]);
        });

        it("gives every Lambda subnet a route table of its own, in its zone", () => {
            expect(lambdaRouteTables(plan).map((t) => [t.key, t.zone, t.subnetKeys])).to.deep.equal([
                ["lambda-rt-1", 1, ["lambda-subnet-1"]],
                ["lambda-rt-2", 2, ["lambda-subnet-2"]],
                ["lambda-rt-3", 3, ["lambda-subnet-3"]],
            ]);
        });

        it("sends each Lambda route table's 0.0.0.0/0 to the NAT gateway of its own zone", () => {
            for (const table of lambdaRouteTables(plan)) {
                const target = defaultRouteTarget(plan, table.key);
                const nat = plan.natGateways.find((n) => n.key === target?.key);
                expect(target?.kind, table.key).to.equal("natGateway");
                expect(nat?.zone, table.key).to.equal(table.zone);
            }
        });

        it("never routes a Lambda route table to the internet gateway", () => {
            const targets = lambdaRouteTables(plan).flatMap((t) => t.routes.map((r) => r.target.kind));
            expect(targets).to.not.include("internetGateway");
        });

        it("sends the public route table's 0.0.0.0/0 to the internet gateway", () => {
            expect(plan.internetGateway).to.deep.equal({ key: "igw" });
            expect(defaultRouteTarget(plan, "public-rt")).to.deep.equal({ kind: "internetGateway", key: "igw" });
        });

        it("associates every public subnet, and only those, with the public route table", () => {
            const publicTable = plan.routeTables.find((t) => t.key === "public-rt");
            expect(publicTable?.subnetKeys).to.deep.equal(["public-subnet-1", "public-subnet-2", "public-subnet-3"]);
        });
    });

    describe("PrivateWithNat with a single NAT gateway", () => {
        let plan: NetworkPlan;
        beforeEach(() => {
            plan = planFor({ pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: 3, natGateways: { strategy: NatGatewayStrategy.Single } });
        });

        it("builds only zone 1's NAT gateway", () => {
            expect(plan.natGateways.map((n) => n.key)).to.deep.equal(["nat-1"]);
        });

        it("sends every Lambda route table's 0.0.0.0/0 to nat-1", () => {
            expect(lambdaRouteTables(plan).map((t) => defaultRouteTarget(plan, t.key))).to.deep.equal([
                { kind: "natGateway", key: "nat-1" },
                { kind: "natGateway", key: "nat-1" },
                { kind: "natGateway", key: "nat-1" },
            ]);
        });

        it("never routes a Lambda route table to the internet gateway", () => {
            expect(lambdaRouteTables(plan).flatMap((t) => t.routes.map((r) => r.target.kind))).to.not.include("internetGateway");
        });
    });

    for (const pattern of [NetworkPattern.PrivateWithEndpoints, NetworkPattern.Isolated]) {
        describe(pattern, () => {
            let plan: NetworkPlan;
            beforeEach(() => {
                plan = planFor({ pattern, numberOfAvailabilityZones: 3, ...(pattern === NetworkPattern.PrivateWithEndpoints ? { interfaceEndpoints: ["sqs"] } : {}) });
            });

            it("has no route in any route table", () => {
                expect(plan.routeTables.flatMap((t) => t.routes)).to.deep.equal([]);
            });

            it("has no internet gateway and no NAT gateway", () => {
                expect(plan.internetGateway).to.equal(undefined);
                expect(plan.natGateways).to.deep.equal([]);
            });

            it("still gives every Lambda subnet a route table of its own", () => {
                expect(plan.routeTables.map((t) => [t.role, t.subnetKeys])).to.deep.equal([
                    ["lambda", ["lambda-subnet-1"]],
                    ["lambda", ["lambda-subnet-2"]],
                    ["lambda", ["lambda-subnet-3"]],
                ]);
            });
        });
    }
});
