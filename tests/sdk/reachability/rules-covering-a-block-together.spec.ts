import { expect } from "chai";
import { aclRule, DB, natStack, withAcl } from "./stack";

// Rules that each cover part of a block cover it together: security group rules add up, and
// network ACL rules read in order each decide for the addresses they cover. Two halves of the
// function's subnet (10.0.1.0/24) or of the database's (10.0.2.0/24) are the whole subnet. Found
// by the oracle (tests/reachability/oracle): the model read each half as "may match" and said unknown.

describe("reachability: rules that cover a block together", () => {
    it("egress to each half of the database's subnet: reachable", () => {
        const stack = natStack()
            .set("fn-sg-out", { cidrIpv4: "10.0.2.0/25" })
            .add("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "fn-sg-out-high", { securityGroupId: "fn-sg-id", ipProtocol: "-1", cidrIpv4: "10.0.2.128/25" });
        expect(stack.cell(DB).verdict).to.equal("reachable");
    });

    it("ingress from each half of the function's subnet: reachable", () => {
        const stack = natStack()
            .set("db-from-fn", { referencedSecurityGroupId: undefined, cidrIpv4: "10.0.1.0/25" })
            .add("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "db-from-fn-high", { securityGroupId: "db-sg-id", ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "10.0.1.128/25" })
            // The database stays a destination of the function through an egress rule to its group.
            .add("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "fn-to-db", { securityGroupId: "fn-sg-id", ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: "db-sg-id" });
        expect(stack.cell(DB).verdict).to.equal("reachable");
    });

    it("a network ACL allowing each half of the function's subnet in, and nothing else: reachable", () => {
        const stack = withAcl(natStack(), "data", [aclRule(50, "allow", "10.0.1.0/25"), aclRule(60, "allow", "10.0.1.128/25")], [aclRule(100, "allow", "0.0.0.0/0")]);
        expect(stack.cell(DB).verdict).to.equal("reachable");
    });

    it("a network ACL denying one half and allowing the other: which address the function gets decides, unknown", () => {
        const stack = withAcl(natStack(), "data", [aclRule(50, "deny", "10.0.1.0/25"), aclRule(60, "allow", "10.0.1.128/25")], [aclRule(100, "allow", "0.0.0.0/0")]);
        expect(stack.cell(DB).verdict).to.equal("unknown");
    });
});
