import { expect } from "chai";
import { NetworkPattern } from "../../../sdk/args";
import type { NetworkPlan } from "../../../sdk/plan/types";
import { planFor, rulesOf } from "../../helpers/plan";

const existingVpc = {
    vpcId: "vpc-0aaaaaaaaaaaaaaaa",
    subnetIds: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"],
    routeTableIds: ["rtb-0aaaaaaaaaaaaaaa1", "rtb-0aaaaaaaaaaaaaaa2"],
};

describe("plan: building into an existing VPC", () => {
    let plan: NetworkPlan;
    beforeEach(() => {
        plan = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, existingVpc, interfaceEndpoints: ["sqs"] });
    });

    it("plans no VPC of its own, only the given one", () => {
        expect(plan.vpc).to.deep.include({ kind: "existing", vpcId: existingVpc.vpcId });
    });

    it("has the VPC's DNS checked when interface endpoints with private DNS go in it", () => {
        expect(plan.vpc).to.deep.include({ needsPrivateDns: true });
    });

    it("leaves the VPC's DNS unchecked without interface endpoints", () => {
        const gatewaysOnly = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, existingVpc });
        expect(gatewaysOnly.vpc).to.deep.include({ kind: "existing", needsPrivateDns: false });
    });

    it("plans no subnet, route table, internet gateway or NAT gateway", () => {
        expect({ subnets: plan.subnets, routeTables: plan.routeTables, natGateways: plan.natGateways, internetGateway: plan.internetGateway }).to.deep.equal({
            subnets: [],
            routeTables: [],
            natGateways: [],
            internetGateway: undefined,
        });
    });

    it("plans no NAT gateway even with PrivateWithNat", () => {
        const withNat = planFor({ pattern: NetworkPattern.PrivateWithNat, existingVpc });
        expect([withNat.natGateways, withNat.subnets, withNat.routeTables]).to.deep.equal([[], [], []]);
    });

    it("runs the functions in the given subnets", () => {
        expect(plan.lambdaSubnets).to.deep.equal(existingVpc.subnetIds.map((id) => ({ id })));
    });

    it("puts the gateway endpoints on the given route tables", () => {
        expect(plan.gatewayEndpoints.map((e) => [e.service, e.routeTables])).to.deep.equal([
            ["s3", existingVpc.routeTableIds.map((id) => ({ id }))],
            ["dynamodb", existingVpc.routeTableIds.map((id) => ({ id }))],
        ]);
    });

    it("places interface endpoints in the given subnets", () => {
        expect(plan.interfaceEndpoints[0].subnets).to.deep.equal(existingVpc.subnetIds.map((id) => ({ id })));
    });

    it("builds no gateway endpoint, and so no prefix-list rule, when no route table is given", () => {
        const noTables = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, existingVpc: { vpcId: existingVpc.vpcId, subnetIds: existingVpc.subnetIds } });
        expect(noTables.gatewayEndpoints).to.deep.equal([]);
        expect(rulesOf(noTables, "lambda-sg", "egress").filter((r) => r.peer.kind === "gatewayEndpointPrefixList")).to.deep.equal([]);
    });
});
