import { expect } from "chai";
import { NetworkPattern } from "../../../sdk/args";
import type { NetworkPlan, SecurityGroupRulePlan } from "../../../sdk/plan/types";
import { CACHE_SG, DB_SG, planFor, rulesOf } from "../../helpers/plan";

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

describe("plan: security groups and rules, written out in full", () => {
    // A group's description cannot change in place (EC2 replaces the group), and a rule's key is
    // its resource's name: both are pinned here, with every port, protocol and peer.
    const targets = [
        { securityGroupId: DB_SG, port: 5432, description: "PostgreSQL" },
        { securityGroupId: CACHE_SG, port: 5432 },
    ];
    const planOf = (pattern: NetworkPattern) => planFor({ pattern, dualStack: true, interfaceEndpoints: ["sqs"], allowTo: targets }, "shop");

    const GROUPS = [
        { key: "lambda-sg", role: "lambda", description: "Lambda functions of shop: no ingress, egress only as the network pattern needs" },
        { key: "lambda-replacement-sg", role: "replacement", description: "Replaces the Lambda security group of shop on functions being deleted: no rules, no traffic" },
        { key: "endpoint-sg", role: "endpoint", description: "Interface endpoints of shop: HTTPS from its Lambda security group only" },
    ];
    const https = { ipProtocol: "tcp", fromPort: 443, toPort: 443 };
    const egress = { securityGroupKey: "lambda-sg", direction: "egress" };
    const ENDPOINT_INGRESS = {
        key: "endpoint-sg-ingress-lambda-https",
        securityGroupKey: "endpoint-sg",
        direction: "ingress",
        description: "HTTPS from the Lambda security group",
        ...https,
        peer: { kind: "securityGroup", ref: { key: "lambda-sg" } },
    };
    const TO_TARGETS = [
        { key: "lambda-sg-egress-to-5432", ...egress, description: "PostgreSQL", ipProtocol: "tcp", fromPort: 5432, toPort: 5432, peer: { kind: "securityGroup", ref: { id: DB_SG } } },
        { key: "lambda-sg-egress-to-5432-2", ...egress, description: "Lambda to port 5432", ipProtocol: "tcp", fromPort: 5432, toPort: 5432, peer: { kind: "securityGroup", ref: { id: CACHE_SG } } },
    ];

    it("PrivateWithNat: all traffic out over IPv4 and IPv6, HTTPS into the endpoints from the Lambda group, the targets; no separate rule to the endpoints", () => {
        const plan = planOf(NetworkPattern.PrivateWithNat);
        expect(plan.securityGroups).to.deep.equal(GROUPS);
        expect(plan.securityGroupRules).to.deep.equal([
            { key: "lambda-sg-egress-all", ...egress, description: "Lambda to anywhere through the NAT gateway", ipProtocol: "-1", peer: { kind: "cidr", cidrIpv4: "0.0.0.0/0" } },
            {
                key: "lambda-sg-egress-all-ipv6",
                ...egress,
                description: "Lambda to anywhere over IPv6 through the egress-only internet gateway",
                ipProtocol: "-1",
                peer: { kind: "cidrIpv6", cidrIpv6: "::/0" },
            },
            ENDPOINT_INGRESS,
            ...TO_TARGETS,
        ]);
    });

    it("PrivateWithEndpoints: HTTPS out to each gateway endpoint's prefix list and to the endpoint group, and the targets", () => {
        const plan = planOf(NetworkPattern.PrivateWithEndpoints);
        expect(plan.securityGroups).to.deep.equal(GROUPS);
        expect(plan.securityGroupRules).to.deep.equal([
            { key: "lambda-sg-egress-s3-https", ...egress, description: "Lambda to the s3 gateway endpoint over HTTPS", ...https, peer: { kind: "gatewayEndpointPrefixList", endpointKey: "s3-endpoint", service: "s3" } },
            {
                key: "lambda-sg-egress-dynamodb-https",
                ...egress,
                description: "Lambda to the dynamodb gateway endpoint over HTTPS",
                ...https,
                peer: { kind: "gatewayEndpointPrefixList", endpointKey: "dynamodb-endpoint", service: "dynamodb" },
            },
            ENDPOINT_INGRESS,
            { key: "lambda-sg-egress-endpoints-https", ...egress, description: "Lambda to the interface endpoints over HTTPS", ...https, peer: { kind: "securityGroup", ref: { key: "endpoint-sg" } } },
            ...TO_TARGETS,
        ]);
    });

    it("Isolated: the Lambda and replacement groups, and the targets only", () => {
        const plan = planFor({ pattern: NetworkPattern.Isolated, dualStack: true, allowTo: targets }, "shop");
        expect(plan.securityGroups).to.deep.equal(GROUPS.slice(0, 2));
        expect(plan.securityGroupRules).to.deep.equal(TO_TARGETS);
    });

    it("numbers a third and fourth target on one port on from -2", () => {
        const sg = (n: number) => `sg-${String(n).padStart(17, "0")}`;
        const plan = planFor({ pattern: NetworkPattern.Isolated, allowTo: [1, 2, 3, 4].map((n) => ({ securityGroupId: sg(n), port: 22 })) });
        expect(plan.securityGroupRules.map((r) => r.key)).to.deep.equal(["lambda-sg-egress-to-22", "lambda-sg-egress-to-22-2", "lambda-sg-egress-to-22-3", "lambda-sg-egress-to-22-4"]);
    });
});
