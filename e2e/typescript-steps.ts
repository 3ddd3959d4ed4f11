// The root program and the TypeScript examples, in place (their node_modules are the repository's).
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { endpointPolicyChecks, previewWithAccountScopedPolicy } from "./endpoint-policy-checks";
import { ExportedResource, exportedResources, pulumi, REPOSITORY, typeOf } from "./pulumi-cli";
import { assertNoChanges, byType, newStack, preview, removeStack, up } from "./stacks";
import { COMPONENT, NODEJS_PROGRAMS_BLOCKED, POLICY_PACK, Step } from "./step";

const AWSX_VPC = "awsx:ec2:Vpc";

/**
 * examples/existing-awsx-vpc, after `up`: awsx's VPC (the awsx stand-in, through the engine) holds
 * the VPC, subnets and NAT gateways, and the network built into it holds none, puts its gateway
 * endpoints on the route tables of awsx's private subnets (looked up by subnet through the engine)
 * and its functions in those subnets.
 */
function awsxExampleChecks(resources: ExportedResource[]): string {
    const [awsxVpc] = byType(resources, AWSX_VPC);
    const [network] = byType(resources, COMPONENT);
    const under = (ancestor: ExportedResource, type: string) => byType(resources, type).filter((r) => r.urn.split("::")[2].startsWith(`${ancestor.type}$`));
    assert.equal(under(awsxVpc, "aws:ec2/vpc:Vpc").length, 1, "awsx's VPC is built by the awsx plugin, through the engine");
    assert.equal(under(awsxVpc, "aws:ec2/natGateway:NatGateway").length, 2, "natGateways OnePerAz: one in each of the two zones");
    for (const type of ["aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/natGateway:NatGateway"]) {
        assert.deepEqual(under(network, type), [], `in an existing VPC the network creates no ${type}`);
    }
    const privateSubnetIds: string[] = awsxVpc.outputs?.privateSubnetIds ?? [];
    assert.equal(privateSubnetIds.length, 2);
    const privateRouteTables = byType(resources, "aws:ec2/routeTableAssociation:RouteTableAssociation")
        .filter((a) => privateSubnetIds.includes(a.inputs?.subnetId))
        .map((a) => a.inputs?.routeTableId);
    const endpoints = under(network, "aws:ec2/vpcEndpoint:VpcEndpoint");
    assert.equal(endpoints.length, 2, "the S3 and DynamoDB gateway endpoints");
    for (const endpoint of endpoints) {
        assert.equal(endpoint.inputs?.vpcId, awsxVpc.outputs?.vpcId);
        assert.deepEqual([...endpoint.inputs?.routeTableIds].sort(), [...privateRouteTables].sort(), "the gateway endpoints are on the route tables of awsx's private subnets");
    }
    const [fn] = byType(resources, "aws:lambda/function:Function");
    assert.deepEqual(fn.inputs?.vpcConfig?.subnetIds, privateSubnetIds, "the function runs in awsx's private subnets");
    return `awsx's VPC: ${resources.filter((r) => r.urn.split("::")[2].startsWith(`${AWSX_VPC}$`)).length} resources built through the engine`;
}

/** What a program's step checks after `up`: the stack's state, and the program's folder and stack for more commands. */
type AfterUp = (resources: ExportedResource[], dir: string, stack: string) => string;

const PROGRAMS: { program: string; afterUp?: AfterUp }[] = [
    { program: "" },
    { program: "examples/nat-rds" },
    { program: "examples/endpoints-dynamodb" },
    { program: "examples/isolated-rds" },
    { program: "examples/existing-awsx-vpc", afterUp: awsxExampleChecks },
    {
        program: "e2e/programs/endpoint-policies",
        afterUp: (resources, dir, stack) => {
            const note = endpointPolicyChecks(resources);
            previewWithAccountScopedPolicy(dir, stack);
            return `${note}; vpc-endpoint-account-scoped-policy, as mandatory, passes them, and fails a fresh stack with FullAccess`;
        },
    },
];

export const typeScriptSteps: Step[] = PROGRAMS.map(
    ({ program, afterUp }): Step => ({
        name: `TypeScript program ${program || "(root)"}: preview (with the policy pack), up, a second preview with no changes, destroy`,
        blockedBy: NODEJS_PROGRAMS_BLOCKED,
        run: () => typeScriptLifecycle(program, afterUp),
    }),
);

/** The lifecycle of a TypeScript program of this repository, in place (its node_modules are the repository's). */
function typeScriptLifecycle(program: string, afterUp?: AfterUp): string | undefined {
    const dir = path.join(REPOSITORY, program);
    const stack = `e2e-ts-${path.basename(program) || "root"}`;
    newStack(dir, stack);
    const planned = preview(dir, stack);
    assert.equal(planned.steps.filter((s) => s.op === "create" && typeOf(s) === COMPONENT).length, 1);
    const guarded = pulumi(dir, ["preview", "--stack", stack, "--policy-pack", POLICY_PACK], { timeoutSeconds: 600 });
    assert.match(guarded.stdout, /vpc-lambda-guard/, "the engine ran the pack");
    assert.doesNotMatch(guarded.stdout, /\[mandatory\]/, "no mandatory policy fails");
    up(dir, stack);
    const note = afterUp?.(exportedResources(dir, stack), dir, stack);
    assertNoChanges(preview(dir, stack).changeSummary, program || "root program");
    pulumi(dir, ["destroy", "--yes", "--stack", stack], { timeoutSeconds: 600 });
    assert.deepEqual(exportedResources(dir, stack).map((r) => r.urn), []);
    removeStack(dir, stack);
    // The stack's settings file, written beside Pulumi.yaml by `config set`.
    fs.rmSync(path.join(dir, `Pulumi.${stack}.yaml`), { force: true });
    return note;
}
