import { expect } from "chai";
import { DB, natStack, Stack, T } from "./stack";

// A security group destination whose members sit in several subnets: the function's egress
// rules must let the traffic out to each of them, one subnet at a time, as the network ACLs are
// judged. Found by the oracle (tests/reachability/oracle): the model compared each rule with all
// the members' blocks at once, and a rule covering some of them and not others read as unknown.

/** The NAT network with a second member of the database's group, an instance in 10.0.3.0/24, and the function's egress only to `cidrs`. */
function withMembersApart(cidrs: string[]): Stack {
    const stack = natStack()
        .add(T.subnet, "cache", { vpcId: "vpc-id", cidrBlock: "10.0.3.0/24", availabilityZone: "us-east-1a" })
        .add(T.instance, "box", { subnetId: "cache-id", vpcSecurityGroupIds: ["db-sg-id"] })
        .without("fn-sg-out");
    cidrs.forEach((cidr, i) => stack.add(T.egressRule, `fn-out-${i}`, { securityGroupId: "fn-sg-id", ipProtocol: "-1", cidrIpv4: cidr }));
    return stack;
}

describe("reachability: a group's members in several subnets", () => {
    it("egress to one member's subnet only: the other member is certainly out of reach, so blocked at the egress", () => {
        const cell = withMembersApart(["10.0.2.0/24"]).cell(DB);
        expect([cell.verdict, cell.blockedAt?.hop]).to.deep.equal(["blocked", "securityGroupEgress"]);
        expect(cell.blockedAt!.says).to.equal("security group fn-sg has no egress rule for TCP 5432 to security group db-sg in 10.0.3.0/24.");
    });

    it("egress to each member's subnet by a rule of its own: reachable", () => {
        expect(withMembersApart(["10.0.2.0/24", "10.0.3.0/24"]).cell(DB).verdict).to.equal("reachable");
    });

    it("egress to half of one member's subnet: which address the member gets decides, so unknown", () => {
        expect(withMembersApart(["10.0.2.0/25", "10.0.3.0/24"]).cell(DB).verdict).to.equal("unknown");
    });
});
