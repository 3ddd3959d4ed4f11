import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { Address6 } from "ip-address";
import { NetworkPattern } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack, RecordedResource } from "../../../sdk/offline-engine/mock-stack";
import { byId, lambdaSubnets, rulesOn, T, valueOf } from "../../helpers/mock-network";

const EIGW = "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway";
const GET_SUBNET = "aws:ec2/getSubnet:getSubnet";

/** The routes of the route table a subnet is associated with. */
function routesOfSubnet(stack: MockStack, subnet: RecordedResource): RecordedResource[] {
    const tableId = stack.ofType(T.routeTableAssociation).find((a) => a.inputs.subnetId === subnet.id)?.inputs.routeTableId;
    return stack.ofType(T.route).filter((r) => r.inputs.routeTableId === tableId);
}

const inside = (outer: string, inner: string) => new Address6(inner).isInSubnet(new Address6(outer));

describe("VpcLambdaNetwork: dual stack", () => {
    describe("PrivateWithNat", () => {
        let stack: MockStack;
        let net: VpcLambdaNetwork;

        before(async () => {
            stack = await MockStack.install();
            net = new VpcLambdaNetwork("app", { pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: 3, dualStack: true });
            await stack.settle();
        });

        const vpcBlock = () => stack.get(T.vpc, "app-vpc").outputs.ipv6CidrBlock as string;

        it("asks AWS for an IPv6 block for the VPC and outputs it", async () => {
            expect(stack.get(T.vpc, "app-vpc").inputs.assignGeneratedIpv6CidrBlock).to.equal(true);
            expect(vpcBlock()).to.match(/^2600:[0-9a-f:]+\/56$/);
            expect(await valueOf(net.vpcIpv6CidrBlock)).to.equal(vpcBlock());
        });

        it("gives every subnet a distinct /64 of the VPC's block and IPv6 addresses on creation", () => {
            const subnets = stack.ofType(T.subnet);
            expect(subnets).to.have.length(6);
            for (const subnet of subnets) {
                expect(subnet.inputs.ipv6CidrBlock, subnet.name).to.match(/\/64$/);
                expect(inside(vpcBlock(), subnet.inputs.ipv6CidrBlock), subnet.name).to.equal(true);
                expect(subnet.inputs.assignIpv6AddressOnCreation, subnet.name).to.equal(true);
            }
            expect(new Set(subnets.map((s) => s.inputs.ipv6CidrBlock)).size).to.equal(6);
        });

        it("builds one egress-only internet gateway in the VPC", () => {
            const gateways = stack.ofType(EIGW);
            expect(gateways.map((g) => [g.name, g.inputs.vpcId])).to.deep.equal([["app-eigw", stack.get(T.vpc, "app-vpc").id]]);
            expect(gateways[0].id).to.match(/^eigw-[0-9a-f]{17}$/);
        });

        it("routes each Lambda subnet's ::/0 to the egress-only gateway and its 0.0.0.0/0 still to a NAT gateway", () => {
            const eigw = stack.get(EIGW, "app-eigw");
            for (const subnet of lambdaSubnets(stack, "app")) {
                const routes = routesOfSubnet(stack, subnet);
                const ipv6 = routes.filter((r) => r.inputs.destinationIpv6CidrBlock === "::/0");
                expect(ipv6.map((r) => [r.inputs.egressOnlyGatewayId, r.inputs.gatewayId]), subnet.name).to.deep.equal([[eigw.id, undefined]]);
                const ipv4 = routes.filter((r) => r.inputs.destinationCidrBlock === "0.0.0.0/0");
                expect(ipv4.map((r) => byId(stack, r.inputs.natGatewayId).type), subnet.name).to.deep.equal([T.natGateway]);
            }
        });

        it("routes the public subnets' ::/0 to the internet gateway", () => {
            const igw = stack.get(T.internetGateway, "app-igw");
            const publicSubnet = stack.get(T.subnet, "app-public-subnet-1");
            const ipv6 = routesOfSubnet(stack, publicSubnet).filter((r) => r.inputs.destinationIpv6CidrBlock === "::/0");
            expect(ipv6.map((r) => r.inputs.gatewayId)).to.deep.equal([igw.id]);
        });

        it("lets the Lambda group out to ::/0 as to 0.0.0.0/0, and adds no other rule", () => {
            const egress = rulesOn(stack, T.egressRule, stack.get(T.securityGroup, "app-lambda-sg").id);
            expect(egress.map((r) => [r.inputs.ipProtocol, r.inputs.cidrIpv4, r.inputs.cidrIpv6])).to.deep.equal([
                ["-1", "0.0.0.0/0", undefined],
                ["-1", undefined, "::/0"],
            ]);
            expect(stack.ofType(T.ingressRule).filter((r) => r.inputs.cidrIpv6 !== undefined)).to.deep.equal([]);
        });

        it("tells functions they may use IPv6", async () => {
            expect((await valueOf(net.vpcConfig)).ipv6AllowedForDualStack).to.equal(true);
        });
    });

    for (const pattern of [NetworkPattern.PrivateWithEndpoints, NetworkPattern.Isolated]) {
        it(`${pattern}: dual-stack subnets, and no IPv6 route, gateway or rule out`, async () => {
            const stack = await MockStack.install();
            const net = new VpcLambdaNetwork("app", { pattern, dualStack: true, ...(pattern === NetworkPattern.Isolated ? {} : { interfaceEndpoints: ["sqs"] }) });
            await stack.settle();
            expect(lambdaSubnets(stack, "app").map((s) => typeof s.inputs.ipv6CidrBlock)).to.deep.equal(["string", "string"]);
            expect(stack.ofType(T.route).filter((r) => r.inputs.destinationIpv6CidrBlock !== undefined)).to.deep.equal([]);
            expect(stack.ofType(EIGW)).to.deep.equal([]);
            expect(stack.ofType(T.egressRule).filter((r) => r.inputs.cidrIpv6 !== undefined)).to.deep.equal([]);
            expect((await valueOf(net.vpcConfig)).ipv6AllowedForDualStack).to.equal(true);
        });
    }

    it("without dual stack: no IPv6 block asked for, none output, functions not told to use IPv6", async () => {
        const stack = await MockStack.install();
        const net = new VpcLambdaNetwork("app", { pattern: NetworkPattern.PrivateWithNat });
        await stack.settle();
        expect(stack.get(T.vpc, "app-vpc").inputs.assignGeneratedIpv6CidrBlock).to.equal(undefined);
        expect(stack.ofType(T.subnet).map((s) => s.inputs.ipv6CidrBlock)).to.deep.equal([undefined, undefined, undefined, undefined]);
        expect(stack.ofType(EIGW)).to.deep.equal([]);
        expect(await valueOf(net.vpcIpv6CidrBlock)).to.equal(undefined);
        expect((await valueOf(net.vpcConfig)).ipv6AllowedForDualStack).to.equal(false);
    });

    describe("into an existing VPC", () => {
        /** A network into subnets of the user's own VPC, made with these IPv6 settings, run under fresh mocks. */
        async function joinOwnSubnets(subnetArgs: (vpc: aws.ec2.Vpc, i: number) => Partial<aws.ec2.SubnetArgs>, dualStack = true) {
            const stack = await MockStack.install();
            const lookups: string[] = [];
            const call = stack.aws.call.bind(stack.aws);
            stack.aws.call = (args) => {
                lookups.push(args.token);
                return call(args);
            };
            let net: VpcLambdaNetwork | undefined;
            const { failures } = await stack.run(() => {
                const vpc = new aws.ec2.Vpc("own-vpc", { cidrBlock: "10.1.0.0/16", assignGeneratedIpv6CidrBlock: true });
                const subnets = [0, 1].map((i) => new aws.ec2.Subnet(`own-subnet-${i}`, { vpcId: vpc.id, cidrBlock: `10.1.${i}.0/24`, ...subnetArgs(vpc, i) }));
                net = new VpcLambdaNetwork("joined", { pattern: NetworkPattern.PrivateWithNat, existingVpc: { vpcId: vpc.id, subnetIds: subnets.map((s) => s.id) }, dualStack });
                net.vpcConfig.apply(() => undefined);
            });
            const messages = [...new Set(failures.map((f) => (f instanceof Error ? f.message : String(f))))];
            return { stack, net: net!, messages, lookups };
        }
        const sixtyFour = (vpc: aws.ec2.Vpc, i: number) => ({ ipv6CidrBlock: vpc.ipv6CidrBlock.apply((b) => b.replace("00::/56", `0${i}::/64`)) });

        it("takes dual-stack subnets, and builds no IPv6 route or gateway in the user's VPC", async () => {
            const { stack, net, messages } = await joinOwnSubnets(sixtyFour);
            expect(messages).to.deep.equal([]);
            expect((await valueOf(net.vpcConfig)).subnetIds).to.deep.equal([0, 1].map((i) => stack.get(T.subnet, `own-subnet-${i}`).id));
            expect(stack.ofType(EIGW)).to.deep.equal([]);
            expect(stack.ofType(T.route)).to.deep.equal([]);
        });

        it("fails, naming the subnet and what to set, when a subnet has no IPv6 block", async () => {
            const { stack, messages } = await joinOwnSubnets((vpc, i) => (i === 0 ? sixtyFour(vpc, i) : {}));
            const ipv4Only = stack.get(T.subnet, "own-subnet-1").id;
            expect(messages).to.have.length(1);
            expect(messages[0]).to.contain(`VpcLambdaNetwork "joined": dualStack is on, but existingVpc subnet "${ipv4Only}" has no IPv6 block`);
            expect(messages[0]).to.contain("ipv6CidrBlock on the aws.ec2.Subnet");
        });

        it("fails on an IPv6-only subnet: Lambda does not support them", async () => {
            const { messages } = await joinOwnSubnets((vpc, i) => ({ ...sixtyFour(vpc, i), ...(i === 1 ? { ipv6Native: true } : {}) }));
            expect(messages).to.have.length(1);
            expect(messages[0]).to.match(/subnet "subnet-[0-9a-f]{17}" is IPv6-only; Lambda does not support IPv6-only subnets/);
        });

        it("looks no subnet up without dual stack", async () => {
            const { messages, lookups } = await joinOwnSubnets(() => ({}), false);
            expect(messages).to.deep.equal([]);
            expect(lookups).to.not.include(GET_SUBNET);
        });
    });
});
