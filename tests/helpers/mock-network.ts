import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { CONFIG_ENV as DIAGNOSTICS_CONFIG_VARIABLE } from "../../sdk/diagnostics/handler/config";
import { DIAGNOSTICS_HANDLER_FILE } from "../../sdk/resources/diagnostics-code";
import { MockStack, MockStackOptions, RecordedResource } from "../../sdk/offline-engine/mock-stack";

/** The type tokens the component registers, as the engine sees them. */
export const T = {
    component: "vpc-lambda:index:VpcLambdaNetwork",
    vpc: "aws:ec2/vpc:Vpc",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    subnet: "aws:ec2/subnet:Subnet",
    internetGateway: "aws:ec2/internetGateway:InternetGateway",
    eip: "aws:ec2/eip:Eip",
    natGateway: "aws:ec2/natGateway:NatGateway",
    routeTable: "aws:ec2/routeTable:RouteTable",
    route: "aws:ec2/route:Route",
    routeTableAssociation: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    policy: "aws:iam/policy:Policy",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    rolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    flowLog: "aws:ec2/flowLog:FlowLog",
} as const;

/** An Output's value, once the mocked engine has resolved it. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((value) => resolve(value)));
}

/** The recorded resource with that id; fails the test when there is none. */
export function byId(stack: MockStack, id: unknown): RecordedResource {
    const found = typeof id === "string" ? stack.byId(id) : undefined;
    expect(found, `no resource has id ${JSON.stringify(id)}`).to.not.equal(undefined);
    return found!;
}

/** The Lambda subnets (named `<name>-lambda-subnet-<n>`), in zone order. */
export function lambdaSubnets(stack: MockStack, name: string): RecordedResource[] {
    return stack
        .ofType(T.subnet)
        .filter((s) => s.name.startsWith(`${name}-lambda-subnet-`))
        .sort((a, b) => a.name.localeCompare(b.name));
}

/** The rules attached to a security group, by its recorded id. */
export function rulesOn(stack: MockStack, type: typeof T.ingressRule | typeof T.egressRule, securityGroupId: string | undefined): RecordedResource[] {
    return stack.ofType(type).filter((r) => r.inputs.securityGroupId === securityGroupId);
}

/** What one program registered and what failed (error messages, distinct), under mocks installed for it alone. */
export interface FreshRun {
    stack: MockStack;
    failures: string[];
}

/**
 * Runs a program under freshly installed mocks: after a failure, the mocked engine's queue stays
 * stuck, so a program expected to fail gets mocks of its own.
 */
export async function runFresh(program: () => void, options: MockStackOptions = {}): Promise<FreshRun> {
    const stack = await MockStack.install(options);
    const { failures } = await stack.run(program);
    return { stack, failures: [...new Set(failures.map((f) => (f instanceof Error ? f.message : String(f))))] };
}

/**
 * The configuration the diagnostics function is given, in its long form: the component writes it
 * compact, and the handler's own `expandCompactConfig` reads it back (a round trip through both).
 */
export function diagnosticsConfigurationOf(fn: Pick<RecordedResource, "inputs">): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const handler = require(DIAGNOSTICS_HANDLER_FILE) as { expandCompactConfig: (value: unknown) => Record<string, unknown> };
    return handler.expandCompactConfig(JSON.parse(fn.inputs.environment.variables[DIAGNOSTICS_CONFIG_VARIABLE]));
}
