import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { planNetwork } from "../../../sdk/plan/plan-network";
import { validateNeeds } from "../../../sdk/arguments/needs";
import { needsOf, unreachableNeedProblems } from "../../../sdk/checks/needs";
import { ProblemList } from "../../../sdk/arguments/problems";
import { CACHE_SG, DB_SG, expectProblem, validateLoose } from "../../helpers/plan";

/** The problems the component raises on a valid network whose needs its own design cannot meet. */
function unreachable(args: Record<string, unknown>): { field: string; message: string }[] {
    return unreachableNeedProblems(planNetwork("app", validateLoose(args)));
}

describe("validation: needs, their shape", () => {
    it("keeps the needs as given", () => {
        const needs = validateLoose({ pattern: "PrivateWithNat", needs: { internet: true, services: ["sts", "ecr.api"], securityGroups: [{ securityGroupId: DB_SG, port: 5432 }] } }).needs;
        expect(needs).to.deep.equal({ internet: true, services: ["sts", "ecr.api"], securityGroups: [{ securityGroupId: DB_SG, port: 5432 }] });
    });

    it("has no needs when none are declared, and empty ones when declared empty", () => {
        expect(validateLoose({ pattern: "Isolated" }).needs).to.equal(undefined);
        expect(validateLoose({ pattern: "Isolated", needs: {} }).needs).to.deep.equal({ internet: false, services: [], securityGroups: [] });
    });

    it("rejects a list where an object is expected", () => {
        expectProblem({ pattern: "Isolated", needs: ["sts"] }, "needs", '["sts"]', "services");
    });

    it("rejects a misspelt key, naming the right one", () => {
        expectProblem({ pattern: "Isolated", needs: { service: ["sts"] } }, "needs.service", '"services"');
    });

    it('rejects "internet" among the services, pointing to needs.internet', () => {
        expectProblem({ pattern: "PrivateWithNat", needs: { services: ["internet"] } }, "needs.services[0]", "needs.internet: true");
    });

    it("rejects a service name that is not one, and a full endpoint service name", () => {
        expectProblem({ pattern: "PrivateWithNat", needs: { services: ["Secrets Manager"] } }, "needs.services[0]", '"Secrets Manager"', "ecr.api");
        expectProblem({ pattern: "PrivateWithNat", needs: { services: ["com.amazonaws.us-east-1.sts"] } }, "needs.services[0]", '"sts"');
    });

    it("rejects a service listed twice", () => {
        expectProblem({ pattern: "PrivateWithNat", needs: { services: ["sts", "sts"] } }, "needs.services[1]", "twice");
    });

    it("rejects internet that is not true or false", () => {
        expectProblem({ pattern: "PrivateWithNat", needs: { internet: "yes" } }, "needs.internet", '"yes"', "true or false");
    });

    it("rejects a security group that is not sg-..., a port out of range, and the same pair twice", () => {
        expectProblem({ pattern: "PrivateWithNat", needs: { securityGroups: [{ securityGroupId: "db", port: 5432 }] } }, "needs.securityGroups[0].securityGroupId", '"db"', "sg-0123456789abcdef0");
        expectProblem({ pattern: "PrivateWithNat", needs: { securityGroups: [{ securityGroupId: DB_SG, port: 70000 }] } }, "needs.securityGroups[0].port", "70000", "1 to 65535");
        expectProblem({ pattern: "PrivateWithNat", needs: { securityGroups: [{ securityGroupId: DB_SG, port: 5432 }, { securityGroupId: DB_SG, port: 5432 }] } }, "needs.securityGroups[1]", "once");
    });

    it("rejects needs that would not fit in the 256-character tag that carries them", () => {
        const services = Array.from({ length: 30 }, (_, i) => `service${i}`);
        expectProblem({ pattern: "PrivateWithNat", needs: { services } }, "needs", "vpc-lambda:needs", "256");
    });

    it("rejects a user tag with the needs tag's key", () => {
        expectProblem({ pattern: "Isolated", tags: { "vpc-lambda:needs": "internet" } }, "tags.vpc-lambda:needs", "declare needs instead");
    });
});

/** The needs validateNeeds keeps from `value`, and the problems it finds on the way. */
function validated(value: unknown): { needs: ReturnType<typeof validateNeeds>; problems: { field: string; message: string }[] } {
    const problems = new ProblemList();
    const needs = validateNeeds(problems, value);
    return { needs, problems: problems.problems };
}

describe("validation: needs, every answer", () => {
    it("does not take an internet flag that is not true or false as a need", () => {
        expect(validated({ internet: "yes" })).to.deep.equal({
            needs: { internet: false, services: [], securityGroups: [] },
            problems: [{ field: "needs.internet", message: '"yes" is not true or false.' }],
        });
    });

    it("refuses services that are not a list, showing an example list", () => {
        expect(validated({ services: "sts" }).problems).to.deep.equal([{ field: "needs.services", message: '"sts" is not a list of service names such as ["sts", "secretsmanager"].' }]);
    });

    it("refuses a service that is not a string, without reading it as one", () => {
        expect(validated({ services: [42, null] }).problems).to.deep.equal([
            { field: "needs.services[0]", message: '42 is not a service name such as "sts" or "ecr.api" (lowercase letters, digits, dots and dashes).' },
            { field: "needs.services[1]", message: 'null is not a service name such as "sts" or "ecr.api" (lowercase letters, digits, dots and dashes).' },
        ]);
    });

    it("answers a full endpoint service name with the service part alone", () => {
        expect(validated({ services: ["com.amazonaws.us-east-1.ecr.api"] }).problems).to.deep.equal([
            { field: "needs.services[0]", message: '"com.amazonaws.us-east-1.ecr.api" is a full endpoint service name; write only the service, e.g. "ecr.api".' },
        ]);
    });

    it("refuses security groups that are not a list, showing an example list", () => {
        expect(validated({ securityGroups: DB_SG }).problems).to.deep.equal([
            { field: "needs.securityGroups", message: `"${DB_SG}" is not a list such as [{ securityGroupId: db.securityGroupId, port: 5432 }].` },
        ]);
    });

    it("refuses a security group entry that is not an object, and only that", () => {
        expect(validated({ securityGroups: [DB_SG] })).to.deep.equal({
            needs: { internet: false, services: [], securityGroups: [] },
            problems: [{ field: "needs.securityGroups[0]", message: `"${DB_SG}" is not an object such as { securityGroupId, port: 5432 }.` }],
        });
    });

    it("keeps no security group whose id or port is refused", () => {
        const { needs, problems } = validated({ securityGroups: [{ securityGroupId: "db", port: 5432 }, { securityGroupId: DB_SG, port: 0 }] });
        expect(problems.map((p) => p.field)).to.deep.equal(["needs.securityGroups[0].securityGroupId", "needs.securityGroups[1].port"]);
        expect(needs!.securityGroups).to.deep.equal([]);
    });

    it("takes one group on two ports, and two groups on one port", () => {
        const securityGroups = [
            { securityGroupId: DB_SG, port: 5432 },
            { securityGroupId: DB_SG, port: 6379 },
            { securityGroupId: CACHE_SG, port: 5432 },
        ];
        expect(validated({ securityGroups })).to.deep.equal({ needs: { internet: false, services: [], securityGroups }, problems: [] });
    });

    it("refuses a group repeated on the same port, naming it, and keeps it once", () => {
        const { needs, problems } = validated({ securityGroups: [{ securityGroupId: DB_SG, port: 5432 }, { securityGroupId: DB_SG, port: 5432 }] });
        expect(problems).to.deep.equal([{ field: "needs.securityGroups[1]", message: `repeats ${DB_SG} on port 5432; list each once.` }]);
        expect(needs!.securityGroups).to.deep.equal([{ securityGroupId: DB_SG, port: 5432 }]);
    });

    it("refuses the same Output repeated on the same port, without quoting the Output", () => {
        const db = pulumi.output(DB_SG);
        expect(validated({ securityGroups: [{ securityGroupId: db, port: 5432 }, { securityGroupId: db, port: 5432 }] }).problems).to.deep.equal([
            { field: "needs.securityGroups[1]", message: "repeats that security group on port 5432; list each once." },
        ]);
    });
});

describe("validation: needs, the tag that carries them", () => {
    // A service name of `length` characters, to bring the tag to an exact length.
    const serviceOf = (length: number) => "s".repeat(length);
    const SHORT_SG = "sg-12345678"; // an EC2 id of the older, 8-digit form: 11 characters
    const tagProblems = (needs: Record<string, unknown>) => validated(needs).problems.filter((p) => p.field === "needs");

    // "internet", the service, "sg-12345678:5432" and an Output's group counted at its longest,
    // 20 characters, then ":6379": 8 + 1 + n + 1 + 16 + 1 + 25 = 52 + n characters.
    const everyKind = (n: number) => ({ internet: true, services: [serviceOf(n)], securityGroups: [{ securityGroupId: SHORT_SG, port: 5432 }, { securityGroupId: pulumi.output(DB_SG), port: 6379 }] });

    it("takes needs whose tag is 256 characters, AWS's most for a tag value", () => {
        expect(tagProblems(everyKind(204))).to.deep.equal([]);
    });

    it("refuses needs whose tag would be 257 characters, counting internet, services, each group as id:port, and the spaces between", () => {
        expect(tagProblems(everyKind(205))).to.deep.equal([
            {
                field: "needs",
                message:
                    "adds up to 257 characters in the vpc-lambda:needs tag that carries it to the policy pack (at most, with security group ids not known yet); AWS allows 256. Declare fewer needs.",
            },
        ]);
    });

    it("counts nothing for internet when it is not needed", () => {
        // The service, a space and "sg-12345678:5432": n + 17 characters.
        expect(tagProblems({ services: [serviceOf(240)], securityGroups: [{ securityGroupId: SHORT_SG, port: 5432 }] })[0].message).to.match(/^adds up to 257 characters/);
    });
});

describe("validation: needsOf, each need as the model reads it", () => {
    it("quotes an Output's group as an Output, and reads it by its stand-in id", () => {
        const db = pulumi.output(DB_SG);
        const needs = { internet: false, services: [], securityGroups: [{ securityGroupId: db, port: 5432 }] };
        expect(needsOf(needs, (given) => (given === db ? "sg-standin" : "sg-other"))).to.deep.equal([
            { field: "needs.securityGroups[0]", shown: "an Output on port 5432", need: { kind: "securityGroup", securityGroupId: "sg-standin", port: 5432 } },
        ]);
    });

    it("quotes the internet, a service, and a known group by its id", () => {
        const needs = { internet: true, services: ["sts"], securityGroups: [{ securityGroupId: DB_SG, port: 5432 }] };
        expect(needsOf(needs, () => "sg-standin").map((d) => d.shown)).to.deep.equal(["internet", "sts", `${DB_SG} on port 5432`]);
    });
});

describe("validation: needs the network cannot meet, refused before anything is created", () => {
    it('refuses needs: ["sts"] with PrivateWithEndpoints and no sts endpoint, naming the need and the fix', () => {
        expect(unreachable({ pattern: "PrivateWithEndpoints", needs: { services: ["sts"] } })).to.deep.equal([
            {
                field: "needs.services[0]",
                message: 'sts cannot be reached: app-lambda-rt-1 has no 0.0.0.0/0 route and no sts gateway endpoint: the traffic has nowhere to go. Add "sts" to interfaceEndpoints, or use pattern "PrivateWithNat".',
            },
        ]);
    });

    it("accepts the same need once sts has an interface endpoint", () => {
        expect(unreachable({ pattern: "PrivateWithEndpoints", interfaceEndpoints: ["sts"], needs: { services: ["sts"] } })).to.deep.equal([]);
    });

    it("refuses s3 when its gateway endpoint is turned off, pointing at gatewayEndpoints", () => {
        const [problem] = unreachable({ pattern: "PrivateWithEndpoints", gatewayEndpoints: ["dynamodb"], needs: { services: ["s3"] } });
        expect(problem.message).to.match(/Add "s3" to gatewayEndpoints, or use pattern "PrivateWithNat"\.$/);
    });

    it("refuses any AWS service in Isolated, pointing at PrivateWithEndpoints", () => {
        const [problem] = unreachable({ pattern: "Isolated", needs: { services: ["sqs"] } });
        expect(problem.message).to.match(/Pattern "Isolated" reaches no AWS service: use "PrivateWithEndpoints" with interfaceEndpoints: \["sqs"\], or "PrivateWithNat"\.$/);
    });

    it("words the internet refused without PrivateWithNat: the need, the hop, the fix", () => {
        expect(unreachable({ pattern: "PrivateWithEndpoints", needs: { internet: true } })).to.deep.equal([
            {
                field: "needs.internet",
                message: 'internet cannot be reached: app-lambda-rt-1 has no 0.0.0.0/0 route: the traffic has nowhere to go. Only pattern "PrivateWithNat" routes the functions to the internet: use it, or drop needs.internet.',
            },
        ]);
    });

    it("refuses the internet without PrivateWithNat", () => {
        expect(unreachable({ pattern: "PrivateWithEndpoints", needs: { internet: true } }).map((p) => p.field)).to.deep.equal(["needs.internet"]);
        expect(unreachable({ pattern: "PrivateWithNat", needs: { internet: true } })).to.deep.equal([]);
    });

    it("refuses a security group missing from allowTo where the Lambda group does not open everything", () => {
        const needs = { securityGroups: [{ securityGroupId: CACHE_SG, port: 6379 }] };
        expect(unreachable({ pattern: "Isolated", allowTo: [{ securityGroupId: DB_SG, port: 5432 }], needs })).to.deep.equal([
            {
                field: "needs.securityGroups[0]",
                message: `${CACHE_SG} on port 6379 cannot be reached: security group app-lambda-sg has no egress rule for TCP 6379 to security group ${CACHE_SG}. Add { securityGroupId, port: 6379 } for it to allowTo.`,
            },
        ]);
        expect(unreachable({ pattern: "Isolated", allowTo: [{ securityGroupId: CACHE_SG, port: 6379 }], needs })).to.deep.equal([]);
        // PrivateWithNat lets everything out: whether the target admits the functions is the policy pack's to see.
        expect(unreachable({ pattern: "PrivateWithNat", needs })).to.deep.equal([]);
    });

    it("leaves to the policy pack what an existing VPC hides: its routes, for the internet", () => {
        const existingVpc = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"], routeTableIds: ["rtb-0123456789abcdef0"] };
        expect(unreachable({ pattern: "PrivateWithNat", existingVpc, needs: { internet: true, services: ["sts"] } })).to.deep.equal([]);
    });

    it("still refuses in an existing VPC what the Lambda group alone stops", () => {
        const existingVpc = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"], routeTableIds: ["rtb-0123456789abcdef0"] };
        const [problem] = unreachable({ pattern: "PrivateWithEndpoints", existingVpc, needs: { services: ["sts"] } });
        expect(problem).to.deep.equal({
            field: "needs.services[0]",
            message: `sts cannot be reached: security group app-lambda-sg has no egress rule for TCP 443 to sts's public addresses. Add "sts" to interfaceEndpoints, or use pattern "PrivateWithNat".`,
        });
    });

    it("lists every unreachable need at once", () => {
        const problems = unreachable({ pattern: "Isolated", needs: { internet: true, services: ["sts", "s3"], securityGroups: [{ securityGroupId: DB_SG, port: 5432 }] } });
        expect(problems.map((p) => p.field)).to.deep.equal(["needs.internet", "needs.services[0]", "needs.services[1]", "needs.securityGroups[0]"]);
    });
});
