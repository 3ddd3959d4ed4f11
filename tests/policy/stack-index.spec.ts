import type { PolicyResource } from "@pulumi/policy";
import { expect } from "chai";
import { UNKNOWN } from "../../policy/known-values";
import { StackIndex } from "../../policy/stack-index";
import { UNKNOWN as UNKNOWN_ON_THE_WIRE } from "../../sdk/offline-engine/mock-stack";

// How policies relate resources in any program: by a known id, ARN or name, and, when a value is
// unknown (a preview of new resources), through the property dependencies the engine records.


function resource(type: string, name: string, props: Record<string, unknown>, propertyDependencies: Record<string, PolicyResource[]> = {}): PolicyResource {
    return {
        type,
        name,
        urn: `urn:pulumi:stack::project::${type}::${name}`,
        props,
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
        dependencies: Object.values(propertyDependencies).flat(),
        propertyDependencies,
        isType: () => false,
        asType: () => undefined,
    };
}

const SUBNET = "aws:ec2/subnet:Subnet";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";

describe("the stack index", () => {
    const subnetA = resource(SUBNET, "a", { id: "subnet-0aaaaaaaaaaaaaaaa" });
    const subnetB = resource(SUBNET, "b", { id: UNKNOWN_ON_THE_WIRE });
    const logGroup = resource(LOG_GROUP, "logs", { arn: "arn:aws:logs:us-east-1:123456789012:log-group:flow", name: "flow" });

    it("follows a known id to the resource that has it", () => {
        const fn = resource("aws:lambda/function:Function", "fn", { vpcConfig: { subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"] } });
        const index = new StackIndex([subnetA, subnetB, fn]);
        const found = index.follow(index.resources[2], "vpcConfig", ["subnet-0aaaaaaaaaaaaaaaa"], [SUBNET]);
        expect(found.resources.map((r) => r.name)).to.deep.equal(["a"]);
        expect(found.incomplete).to.equal(false);
    });

    it("marks a reference to an id outside the stack as incomplete", () => {
        const fn = resource("aws:lambda/function:Function", "fn", {});
        const index = new StackIndex([subnetA, fn]);
        const found = index.follow(index.resources[1], "vpcConfig", ["subnet-0bbbbbbbbbbbbbbbb"], [SUBNET]);
        expect(found).to.deep.equal({ resources: [], incomplete: true });
    });

    it("follows an unknown value through the property's dependencies, keeping only the types asked for", () => {
        const group = resource("aws:ec2/securityGroup:SecurityGroup", "sg", { id: UNKNOWN_ON_THE_WIRE });
        const fn = resource("aws:lambda/function:Function", "fn", { vpcConfig: UNKNOWN_ON_THE_WIRE }, { vpcConfig: [subnetB, group] });
        const index = new StackIndex([subnetB, group, fn]);
        const found = index.followProperty(index.resources[2], "vpcConfig", [SUBNET]);
        expect(found.resources.map((r) => r.name)).to.deep.equal(["b"]);
    });

    it("falls back on the dependencies when a known id matches nothing (a resource whose props lack it)", () => {
        const withoutId = resource(SUBNET, "c", {});
        const fn = resource("aws:lambda/function:Function", "fn", {}, { vpcConfig: [withoutId] });
        const index = new StackIndex([withoutId, fn]);
        const found = index.follow(index.resources[1], "vpcConfig", ["subnet-0cccccccccccccccc"], [SUBNET]);
        expect(found.resources.map((r) => r.name)).to.deep.equal(["c"]);
        expect(found.incomplete, "an id it could not match").to.equal(true);
    });

    it("marks an unknown value without dependencies as incomplete", () => {
        const fn = resource("aws:lambda/function:Function", "fn", { role: UNKNOWN_ON_THE_WIRE });
        const index = new StackIndex([fn]);
        expect(index.followProperty(index.resources[0], "role", ["aws:iam/role:Role"])).to.deep.equal({ resources: [], incomplete: true });
    });

    it("matches a log group's ARN with or without the :* suffix", () => {
        const flowLog = resource(FLOW_LOG, "fl", { logDestination: "arn:aws:logs:us-east-1:123456789012:log-group:flow:*" });
        const index = new StackIndex([logGroup, flowLog]);
        expect(index.followProperty(index.resources[1], "logDestination", [LOG_GROUP]).resources.map((r) => r.name)).to.deep.equal(["logs"]);
    });

    it("finds the referrers of a resource: the flow logs whose vpcId names a VPC", () => {
        const vpc = resource("aws:ec2/vpc:Vpc", "vpc", { id: UNKNOWN_ON_THE_WIRE });
        const ofVpc = resource(FLOW_LOG, "of-vpc", { vpcId: UNKNOWN_ON_THE_WIRE }, { vpcId: [vpc] });
        const elsewhere = resource(FLOW_LOG, "elsewhere", { vpcId: "vpc-0ccccccccccccccccc" });
        const index = new StackIndex([vpc, ofVpc, elsewhere]);
        expect(index.referrers(index.resources[0], FLOW_LOG, "vpcId").map((r) => r.name)).to.deep.equal(["of-vpc"]);
    });

    it("copies props as plain data with unknown values as UNKNOWN", () => {
        const index = new StackIndex([subnetB]);
        expect(index.resources[0].props.id).to.equal(UNKNOWN);
    });
});
