import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { validateAllowTo } from "../../../sdk/arguments/allow-to";
import { ProblemList } from "../../../sdk/arguments/problems";
import { CACHE_SG, DB_SG, expectProblem, rejectionOf, validateLoose } from "../../helpers/plan";

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

describe("validation: allowTo, its shape and limits", () => {
    const target = (i: number) => ({ securityGroupId: `sg-${i.toString(16).padStart(17, "0")}`, port: 443 });

    it("takes 57 targets: a group holds 60 egress rules and the component needs up to 3 of its own", () => {
        const allowTo = Array.from({ length: 57 }, (_, i) => target(i + 1));
        expect(validateLoose({ pattern: "Isolated", allowTo }).allowTo).to.have.lengthOf(57);
    });

    it("refuses 58 targets, saying why the limit is 57", () => {
        const allowTo = Array.from({ length: 58 }, (_, i) => target(i + 1));
        expectProblem({ pattern: "Isolated", allowTo }, "allowTo", "lists 58 targets", "60 egress rules", "up to 3", "at most 57");
    });

    it("refuses a value that is not a list, and an entry that is not an object", () => {
        expectProblem({ pattern: "Isolated", allowTo: { securityGroupId: DB_SG, port: 3306 } }, "allowTo", "is not a list such as [{ securityGroupId");
        expectProblem({ pattern: "Isolated", allowTo: [DB_SG] }, "allowTo[0]", `"${DB_SG}" is not an object such as { securityGroupId, port: 3306 }`);
    });

    it("takes a security group id that is an Output or a promise, known only at deployment", () => {
        const fromStack = pulumi.output(DB_SG);
        const promised = Promise.resolve(DB_SG);
        const allowTo = validateLoose({ pattern: "Isolated", allowTo: [{ securityGroupId: fromStack, port: 3306 }, { securityGroupId: promised, port: 5432 }] }).allowTo;
        expect(allowTo).to.deep.equal([
            { securityGroupId: fromStack, port: 3306, description: "Lambda to port 3306" },
            { securityGroupId: promised, port: 5432, description: "Lambda to port 5432" },
        ]);
    });

    it("refuses a security group id that is neither a string, an Output nor a promise", () => {
        expectProblem({ pattern: "Isolated", allowTo: [{ securityGroupId: 42, port: 3306 }] }, "allowTo[0].securityGroupId", "42 is not a security group id");
    });

    it("takes an EC2 id of 8 or 17 hexadecimal digits, no other length", () => {
        expect(validateLoose({ pattern: "Isolated", allowTo: [{ securityGroupId: "sg-0123abcd", port: 1 }] }).allowTo).to.have.lengthOf(1);
        for (const id of ["sg-0123abc", "sg-0123456789abcdef", "sg-0123456789ABCDEF0", "xsg-0123abcd", "sg-0123abcd "]) {
            expectProblem({ pattern: "Isolated", allowTo: [{ securityGroupId: id, port: 1 }] }, "allowTo[0].securityGroupId", JSON.stringify(id));
        }
    });

    it("keeps a description of up to 255 characters EC2 accepts, and refuses 256 or one that is not a string", () => {
        const longest = `${"a".repeat(250)} ._-:/()#,@[]+=&;{}!$*`.slice(0, 255);
        expect(validateLoose({ pattern: "Isolated", allowTo: [{ securityGroupId: DB_SG, port: 1, description: longest }] }).allowTo[0].description).to.equal(longest);
        expectProblem({ pattern: "Isolated", allowTo: [{ securityGroupId: DB_SG, port: 1, description: "a".repeat(256) }] }, "allowTo[0].description", "up to 255");
        expectProblem({ pattern: "Isolated", allowTo: [{ securityGroupId: DB_SG, port: 1, description: 7 }] }, "allowTo[0].description", "7 is not a rule description");
    });

    it("takes the same security group on two ports, and two groups on one port", () => {
        const allowTo = [
            { securityGroupId: DB_SG, port: 3306 },
            { securityGroupId: DB_SG, port: 33060 },
            { securityGroupId: CACHE_SG, port: 3306 },
        ];
        expect(validateLoose({ pattern: "Isolated", allowTo }).allowTo.map((t) => [t.securityGroupId, t.port])).to.deep.equal(allowTo.map((t) => [t.securityGroupId, t.port]));
    });

    it("names every bad entry and keeps none of them, reporting each field of an entry on its own", () => {
        const error = rejectionOf({ pattern: "Isolated", allowTo: [{ securityGroupId: "db", port: 0, description: "<>" }, { securityGroupId: DB_SG, port: 1 }] });
        expect(error.problems.map((p) => p.field)).to.deep.equal(["allowTo[0].securityGroupId", "allowTo[0].port", "allowTo[0].description"]);
    });
});

describe("validation: allowTo, as the validator returns it", () => {
    it("returns only the entries it found nothing wrong with, whatever was wrong with the others", () => {
        const problems = new ProblemList();
        const good = { securityGroupId: DB_SG, port: 3306 };
        const bad = [{ securityGroupId: "db", port: 1 }, { securityGroupId: DB_SG, port: 0 }, { securityGroupId: DB_SG, port: 1, description: "<>" }, { ...good }, "sg"];
        expect(validateAllowTo(problems, [good, ...bad])).to.deep.equal([{ ...good, description: "Lambda to port 3306" }]);
        expect(problems.problems.map((p) => p.field)).to.deep.equal(["allowTo[1].securityGroupId", "allowTo[2].port", "allowTo[3].description", "allowTo[4]", "allowTo[5]"]);
    });

    it("never calls two ids that are Outputs the same target, since their values are not known yet", () => {
        const allowTo = [
            { securityGroupId: pulumi.output(DB_SG), port: 5432 },
            { securityGroupId: pulumi.output(CACHE_SG), port: 5432 },
        ];
        expect(validateLoose({ pattern: "Isolated", allowTo }).allowTo).to.have.lengthOf(2);
    });
});
