import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import { expect } from "chai";
import { NetworkPattern } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack, RecordedResource } from "../../../sdk/offline-engine/mock-stack";
import { diagnosticsConfigurationOf, T } from "../../helpers/mock-network";

// Interface endpoints with private DNS need their VPC's enableDnsSupport and enableDnsHostnames
// both on (AWS's CreateVpcEndpoint reference), and enableDnsHostnames defaults to false on
// aws.ec2.Vpc. Built into the user's VPC, the component looks it up and fails the interface
// endpoints with a sentence saying which flag is off, rather than leaving AWS to refuse them at
// `pulumi up`.

const GET_VPC = "aws:ec2/getVpc:getVpc";

/** A VPC of the user's, made in the program with these DNS settings, as `existingVpc`. */
function ownVpc(name: string, dns: { enableDnsSupport?: boolean; enableDnsHostnames?: boolean }) {
    const vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: "10.1.0.0/16", ...dns });
    const subnets = ["a", "b"].map((zone, i) => new aws.ec2.Subnet(`${name}-subnet-${zone}`, { vpcId: vpc.id, cidrBlock: `10.1.${i}.0/24`, availabilityZone: `us-east-1${zone}` }));
    const routeTable = new aws.ec2.RouteTable(`${name}-rt`, { vpcId: vpc.id });
    return { vpcId: vpc.id, subnetIds: subnets.map((s) => s.id), routeTableIds: [routeTable.id] };
}

/** The network `name` in its own VPC, with the interface endpoints `services`. */
function joinOwnVpc(name: string, dns: { enableDnsSupport?: boolean; enableDnsHostnames?: boolean }, services = ["sqs", "kms"]): () => void {
    return () => {
        new VpcLambdaNetwork(name, { pattern: NetworkPattern.PrivateWithEndpoints, existingVpc: ownVpc(name, dns), interfaceEndpoints: services });
    };
}

/** The distinct messages of what failed. */
function messagesOf(failures: unknown[]): string[] {
    return [...new Set(failures.map((f) => (f instanceof Error ? f.message : String(f))))];
}

/** What one program registered and invoked, and what failed, under mocks installed for it alone. */
interface Run {
    stack: MockStack;
    failures: unknown[];
    /** The tokens of the invokes the mocked engine answered. */
    invokes: string[];
}

/** Runs a program under fresh mocks: after a failure, the mocked engine's queue stays stuck. */
async function run(program: () => void, options: { preview?: boolean } = {}): Promise<Run> {
    const stack = await MockStack.install(options);
    const invokes: string[] = [];
    const call = stack.aws.call.bind(stack.aws);
    stack.aws.call = (args) => {
        invokes.push(args.token);
        return call(args);
    };
    const { failures } = await stack.run(program);
    return { stack, failures, invokes };
}

const typeAndName = (r: RecordedResource) => `${r.type}::${r.name}`;

describe("VpcLambdaNetwork: an existing VPC's DNS settings and interface endpoints", () => {
    describe("with DNS hostnames off (aws.ec2.Vpc's default)", () => {
        let nohost: Run;
        let vpcId: string;

        before(async () => {
            nohost = await run(joinOwnVpc("nohost", {}));
            vpcId = nohost.stack.get(T.vpc, "nohost-vpc").id!;
        });

        it("fails with a message naming the component, the VPC, the flag that is off, and what to set", () => {
            expect(messagesOf(nohost.failures)).to.have.length(1);
            const [message] = messagesOf(nohost.failures);
            expect(message).to.contain('VpcLambdaNetwork "nohost"');
            expect(message).to.contain(`existingVpc "${vpcId}" has enableDnsHostnames off`);
            expect(message).to.contain("enableDnsHostnames: true on its aws.ec2.Vpc");
            expect(message).to.contain("enableDnsHostnames: true on an awsx.ec2.Vpc");
        });

        it("registers none of the interface endpoints, and the rest of the network as usual", () => {
            const endpoints = nohost.stack.ofType(T.vpcEndpoint).map((e) => e.name);
            expect(endpoints.filter((name) => ["nohost-sqs-endpoint", "nohost-kms-endpoint"].includes(name))).to.deep.equal([]);
            expect(endpoints).to.include.members(["nohost-s3-endpoint", "nohost-dynamodb-endpoint"]);
            expect(nohost.stack.ofType(T.securityGroup).map((g) => g.name)).to.include.members(["nohost-lambda-sg", "nohost-endpoint-sg"]);
        });
    });

    it("with DNS support off, fails with a message naming enableDnsSupport and the VPC", async () => {
        const { stack, failures } = await run(joinOwnVpc("nodns", { enableDnsSupport: false }));
        const vpcId = stack.get(T.vpc, "nodns-vpc").id!;
        // AWS turns DNS hostnames on only with DNS support, so both are off.
        expect(messagesOf(failures)).to.have.length(1);
        expect(messagesOf(failures)[0]).to.contain(`existingVpc "${vpcId}" has enableDnsSupport and enableDnsHostnames off`);
    });

    it("with DNS support and DNS hostnames on, builds each interface endpoint in that VPC", async () => {
        const { stack, failures } = await run(joinOwnVpc("ready", { enableDnsSupport: true, enableDnsHostnames: true }));
        const vpcId = stack.get(T.vpc, "ready-vpc").id;
        expect(messagesOf(failures)).to.deep.equal([]);
        expect(["ready-sqs-endpoint", "ready-kms-endpoint"].map((name) => stack.get(T.vpcEndpoint, name).inputs.vpcId)).to.deep.equal([vpcId, vpcId]);
    });

    it("without interface endpoints, looks the VPC up not at all and builds without DNS hostnames", async () => {
        const { stack, failures, invokes } = await run(joinOwnVpc("gateways", {}, []));
        expect(messagesOf(failures)).to.deep.equal([]);
        expect(invokes).to.not.include(GET_VPC);
        expect(stack.ofType(T.vpcEndpoint).map((e) => e.name)).to.have.members(["gateways-s3-endpoint", "gateways-dynamodb-endpoint"]);
    });

    it("looks a VPC up once, however many interface endpoints go in it", async () => {
        const { invokes } = await run(joinOwnVpc("once", { enableDnsHostnames: true }, ["sqs", "kms", "ecr.api"]));
        expect(invokes.filter((token) => token === GET_VPC)).to.have.length(1);
    });

    it("looks a VPC up once for the endpoints and the diagnostics function together", async () => {
        const { stack, invokes } = await run(() => {
            new VpcLambdaNetwork("both", { pattern: NetworkPattern.PrivateWithEndpoints, existingVpc: ownVpc("both", { enableDnsHostnames: true }), interfaceEndpoints: ["sqs"], diagnostics: { enabled: true } });
        });
        expect(invokes.filter((token) => token === GET_VPC)).to.have.length(1);
        const configuration = diagnosticsConfigurationOf(stack.get("aws:lambda/function:Function", "both-diagnostics"));
        expect(configuration.vpcCidrBlocks).to.deep.equal(["10.1.0.0/16"]);
    });

    /** The network `name` with an sqs endpoint in an awsx VPC made with these arguments. */
    const joinAwsxVpc = (name: string, vpcArgs: awsx.ec2.VpcArgs) => () => {
        const vpc = new awsx.ec2.Vpc(`${name}-vpc`, { numberOfAvailabilityZones: 2, ...vpcArgs });
        new VpcLambdaNetwork(name, {
            pattern: NetworkPattern.PrivateWithEndpoints,
            existingVpc: { vpcId: vpc.vpcId, subnetIds: [0, 1].map((i) => vpc.privateSubnetIds.apply((ids) => ids[i])) },
            gatewayEndpoints: [],
            interfaceEndpoints: ["sqs"],
        });
    };

    it("fails the same way in an awsx.ec2.Vpc left with awsx's default, DNS hostnames off", async () => {
        const { failures } = await run(joinAwsxVpc("on-awsx", {}));
        expect(messagesOf(failures)).to.have.length(1);
        expect(messagesOf(failures)[0]).to.match(/existingVpc "vpc-[0-9a-f]{17}" has enableDnsHostnames off/);
    });

    it("builds in an awsx.ec2.Vpc given enableDnsHostnames: true", async () => {
        const { stack, failures } = await run(joinAwsxVpc("on-awsx-dns", { enableDnsHostnames: true }));
        expect(messagesOf(failures)).to.deep.equal([]);
        expect(stack.get(T.vpcEndpoint, "on-awsx-dns-sqs-endpoint").inputs.vpcId).to.match(/^vpc-[0-9a-f]{17}$/);
    });
});

describe("VpcLambdaNetwork: an existing VPC without DNS hostnames, in a preview where its id is unknown", () => {
    let previewed: Run;
    let deployedReady: Run;

    before(async () => {
        previewed = await run(joinOwnVpc("joined", {}), { preview: true });
        // The update of a VPC set up right registers what the preview of any VPC must register.
        deployedReady = await run(joinOwnVpc("joined", { enableDnsHostnames: true }));
    });

    it("does not fail, and makes no lookup: the VPC's id is unknown", () => {
        expect(messagesOf(previewed.failures)).to.deep.equal([]);
        expect(previewed.invokes).to.not.include(GET_VPC);
    });

    it("registers the same resources, interface endpoints included, as an update of a VPC with DNS hostnames on", () => {
        const registered = previewed.stack.resources.map(typeAndName).sort();
        expect(registered).to.include(`${T.vpcEndpoint}::joined-sqs-endpoint`);
        expect(registered).to.deep.equal(deployedReady.stack.resources.map(typeAndName).sort());
    });
});
