import { expect } from "chai";
import { NetworkPattern } from "../../sdk/args";
import type { NetworkPlan, SecurityGroupRulePlan } from "../../sdk/plan/types";
import { CACHE_SG, DB_SG, planFor, rulesOf } from "../helpers/plan";

const allowTo = [
    { securityGroupId: DB_SG, port: 3306, description: "MySQL" },
    { securityGroupId: CACHE_SG, port: 6379 },
];

describe("plan: security group rules", () => {
    it("gives the Lambda security group no ingress rule in any pattern", () => {
        for (const pattern of Object.values(NetworkPattern)) {
            const plan = planFor({ pattern, allowTo, ...(pattern !== NetworkPattern.Isolated ? { interfaceEndpoints: ["sqs"] } : {}) });
            expect(rulesOf(plan, "lambda-sg", "ingress"), pattern).to.deep.equal([]);
        }
    });

    it("gives every rule a description", () => {
        const plan = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs"], allowTo });
        for (const rule of plan.securityGroupRules) {
            expect(rule.description, rule.key).to.be.a("string").and.not.equal("");
        }
    });

    describe("PrivateWithNat", () => {
        let plan: NetworkPlan;
        beforeEach(() => {
            plan = planFor({ pattern: NetworkPattern.PrivateWithNat });
        });

        it("lets the Lambda security group out on every protocol to 0.0.0.0/0 through one rule", () => {
            expect(rulesOf(plan, "lambda-sg", "egress").map((r) => [r.ipProtocol, r.peer])).to.deep.equal([["-1", { kind: "cidr", cidrIpv4: "0.0.0.0/0" }]]);
        });

        it("sets no port on the all-protocol rule", () => {
            const [rule] = rulesOf(plan, "lambda-sg", "egress");
            expect(rule).to.not.have.any.keys("fromPort", "toPort");
        });
    });

    describe("PrivateWithEndpoints", () => {
        let egress: SecurityGroupRulePlan[];
        beforeEach(() => {
            egress = rulesOf(planFor({ pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["secretsmanager"] }), "lambda-sg", "egress");
        });

        it("lets the Lambda security group out on TCP 443 to the endpoint security group", () => {
            const rule = egress.find((r) => r.peer.kind === "securityGroup");
            expect(rule).to.deep.include({ ipProtocol: "tcp", fromPort: 443, toPort: 443, peer: { kind: "securityGroup", ref: { key: "endpoint-sg" } } });
        });

        it("lets the Lambda security group out on TCP 443 to each gateway endpoint's prefix list", () => {
            const toPrefixLists = egress.filter((r) => r.peer.kind === "gatewayEndpointPrefixList");
            expect(toPrefixLists.map((r) => [r.peer, r.ipProtocol, r.fromPort, r.toPort])).to.deep.equal([
                [{ kind: "gatewayEndpointPrefixList", endpointKey: "s3-endpoint", service: "s3" }, "tcp", 443, 443],
                [{ kind: "gatewayEndpointPrefixList", endpointKey: "dynamodb-endpoint", service: "dynamodb" }, "tcp", 443, 443],
            ]);
        });

        it("never lets the Lambda security group out to an address range", () => {
            expect(egress.filter((r) => r.peer.kind === "cidr")).to.deep.equal([]);
        });

        it("has no prefix-list rule for a gateway endpoint that was not asked for", () => {
            const s3Only = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, gatewayEndpoints: ["s3"] });
            const services = rulesOf(s3Only, "lambda-sg", "egress").flatMap((r) => (r.peer.kind === "gatewayEndpointPrefixList" ? [r.peer.service] : []));
            expect(services).to.deep.equal(["s3"]);
        });
    });

    describe("Isolated", () => {
        it("lets the Lambda security group out only to the allowTo targets", () => {
            const plan = planFor({ pattern: NetworkPattern.Isolated, allowTo });
            expect(rulesOf(plan, "lambda-sg", "egress").map((r) => r.peer)).to.deep.equal([
                { kind: "securityGroup", ref: { id: DB_SG } },
                { kind: "securityGroup", ref: { id: CACHE_SG } },
            ]);
        });

        it("has no rule at all without allowTo targets", () => {
            expect(planFor({ pattern: NetworkPattern.Isolated }).securityGroupRules).to.deep.equal([]);
        });
    });

    describe("the endpoint security group", () => {
        for (const pattern of [NetworkPattern.PrivateWithNat, NetworkPattern.PrivateWithEndpoints]) {
            it(`admits only TCP 443 from the Lambda security group (${pattern})`, () => {
                const plan = planFor({ pattern, interfaceEndpoints: ["sqs"] });
                expect(rulesOf(plan, "endpoint-sg", "ingress").map((r) => [r.ipProtocol, r.fromPort, r.toPort, r.peer])).to.deep.equal([
                    ["tcp", 443, 443, { kind: "securityGroup", ref: { key: "lambda-sg" } }],
                ]);
            });
        }

        it("has no egress rule", () => {
            const plan = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs"] });
            expect(rulesOf(plan, "endpoint-sg", "egress")).to.deep.equal([]);
        });
    });

    describe("allowTo", () => {
        let plan: NetworkPlan;
        beforeEach(() => {
            plan = planFor({ pattern: NetworkPattern.PrivateWithNat, allowTo });
        });
        const toTarget = (id: string) => rulesOf(plan, "lambda-sg", "egress").find((r) => r.peer.kind === "securityGroup" && "id" in r.peer.ref && r.peer.ref.id === id);

        it("adds a TCP egress rule on the target's port to the target's security group, with its description", () => {
            expect(toTarget(DB_SG)).to.deep.include({ ipProtocol: "tcp", fromPort: 3306, toPort: 3306, description: "MySQL" });
        });

        it("describes a rule whose target gave no description by its port", () => {
            expect(toTarget(CACHE_SG)?.description).to.equal("Lambda to port 6379");
        });

        it("names rules by port, so removing one target leaves the other rules' names", () => {
            const withoutDb = planFor({ pattern: NetworkPattern.PrivateWithNat, allowTo: [allowTo[1]] });
            const cacheRuleKey = (p: NetworkPlan) => p.securityGroupRules.find((r) => r.fromPort === 6379)?.key;
            expect(cacheRuleKey(withoutDb)).to.equal(cacheRuleKey(plan)).and.equal("lambda-sg-egress-to-6379");
        });

        it("gives two targets on the same port distinct rule names", () => {
            const twoOn5432 = planFor({
                pattern: NetworkPattern.Isolated,
                allowTo: [
                    { securityGroupId: DB_SG, port: 5432 },
                    { securityGroupId: CACHE_SG, port: 5432 },
                ],
            });
            expect(twoOn5432.securityGroupRules.map((r) => r.key)).to.deep.equal(["lambda-sg-egress-to-5432", "lambda-sg-egress-to-5432-2"]);
        });
    });
});
