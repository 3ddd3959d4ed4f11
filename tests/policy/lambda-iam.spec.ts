import { expect } from "chai";
import { MockStack } from "../../sdk/offline-engine/mock-stack";
import { blamed, verdictsOf, violationsOf } from "./helpers";
import { EniAccess, plainStack } from "./plain-stack";

describe("policies: the execution role of VPC functions", () => {
    let stack: MockStack;
    const eniViolations = async (eniAccess: EniAccess, options: Parameters<typeof plainStack>[1] = {}) =>
        violationsOf(await verdictsOf(stack, (prefix) => plainStack(prefix, { ...options, eniAccess })), "lambda-eni-permissions");

    before(async () => {
        stack = await MockStack.install();
    });

    describe("lambda-eni-permissions", () => {
        const granting: EniAccess[] = ["vpc-access-managed-policy", "customer-managed-policy", "inline-role-policy", "role-inline-policies"];
        for (const eniAccess of granting) {
            it(`accepts a role granted the ENI actions through ${eniAccess}`, async () => {
                expect(await eniViolations(eniAccess)).to.deep.equal([]);
            });
        }

        it("rejects a role with only logging permissions, naming the function, the role and every missing action", async () => {
            const [violation, ...others] = await eniViolations("logs-only");
            expect(others).to.deep.equal([]);
            expect(violation.level).to.equal("mandatory");
            expect(blamed(violation)).to.match(/-fn$/);
            expect(violation.message).to.match(/role "p\d+-fn-role" does not allow ec2:CreateNetworkInterface, ec2:DescribeNetworkInterfaces, ec2:DescribeSubnets/);
        });

        it("rejects AWSLambdaENIManagementAccess alone: it lacks ec2:DescribeSubnets", async () => {
            const [violation] = await eniViolations("eni-management-managed-policy");
            expect(violation.message).to.include("does not allow ec2:DescribeSubnets;");
        });

        it("does not judge a role whose other policy it cannot read (an AWS managed policy it has no copy of)", async () => {
            expect(await eniViolations("logs-and-an-unread-managed-policy")).to.deep.equal([]);
        });

        it("does not ask a function outside any VPC for ENI permissions", async () => {
            expect(await eniViolations("logs-only", { vpcConfig: "absent" })).to.deep.equal([]);
        });
    });
});
