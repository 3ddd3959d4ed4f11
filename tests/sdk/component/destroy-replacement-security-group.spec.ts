import { expect } from "chai";
import { NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { REPLACEMENT_SECURITY_GROUP_KEY } from "../../../sdk/plan/security-rules";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { rulesOn, T, valueOf } from "../../helpers/mock-network";
import { DB_SG, planFor } from "../../helpers/plan";

// Functions pass `replacementSecurityGroupId` as `replacementSecurityGroupIds` with
// `replaceSecurityGroupsOnDestroy: true`: before deleting a function the provider moves it onto
// that group (UpdateFunctionConfiguration), so that the ENIs Lambda keeps for up to an hour hold
// the replacement group, not the Lambda group (terraform-provider-aws,
// internal/service/lambda/function.go, replaceSecurityGroupsOnDestroy).

const EVERY_PATTERN: Record<string, VpcLambdaNetworkArgs> = {
    PrivateWithNat: { pattern: NetworkPattern.PrivateWithNat, allowTo: [{ securityGroupId: DB_SG, port: 3306 }] },
    PrivateWithEndpoints: { pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs"] },
    Isolated: { pattern: NetworkPattern.Isolated },
    "an existing VPC": {
        pattern: NetworkPattern.PrivateWithEndpoints,
        existingVpc: { vpcId: "vpc-0aaaaaaaaaaaaaaaa", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"], routeTableIds: ["rtb-0aaaaaaaaaaaaaaaa"] },
        interfaceEndpoints: ["kms"],
    },
};

describe("destroy safety: the replacement security group", () => {
    describe("in the plan", () => {
        for (const [label, args] of Object.entries(EVERY_PATTERN)) {
            it(`is planned with ${label}, and no rule is planned on it or to it`, () => {
                const plan = planFor(args);
                expect(plan.securityGroups.filter((g) => g.role === "replacement").map((g) => g.key)).to.deep.equal([REPLACEMENT_SECURITY_GROUP_KEY]);
                const touching = plan.securityGroupRules.filter(
                    (r) => r.securityGroupKey === REPLACEMENT_SECURITY_GROUP_KEY || (r.peer.kind === "securityGroup" && "key" in r.peer.ref && r.peer.ref.key === REPLACEMENT_SECURITY_GROUP_KEY),
                );
                expect(touching).to.deep.equal([]);
            });
        }

        it("keeps its description (which AWS cannot change in place) whatever the pattern", () => {
            const descriptions = Object.values(EVERY_PATTERN).map((args) => planFor(args).securityGroups.find((g) => g.role === "replacement")?.description);
            expect(new Set(descriptions).size).to.equal(1);
        });
    });

    describe("as built", () => {
        let stack: MockStack;

        before(async () => {
            stack = await MockStack.install();
        });
        beforeEach(() => stack.reset());

        it("is a security group in the network's VPC with no inline rules and no rule resources", async () => {
            const net = new VpcLambdaNetwork("app", EVERY_PATTERN.PrivateWithNat);
            await stack.settle();
            const group = stack.get(T.securityGroup, "app-lambda-replacement-sg");
            expect(group.inputs.vpcId).to.equal(stack.get(T.vpc, "app-vpc").id);
            expect(group.inputs).to.not.have.any.keys("ingress", "egress");
            expect([...rulesOn(stack, T.ingressRule, group.id), ...rulesOn(stack, T.egressRule, group.id)]).to.deep.equal([]);
            expect(await valueOf(net.replacementSecurityGroupId)).to.equal(group.id);
        });

        it("is admitted by no other group's rule", async () => {
            new VpcLambdaNetwork("app", EVERY_PATTERN.PrivateWithEndpoints);
            await stack.settle();
            const groupId = stack.get(T.securityGroup, "app-lambda-replacement-sg").id;
            const referencing = [...stack.ofType(T.ingressRule), ...stack.ofType(T.egressRule)].filter((r) => r.inputs.referencedSecurityGroupId === groupId);
            expect(referencing).to.deep.equal([]);
        });

        it("is a different group from the Lambda security group, and not in vpcConfig", async () => {
            const net = new VpcLambdaNetwork("app", EVERY_PATTERN.Isolated);
            await stack.settle();
            const replacement = await valueOf(net.replacementSecurityGroupId);
            expect(replacement).to.not.equal(await valueOf(net.lambdaSecurityGroupId));
            expect((await valueOf(net.vpcConfig)).securityGroupIds).to.not.include(replacement);
        });

        it("is built in the given VPC when the network joins an existing one", async () => {
            new VpcLambdaNetwork("app", EVERY_PATTERN["an existing VPC"]);
            await stack.settle();
            expect(stack.get(T.securityGroup, "app-lambda-replacement-sg").inputs.vpcId).to.equal("vpc-0aaaaaaaaaaaaaaaa");
        });
    });
});
