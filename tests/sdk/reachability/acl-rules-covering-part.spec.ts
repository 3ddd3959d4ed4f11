import { expect } from "chai";
import { aclRule, DB, natStack, Stack, T, withAcl } from "./stack";

// A network ACL rule whose block covers part of the addresses the traffic may use (the function's
// subnet, or a group's members in several subnets) decides for those addresses only; the others
// go on to the next rules. When every address ends up with the same answer, that answer is
// certain. Found by the oracle (tests/reachability/oracle): the model read any such rule as "may
// decide first" and said unknown, even where all addresses were allowed, or all denied.

/** The NAT network with the database's subnet's ACL letting the replies out and taking these inbound rules. */
function dataAclIn(...ingress: Record<string, unknown>[]): Stack {
    return withAcl(natStack(), "data", ingress, [aclRule(100, "allow", "0.0.0.0/0")]);
}

describe("reachability: network ACL rules covering part of the traffic's addresses", () => {
    it("an allow for half the function's subnet, then an allow for all: reachable", () => {
        expect(dataAclIn(aclRule(50, "allow", "10.0.1.0/25"), aclRule(100, "allow", "0.0.0.0/0")).cell(DB).verdict).to.equal("reachable");
    });

    it("a deny for half the function's subnet, then nothing allowing the rest: blocked", () => {
        const cell = dataAclIn(aclRule(50, "deny", "10.0.1.0/25"), aclRule(100, "allow", "192.168.0.0/16")).cell(DB);
        expect([cell.verdict, cell.blockedAt?.hop, cell.blockedAt?.resource]).to.deep.equal(["blocked", "networkAcl", "data-acl"]);
    });

    it("an allow for half the function's subnet, then nothing allowing the rest: which address the function gets decides, unknown", () => {
        expect(dataAclIn(aclRule(50, "allow", "10.0.1.0/25")).cell(DB).verdict).to.equal("unknown");
    });

    it("members in two subnets, the function's subnet letting the request out to one of them only: blocked", () => {
        const stack = natStack()
            .add(T.subnet, "data2", { vpcId: "vpc-id", cidrBlock: "10.0.3.0/24", availabilityZone: "us-east-1b" })
            .set("db-subnets", { subnetIds: ["data-id", "data2-id"] });
        withAcl(stack, "private", [aclRule(100, "allow", "0.0.0.0/0")], [aclRule(100, "allow", "10.0.2.0/24")]);
        const cell = stack.cell(DB);
        expect([cell.verdict, cell.blockedAt?.resource]).to.deep.equal(["blocked", "private-acl"]);
    });
});
