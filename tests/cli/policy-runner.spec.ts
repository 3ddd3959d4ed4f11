import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { expect } from "chai";
import { runPolicies } from "../../cli/policy-runner";
import { MockStack, RecordedResource } from "../../sdk/offline-engine/mock-stack";
import { plainStack } from "../policy/plain-stack";

// The runner stands in for the Pulumi engine's analyzer: it must hand policies what the engine
// hands them, or the tests of the pack prove nothing about `pulumi preview --policy-pack`.

const FUNCTION = "aws:lambda/function:Function";

/** A policy that reports every function, at whatever level the config gives it. */
const reportsFunctions: ResourceValidationPolicy = {
    name: "reports-functions",
    description: "test",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type === FUNCTION) {
            report(`saw ${args.name} with settings ${JSON.stringify(args.getConfig())}`);
        }
    },
};

async function recorded(preview: boolean): Promise<RecordedResource[]> {
    const stack = await MockStack.install({ preview });
    plainStack(preview ? "runner-preview" : "runner");
    return stack.settle();
}

describe("the policy runner, standing in for the engine", () => {
    let deployed: RecordedResource[];
    let previewed: RecordedResource[];

    before(async () => {
        deployed = await recorded(false);
        previewed = await recorded(true);
    });

    it("reports at the policy's own level without config", async () => {
        const { violations } = await runPolicies(deployed, { policies: [reportsFunctions] });
        expect(violations.map((v) => v.level)).to.deep.equal(["mandatory"]);
        expect(violations[0].resource).to.match(/::runner-fn$/);
    });

    it("lets `all` set every level, and a policy's own entry win over `all`", async () => {
        const all = await runPolicies(deployed, { policies: [reportsFunctions], config: { all: "advisory" } });
        const own = await runPolicies(deployed, { policies: [reportsFunctions], config: { all: "advisory", "reports-functions": "mandatory" } });
        expect(all.violations.map((v) => v.level)).to.deep.equal(["advisory"]);
        expect(own.violations.map((v) => v.level)).to.deep.equal(["mandatory"]);
    });

    it("skips a disabled policy", async () => {
        const { violations } = await runPolicies(deployed, { policies: [reportsFunctions], config: { "reports-functions": "disabled" } });
        expect(violations).to.deep.equal([]);
    });

    it("reports a remediate-level violation as mandatory, as the engine does", async () => {
        const { violations } = await runPolicies(deployed, { policies: [reportsFunctions], config: { "reports-functions": "remediate" } });
        expect(violations.map((v) => v.level)).to.deep.equal(["mandatory"]);
    });

    it("passes a policy its settings without the enforcement level", async () => {
        const { violations } = await runPolicies(deployed, {
            policies: [reportsFunctions],
            config: { "reports-functions": { enforcementLevel: "advisory", exemptFunctions: ["x"] } },
        });
        expect(violations[0].message).to.include('settings {"exemptFunctions":["x"]}');
    });

    it("wraps props like the engine: reading an unknown value directly stops the policy (reported as not run), it is no violation", async () => {
        const readsSubnetIds: ResourceValidationPolicy = {
            name: "reads-subnet-ids",
            description: "test",
            validateResource: (args, report) => {
                if (args.type === FUNCTION) {
                    report(`subnets ${args.props.vpcConfig.subnetIds.join(",")}`);
                }
            },
        };
        const inPreview = await runPolicies(previewed, { policies: [readsSubnetIds] });
        const inUpdate = await runPolicies(deployed, { policies: [readsSubnetIds] });
        expect(inPreview.violations).to.deep.equal([]);
        expect(inPreview.notRun.map((n) => n.policy)).to.deep.equal(["reads-subnet-ids"]);
        expect(inUpdate.violations[0].message).to.match(/^subnets subnet-/);
    });

    it("gives stack policies each resource's outputs with its id, and property dependencies as resource objects", async () => {
        let seen: PolicyResource | undefined;
        const captures: StackValidationPolicy = {
            name: "captures",
            description: "test",
            validateStack: (args) => {
                seen = args.resources.find((r) => r.type === FUNCTION);
            },
        };
        await runPolicies(deployed, { policies: [captures] });
        expect(seen!.props.id).to.match(/^runner-fn-/);
        expect(seen!.props.arn).to.match(/^arn:aws:lambda:us-east-1:123456789012:function:/);
        expect(seen!.propertyDependencies.role.map((r) => r.name)).to.deep.equal(["runner-fn-role"]);
        expect(seen!.dependencies.map((r) => r.name)).to.include("runner-fn-role");
    });
    it("hands policies a secret input's plain value, as the engine does", async () => {
        const stack = await MockStack.install();
        new aws.ssm.Parameter("runner-secret", { type: "SecureString", value: pulumi.secret("s3cr3t-value") });
        const resources = await stack.settle();
        const seen: unknown[] = [];
        const readsValues: ResourceValidationPolicy = {
            name: "reads-values",
            description: "test",
            enforcementLevel: "advisory",
            validateResource: (args) => {
                if (args.type === "aws:ssm/parameter:Parameter") {
                    seen.push(args.props.value);
                }
            },
        };
        await runPolicies(resources, { policies: [readsValues] });
        expect(seen).to.deep.equal(["s3cr3t-value"]);
    });
});
