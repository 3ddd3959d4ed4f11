import { expect } from "chai";
import { NatGatewayStrategy, NetworkPattern } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { DB_SG } from "../../helpers/plan";
import { byId, lambdaSubnets, rulesOn, T, valueOf } from "../../helpers/mock-network";

describe("VpcLambdaNetwork: PrivateWithNat", () => {
    let stack: MockStack;
    let net: VpcLambdaNetwork;

    before(async () => {
        stack = await MockStack.install();
        net = new VpcLambdaNetwork("app", {
            pattern: NetworkPattern.PrivateWithNat,
            numberOfAvailabilityZones: 3,
            allowTo: [{ securityGroupId: DB_SG, port: 3306, description: "MySQL" }],
        });
        await stack.settle();
    });

    /** The route table a subnet is associated with, by the subnet's id. */
    const routeTableOf = (subnetId: string | undefined) => stack.ofType(T.routeTableAssociation).find((a) => a.inputs.subnetId === subnetId)?.inputs.routeTableId;
    const zoneOfSubnet = (subnetId: unknown) => byId(stack, subnetId).inputs.availabilityZone;

    it("turns on DNS support and DNS hostnames in the VPC", () => {
        expect(stack.get(T.vpc, "app-vpc").inputs).to.deep.include({ cidrBlock: "10.0.0.0/16", enableDnsSupport: true, enableDnsHostnames: true });
    });

    it("puts one Lambda subnet in each of the region's first three zones, with no public IP mapping", () => {
        expect(lambdaSubnets(stack, "app").map((s) => [s.inputs.availabilityZone, s.inputs.mapPublicIpOnLaunch])).to.deep.equal([
            ["us-east-1a", false],
            ["us-east-1b", false],
            ["us-east-1c", false],
        ]);
    });

    it("associates each Lambda subnet with a route table of its own", () => {
        const tables = lambdaSubnets(stack, "app").map((s) => routeTableOf(s.id));
        expect(tables.map((id) => byId(stack, id).name)).to.deep.equal(["app-lambda-rt-1", "app-lambda-rt-2", "app-lambda-rt-3"]);
    });

    it("routes each Lambda subnet's 0.0.0.0/0 to the NAT gateway in the subnet's own zone", () => {
        for (const subnet of lambdaSubnets(stack, "app")) {
            const route = stack.ofType(T.route).find((r) => r.inputs.routeTableId === routeTableOf(subnet.id));
            expect(route?.inputs.destinationCidrBlock, subnet.name).to.equal("0.0.0.0/0");
            const nat = byId(stack, route?.inputs.natGatewayId);
            expect(nat.type).to.equal(T.natGateway);
            expect(zoneOfSubnet(nat.inputs.subnetId), subnet.name).to.equal(subnet.inputs.availabilityZone);
        }
    });

    it("never routes a Lambda subnet to the internet gateway", () => {
        const lambdaTables = lambdaSubnets(stack, "app").map((s) => routeTableOf(s.id));
        const lambdaRoutes = stack.ofType(T.route).filter((r) => lambdaTables.includes(r.inputs.routeTableId));
        expect(lambdaRoutes.map((r) => r.inputs.gatewayId)).to.deep.equal([undefined, undefined, undefined]);
    });

    it("routes the public subnets' 0.0.0.0/0 to the internet gateway", () => {
        const igw = stack.get(T.internetGateway, "app-igw");
        const publicTable = stack.get(T.routeTable, "app-public-rt");
        const route = stack.ofType(T.route).find((r) => r.inputs.routeTableId === publicTable.id);
        expect(route?.inputs).to.deep.include({ destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
        expect(igw.inputs.vpcId).to.equal(stack.get(T.vpc, "app-vpc").id);
    });

    it("places each NAT gateway in a public subnet, with its own Elastic IP of domain vpc", () => {
        const publicSubnetIds = stack.ofType(T.subnet).filter((s) => s.name.startsWith("app-public-subnet-")).map((s) => s.id);
        for (const nat of stack.ofType(T.natGateway)) {
            const eip = byId(stack, nat.inputs.allocationId);
            expect(eip.type, nat.name).to.equal(T.eip);
            expect(eip.inputs.domain, nat.name).to.equal("vpc");
            expect(publicSubnetIds, nat.name).to.include(nat.inputs.subnetId);
        }
        expect(new Set(stack.ofType(T.natGateway).map((n) => n.inputs.allocationId)).size).to.equal(3);
    });

    it("creates each NAT gateway after the internet gateway", () => {
        const igw = stack.get(T.internetGateway, "app-igw");
        for (const nat of stack.ofType(T.natGateway)) {
            expect(nat.dependencies, nat.name).to.include(igw.urn);
        }
    });

    it("lets the Lambda security group out on every protocol to 0.0.0.0/0, with a description", () => {
        const lambdaSg = stack.get(T.securityGroup, "app-lambda-sg");
        const toAnywhere = rulesOn(stack, T.egressRule, lambdaSg.id).filter((r) => r.inputs.cidrIpv4 !== undefined);
        expect(toAnywhere.map((r) => [r.inputs.ipProtocol, r.inputs.cidrIpv4])).to.deep.equal([["-1", "0.0.0.0/0"]]);
        expect(toAnywhere[0].inputs.description).to.be.a("string").and.not.equal("");
    });

    it("lets the Lambda security group out to each allowTo target on its port", () => {
        const lambdaSg = stack.get(T.securityGroup, "app-lambda-sg");
        const toDb = rulesOn(stack, T.egressRule, lambdaSg.id).find((r) => r.inputs.referencedSecurityGroupId === DB_SG);
        expect(toDb?.inputs).to.deep.include({ ipProtocol: "tcp", fromPort: 3306, toPort: 3306, description: "MySQL" });
    });

    it("puts the S3 and DynamoDB gateway endpoints on the Lambda route tables, not the public one", () => {
        const lambdaTableIds = ["app-lambda-rt-1", "app-lambda-rt-2", "app-lambda-rt-3"].map((n) => stack.get(T.routeTable, n).id);
        for (const name of ["app-s3-endpoint", "app-dynamodb-endpoint"]) {
            expect(stack.get(T.vpcEndpoint, name).inputs).to.deep.include({ vpcEndpointType: "Gateway", routeTableIds: lambdaTableIds });
        }
    });

    it("reports the public subnets and the NAT gateways, in zone order", async () => {
        const ids = (prefix: string, type: string) => [1, 2, 3].map((n) => stack.get(type, `${prefix}${n}`).id);
        expect(await valueOf(net.publicSubnetIds)).to.deep.equal(ids("app-public-subnet-", T.subnet));
        expect(await valueOf(net.natGatewayIds)).to.deep.equal(ids("app-nat-", T.natGateway));
    });

    describe("with a single NAT gateway", () => {
        before(async () => {
            stack.reset();
            new VpcLambdaNetwork("single", { pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: 3, natGateways: { strategy: NatGatewayStrategy.Single } });
            await stack.settle();
        });

        it("builds one NAT gateway, in zone 1", () => {
            expect(stack.ofType(T.natGateway).map((n) => [n.name, zoneOfSubnet(n.inputs.subnetId)])).to.deep.equal([["single-nat-1", "us-east-1a"]]);
        });

        it("routes every Lambda subnet's 0.0.0.0/0 to that NAT gateway", () => {
            const natId = stack.get(T.natGateway, "single-nat-1").id;
            const lambdaRoutes = stack.ofType(T.route).filter((r) => r.name.startsWith("single-lambda-rt-"));
            expect(lambdaRoutes.map((r) => r.inputs.natGatewayId)).to.deep.equal([natId, natId, natId]);
        });
    });
});
