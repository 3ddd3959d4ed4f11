import { expect } from "chai";
import type { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { createComponentProvider } from "../../provider/component-provider";
import { MockStack, RecordedResource } from "../../sdk/offline-engine/mock-stack";
import { diagnosticsConfigurationOf, T, valueOf } from "../helpers/mock-network";

// What the plugin receives when a Python, Go, .NET, Java or YAML program constructs the
// component: a protobuf Struct of plain JSON values, where a value taken from another resource
// arrives as an "output value" carrying that resource's URN. The server turns it back into
// inputs with `deserializeInputs`, exactly as below, before calling `construct`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rpc = require("@pulumi/pulumi/runtime/rpc");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deserializeInputs } = require("@pulumi/pulumi/provider/server");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Struct, Value } = require("google-protobuf/google/protobuf/struct_pb");

const TYPE = "vpc-lambda:index:VpcLambdaNetwork";
const DATABASE_SG_URN = "urn:pulumi:stack::project::aws:ec2/securityGroup:SecurityGroup::db-sg";
const DATABASE_SG_ID = "sg-0d1b2c3d4e5f60718";

/** A value another SDK took from a resource's output: known here, with its dependency. */
function outputValue(value: unknown, dependencies: string[]) {
    return { [rpc.specialSigKey]: rpc.specialOutputValueSig, value, dependencies };
}

/**
 * The Struct as the plugin's gRPC server receives it: encoded and decoded as protobuf. A Struct
 * has one kind of number, a double (`number_value`): an `integer` argument that a Go, Java or
 * .NET SDK sends as an int arrives as that double, a JavaScript number with an integral value.
 */
function overTheWire(wire: Record<string, unknown>) {
    return Struct.deserializeBinary(Struct.fromJavaScript(wire).serializeBinary());
}

/** The inputs as the plugin's gRPC server hands them to `construct`. */
async function fromWire(wire: Record<string, unknown>, dependencies: Record<string, string[]> = {}) {
    const dependencyMap = new Map(Object.entries(dependencies).map(([key, urns]) => [key, { getUrnsList: () => urns }]));
    return deserializeInputs(overTheWire(wire), dependencyMap);
}

describe("provider: construct, as another language's SDK calls it", function () {
    this.timeout(60_000); // the first construct analyzes the SDK's types to learn the outputs

    let stack: MockStack;
    let provider: ComponentProvider;
    let state: Record<string, any>;
    let component: RecordedResource;

    before(async () => {
        stack = await MockStack.install();
        provider = createComponentProvider();
        const inputs = await fromWire(
            {
                pattern: "PrivateWithEndpoints",
                numberOfAvailabilityZones: 2,
                interfaceEndpoints: ["secretsmanager"],
                allowTo: [{ securityGroupId: outputValue(DATABASE_SG_ID, [DATABASE_SG_URN]), port: 5432, description: "PostgreSQL" }],
                flowLogs: { retentionInDays: 30, trafficType: "REJECT" },
                tags: { team: "payments" },
            },
            { allowTo: [DATABASE_SG_URN] },
        );
        const result = await provider.construct("py", TYPE, inputs, {});
        state = result.state;
        await stack.settle();
        component = stack.get(TYPE, "py");
    });

    it("registers the component under its type token", async () => {
        expect(component.urn).to.match(/::vpc-lambda:index:VpcLambdaNetwork::py$/);
    });

    it("parents every resource it builds to the component", () => {
        const children = stack.resources.filter((r) => r.urn !== component.urn);
        expect(children.length).to.be.greaterThan(0);
        expect(children.filter((r) => r.parent !== component.urn).map((r) => r.name)).to.deep.equal([]);
    });

    it("builds the interface endpoint asked for by name", () => {
        const endpoint = stack.get(T.vpcEndpoint, "py-secretsmanager-endpoint");
        expect(endpoint.inputs.serviceName).to.equal("com.amazonaws.us-east-1.secretsmanager");
        expect(endpoint.inputs.vpcEndpointType).to.equal("Interface");
    });

    it("opens egress to a security group given as another resource's output, and depends on that resource", () => {
        const toDatabase = stack.ofType(T.egressRule).filter((r) => r.inputs.referencedSecurityGroupId === DATABASE_SG_ID);
        expect(toDatabase.map((r) => [r.inputs.fromPort, r.inputs.toPort, r.inputs.description])).to.deep.equal([[5432, 5432, "PostgreSQL"]]);
        expect(toDatabase[0].propertyDependencies.referencedSecurityGroupId).to.include(DATABASE_SG_URN);
    });

    it("applies nested plain arguments (flow logs: REJECT, kept 30 days)", () => {
        expect(stack.ofType(T.flowLog).map((f) => f.inputs.trafficType)).to.deep.equal(["REJECT"]);
        expect(stack.ofType(T.logGroup).map((g) => g.inputs.retentionInDays)).to.deep.equal([30]);
    });

    it("returns the outputs the schema declares, wired to what it built", async () => {
        const vpc = stack.ofType(T.vpc)[0];
        const subnets = stack.ofType(T.subnet).map((s) => s.id);
        const lambdaSg = stack.get(T.securityGroup, "py-lambda-sg");
        expect(await valueOf(state.vpcId)).to.equal(vpc.id);
        expect(await valueOf(state.lambdaSubnetIds)).to.deep.equal(subnets);
        expect(await valueOf(state.vpcConfig)).to.deep.equal({ subnetIds: subnets, securityGroupIds: [lambdaSg.id], ipv6AllowedForDualStack: false });
        expect(await valueOf(state.eniPolicyArn)).to.match(/^arn:aws:iam::123456789012:policy\//);
    });

    it("builds into an existing VPC whose ids arrive as another resource's outputs (an awsx VPC, say)", async () => {
        const vpcUrn = "urn:pulumi:stack::project::awsx:ec2:Vpc::shared";
        const ids = { vpcId: "vpc-0a1b2c3d4e5f60718", subnetIds: ["subnet-0a1b2c3d4e5f60711", "subnet-0a1b2c3d4e5f60712"], routeTableIds: ["rtb-0a1b2c3d4e5f60711", "rtb-0a1b2c3d4e5f60712"] };
        const inputs = await fromWire(
            {
                pattern: "PrivateWithNat",
                existingVpc: {
                    vpcId: outputValue(ids.vpcId, [vpcUrn]),
                    subnetIds: ids.subnetIds.map((id) => outputValue(id, [vpcUrn])),
                    routeTableIds: ids.routeTableIds.map((id) => outputValue(id, [vpcUrn])),
                },
            },
            { existingVpc: [vpcUrn] },
        );
        const result = await provider.construct("joined", TYPE, inputs, {});
        await stack.settle();
        expect(stack.get(T.securityGroup, "joined-lambda-sg").inputs.vpcId).to.equal(ids.vpcId);
        expect(stack.get(T.vpcEndpoint, "joined-s3-endpoint").inputs.routeTableIds).to.deep.equal(ids.routeTableIds);
        expect(await valueOf(result.state.lambdaSubnetIds)).to.deep.equal(ids.subnetIds);
    });

    it("builds a dual-stack network with the diagnostics function, whose target host arrives as another resource's output", async () => {
        const dbUrn = "urn:pulumi:stack::project::aws:rds/instance:Instance::db";
        const inputs = await fromWire(
            { pattern: "PrivateWithNat", dualStack: true, diagnostics: { enabled: true, targets: [{ host: outputValue("db.abc123.us-east-1.rds.amazonaws.com", [dbUrn]), port: 5432 }] } },
            { diagnostics: [dbUrn] },
        );
        const result = await provider.construct("dual", TYPE, inputs, {});
        await stack.settle();
        const fn = stack.get("aws:lambda/function:Function", "dual-diagnostics");
        expect(diagnosticsConfigurationOf(fn).targets).to.deep.equal([{ host: "db.abc123.us-east-1.rds.amazonaws.com", port: 5432 }]);
        expect(fn.dependencies).to.include(dbUrn);
        expect(await valueOf(result.state.diagnosticsFunctionName)).to.equal(fn.outputs.name);
        expect(((await valueOf(result.state.vpcConfig)) as { ipv6AllowedForDualStack: boolean }).ipv6AllowedForDualStack).to.equal(true);
        expect(await valueOf(result.state.vpcIpv6CidrBlock)).to.equal(stack.get(T.vpc, "dual-vpc").outputs.ipv6CidrBlock);
    });

    it("delivers the flow log to a bucket whose ARN arrives as another resource's output, and depends on that resource", async () => {
        const bucketUrn = "urn:pulumi:stack::project::aws:s3/bucket:Bucket::flow-logs";
        const bucketArn = "arn:aws:s3:::flow-logs-0a1b2c3d";
        const inputs = await fromWire(
            { pattern: "Isolated", flowLogs: { destination: "s3", s3BucketArn: outputValue(bucketArn, [bucketUrn]), trafficType: "REJECT" } },
            { flowLogs: [bucketUrn] },
        );
        await provider.construct("archived", TYPE, inputs, {});
        await stack.settle();
        const flowLog = stack.get(T.flowLog, "archived-flow-log");
        expect(flowLog.inputs).to.deep.include({ logDestinationType: "s3", logDestination: bucketArn, trafficType: "REJECT" });
        expect(flowLog.propertyDependencies.logDestination).to.include(bucketUrn);
        expect(stack.resources.filter((r) => r.name.startsWith("archived-") && ([T.logGroup, T.role] as string[]).includes(r.type))).to.deep.equal([]);
    });

    it("takes the integer arguments as another SDK sends them: protobuf doubles with whole values", async () => {
        const wire = {
            pattern: "PrivateWithEndpoints",
            numberOfAvailabilityZones: 3,
            allowTo: [{ securityGroupId: DATABASE_SG_ID, port: 3306 }],
            flowLogs: { retentionInDays: 14, maxAggregationInterval: 60 },
        };
        const received = overTheWire(wire);
        const flowLogs = received.getFieldsMap().get("flowLogs").getStructValue().getFieldsMap();
        const port = received.getFieldsMap().get("allowTo").getListValue().getValuesList()[0].getStructValue().getFieldsMap().get("port");
        expect([received.getFieldsMap().get("numberOfAvailabilityZones"), port, flowLogs.get("retentionInDays"), flowLogs.get("maxAggregationInterval")].map((v) => [v.getKindCase(), v.getNumberValue()])).to.deep.equal([
            [Value.KindCase.NUMBER_VALUE, 3],
            [Value.KindCase.NUMBER_VALUE, 3306],
            [Value.KindCase.NUMBER_VALUE, 14],
            [Value.KindCase.NUMBER_VALUE, 60],
        ]);
        await provider.construct("ints", TYPE, await fromWire(wire), {});
        await stack.settle();
        const subnets = stack.ofType(T.subnet).filter((s) => s.name.startsWith("ints-lambda-subnet-"));
        expect(subnets.length).to.equal(3);
        const toDatabase = stack.ofType(T.egressRule).filter((r) => r.name.startsWith("ints-") && r.inputs.referencedSecurityGroupId === DATABASE_SG_ID);
        expect(toDatabase.map((r) => [r.inputs.fromPort, r.inputs.toPort, r.inputs.description])).to.deep.equal([[3306, 3306, "Lambda to port 3306"]]);
        expect(stack.get(T.logGroup, "ints-flow-log-group").inputs.retentionInDays).to.equal(14);
        expect(stack.get(T.flowLog, "ints-flow-log").inputs.maxAggregationInterval).to.equal(60);
    });

    it("rejects a misspelt pattern with the field, the value and what is allowed, before building anything", async () => {
        const before = stack.resources.length;
        const inputs = await fromWire({ pattern: "PrivateWithNAT" });
        let error: Error | undefined;
        try {
            await provider.construct("typo", TYPE, inputs, {});
        } catch (e) {
            error = e as Error;
        }
        expect(error?.message).to.match(/pattern: "PrivateWithNAT"/).and.match(/PrivateWithNat/);
        await stack.settle();
        expect(stack.resources.length).to.equal(before);
    });
});
