import { expect } from "chai";
import { NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { awsServiceOf } from "../../../sdk/aws/resource-types";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack, MockStackOptions } from "../../../sdk/offline-engine/mock-stack";
import { lambdaSubnets, runFresh, T } from "../../helpers/mock-network";

// Endpoint service names are looked up (aws.ec2.getVpcEndpointService), not built: in the China
// Regions several are `cn.com.amazonaws.<region>.<service>`. The lookup also says which zones offer
// the service; an interface endpoint goes only into those, and a service none of the network's
// zones offers fails, in `pulumi preview` already, naming the service and the zones.

const endpoints: VpcLambdaNetworkArgs = { pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["ecr.api", "sqs", "lambda"] };

async function built(args: VpcLambdaNetworkArgs, options: MockStackOptions = {}): Promise<MockStack> {
    const stack = await MockStack.install(options);
    new VpcLambdaNetwork("app", args);
    await stack.settle();
    return stack;
}

const serviceNameOf = (stack: MockStack, service: string) => stack.get(T.vpcEndpoint, `app-${service.replace(/\./g, "-")}-endpoint`).inputs.serviceName;

describe("endpoint service names, read by the policies and reports", () => {
    it("reads the service of either form AWS uses, and none of another account's PrivateLink service", () => {
        expect(awsServiceOf("com.amazonaws.us-east-1.ecr.api")).to.equal("ecr.api");
        expect(awsServiceOf("cn.com.amazonaws.cn-north-1.ecr.api")).to.equal("ecr.api");
        expect(awsServiceOf("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0")).to.equal(undefined);
    });
});

describe("VpcLambdaNetwork: endpoint service names, looked up per Region", () => {
    it("names ecr.api's service cn.com.amazonaws.cn-north-1.ecr.api in the China (Beijing) Region", async () => {
        const stack = await built(endpoints, { region: "cn-north-1" });
        expect(serviceNameOf(stack, "ecr.api")).to.equal("cn.com.amazonaws.cn-north-1.ecr.api");
    });

    it("keeps com.amazonaws.<region>. for a service AWS names so in China (sqs), and for the gateway endpoints", async () => {
        const stack = await built(endpoints, { region: "cn-northwest-1" });
        expect(serviceNameOf(stack, "sqs")).to.equal("com.amazonaws.cn-northwest-1.sqs");
        expect(serviceNameOf(stack, "s3")).to.equal("com.amazonaws.cn-northwest-1.s3");
    });

    it("gives the same names as before in us-east-1, so a running network's endpoints are not replaced", async () => {
        const stack = await built(endpoints);
        expect(["ecr.api", "sqs", "lambda", "s3", "dynamodb"].map((s) => serviceNameOf(stack, s))).to.deep.equal([
            "com.amazonaws.us-east-1.ecr.api",
            "com.amazonaws.us-east-1.sqs",
            "com.amazonaws.us-east-1.lambda",
            "com.amazonaws.us-east-1.s3",
            "com.amazonaws.us-east-1.dynamodb",
        ]);
    });
});

describe("VpcLambdaNetwork: interface endpoints only in the zones their service is offered in", () => {
    it("leaves out of the endpoint's subnets a zone that lacks its service, and warns", async () => {
        const stack = await built({ ...endpoints, numberOfAvailabilityZones: 3 }, { zonesWithoutEndpointService: { lambda: ["us-east-1b"] } });
        const [a, b, c] = lambdaSubnets(stack, "app");
        expect(stack.get(T.vpcEndpoint, "app-lambda-endpoint").inputs.subnetIds).to.deep.equal([a.id, c.id]);
        expect(stack.get(T.vpcEndpoint, "app-sqs-endpoint").inputs.subnetIds).to.deep.equal([a.id, b.id, c.id]);
        expect(stack.warnings.find((w) => w.includes('"lambda" is not offered in us-east-1b'))).to.contain("placed in us-east-1a, us-east-1c only");
    });

    it("fails when none of the network's zones offers the service, naming the service, the zones and what to change", async () => {
        const { failures } = await runFresh(() => new VpcLambdaNetwork("app", { ...endpoints, availabilityZoneNames: ["us-east-1e", "us-east-1f"] }), {
            zonesWithoutEndpointService: { lambda: ["us-east-1e", "us-east-1f"] },
        });
        expect(failures).to.have.length(1);
        expect(failures[0])
            .to.contain('interfaceEndpoints: "lambda" (com.amazonaws.us-east-1.lambda) is offered in none of this network\'s zones (us-east-1e, us-east-1f)')
            .and.contain("it is offered in us-east-1a, us-east-1b, us-east-1c, us-east-1d")
            .and.contain("choose zones it is offered in with availabilityZoneNames");
    });

    it("fails in a preview already, while the new subnets' ids are unknown", async () => {
        const { failures } = await runFresh(() => new VpcLambdaNetwork("app", endpoints), { preview: true, zonesWithoutEndpointService: { lambda: ["us-east-1a", "us-east-1b"] } });
        expect(failures).to.have.length(1);
        expect(failures[0]).to.contain('"lambda"').and.contain("offered in none of this network's zones (us-east-1a, us-east-1b)");
    });

    it("points at existingVpc.subnetIds in a VPC of the user's", async () => {
        const existingVpc = { vpcId: "vpc-0aaaaaaaaaaaaaaaa", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"], routeTableIds: ["rtb-0aaaaaaaaaaaaaaaa"] };
        const probe = await MockStack.install();
        const zone = probe.aws.call({ token: "aws:ec2/getSubnet:getSubnet", inputs: { id: existingVpc.subnetIds[0] }, provider: "" }).availabilityZone as string;
        const { failures } = await runFresh(() => new VpcLambdaNetwork("app", { pattern: NetworkPattern.PrivateWithEndpoints, existingVpc, interfaceEndpoints: ["lambda"] }), {
            zonesWithoutEndpointService: { lambda: [zone] },
        });
        expect(failures).to.have.length(1);
        expect(failures[0]).to.contain(`none of this network's zones (${zone})`).and.contain("give existingVpc.subnetIds in a zone it is offered in");
    });
});

describe("VpcLambdaNetwork: endpoints an existing VPC already has", () => {
    const existingVpc = { vpcId: "vpc-0aaaaaaaaaaaaaaaa", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"], routeTableIds: ["rtb-0aaaaaaaaaaaaaaaa", "rtb-0bbbbbbbbbbbbbbbb"] };
    const args: VpcLambdaNetworkArgs = { pattern: NetworkPattern.PrivateWithEndpoints, existingVpc, interfaceEndpoints: ["sqs"] };
    const foreignS3 = {
        id: "vpce-0f0f0f0f0f0f0f0f0",
        vpcId: existingVpc.vpcId,
        serviceName: "com.amazonaws.us-east-1.s3",
        vpcEndpointType: "Gateway" as const,
        routeTableIds: ["rtb-0aaaaaaaaaaaaaaaa"],
    };

    it("leaves a route table that already routes S3 through another endpoint to it, and warns", async () => {
        const stack = await built(args, { existingEndpoints: [foreignS3] });
        expect(stack.get(T.vpcEndpoint, "app-s3-endpoint").inputs.routeTableIds).to.deep.equal(["rtb-0bbbbbbbbbbbbbbbb"]);
        expect(stack.get(T.vpcEndpoint, "app-dynamodb-endpoint").inputs.routeTableIds).to.deep.equal(existingVpc.routeTableIds);
        expect(stack.warnings.find((w) => w.startsWith("gatewayEndpoints: rtb-0aaaaaaaaaaaaaaaa already route s3 through vpce-0f0f0f0f0f0f0f0f0"))).to.contain(
            "attached to rtb-0bbbbbbbbbbbbbbbb only",
        );
    });

    it("fails the interface endpoint whose service's private DNS another endpoint holds, saying how to use that one instead", async () => {
        const foreignSqs = {
            id: "vpce-0e0e0e0e0e0e0e0e0",
            vpcId: existingVpc.vpcId,
            serviceName: "com.amazonaws.us-east-1.sqs",
            vpcEndpointType: "Interface" as const,
            privateDnsEnabled: true,
            securityGroupIds: ["sg-0e0e0e0e0e0e0e0e0"],
        };
        const { failures } = await runFresh(() => new VpcLambdaNetwork("app", args), { existingEndpoints: [foreignSqs] });
        expect(failures).to.have.length(1);
        expect(failures[0])
            .to.contain("already has an interface endpoint for com.amazonaws.us-east-1.sqs with private DNS (vpce-0e0e0e0e0e0e0e0e0)")
            .and.contain('Remove "sqs" from interfaceEndpoints')
            .and.contain('allowTo: [{ securityGroupId: "sg-0e0e0e0e0e0e0e0e0", port: 443 }]');
    });

    it("builds beside an endpoint of the service without private DNS, which holds no DNS name", async () => {
        const quiet = { id: "vpce-0d0d0d0d0d0d0d0d0", vpcId: existingVpc.vpcId, serviceName: "com.amazonaws.us-east-1.sqs", vpcEndpointType: "Interface" as const, privateDnsEnabled: false };
        const { stack, failures } = await runFresh(() => new VpcLambdaNetwork("app", args), { existingEndpoints: [quiet] });
        expect(failures).to.deep.equal([]);
        expect(stack.get(T.vpcEndpoint, "app-sqs-endpoint").inputs.privateDnsEnabled).to.equal(true);
    });

    it("recognises its own endpoints on the next deployment, by their Name tag", async () => {
        const stack = await built(args);
        const own = stack.ofType(T.vpcEndpoint).map((e) => ({
            id: e.id!,
            vpcId: existingVpc.vpcId,
            serviceName: e.inputs.serviceName,
            vpcEndpointType: e.inputs.vpcEndpointType,
            routeTableIds: e.inputs.routeTableIds,
            privateDnsEnabled: e.inputs.privateDnsEnabled,
            tags: { Name: e.inputs.tags.Name },
        }));
        const { stack: again, failures } = await runFresh(() => new VpcLambdaNetwork("app", args), { existingEndpoints: own });
        expect(failures).to.deep.equal([]);
        expect(again.get(T.vpcEndpoint, "app-s3-endpoint").inputs.routeTableIds).to.deep.equal(existingVpc.routeTableIds);
        expect(again.warnings).to.deep.equal([]);
    });
});
