import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";

// MockStack.run is what the offline plan and users' own tests wait on: it must return once the
// program is done, and must not hang when the program fails half-way.

describe("MockStack.run", () => {
    it("returns the program's value once every registration is answered", async () => {
        const stack = await MockStack.install();
        const { value, failures } = await stack.run(() => new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" }).urn);
        expect(failures).to.deep.equal([]);
        expect(value).to.not.equal(undefined);
        expect(stack.resources.map((r) => r.name)).to.deep.equal(["vpc"]);
    });

    it("reports an error thrown by the program", async () => {
        const stack = await MockStack.install();
        const { failures } = await stack.run(() => {
            throw new Error("bad program");
        });
        expect(failures.map((f) => (f as Error).message)).to.deep.equal(["bad program"]);
    });

    it("reports an error inside an apply feeding a resource, instead of waiting for it forever", async () => {
        const stack = await MockStack.install();
        const { failures } = await stack.run(() => {
            const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });
            new aws.ec2.Subnet("subnet", {
                cidrBlock: "10.0.0.0/24",
                vpcId: vpc.id.apply((): string => {
                    throw new Error("boom in apply");
                }),
            });
        });
        expect(failures.map((f) => String((f as Error).message))).to.satisfy((messages: string[]) => messages.some((m) => m.includes("boom in apply")));
        expect(stack.resources.map((r) => r.name)).to.deep.equal(["vpc"]);
    });
});
