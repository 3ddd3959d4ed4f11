import { expect } from "chai";
import { NetworkPattern, VpcLambdaNetworkArgs } from "../../../../sdk/args";
import { VpcLambdaNetwork } from "../../../../sdk/component";
import { MockStack } from "../../../../sdk/offline-engine/mock-stack";
import { T } from "../../../helpers/mock-network";
import { subnetIpv6Replacement, UNIQUE_WHILE_BOTH_EXIST } from "../../../../e2e/aws-standin/replace-on-change";
import { changesBetween, Changes } from "./replacements";

// The changes that do replace or delete something, as docs/operating.md lists them, and a few that
// look as if they would but do not. Each compares two deployments of one network named "app".

async function changesFrom(stack: MockStack, before: VpcLambdaNetworkArgs, after: VpcLambdaNetworkArgs, names: [string, string] = ["app", "app"]): Promise<Changes> {
    stack.reset();
    new VpcLambdaNetwork(names[0], before);
    const first = [...(await stack.settle())];
    stack.reset();
    new VpcLambdaNetwork(names[1], after);
    return changesBetween(first, [...(await stack.settle())]);
}

const replaced = (changes: Changes) => changes.replaced.map((r) => r.resource);
const base: VpcLambdaNetworkArgs = { pattern: NetworkPattern.PrivateWithNat, interfaceEndpoints: ["sqs"] };

describe("evolution: the changes that replace or delete something", () => {
    let stack: MockStack;

    before(async () => {
        stack = await MockStack.install();
    });

    it("replaces the VPC when its cidrBlock changes, and with it every subnet and security group", async () => {
        const changes = await changesFrom(stack, base, { ...base, cidrBlock: "10.1.0.0/16" });
        expect(replaced(changes)).to.include.members([
            `${T.vpc}::app-vpc`,
            `${T.subnet}::app-lambda-subnet-1`,
            `${T.subnet}::app-public-subnet-2`,
            `${T.securityGroup}::app-lambda-sg`,
            `${T.securityGroup}::app-endpoint-sg`,
            `${T.securityGroup}::app-lambda-replacement-sg`,
            `${T.flowLog}::app-flow-log`,
        ]);
    });

    it("replaces no subnet when dual stack is turned off again: dropping an Optional+Computed ipv6CidrBlock is an update", async () => {
        const dual = { ...base, dualStack: true };
        const changes = await changesFrom(stack, dual, base);
        expect(replaced(changes).filter((r) => r.startsWith(`${T.subnet}::`))).to.deep.equal([]);
        expect(changes.deleted).to.include("aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway::app-eigw");
    });

    it("is refused by AWS when dual stack is turned off again: the VPC gives up its /56 before its subnets give up their /64s", async () => {
        const changes = await changesFrom(stack, { ...base, dualStack: true }, base);
        expect(changes.refused.map((r) => r.resource)).to.deep.equal([`${T.vpc}::app-vpc`]);
        expect(changes.refused[0].because).to.contain("InvalidCidrBlock.InUse").and.contain("4 subnets");
    });

    it("replaces a dual-stack subnet whose /64 moves (ForceNewIf on ipv6_cidr_block while it assigns IPv6 addresses)", () => {
        const before = { ipv6CidrBlock: "2600:1f18:0:100::/64", assignIpv6AddressOnCreation: true };
        expect(subnetIpv6Replacement(before, { ...before, ipv6CidrBlock: "2600:1f18:0:101::/64" })).to.contain("while assignIpv6AddressOnCreation was on");
        expect(subnetIpv6Replacement(before, { cidrBlock: "10.0.0.0/19" })).to.equal(undefined);
    });

    it("replaces the subnets (and what sits in them) of zones whose name changes", async () => {
        const changes = await changesFrom(stack, { ...base, availabilityZoneNames: ["us-east-1a", "us-east-1b"] }, { ...base, availabilityZoneNames: ["us-east-1a", "us-east-1c"] });
        expect(replaced(changes)).to.include.members([`${T.subnet}::app-lambda-subnet-2`, `${T.subnet}::app-public-subnet-2`, `${T.natGateway}::app-nat-2`]);
        expect(replaced(changes).filter((r) => r.includes("subnet-1"))).to.deep.equal([]);
    });

    it("deletes a replaced subnet before creating its replacement, which asks for the same CIDR block", async () => {
        const changes = await changesFrom(stack, { ...base, availabilityZoneNames: ["us-east-1a", "us-east-1b"] }, { ...base, availabilityZoneNames: ["us-east-1a", "us-east-1c"] });
        expect(changes.collisions).to.deep.equal([]);
    });

    it("registers every subnet and endpoint with deleteBeforeReplace, and nothing else that holds a unique value", async () => {
        stack.reset();
        new VpcLambdaNetwork("app", { ...base, dualStack: true });
        const resources = await stack.settle();
        const deletedFirst = resources.filter((r) => r.deleteBeforeReplace).map((r) => r.type);
        expect(new Set(deletedFirst)).to.deep.equal(new Set(Object.keys(UNIQUE_WHILE_BOTH_EXIST)));
        expect(resources.filter((r) => r.type in UNIQUE_WHILE_BOTH_EXIST && !r.deleteBeforeReplace)).to.deep.equal([]);
    });

    it("replaces only the flow log when its traffic type changes (AWS cannot modify a flow log)", async () => {
        const changes = await changesFrom(stack, base, { ...base, flowLogs: { trafficType: "REJECT" } });
        expect(replaced(changes)).to.deep.equal([`${T.flowLog}::app-flow-log`]);
    });

    it("replaces only the flow log when its aggregation interval changes", async () => {
        const changes = await changesFrom(stack, base, { ...base, flowLogs: { maxAggregationInterval: 60 } });
        expect(replaced(changes)).to.deep.equal([`${T.flowLog}::app-flow-log`]);
    });

    it("replaces the flow log, and deletes its log group, role and role policy, when it moves to S3", async () => {
        const changes = await changesFrom(stack, base, { ...base, flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123" } });
        expect(replaced(changes)).to.deep.equal([`${T.flowLog}::app-flow-log`]);
        expect(changes.deleted).to.have.members([`${T.logGroup}::app-flow-log-group`, `${T.role}::app-flow-log-role`, `${T.policy}::app-flow-log-policy`, `${T.rolePolicyAttachment}::app-flow-log-policy-attachment`]);
        expect(changes.created).to.deep.equal([]);
    });

    it("replaces the flow log, and creates its log group, role and role policy, when it moves back to CloudWatch Logs", async () => {
        const changes = await changesFrom(stack, { ...base, flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123" } }, base);
        expect(replaced(changes)).to.deep.equal([`${T.flowLog}::app-flow-log`]);
        expect(changes.created).to.have.members([`${T.logGroup}::app-flow-log-group`, `${T.role}::app-flow-log-role`, `${T.policy}::app-flow-log-policy`, `${T.rolePolicyAttachment}::app-flow-log-policy-attachment`]);
        expect(changes.deleted).to.deep.equal([]);
    });

    it("replaces only the flow log when it moves to another bucket", async () => {
        const changes = await changesFrom(stack, { ...base, flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123" } }, { ...base, flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123/vpc/" } });
        expect(replaced(changes)).to.deep.equal([`${T.flowLog}::app-flow-log`]);
        expect([changes.created, changes.deleted]).to.deep.equal([[], []]);
    });

    it("deletes the flow log's log group, and the records in it, when flow logs are turned off", async () => {
        const changes = await changesFrom(stack, base, { ...base, flowLogs: { enabled: false } });
        expect(changes.deleted).to.include.members([`${T.flowLog}::app-flow-log`, `${T.logGroup}::app-flow-log-group`]);
    });

    it("deletes a removed zone's subnets, with whatever still runs in them", async () => {
        const changes = await changesFrom(stack, { ...base, numberOfAvailabilityZones: 3 }, { ...base, numberOfAvailabilityZones: 2 });
        expect(changes.deleted).to.include.members([`${T.subnet}::app-lambda-subnet-3`, `${T.subnet}::app-public-subnet-3`]);
        expect(replaced(changes)).to.deep.equal([]);
    });

    it("deletes the endpoint security group with the last interface endpoint", async () => {
        const changes = await changesFrom(stack, base, { ...base, interfaceEndpoints: [] });
        expect(changes.deleted).to.include(`${T.securityGroup}::app-endpoint-sg`);
        expect(replaced(changes)).to.deep.equal([]);
    });

    it("replaces everything when the component is renamed: every name derives from it", async () => {
        const changes = await changesFrom(stack, base, base, ["app", "api"]);
        expect(changes.deleted).to.include(`${T.vpc}::app-vpc`);
        expect(changes.created).to.include(`${T.vpc}::api-vpc`);
    });

    it("upgrading from the inline flow-log role policy deletes it and creates a managed policy and its attachment, replacing nothing", async () => {
        stack.reset();
        new VpcLambdaNetwork("app", base);
        const now = [...(await stack.settle())];
        // The deployment an earlier version made: the same network, with the role's permissions inline.
        const policy = now.find((r) => r.type === T.policy && r.name === "app-flow-log-policy")!;
        const role = now.find((r) => r.type === T.role && r.name === "app-flow-log-role")!;
        const inline = { ...policy, type: T.rolePolicy, name: "app-flow-log-role-policy", urn: policy.urn.replace(T.policy, T.rolePolicy).replace("app-flow-log-policy", "app-flow-log-role-policy"), inputs: { role: role.id, policy: policy.inputs.policy } };
        const before = [...now.filter((r) => r !== policy && r.name !== "app-flow-log-policy-attachment"), inline];
        const changes = changesBetween(before, now);
        expect(changes.deleted).to.deep.equal([`${T.rolePolicy}::app-flow-log-role-policy`]);
        expect(changes.created).to.have.members([`${T.policy}::app-flow-log-policy`, `${T.rolePolicyAttachment}::app-flow-log-policy-attachment`]);
        expect(changes.replaced).to.deep.equal([]);
    });

    describe("and changes that replace nothing", () => {
        it("keeps every resource when the default destination is written out (destination: \"cloud-watch-logs\")", async () => {
            const changes = await changesFrom(stack, base, { ...base, flowLogs: { destination: "cloud-watch-logs" } });
            expect(changes).to.deep.equal({ created: [], deleted: [], replaced: [], collisions: [], refused: [] });
        });

        it("keeps every resource when the flow logs' retention changes (updated in place)", async () => {
            const changes = await changesFrom(stack, base, { ...base, flowLogs: { retentionInDays: 365 } });
            expect(changes).to.deep.equal({ created: [], deleted: [], replaced: [], collisions: [], refused: [] });
        });

        it("keeps every resource when the zone count is replaced by the names of the same zones", async () => {
            const changes = await changesFrom(stack, { ...base, numberOfAvailabilityZones: 2 }, { ...base, availabilityZoneNames: ["us-east-1a", "us-east-1b"] });
            expect(changes).to.deep.equal({ created: [], deleted: [], replaced: [], collisions: [], refused: [] });
        });

        for (const [from, to] of [
            [NetworkPattern.Isolated, NetworkPattern.PrivateWithEndpoints],
            [NetworkPattern.PrivateWithEndpoints, NetworkPattern.PrivateWithNat],
            [NetworkPattern.PrivateWithNat, NetworkPattern.PrivateWithEndpoints],
        ]) {
            it(`keeps the VPC, the subnets and the security groups when the pattern changes from ${from} to ${to}`, async () => {
                const changes = await changesFrom(stack, { pattern: from }, { pattern: to });
                expect(replaced(changes)).to.deep.equal([]);
                expect(changes.deleted.filter((r) => r.startsWith(`${T.securityGroup}::`) || r.includes("lambda-subnet") || r.startsWith(`${T.vpc}::`))).to.deep.equal([]);
            });
        }
    });
});
