// The YAML example through the component's plugin, its configuration changes, and the policy pack.
import { strict as assert } from "assert";
import * as path from "path";
import { EngineStep, exportedResources, json, pulumi, REPOSITORY, typeOf } from "./pulumi-cli";
import { assertNoChanges, assertNothingReplaced, byType, copyProgram, editProject, nameComponentPlugin, newStack, preview, removeStack, up } from "./stacks";
import { bundledPolicyPack, COMPONENT, POLICY_PACK, Step } from "./step";

/** The YAML example from a clean copy outside the repository, its `packages:` entry naming the plugin. */
function yamlExampleCopy(): string {
    const dir = copyProgram(path.join(REPOSITORY, "examples", "yaml"), "yaml-example");
    nameComponentPlugin(dir);
    return dir;
}

/** The engine's operations other than `same`, by type: `update aws:ec2/subnet:Subnet x2, ...`. */
function whatChanged(steps: EngineStep[]): string {
    const counts = new Map<string, number>();
    for (const step of steps.filter((s) => s.op !== "same")) {
        const key = `${step.op} ${typeOf(step)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return `the engine: ${[...counts].map(([key, count]) => `${key} x${count}`).join(", ")}`;
}

function setNetworkProperty(dir: string, property: string, value: unknown): void {
    editProject(dir, (document) => document.setIn(["resources", "network", "properties", property], value));
}

const YAML_STACK = "e2e-yaml";
let yamlExample = "";

export const yamlExampleSteps: Step[] = [
    {
        name: "YAML example: preview plans the component and its network through the plugin",
        run: () => {
            yamlExample = yamlExampleCopy();
            newStack(yamlExample, YAML_STACK);
            const { steps } = preview(yamlExample, YAML_STACK);
            const planned = (type: string) => steps.filter((s) => s.op === "create" && typeOf(s) === type).length;
            assert.equal(planned(COMPONENT), 1, "one VpcLambdaNetwork");
            assert.equal(planned("aws:ec2/vpc:Vpc"), 1, "one VPC");
            assert.equal(planned("aws:ec2/subnet:Subnet"), 2, "a Lambda subnet in each of the two zones");
            assert.equal(planned("aws:ec2/vpcEndpoint:VpcEndpoint"), 3, "S3 and DynamoDB gateway endpoints and the SQS interface endpoint");
            assert.equal(planned("aws:ec2/natGateway:NatGateway"), 0, "PrivateWithEndpoints has no NAT gateway");
            const children = steps.filter((s) => s.urn.includes(`${COMPONENT}$`));
            assert.ok(children.length > 10, `the network's resources are the component's children (${children.length})`);
        },
    },
    {
        name: "YAML example: up creates it, and the component's outputs reach the program over gRPC",
        run: () => {
            const { changeSummary } = up(yamlExample, YAML_STACK);
            assert.ok((changeSummary.create ?? 0) > 15, `up creates the stack's resources: ${JSON.stringify(changeSummary)}`);
            const resources = exportedResources(yamlExample, YAML_STACK);
            const [vpc] = byType(resources, "aws:ec2/vpc:Vpc");
            assert.match(vpc.id ?? "", /^vpc-[0-9a-f]{17}$/);
            assert.equal(vpc.outputs?.enableDnsHostnames, true, "private DNS for interface endpoints needs DNS hostnames on");
            const subnets = byType(resources, "aws:ec2/subnet:Subnet");
            assert.deepEqual(new Set(subnets.map((s) => s.inputs?.availabilityZone)).size, 2, "the two subnets are in two zones");
            const [fn] = byType(resources, "aws:lambda/function:Function");
            assert.deepEqual([...fn.inputs?.vpcConfig?.subnetIds].sort(), subnets.map((s) => s.id).sort(), "the function runs in the component's Lambda subnets");
            const [component] = byType(resources, COMPONENT);
            assert.equal(component.outputs?.vpcId, vpc.id, "the component's vpcId output is the VPC's id");
            const outputs = json(pulumi(yamlExample, ["stack", "output", "--json", "--stack", YAML_STACK], { timeoutSeconds: 60 }));
            assert.equal(outputs.vpcId, vpc.id);
            assert.deepEqual(Object.keys(outputs.vpcEndpointIds).sort(), ["dynamodb", "s3", "sqs"]);
        },
    },
    {
        name: "YAML example: a second preview changes nothing",
        run: () => assertNoChanges(preview(yamlExample, YAML_STACK).changeSummary, "YAML example"),
    },
    {
        name: "YAML example: preview --policy-pack policy passes the vpc-lambda-guard pack",
        run: () => {
            const result = pulumi(yamlExample, ["preview", "--stack", YAML_STACK, "--policy-pack", POLICY_PACK], { timeoutSeconds: 600 });
            assert.match(result.stdout, /vpc-lambda-guard/, "the engine ran the pack");
            assert.doesNotMatch(result.stdout, /\[mandatory\]/, "no mandatory policy fails");
        },
    },
    {
        name: "configuration change: a third zone (up) replaces no VPC, subnet or security group",
        run: () => {
            setNetworkProperty(yamlExample, "numberOfAvailabilityZones", 3);
            const { steps } = up(yamlExample, YAML_STACK);
            assertNothingReplaced(steps, "a third zone");
            assert.equal(steps.filter((s) => s.op === "create" && typeOf(s) === "aws:ec2/subnet:Subnet").length, 1, "one new subnet, in the new zone");
            return whatChanged(steps);
        },
    },
    {
        name: "configuration change: another interface endpoint (up) replaces no VPC, subnet or security group",
        run: () => {
            setNetworkProperty(yamlExample, "interfaceEndpoints", ["sqs", "secretsmanager"]);
            const { steps } = up(yamlExample, YAML_STACK);
            assertNothingReplaced(steps, "a Secrets Manager endpoint");
            const endpoints = steps.filter((s) => s.op === "create" && typeOf(s) === "aws:ec2/vpcEndpoint:VpcEndpoint");
            assert.deepEqual(endpoints.map((s) => String(s.newState?.inputs?.serviceName)), ["com.amazonaws.us-east-1.secretsmanager"]);
            return whatChanged(steps);
        },
    },
    {
        name: "configuration change: dual stack on (up) replaces no VPC, subnet or security group",
        run: () => {
            setNetworkProperty(yamlExample, "dualStack", true);
            const { steps } = up(yamlExample, YAML_STACK);
            assertNothingReplaced(steps, "dual stack");
            const [vpc] = byType(exportedResources(yamlExample, YAML_STACK), "aws:ec2/vpc:Vpc");
            assert.equal(vpc.inputs?.assignGeneratedIpv6CidrBlock, true, "the VPC asks for an Amazon-provided IPv6 block");
            return whatChanged(steps);
        },
    },
    {
        name: "YAML example: destroy removes every resource",
        run: () => {
            pulumi(yamlExample, ["destroy", "--yes", "--stack", YAML_STACK], { timeoutSeconds: 600 });
            assert.deepEqual(exportedResources(yamlExample, YAML_STACK).map((r) => r.urn), []);
            removeStack(yamlExample, YAML_STACK);
        },
    },
    {
        name: "preview --policy-pack with the pack make policy-pack bundles fails a violating program and names the mandatory policies",
        run: () => {
            const dir = copyProgram(path.join(REPOSITORY, "e2e", "programs", "violating"), "violating");
            newStack(dir, "e2e-violating");
            const bundled = bundledPolicyPack();
            const result = pulumi(dir, ["preview", "--stack", "e2e-violating", "--policy-pack", bundled.pack], { timeoutSeconds: 600, expect: "failure", env: bundled.env });
            for (const policy of ["lambda-in-vpc", "vpc-flow-logs"]) {
                assert.match(result.stdout, new RegExp(`\\[mandatory\\]\\s+${policy}`), `the output names the mandatory policy ${policy}`);
            }
            removeStack(dir, "e2e-violating");
        },
    },
];
