import { expect } from "chai";
import { DB, natStack, Stack, T } from "./stack";

// A security group destination is whatever wears the group, and what wears it may wear other
// groups too: the rules of all the groups a network interface wears add up (VPC user guide,
// "Security groups"), and a rule naming any of them as its peer reaches it (same guide, "Security
// group referencing"). Found by the oracle (tests/reachability/oracle): the model judged the
// members by the destination group's rules and name alone.

/** The NAT network with the database wearing a second group, `other-sg`. */
function withSecondGroup(): Stack {
    return natStack().add(T.securityGroup, "other-sg", { vpcId: "vpc-id" }).set("db", { vpcSecurityGroupIds: ["db-sg-id", "other-sg-id"] });
}

describe("reachability: a group's members wearing other groups too", () => {
    it("an egress rule to the member's other group lets the traffic out to it", () => {
        const stack = withSecondGroup()
            .without("fn-sg-out")
            .add(T.egressRule, "fn-to-other", { securityGroupId: "fn-sg-id", ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: "other-sg-id" });
        expect(stack.cell(DB).verdict).to.equal("reachable");
    });

    it("an ingress rule of the member's other group admits the function", () => {
        const stack = withSecondGroup()
            .without("db-from-fn")
            .add(T.ingressRule, "other-from-fn", { securityGroupId: "other-sg-id", referencedSecurityGroupId: "fn-sg-id", ipProtocol: "tcp", fromPort: 5432, toPort: 5432 })
            // The database stays a destination of the function through an egress rule to its group.
            .add(T.egressRule, "fn-to-db", { securityGroupId: "fn-sg-id", ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: "db-sg-id" });
        expect(stack.cell(DB).verdict).to.equal("reachable");
    });

    it("a member that wears only the destination group still needs that group to admit the function", () => {
        const stack = natStack()
            .without("db-from-fn")
            .add(T.egressRule, "fn-to-db", { securityGroupId: "fn-sg-id", ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: "db-sg-id" });
        expect(stack.cell(DB).blockedAt?.hop).to.equal("securityGroupIngress");
    });
});
