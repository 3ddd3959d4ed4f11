import { expect } from "chai";
import type { NetworkResource } from "../../../sdk/network/network-resource";
import { ResourceIndex } from "../../../sdk/network/resource-index";
import { UNKNOWN as UNKNOWN_ON_THE_WIRE } from "../../../sdk/offline-engine/mock-stack";

// How every reader relates a stack's resources in any program: by a known id, ARN or name, and,
// when a value is unknown (a preview of new resources), through the property dependencies the
// engine records.

function resource(type: string, name: string, inputs: Record<string, unknown>, propertyDependencies: Record<string, NetworkResource[]> = {}, id?: string): NetworkResource {
    return {
        type,
        name,
        urn: `urn:pulumi:stack::project::${type}::${name}`,
        ...(id !== undefined ? { id } : {}),
        inputs,
        propertyDependencies: Object.fromEntries(Object.entries(propertyDependencies).map(([key, deps]) => [key, deps.map((d) => d.urn)])),
    };
}

const SUBNET = "aws:ec2/subnet:Subnet";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const FUNCTION = "aws:lambda/function:Function";

describe("the resource index", () => {
    const subnetA = resource(SUBNET, "a", {}, {}, "subnet-0aaaaaaaaaaaaaaaa");
    const subnetB = resource(SUBNET, "b", { id: UNKNOWN_ON_THE_WIRE });
    const logGroup = resource(LOG_GROUP, "logs", { arn: "arn:aws:logs:us-east-1:123456789012:log-group:flow", name: "flow" });

    describe("follow: the stack's resources a reference leads to", () => {
        it("follows a known id to the resource that has it", () => {
            const fn = resource(FUNCTION, "fn", { vpcConfig: { subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"] } });
            const index = new ResourceIndex([subnetA, subnetB, fn]);
            const found = index.follow(fn, "vpcConfig", ["subnet-0aaaaaaaaaaaaaaaa"], [SUBNET]);
            expect(found.resources.map((r) => r.name)).to.deep.equal(["a"]);
            expect(found.incomplete).to.equal(false);
        });

        it("marks a reference to an id outside the stack as incomplete", () => {
            const fn = resource(FUNCTION, "fn", {});
            const index = new ResourceIndex([subnetA, fn]);
            const found = index.follow(fn, "vpcConfig", ["subnet-0bbbbbbbbbbbbbbbb"], [SUBNET]);
            expect(found).to.deep.equal({ resources: [], incomplete: true });
        });

        it("follows an unknown value through the property's dependencies, keeping only the types asked for", () => {
            const group = resource("aws:ec2/securityGroup:SecurityGroup", "sg", { id: UNKNOWN_ON_THE_WIRE });
            const fn = resource(FUNCTION, "fn", { vpcConfig: UNKNOWN_ON_THE_WIRE }, { vpcConfig: [subnetB, group] });
            const index = new ResourceIndex([subnetB, group, fn]);
            const found = index.followProperty(fn, "vpcConfig", [SUBNET]);
            expect(found.resources.map((r) => r.name)).to.deep.equal(["b"]);
        });

        it("falls back on the dependencies when a known id matches nothing (a resource whose props lack it)", () => {
            const withoutId = resource(SUBNET, "c", {});
            const fn = resource(FUNCTION, "fn", {}, { vpcConfig: [withoutId] });
            const index = new ResourceIndex([withoutId, fn]);
            const found = index.follow(fn, "vpcConfig", ["subnet-0cccccccccccccccc"], [SUBNET]);
            expect(found.resources.map((r) => r.name)).to.deep.equal(["c"]);
            expect(found.incomplete, "an id it could not match").to.equal(true);
        });

        it("marks an unknown value without dependencies as incomplete", () => {
            const fn = resource(FUNCTION, "fn", { role: UNKNOWN_ON_THE_WIRE });
            const index = new ResourceIndex([fn]);
            expect(index.followProperty(fn, "role", ["aws:iam/role:Role"])).to.deep.equal({ resources: [], incomplete: true });
        });

        it("matches a log group's ARN with or without the :* suffix", () => {
            const flowLog = resource(FLOW_LOG, "fl", { logDestination: "arn:aws:logs:us-east-1:123456789012:log-group:flow:*" });
            const index = new ResourceIndex([logGroup, flowLog]);
            expect(index.followProperty(flowLog, "logDestination", [LOG_GROUP]).resources.map((r) => r.name)).to.deep.equal(["logs"]);
        });

        it("matches a name or ARN the provider reported among the outputs", () => {
            const role = { ...resource("aws:iam/role:Role", "role", {}), outputs: { name: "role-1234567", arn: "arn:aws:iam::123456789012:role/role-1234567" } };
            const policy = resource("aws:iam/rolePolicy:RolePolicy", "policy", { role: "role-1234567" });
            const fn = resource(FUNCTION, "fn", { role: "arn:aws:iam::123456789012:role/role-1234567" });
            const index = new ResourceIndex([role, policy, fn]);
            expect(index.followProperty(policy, "role", [role.type]).resources).to.deep.equal([role]);
            expect(index.followProperty(fn, "role", [role.type]).resources).to.deep.equal([role]);
        });

        it("finds the referrers of a resource: the flow logs whose vpcId names a VPC", () => {
            const vpc = resource("aws:ec2/vpc:Vpc", "vpc", { id: UNKNOWN_ON_THE_WIRE });
            const ofVpc = resource(FLOW_LOG, "of-vpc", { vpcId: UNKNOWN_ON_THE_WIRE }, { vpcId: [vpc] });
            const elsewhere = resource(FLOW_LOG, "elsewhere", { vpcId: "vpc-0ccccccccccccccccc" });
            const index = new ResourceIndex([vpc, ofVpc, elsewhere]);
            expect(index.referrers(vpc, FLOW_LOG, "vpcId").map((r) => r.name)).to.deep.equal(["of-vpc"]);
        });
    });

    describe("refs: the resources a reference names, by identity", () => {
        it("keeps known ids as they are, an id outside the stack included", () => {
            const fn = resource(FUNCTION, "fn", { vpcConfig: { subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] } });
            const index = new ResourceIndex([subnetA, fn]);
            expect(index.refs(fn, "vpcConfig", [SUBNET], ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"])).to.deep.equal(["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]);
        });

        it("names a resource found through the dependencies by its URN while its id is unknown", () => {
            const fn = resource(FUNCTION, "fn", { vpcConfig: UNKNOWN_ON_THE_WIRE }, { vpcConfig: [subnetA, subnetB] });
            const index = new ResourceIndex([subnetA, subnetB, fn]);
            expect(index.refs(fn, "vpcConfig", [SUBNET])).to.deep.equal(["subnet-0aaaaaaaaaaaaaaaa", subnetB.urn]);
        });

        it("finds an Elastic IP by its allocation id, which a NAT gateway names it by", () => {
            const eip = { ...resource("aws:ec2/eip:Eip", "eip", { domain: "vpc" }, {}, "eip-0123"), outputs: { allocationId: "eipalloc-0123" } };
            const index = new ResourceIndex([eip]);
            expect(index.resource("eipalloc-0123")).to.equal(eip);
            expect(index.resource(eip.urn)).to.equal(eip);
        });
    });
});
