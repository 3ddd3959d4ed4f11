import { expect } from "chai";
import { NetworkPattern } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { DB_SG } from "../../helpers/plan";
import { rulesOn, T, valueOf } from "../../helpers/mock-network";

describe("VpcLambdaNetwork: Isolated", () => {
    let stack: MockStack;
    let net: VpcLambdaNetwork;

    before(async () => {
        stack = await MockStack.install();
        net = new VpcLambdaNetwork("app", { pattern: NetworkPattern.Isolated, allowTo: [{ securityGroupId: DB_SG, port: 5432, description: "PostgreSQL" }] });
        await stack.settle();
    });

    it("builds no internet gateway, NAT gateway, Elastic IP, route or endpoint", () => {
        expect([T.internetGateway, T.natGateway, T.eip, T.route, T.vpcEndpoint].flatMap((type) => stack.ofType(type))).to.deep.equal([]);
    });

    it("lets the Lambda security group out only to the allowTo target, on its port, with its description", () => {
        const lambdaSgId = stack.get(T.securityGroup, "app-lambda-sg").id;
        expect(rulesOn(stack, T.egressRule, lambdaSgId).map((r) => r.inputs)).to.deep.equal([
            {
                securityGroupId: lambdaSgId,
                referencedSecurityGroupId: DB_SG,
                ipProtocol: "tcp",
                fromPort: 5432,
                toPort: 5432,
                description: "PostgreSQL",
                tags: { Name: "app-lambda-sg-egress-to-5432" },
            },
        ]);
    });

    it("builds no ingress rule and no endpoint security group", () => {
        expect(stack.ofType(T.ingressRule)).to.deep.equal([]);
        expect(stack.ofType(T.securityGroup).map((g) => g.name)).to.not.include("app-endpoint-sg");
    });

    it("still associates each Lambda subnet with a route table of its own", () => {
        const associations = stack.ofType(T.routeTableAssociation).map((a) => a.inputs.routeTableId);
        expect(new Set(associations).size).to.equal(2);
        expect(associations).to.have.members([1, 2].map((n) => stack.get(T.routeTable, `app-lambda-rt-${n}`).id));
    });

    it("reports no endpoint and no endpoint security group", async () => {
        expect(await valueOf(net.vpcEndpointIds)).to.deep.equal({});
        expect(await valueOf(net.endpointSecurityGroupId)).to.equal(undefined);
    });
});
