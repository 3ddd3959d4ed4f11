import { expect } from "chai";
import { NetworkPattern } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { byId, lambdaSubnets, rulesOn, T, valueOf } from "../../helpers/mock-network";

describe("VpcLambdaNetwork: PrivateWithEndpoints", () => {
    let stack: MockStack;
    let net: VpcLambdaNetwork;

    before(async () => {
        stack = await MockStack.install();
        net = new VpcLambdaNetwork("app", { pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["secretsmanager", "ecr.api"] });
        await stack.settle();
    });

    const lambdaSgId = () => stack.get(T.securityGroup, "app-lambda-sg").id;
    const endpointSgId = () => stack.get(T.securityGroup, "app-endpoint-sg").id;

    it("builds no internet gateway, NAT gateway, Elastic IP or route", () => {
        expect([T.internetGateway, T.natGateway, T.eip, T.route].flatMap((type) => stack.ofType(type))).to.deep.equal([]);
    });

    it("turns on DNS support and DNS hostnames, which private DNS for endpoints needs", () => {
        expect(stack.get(T.vpc, "app-vpc").inputs).to.deep.include({ enableDnsSupport: true, enableDnsHostnames: true });
    });

    it("builds each interface endpoint with private DNS in the Lambda subnets behind the endpoint security group", () => {
        const subnetIds = lambdaSubnets(stack, "app").map((s) => s.id);
        for (const [name, service] of [["app-secretsmanager-endpoint", "secretsmanager"], ["app-ecr-api-endpoint", "ecr.api"]]) {
            expect(stack.get(T.vpcEndpoint, name).inputs, name).to.deep.include({
                serviceName: `com.amazonaws.us-east-1.${service}`,
                vpcEndpointType: "Interface",
                privateDnsEnabled: true,
                subnetIds,
                securityGroupIds: [endpointSgId()],
                vpcId: stack.get(T.vpc, "app-vpc").id,
            });
        }
    });

    it("lets the endpoint security group admit TCP 443 from the Lambda security group only", () => {
        expect(rulesOn(stack, T.ingressRule, endpointSgId()).map((r) => r.inputs)).to.deep.equal([
            {
                securityGroupId: endpointSgId(),
                referencedSecurityGroupId: lambdaSgId(),
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                description: "HTTPS from the Lambda security group",
                tags: { Name: "app-endpoint-sg-ingress-lambda-https" },
            },
        ]);
    });

    it("gives the Lambda security group no ingress rule", () => {
        expect(rulesOn(stack, T.ingressRule, lambdaSgId())).to.deep.equal([]);
    });

    it("lets the Lambda security group out on TCP 443 to the endpoint security group", () => {
        const rule = rulesOn(stack, T.egressRule, lambdaSgId()).find((r) => r.inputs.referencedSecurityGroupId === endpointSgId());
        expect(rule?.inputs).to.deep.include({ ipProtocol: "tcp", fromPort: 443, toPort: 443 });
    });

    it("lets the Lambda security group out on TCP 443 to the prefix list of each gateway endpoint", () => {
        const prefixLists = ["app-s3-endpoint", "app-dynamodb-endpoint"].map((n) => stack.get(T.vpcEndpoint, n).outputs.prefixListId);
        const rules = rulesOn(stack, T.egressRule, lambdaSgId()).filter((r) => r.inputs.prefixListId !== undefined);
        expect(rules.map((r) => [r.inputs.prefixListId, r.inputs.ipProtocol, r.inputs.fromPort, r.inputs.toPort])).to.have.deep.members(
            prefixLists.map((pl) => [pl, "tcp", 443, 443]),
        );
    });

    it("never lets the Lambda security group out to an address range", () => {
        expect(rulesOn(stack, T.egressRule, lambdaSgId()).map((r) => r.inputs.cidrIpv4)).to.deep.equal([undefined, undefined, undefined]);
    });

    it("describes every rule", () => {
        for (const rule of [...stack.ofType(T.ingressRule), ...stack.ofType(T.egressRule)]) {
            expect(rule.inputs.description, rule.name).to.be.a("string").and.not.equal("");
        }
    });

    it("puts the gateway endpoints on the Lambda route tables", () => {
        const tableIds = [1, 2].map((n) => stack.get(T.routeTable, `app-lambda-rt-${n}`).id);
        expect(stack.get(T.vpcEndpoint, "app-s3-endpoint").inputs.routeTableIds).to.deep.equal(tableIds);
    });

    it("reports every endpoint's id by service name", async () => {
        const ids = await valueOf(net.vpcEndpointIds);
        expect(Object.keys(ids)).to.have.members(["s3", "dynamodb", "secretsmanager", "ecr.api"]);
        for (const [service, id] of Object.entries(ids)) {
            expect(byId(stack, id).inputs.serviceName, service).to.equal(`com.amazonaws.us-east-1.${service}`);
        }
    });

    it("reports the endpoint security group", async () => {
        expect(await valueOf(net.endpointSecurityGroupId)).to.equal(endpointSgId());
    });

    it("reports no public subnet and no NAT gateway", async () => {
        expect([await valueOf(net.publicSubnetIds), await valueOf(net.natGatewayIds)]).to.deep.equal([[], []]);
    });
});
