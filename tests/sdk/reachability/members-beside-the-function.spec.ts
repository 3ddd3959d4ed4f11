import { expect } from "chai";
import { aclRule, DB, natStack, withAcl } from "./stack";

// Traffic within one subnet crosses no network ACL (VPC user guide, "Network ACL basics"): a
// group member placed in the function's own subnet is reached past that subnet's ACL, whatever
// its rules say about the subnet's own block. Found by the oracle (tests/reachability/oracle).

describe("reachability: members in the function's own subnet cross none of its ACL's rules", () => {
    it("a rule of the function's subnet's ACL about its own block does not judge a member beside the function", () => {
        const stack = natStack().set("db-subnets", { subnetIds: ["private-id", "data-id"] });
        withAcl(stack, "private", [aclRule(99, "deny", "10.0.1.0/24"), aclRule(100, "allow", "0.0.0.0/0")], [aclRule(99, "deny", "10.0.1.0/24"), aclRule(100, "allow", "0.0.0.0/0")]);
        expect(stack.cell(DB).verdict).to.equal("reachable");
    });
});
