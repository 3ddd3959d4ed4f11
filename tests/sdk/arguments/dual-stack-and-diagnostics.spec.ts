import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { validateDualStack } from "../../../sdk/arguments/dual-stack";
import { ProblemList } from "../../../sdk/arguments/problems";
import { DB_SG, expectProblem, rejectionOf, validateLoose } from "../../helpers/plan";

const NAT = { pattern: "PrivateWithNat" };

describe("validation: dualStack", () => {
    it("defaults to off", () => {
        expect(validateLoose(NAT).dualStack).to.equal(false);
        expect(validateLoose({ ...NAT, dualStack: true }).dualStack).to.equal(true);
    });

    it("refuses a value that is not a boolean, naming it", () => {
        expectProblem({ ...NAT, dualStack: "yes" }, "dualStack", '"yes" is not a boolean');
        expectProblem({ ...NAT, dualStack: 1 }, "dualStack", "1 is not a boolean");
    });

    it("catches a misspelling", () => {
        expectProblem({ ...NAT, dualstack: true }, "dualstack", 'did you mean "dualStack"?');
    });
});

describe("validation: diagnostics", () => {
    it("is off unless given with enabled: true; enabled: false builds nothing, targets or not", () => {
        expect(validateLoose(NAT).diagnostics).to.equal(undefined);
        expect(validateLoose({ ...NAT, diagnostics: { enabled: false, targets: [{ host: "db", port: 1 }] } }).diagnostics).to.equal(undefined);
        expect(validateLoose({ ...NAT, diagnostics: { enabled: true } }).diagnostics).to.deep.equal({ targets: [] });
    });

    it("requires enabled as a boolean", () => {
        expectProblem({ ...NAT, diagnostics: {} }, "diagnostics.enabled", "undefined is not a boolean");
        expectProblem({ ...NAT, diagnostics: { enabled: "true" } }, "diagnostics.enabled", '"true" is not a boolean');
        expectProblem({ ...NAT, diagnostics: true }, "diagnostics", "true is not an object");
    });

    it("takes host names, IPv4 and IPv6 addresses, and Outputs as hosts", () => {
        const host = pulumi.output("db.abc123.us-east-1.rds.amazonaws.com");
        const targets = [
            { host: "db.abc123.us-east-1.rds.amazonaws.com", port: 3306 },
            { host: "10.0.192.10", port: 6379 },
            { host: "2600:1f18:abcd:12c0::10", port: 5432 },
            { host: "cache", port: 11211 },
            { host, port: 5432 },
        ];
        expect(validateLoose({ ...NAT, diagnostics: { enabled: true, targets } }).diagnostics!.targets).to.deep.equal(targets);
    });

    it("refuses bad hosts and ports, each under its own field, all at once", () => {
        const error = rejectionOf({
            ...NAT,
            diagnostics: { enabled: true, targets: [{ host: "not a host", port: 80 }, { host: "db", port: 0 }, { host: "db", port: 80.5 }, { host: "", port: 70000 }, "db:5432"] },
        });
        expect(error.problems.map((p) => p.field)).to.deep.equal([
            "diagnostics.targets[0].host",
            "diagnostics.targets[1].port",
            "diagnostics.targets[2].port",
            "diagnostics.targets[3].host",
            "diagnostics.targets[3].port",
            "diagnostics.targets[4]",
        ]);
        expect(error.problems[0].message).to.include('"not a host" is not a host name or IP address');
        expect(error.problems[1].message).to.include("0 is not a TCP port (an integer from 1 to 65535)");
        expect(error.problems[5].message).to.include('"db:5432" is not an object such as { host');
    });

    it("refuses more targets than the function's environment holds, and says how to pass more", () => {
        const targets = Array.from({ length: 21 }, (_, i) => ({ host: `db${i}.internal`, port: 5432 }));
        expectProblem({ ...NAT, diagnostics: { enabled: true, targets } }, "diagnostics.targets", "lists 21 targets; at most 20", '{ "targets": [...] }');
    });

    it("catches unknown keys with a suggestion", () => {
        expectProblem({ ...NAT, diagnostics: { enabled: true, target: [] } }, "diagnostics.target", 'did you mean "targets"?');
        expectProblem({ ...NAT, diagnostics: { enabled: true, targets: [{ hostname: "db", port: 1 }] } }, "diagnostics.targets[0].hostname", "not an argument");
    });
});

describe("validation: diagnostics targets, their shape and limits", () => {
    const withTargets = (targets: unknown) => ({ ...NAT, diagnostics: { enabled: true, targets } });

    it("takes 20 targets, the most the function's environment holds", () => {
        const targets = Array.from({ length: 20 }, (_, i) => ({ host: `db${i}.internal`, port: 5432 }));
        expect(validateLoose(withTargets(targets)).diagnostics!.targets).to.deep.equal(targets);
    });

    it("takes host names of one-character labels, and a name with a trailing dot", () => {
        const targets = [{ host: "a.b.c", port: 1 }, { host: "x", port: 2 }, { host: "db.internal.", port: 3 }];
        expect(validateLoose(withTargets(targets)).diagnostics!.targets).to.deep.equal(targets);
    });

    it("takes a host that is a promise, and ports 1 and 65535", () => {
        const host = Promise.resolve("db.internal");
        const targets = [{ host, port: 1 }, { host: "db.internal", port: 65535 }];
        expect(validateLoose(withTargets(targets)).diagnostics!.targets).to.deep.equal(targets);
    });

    it("refuses a host that is neither a string, an Output nor a promise", () => {
        expectProblem(withTargets([{ host: 42, port: 5432 }]), "diagnostics.targets[0].host", "42 is not a host name or IP address");
        expectProblem(withTargets([{ port: 5432 }]), "diagnostics.targets[0].host", "undefined is not a host name or IP address");
    });

    it("refuses a DNS name with a label over 63 characters, or over 253 characters in all", () => {
        const label = (n: number) => "a".repeat(n);
        expect(validateLoose(withTargets([{ host: `${label(63)}.internal`, port: 1 }])).diagnostics!.targets).to.have.lengthOf(1);
        expectProblem(withTargets([{ host: `${label(64)}.internal`, port: 1 }]), "diagnostics.targets[0].host", "is not a host name");
        expect(validateLoose(withTargets([{ host: [label(63), label(63), label(63), label(61)].join("."), port: 1 }])).diagnostics!.targets).to.have.lengthOf(1);
        expectProblem(withTargets([{ host: [label(63), label(63), label(63), label(62)].join("."), port: 1 }]), "diagnostics.targets[0].host", "is not a host name");
        expectProblem(withTargets([{ host: "-db.internal", port: 1 }]), "diagnostics.targets[0].host", '"-db.internal" is not a host name');
    });

    it("refuses targets that are not a list", () => {
        expectProblem(withTargets({ host: "db", port: 5432 }), "diagnostics.targets", "is not a list such as [{ host: db.address, port: 5432 }]");
    });

    it("names a bad target's field while keeping the good ones out of a result that is never returned", () => {
        const error = rejectionOf(withTargets([{ host: "db", port: 5432 }, { host: "db", port: "5432" }]));
        expect(error.problems).to.deep.equal([{ field: "diagnostics.targets[1].port", message: '"5432" is not a TCP port (an integer from 1 to 65535).' }]);
    });

    it("builds nothing when enabled is not a boolean, and still checks the targets", () => {
        const error = rejectionOf({ ...NAT, diagnostics: { enabled: 1, targets: [{ host: "db", port: 0 }] } });
        expect(error.problems.map((p) => p.field)).to.deep.equal(["diagnostics.enabled", "diagnostics.targets[0].port"]);
    });
});

describe("validation: diagnostics targets, the security group a host wears", () => {
    const withTargets = (targets: unknown) => ({ ...NAT, diagnostics: { enabled: true, targets } });

    it("keeps the group a target names, as a string or an Output, and none on a target that names none", () => {
        const fromStack = pulumi.output(DB_SG);
        const targets = [{ host: "db.internal", port: 5432, securityGroupId: DB_SG }, { host: "cache.internal", port: 6379, securityGroupId: fromStack }, { host: "queue.internal", port: 5672 }];
        const validated = validateLoose(withTargets(targets)).diagnostics!.targets;
        expect(validated).to.deep.equal(targets);
        expect(validated[2]).to.not.have.property("securityGroupId");
    });

    it("refuses a group that is not a security group id, under the target's securityGroupId", () => {
        expectProblem(withTargets([{ host: "db.internal", port: 5432, securityGroupId: "subnet-0123456789abcdef0" }]), "diagnostics.targets[0].securityGroupId", '"subnet-0123456789abcdef0" is not a security group id such as "sg-0123456789abcdef0"');
        expectProblem(withTargets([{ host: "db.internal", port: 5432, securityGroupId: "-0123456789abcdef0" }]), "diagnostics.targets[0].securityGroupId", "is not a security group id");
        expectProblem(withTargets([{ host: "db.internal", port: 5432, securityGroupId: 42 }]), "diagnostics.targets[0].securityGroupId", "42 is not a security group id");
    });
});

describe("validation: dualStack, as the validator returns it", () => {
    it("returns off for a value it refused, so that nothing IPv6 is planned from it", () => {
        const problems = new ProblemList();
        expect([validateDualStack(problems, "yes"), validateDualStack(problems, undefined), validateDualStack(problems, true)]).to.deep.equal([false, false, true]);
        expect(problems.problems.map((p) => p.field)).to.deep.equal(["dualStack"]);
    });
});
