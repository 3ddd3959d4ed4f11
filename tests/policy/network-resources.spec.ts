import type { PolicyResource } from "@pulumi/policy";
import { expect } from "chai";
import { UNKNOWN } from "../../policy/known-values";
import { networkGraphOf, networkResourcesOf } from "../../policy/network-resources";
import { UNKNOWN as UNKNOWN_ON_THE_WIRE } from "../../sdk/offline-engine/mock-stack";

// The policy engine's resources as the network model reads them.

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

describe("policies: the stack as the network model reads it", () => {
    it("copies props as plain data with unknown values as UNKNOWN", () => {
        const [subnet] = networkResourcesOf([resource(SUBNET, "b", { id: UNKNOWN_ON_THE_WIRE, cidrBlock: "10.0.0.0/24" })]);
        expect(subnet.inputs).to.deep.equal({ id: UNKNOWN, cidrBlock: "10.0.0.0/24" });
    });

    it("takes the id the provider reports among the props for the resource's id, none while it is unknown", () => {
        const [known, unknown] = networkResourcesOf([resource(SUBNET, "a", { id: "subnet-0aaaaaaaaaaaaaaaa" }), resource(SUBNET, "b", { id: UNKNOWN_ON_THE_WIRE })]);
        expect(known.id).to.equal("subnet-0aaaaaaaaaaaaaaaa");
        expect(unknown).to.not.have.property("id");
    });

    it("names property dependencies by URN", () => {
        const vpc = resource("aws:ec2/vpc:Vpc", "vpc", { id: UNKNOWN_ON_THE_WIRE });
        const [, subnet] = networkResourcesOf([vpc, resource(SUBNET, "a", { vpcId: UNKNOWN_ON_THE_WIRE }, { vpcId: [vpc] })]);
        expect(subnet.propertyDependencies).to.deep.equal({ vpcId: [vpc.urn] });
    });

    it("builds the model of a frozen stack once, for every policy that asks", () => {
        const frozen = Object.freeze([resource(SUBNET, "a", {})]);
        expect(networkGraphOf(frozen)).to.equal(networkGraphOf(frozen));
        const open = [resource(SUBNET, "a", {})];
        expect(networkGraphOf(open), "a stack that may still change").to.not.equal(networkGraphOf(open));
    });
});
