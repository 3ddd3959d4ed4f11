import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { NetworkPattern } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { DB_SG } from "../../helpers/plan";
import { T, valueOf } from "../../helpers/mock-network";

const existingVpc = {
    vpcId: "vpc-0aaaaaaaaaaaaaaaa",
    subnetIds: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"],
    routeTableIds: ["rtb-0aaaaaaaaaaaaaaa1", "rtb-0aaaaaaaaaaaaaaa2"],
};

describe("VpcLambdaNetwork: into an existing VPC", () => {
    let stack: MockStack;
    let net: VpcLambdaNetwork;

    before(async () => {
        stack = await MockStack.install();
        net = new VpcLambdaNetwork("app", {
            pattern: NetworkPattern.PrivateWithEndpoints,
            existingVpc,
            interfaceEndpoints: ["sqs"],
            allowTo: [{ securityGroupId: DB_SG, port: 3306 }],
        });
        await stack.settle();
    });

    it("creates no VPC, subnet, route table, route, internet gateway, NAT gateway or Elastic IP", () => {
        const network = [T.vpc, T.defaultSecurityGroup, T.subnet, T.routeTable, T.routeTableAssociation, T.route, T.internetGateway, T.natGateway, T.eip];
        expect(network.flatMap((type) => stack.ofType(type)).map((r) => r.name)).to.deep.equal([]);
    });

    it("builds the security groups in the given VPC", () => {
        const groups = stack.ofType(T.securityGroup);
        expect(groups.map((g) => g.name)).to.include.members(["app-lambda-sg", "app-endpoint-sg"]);
        expect(groups.filter((g) => g.inputs.vpcId !== existingVpc.vpcId).map((g) => g.name)).to.deep.equal([]);
    });

    it("builds the endpoints in the given VPC", () => {
        expect(stack.ofType(T.vpcEndpoint).map((e) => e.inputs.vpcId)).to.deep.equal([existingVpc.vpcId, existingVpc.vpcId, existingVpc.vpcId]);
    });

    it("puts the gateway endpoints on the given route tables", () => {
        for (const name of ["app-s3-endpoint", "app-dynamodb-endpoint"]) {
            expect(stack.get(T.vpcEndpoint, name).inputs.routeTableIds, name).to.deep.equal(existingVpc.routeTableIds);
        }
    });

    it("records the given VPC's traffic in the flow log", () => {
        expect(stack.get(T.flowLog, "app-flow-log").inputs.vpcId).to.equal(existingVpc.vpcId);
    });

    it("reports the given VPC and subnets", async () => {
        expect(await valueOf(net.vpcId)).to.equal(existingVpc.vpcId);
        expect(await valueOf(net.lambdaSubnetIds)).to.deep.equal(existingVpc.subnetIds);
    });

    it("gives functions the given subnets and the Lambda security group in vpcConfig", async () => {
        expect(await valueOf(net.vpcConfig)).to.deep.equal({
            subnetIds: existingVpc.subnetIds,
            securityGroupIds: [stack.get(T.securityGroup, "app-lambda-sg").id],
            ipv6AllowedForDualStack: false,
        });
    });

    describe("whose subnets share a zone, without route tables", () => {
        const warnings: string[] = [];

        before(async () => {
            stack.reset();
            // Without an engine, pulumi.log.warn writes to console.warn: capture what it says.
            const consoleWarn = console.warn;
            console.warn = (message: string) => warnings.push(message);
            try {
                // The user's own subnets: two in us-east-1a, one in us-east-1b.
                const subnets = [
                    ["own-a1", "us-east-1a", "10.9.0.0/24"],
                    ["own-a2", "us-east-1a", "10.9.1.0/24"],
                    ["own-b1", "us-east-1b", "10.9.2.0/24"],
                ].map(([name, availabilityZone, cidrBlock]) => new aws.ec2.Subnet(name, { vpcId: existingVpc.vpcId, availabilityZone, cidrBlock }));
                new VpcLambdaNetwork("shared", {
                    pattern: NetworkPattern.PrivateWithEndpoints,
                    existingVpc: { vpcId: existingVpc.vpcId, subnetIds: subnets.map((s) => s.id) },
                    interfaceEndpoints: ["sqs"],
                });
                await stack.settle();
            } finally {
                console.warn = consoleWarn;
            }
        });

        it("places each interface endpoint in one subnet per zone, the first listed", () => {
            const [a1, , b1] = ["own-a1", "own-a2", "own-b1"].map((n) => stack.get(T.subnet, n).id);
            expect(stack.get(T.vpcEndpoint, "shared-sqs-endpoint").inputs.subnetIds).to.deep.equal([a1, b1]);
        });

        it("warns that the default gateway endpoints were left out for want of route tables", () => {
            expect(stack.ofType(T.vpcEndpoint).map((e) => e.name)).to.deep.equal(["shared-sqs-endpoint"]);
            expect(warnings.filter((w) => w.includes("existingVpc.routeTableIds"))).to.have.length(1);
        });
    });
});
