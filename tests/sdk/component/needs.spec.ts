import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { InvalidNetworkArgumentsError } from "../../../sdk/arguments/problems";
import { DB_SG } from "../../helpers/plan";
import { T } from "../../helpers/mock-network";

describe("VpcLambdaNetwork: needs", () => {
    let stack: MockStack;

    before(async () => {
        stack = await MockStack.install();
    });

    beforeEach(() => stack.reset());

    it("tags the Lambda security group with the needs, for the policy pack", async () => {
        new VpcLambdaNetwork("app", { pattern: "PrivateWithNat", needs: { internet: true, services: ["sts", "secretsmanager"], securityGroups: [{ securityGroupId: DB_SG, port: 5432 }] } });
        await stack.settle();
        expect(stack.get(T.securityGroup, "app-lambda-sg").inputs.tags).to.deep.equal({ Name: "app-lambda-sg", "vpc-lambda:needs": `internet sts secretsmanager ${DB_SG}:5432` });
    });

    it("writes a security group given as an Output by its id once known", async () => {
        const db = new (await import("@pulumi/aws")).ec2.SecurityGroup("db-sg", {});
        new VpcLambdaNetwork("app", { pattern: "PrivateWithNat", needs: { securityGroups: [{ securityGroupId: db.id, port: 5432 }] } });
        await stack.settle();
        expect(stack.get(T.securityGroup, "app-lambda-sg").inputs.tags["vpc-lambda:needs"]).to.equal(`${stack.get(T.securityGroup, "db-sg").id}:5432`);
    });

    it("tags no other resource with the needs", async () => {
        new VpcLambdaNetwork("app", { pattern: "PrivateWithEndpoints", interfaceEndpoints: ["sts"], needs: { services: ["sts"] } });
        await stack.settle();
        const tagged = stack.resources.filter((r) => r.inputs.tags?.["vpc-lambda:needs"] !== undefined).map((r) => r.name);
        expect(tagged).to.deep.equal(["app-lambda-sg"]);
    });

    it("refuses an unreachable need before registering anything", () => {
        expect(() => new VpcLambdaNetwork("app", { pattern: "PrivateWithEndpoints", needs: { services: ["sts"] } })).to.throw(InvalidNetworkArgumentsError, /needs\.services\[0\]: sts cannot be reached/);
        expect(stack.resources).to.deep.equal([]);
    });

    it("refuses a needed Output missing from allowTo: the Lambda group has no egress to it, whatever its id turns out to be", () => {
        const [cacheId] = pulumi.deferredOutput<string>();
        expect(() => new VpcLambdaNetwork("app", { pattern: "Isolated", needs: { securityGroups: [{ securityGroupId: cacheId, port: 6379 }] } })).to.throw(
            InvalidNetworkArgumentsError,
            /needs\.securityGroups\[0\]: an Output on port 6379 cannot be reached: security group app-lambda-sg has no egress rule for TCP 6379/,
        );
        expect(stack.resources).to.deep.equal([]);
    });

    it("matches a needed Output with the same allowTo Output: the Lambda group sends there", async () => {
        const [dbId, resolveDbId] = pulumi.deferredOutput<string>();
        expect(() => new VpcLambdaNetwork("app", { pattern: "Isolated", allowTo: [{ securityGroupId: dbId, port: 5432 }], needs: { securityGroups: [{ securityGroupId: dbId, port: 5432 }] } })).to.not.throw();
        resolveDbId(pulumi.output(DB_SG));
        await stack.settle();
        expect(stack.get(T.securityGroup, "app-lambda-sg").inputs.tags["vpc-lambda:needs"]).to.equal(`${DB_SG}:5432`);
    });
});
