import { expect } from "chai";
import { DB_SG, expectProblem, validateLoose } from "../helpers/plan";

describe("validation: allowTo", () => {
    for (const port of [0, 65536, 3306.5]) {
        it(`rejects port ${port}, which is not an integer from 1 to 65535`, () => {
            expectProblem({ pattern: "Isolated", allowTo: [{ securityGroupId: DB_SG, port }] }, "allowTo[0].port", String(port), "1 to 65535");
        });
    }

    it('rejects the port "3306" written as a string', () => {
        expectProblem({ pattern: "Isolated", allowTo: [{ securityGroupId: DB_SG, port: "3306" }] }, "allowTo[0].port", '"3306"', "1 to 65535");
    });

    it("accepts ports 1 and 65535", () => {
        const allowTo = validateLoose({ pattern: "Isolated", allowTo: [{ securityGroupId: DB_SG, port: 1 }, { securityGroupId: DB_SG, port: 65535 }] }).allowTo;
        expect(allowTo.map((t) => t.port)).to.deep.equal([1, 65535]);
    });

    it("rejects a security group id that is not sg-...", () => {
        expectProblem({ pattern: "Isolated", allowTo: [{ securityGroupId: "db-security-group", port: 3306 }] }, "allowTo[0].securityGroupId", '"db-security-group"', '"sg-0123456789abcdef0"');
    });

    it("rejects the same target and port listed twice", () => {
        const entry = { securityGroupId: DB_SG, port: 3306 };
        expectProblem({ pattern: "Isolated", allowTo: [entry, { ...entry }] }, "allowTo[1]", DB_SG, "3306", "once");
    });

    it("rejects a description EC2 would refuse", () => {
        expectProblem({ pattern: "Isolated", allowTo: [{ securityGroupId: DB_SG, port: 3306, description: "MySQL <primary>" }] }, "allowTo[0].description", '"MySQL <primary>"', "255");
    });
});
