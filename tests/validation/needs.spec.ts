import { expect } from "chai";
import { planNetwork } from "../../sdk/plan/plan-network";
import { unreachableNeedProblems } from "../../sdk/validation/needs";
import { CACHE_SG, DB_SG, expectProblem, validateLoose } from "../helpers/plan";

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
