import { expect } from "chai";
import { NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { InvalidNetworkArgumentsError } from "../../../sdk/arguments/problems";
import { DB_SG } from "../../helpers/plan";
import { lambdaSubnets, T, valueOf } from "../../helpers/mock-network";

const everything: VpcLambdaNetworkArgs = {
    pattern: NetworkPattern.PrivateWithNat,
    interfaceEndpoints: ["sqs"],
    allowTo: [{ securityGroupId: DB_SG, port: 3306 }],
    tags: { team: "payments" },
};

describe("VpcLambdaNetwork: the component's contract", () => {
    let stack: MockStack;

    before(async () => {
        stack = await MockStack.install();
    });

    describe("one network", () => {
        let net: VpcLambdaNetwork;
        before(async () => {
            stack.reset();
            net = new VpcLambdaNetwork("app", everything);
            await stack.settle();
        });
        const component = () => stack.get(T.component, "app");
        const children = () => stack.resources.filter((r) => r !== component());

        it("registers itself as vpc-lambda:index:VpcLambdaNetwork", () => {
            expect(component().urn).to.match(/::vpc-lambda:index:VpcLambdaNetwork::app$/);
        });

        it("parents every child to the component", () => {
            expect(children().filter((r) => r.parent !== component().urn).map((r) => r.name)).to.deep.equal([]);
        });

        it("names every child <name>-...", () => {
            expect(children().filter((r) => !r.name.startsWith("app-")).map((r) => r.name)).to.deep.equal([]);
        });

        it("tags every taggable child with the user's tags and a Name equal to its resource name", () => {
            const tagged = children().filter((r) => r.inputs.tags !== undefined);
            expect(tagged.length).to.be.greaterThan(20);
            for (const r of tagged) {
                expect(r.inputs.tags, r.name).to.deep.equal({ team: "payments", Name: r.name });
            }
        });

        it("gives functions the Lambda subnets, in zone order, and the Lambda security group in vpcConfig", async () => {
            expect(await valueOf(net.vpcConfig)).to.deep.equal({
                subnetIds: lambdaSubnets(stack, "app").map((s) => s.id),
                securityGroupIds: [stack.get(T.securityGroup, "app-lambda-sg").id],
                ipv6AllowedForDualStack: false,
            });
        });

        it("reports the VPC, the Lambda subnets and the Lambda security group", async () => {
            expect(await valueOf(net.vpcId)).to.equal(stack.get(T.vpc, "app-vpc").id);
            expect(await valueOf(net.lambdaSubnetIds)).to.deep.equal(lambdaSubnets(stack, "app").map((s) => s.id));
            expect(await valueOf(net.lambdaSecurityGroupId)).to.equal(stack.get(T.securityGroup, "app-lambda-sg").id);
        });

        it("reports every endpoint's id by service name", async () => {
            expect(await valueOf(net.vpcEndpointIds)).to.deep.equal({
                s3: stack.get(T.vpcEndpoint, "app-s3-endpoint").id,
                dynamodb: stack.get(T.vpcEndpoint, "app-dynamodb-endpoint").id,
                sqs: stack.get(T.vpcEndpoint, "app-sqs-endpoint").id,
            });
        });

    });

    describe("two networks in one stack", () => {
        before(async () => {
            stack.reset();
            new VpcLambdaNetwork("a", everything);
            new VpcLambdaNetwork("b", everything);
            await stack.settle();
        });

        it("registers no two resources under the same URN", () => {
            const urns = stack.resources.map((r) => r.urn);
            expect(urns.filter((urn, i) => urns.indexOf(urn) !== i)).to.deep.equal([]);
        });

        it("builds a complete network for each, parented to its own component", () => {
            for (const name of ["a", "b"]) {
                const componentUrn = stack.get(T.component, name).urn;
                expect(stack.get(T.vpc, `${name}-vpc`).parent).to.equal(componentUrn);
                expect(stack.get(T.flowLog, `${name}-flow-log`).parent).to.equal(componentUrn);
            }
        });

        it("wires each network's routes to its own NAT gateways", () => {
            const natOf = (name: string) => stack.ofType(T.natGateway).filter((n) => n.name.startsWith(`${name}-`)).map((n) => n.id);
            const routesOf = (name: string) => stack.ofType(T.route).filter((r) => r.name.startsWith(`${name}-lambda-rt-`)).map((r) => r.inputs.natGatewayId);
            expect(routesOf("a")).to.have.members(natOf("a"));
            expect(routesOf("b")).to.have.members(natOf("b"));
        });
    });

    describe("invalid arguments", () => {
        it("throw synchronously from the constructor and register nothing, not even the component", async () => {
            stack.reset();
            const bad = { ...everything, cidrBlock: "10.0.0.0/8" };
            expect(() => new VpcLambdaNetwork("bad", bad)).to.throw(InvalidNetworkArgumentsError, /cidrBlock: "10.0.0.0\/8"/);
            await stack.settle();
            expect(stack.resources).to.deep.equal([]);
        });
    });

    describe("under preview, where new resources' outputs are unknown", () => {
        let previewed: string[];
        let deployed: string[];
        const registered = async (preview: boolean) => {
            stack = await MockStack.install({ preview });
            new VpcLambdaNetwork("app", everything);
            return (await stack.settle()).map((r) => `${r.type}::${r.name}`).sort();
        };
        before(async () => {
            previewed = await registered(true);
            deployed = await registered(false);
        });

        it("registers the whole network: no resource waits on an apply", () => {
            expect(previewed).to.deep.equal(deployed);
        });
    });
});
