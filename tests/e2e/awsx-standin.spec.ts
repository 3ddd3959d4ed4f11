import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { AwsxStandIn } from "../../e2e/awsx-standin/awsx-standin";
import { blocksOverlap, blockContains, Ipv4Block, parseIpv4Block } from "../../sdk/addresses/cidr";
import { AWSX_VPC_TYPE, mockAwsxVpc } from "../../sdk/offline-engine/awsx-vpc-mock";
import { MockStack } from "../../sdk/offline-engine/mock-stack";
import { T, valueOf } from "../helpers/mock-network";

// The awsx stand-in builds awsx's VPC through the engine in `make e2e`; here it builds it under the
// unit tests' mocks, whose answers for an opaque awsx VPC (mockAwsxVpc) must be what it builds.
const EXAMPLE_INPUTS = { cidrBlock: "10.20.0.0/16", numberOfAvailabilityZones: 2, natGateways: { strategy: "OnePerAz" } };

describe("the awsx stand-in (a test double of the awsx plugin for `make e2e`)", () => {
    let stack: MockStack;

    before(async () => {
        stack = await MockStack.install();
    });

    beforeEach(() => stack.reset());

    async function construct(inputs: Record<string, unknown>): Promise<Record<string, any>> {
        const { value, failures } = await stack.run(async () => {
            const { state } = await new AwsxStandIn().construct("shared", AWSX_VPC_TYPE, inputs, {});
            return Object.fromEntries(await Promise.all(Object.entries(state).map(async ([key, output]) => [key, await valueOf(pulumi.output(output))])));
        });
        expect(failures).to.deep.equal([]);
        return value!;
    }

    /** The NAT gateway a subnet's route table sends 0.0.0.0/0 to. */
    function natGatewayOf(subnetName: string): string {
        return stack.get(T.route, subnetName).inputs.natGatewayId;
    }

    it("answers with the ids the unit tests' mocks give for awsx's VPC: one layout for both", async () => {
        const outputs = await construct(EXAMPLE_INPUTS);
        const mocked = mockAwsxVpc("shared", EXAMPLE_INPUTS, stack.aws.zoneNames, (type, name) => stack.aws.idFor(type, name));
        expect(outputs).to.deep.equal(mocked.outputs);
    });

    it("routes each private subnet through the NAT gateway in its own zone's public subnet (OnePerAz, awsx's default)", async () => {
        await construct({ numberOfAvailabilityZones: 2 });
        for (const zone of [1, 2]) {
            const natGateway = stack.get(T.natGateway, `shared-${zone}`);
            expect(natGateway.inputs.subnetId).to.equal(stack.get(T.subnet, `shared-public-${zone}`).id);
            expect(natGatewayOf(`shared-private-${zone}`)).to.equal(natGateway.id);
        }
    });

    it("routes every private subnet through the one NAT gateway of the first zone with the Single strategy", async () => {
        await construct({ numberOfAvailabilityZones: 3, natGateways: { strategy: "Single" } });
        expect(stack.ofType(T.natGateway).map((n) => n.name)).to.deep.equal(["shared-1"]);
        expect(["shared-private-1", "shared-private-2", "shared-private-3"].map(natGatewayOf)).to.deep.equal(Array(3).fill(stack.get(T.natGateway, "shared-1").id));
    });

    it("sends the public subnets to the internet gateway", async () => {
        await construct(EXAMPLE_INPUTS);
        const internetGateway = stack.get(T.internetGateway, "shared");
        expect(["shared-public-1", "shared-public-2"].map((name) => stack.get(T.route, name).inputs.gatewayId)).to.deep.equal([internetGateway.id, internetGateway.id]);
    });

    it("gives every subnet a block of its own inside the VPC's", async () => {
        await construct(EXAMPLE_INPUTS);
        const vpcBlock = parseIpv4Block(stack.get(T.vpc, "shared").inputs.cidrBlock) as Ipv4Block;
        const blocks = stack.ofType(T.subnet).map((s) => parseIpv4Block(s.inputs.cidrBlock) as Ipv4Block);
        expect(blocks).to.have.length(4);
        expect(blocks.every((b) => blockContains(vpcBlock, b))).to.equal(true);
        expect(blocks.some((a, i) => blocks.some((b, j) => i < j && blocksOverlap(a, b)))).to.equal(false);
    });

    it("refuses a type other than awsx:ec2:Vpc, naming the one it constructs", async () => {
        const constructing = new AwsxStandIn().construct("cluster", "awsx:ecs:FargateService", {}, {});
        await constructing.then(
            () => expect.fail("a FargateService was constructed"),
            (error: Error) => expect(error.message).to.equal("the awsx stand-in constructs awsx:ec2:Vpc only, not awsx:ecs:FargateService"),
        );
    });

    it("refuses a NAT gateway strategy awsx does not have, naming those it has", async () => {
        const { failures } = await stack.run(() => new AwsxStandIn().construct("shared", AWSX_VPC_TYPE, { natGateways: { strategy: "PerSubnet" } }, {}));
        expect(String(failures[0])).to.contain('natGateways.strategy is "PerSubnet"; awsx allows None, Single, OnePerAz');
    });
});
