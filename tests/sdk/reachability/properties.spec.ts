import { expect } from "chai";
import fc from "fast-check";
import { HopKind, Reachability, destinationKey } from "../../../sdk/reachability/types";
import { natStack, Stack, T, UNKNOWN, withSecretsEndpoint } from "./stack";

// Properties of the verdicts over random networks: the NAT network of ./stack with a random
// default route, NAT gateway, egress and ingress rules, network ACLs, interface endpoint, gateway
// endpoint and DNS attributes. The model takes ~1 ms per stack, so each property runs 300 stacks.
const RUNS = { numRuns: 300 };

const ALL = { protocol: "-1", fromPort: 0, toPort: 0 };

interface Network {
    defaultRoute: "nat" | "internetGateway" | "none";
    publicRoute: boolean;
    natConnectivity: "public" | "private";
    egress: ("all" | "https" | "db" | "http")[];
    dbIngress: "group" | "cidr" | "otherPort" | "none";
    dataAcl: { ruleNo: number; action: "allow" | "deny"; protocol: string; fromPort: number; toPort: number; cidrBlock: string }[] | undefined;
    endpoint: "none" | "privateDns" | "publicDns";
    dnsHostnames: boolean;
    s3Endpoint: "none" | "private" | "public";
}

const aclRule = fc.record({
    ruleNo: fc.integer({ min: 1, max: 300 }),
    action: fc.constantFrom("allow" as const, "deny" as const),
    protocol: fc.constantFrom("-1", "tcp", "6", "udp"),
    fromPort: fc.constantFrom(0, 443, 1024, 5432, 32768),
    toPort: fc.constantFrom(0, 443, 5432, 65535),
    cidrBlock: fc.constantFrom("0.0.0.0/0", "10.0.0.0/16", "10.0.1.0/24", "10.0.1.128/25", "192.168.0.0/16"),
});

const networks: fc.Arbitrary<Network> = fc.record({
    defaultRoute: fc.constantFrom("nat" as const, "internetGateway" as const, "none" as const),
    publicRoute: fc.boolean(),
    natConnectivity: fc.constantFrom("public" as const, "private" as const),
    egress: fc.uniqueArray(fc.constantFrom("all" as const, "https" as const, "db" as const, "http" as const), { maxLength: 3 }),
    dbIngress: fc.constantFrom("group" as const, "cidr" as const, "otherPort" as const, "none" as const),
    dataAcl: fc.option(fc.array(aclRule, { maxLength: 4 }), { nil: undefined }),
    endpoint: fc.constantFrom("none" as const, "privateDns" as const, "publicDns" as const),
    dnsHostnames: fc.boolean(),
    s3Endpoint: fc.constantFrom("none" as const, "private" as const, "public" as const),
});

function build(n: Network): Stack {
    const stack = natStack().without("fn-sg-out").without("db-from-fn").set("vpc", { enableDnsHostnames: n.dnsHostnames }).set("nat", { connectivityType: n.natConnectivity });
    if (n.defaultRoute === "none") {
        stack.without("private-default");
    } else if (n.defaultRoute === "internetGateway") {
        stack.set("private-default", { natGatewayId: undefined, gatewayId: "igw-id" });
    }
    if (!n.publicRoute) {
        stack.without("public-default");
    }
    const egress = { all: { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }, https: { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" }, db: { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: "db-sg-id" }, http: { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "0.0.0.0/0" } };
    n.egress.forEach((e) => stack.add(T.egressRule, `fn-out-${e}`, { securityGroupId: "fn-sg-id", ...egress[e] }));
    const ingress = { group: { referencedSecurityGroupId: "fn-sg-id", fromPort: 5432, toPort: 5432 }, cidr: { cidrIpv4: "10.0.1.0/24", fromPort: 5432, toPort: 5432 }, otherPort: { referencedSecurityGroupId: "fn-sg-id", fromPort: 3306, toPort: 3306 } };
    if (n.dbIngress !== "none") {
        stack.add(T.ingressRule, "db-in", { securityGroupId: "db-sg-id", ipProtocol: "tcp", ...ingress[n.dbIngress] });
    }
    if (n.dataAcl) {
        stack.add(T.networkAcl, "data-acl", { vpcId: "vpc-id", subnetIds: ["data-id"], ingress: n.dataAcl, egress: n.dataAcl.map((r, i) => ({ ...r, ruleNo: r.ruleNo + i })) });
    }
    if (n.endpoint !== "none") {
        // In a subnet of its own, so that the function's subnet ACL stands between them.
        withSecretsEndpoint(stack.add(T.subnet, "endpoints", { vpcId: "vpc-id", cidrBlock: "10.0.4.0/24" }), n.endpoint === "privateDns", "endpoints");
    }
    if (n.s3Endpoint !== "none") {
        stack
            .add(T.vpcEndpoint, "s3-endpoint", { vpcId: "vpc-id", serviceName: "com.amazonaws.us-east-1.s3", routeTableIds: [`${n.s3Endpoint}-rt-id`] })
            .add(T.rolePolicy, "fn-s3", { role: "fn-role-id", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }) });
    }
    return stack;
}

/** Each cell by its destination's key. */
function byDestination(cells: Reachability[]): Map<string, Reachability> {
    return new Map(cells.map((c) => [destinationKey(c.destination), c]));
}

const HOP_ORDER: HopKind[] = ["subnet", "function", "routeTable", "dns", "route", "natGateway", "internetGateway", "egressOnlyInternetGateway", "vpcEndpoint", "routeTarget", "securityGroupEgress", "securityGroupIngress", "networkAcl"];

describe("properties: verdicts over random networks", () => {
    it("a verdict is reachable only when every hop of its path allows, and blocked exactly at its path's first and last denying hop", () => {
        fc.assert(
            fc.property(networks, (n) => {
                for (const cell of build(n).matrix()) {
                    const statuses = cell.path.map((h) => h.status);
                    if (cell.verdict === "reachable") {
                        expect(statuses.every((s) => s === "allows"), JSON.stringify(cell.path)).to.equal(true);
                    } else if (cell.verdict === "blocked") {
                        expect(cell.blockedAt).to.deep.equal(cell.path.find((h) => h.status === "denies"));
                        expect(cell.path[cell.path.length - 1]).to.deep.equal(cell.blockedAt);
                        expect(cell.fix).to.be.a("string").and.equal(cell.blockedAt!.fix);
                    } else {
                        expect(statuses).to.include("unknown").and.not.include("denies");
                    }
                }
            }),
            RUNS,
        );
    });

    it("a path's hops come in the order traffic meets them", () => {
        fc.assert(
            fc.property(networks, (n) => {
                for (const cell of build(n).matrix()) {
                    const order = cell.path.map((h) => HOP_ORDER.indexOf(h.hop)).filter((i, k, all) => k === 0 || i !== all[k - 1]);
                    expect([...order].sort((a, b) => a - b), cell.path.map((h) => h.hop).join(" > ")).to.deep.equal(order);
                }
            }),
            RUNS,
        );
    });

    it("one hop that denies everything is never reachable past: no egress rule at all", () => {
        fc.assert(
            fc.property(networks, (n) => {
                const stack = build({ ...n, egress: [] });
                for (const cell of stack.matrix()) {
                    expect(cell.verdict, `${destinationKey(cell.destination)}: ${cell.path.map((h) => `${h.hop} ${h.status}`).join(" > ")}`).to.equal("blocked");
                    expect(HOP_ORDER.indexOf(cell.blockedAt!.hop)).to.be.at.most(HOP_ORDER.indexOf("securityGroupEgress"));
                }
            }),
            RUNS,
        );
    });

    it("one hop that denies everything is never reachable past: a network ACL denying all at rule 1 on the function's subnet", () => {
        fc.assert(
            fc.property(networks, (n) => {
                const stack = build(n).add(T.networkAcl, "private-acl", {
                    vpcId: "vpc-id",
                    subnetIds: ["private-id"],
                    ingress: [{ ruleNo: 1, action: "deny", ...ALL, cidrBlock: "0.0.0.0/0" }],
                    egress: [{ ruleNo: 1, action: "deny", ...ALL, cidrBlock: "0.0.0.0/0" }],
                });
                for (const cell of stack.matrix()) {
                    expect(cell.verdict, destinationKey(cell.destination)).to.equal("blocked");
                }
            }),
            RUNS,
        );
    });

    it("one hop that denies is never reachable past: without the function's route table's routes, nothing outside the VPC is reachable", () => {
        fc.assert(
            fc.property(networks, (n) => {
                const stack = build({ ...n, defaultRoute: "none", s3Endpoint: n.s3Endpoint === "private" ? "none" : n.s3Endpoint });
                for (const cell of stack.matrix()) {
                    const viaEndpoint = cell.path.some((h) => h.hop === "vpcEndpoint");
                    if (cell.destination.kind !== "securityGroup" && !viaEndpoint) {
                        expect(cell.verdict, destinationKey(cell.destination)).to.equal("blocked");
                    }
                }
            }),
            RUNS,
        );
    });

    it("making one value unknown never turns a verdict into the opposite one: it stays, or becomes unknown", () => {
        const unknowns: [string, (s: Stack) => void][] = [
            ["the default route's destination", (s) => s.resources.some((r) => r.name === "private-default") && s.set("private-default", { destinationCidrBlock: UNKNOWN })],
            ["the NAT gateway's connectivity", (s) => s.set("nat", { connectivityType: UNKNOWN })],
            ["the VPC's DNS hostnames", (s) => s.set("vpc", { enableDnsHostnames: UNKNOWN })],
            ["the database subnet's block", (s) => s.set("data", { cidrBlock: UNKNOWN })],
            ["every egress rule's ports", (s) => s.resources.filter((r) => r.type === T.egressRule).forEach((r) => s.set(r.name, { fromPort: UNKNOWN, toPort: UNKNOWN }))],
            ["every ingress rule's peer", (s) => s.resources.filter((r) => r.type === T.ingressRule).forEach((r) => s.set(r.name, { referencedSecurityGroupId: UNKNOWN, cidrIpv4: undefined }))],
            ["the data ACL's first rule number", (s) => s.resources.some((r) => r.name === "data-acl") && s.set("data-acl", { ingress: [{ ...(s.get("data-acl").inputs.ingress as object[])[0], ruleNo: UNKNOWN }, ...(s.get("data-acl").inputs.ingress as object[]).slice(1)] })],
            ["the interface endpoint's private DNS", (s) => s.resources.some((r) => r.name === "secrets-endpoint") && s.set("secrets-endpoint", { privateDnsEnabled: UNKNOWN })],
        ];
        fc.assert(
            fc.property(networks, fc.integer({ min: 0, max: unknowns.length - 1 }), (n, which) => {
                const before = byDestination(build(n).matrix());
                const changed = build(n);
                unknowns[which][1](changed);
                for (const [key, cell] of byDestination(changed.matrix())) {
                    const was = before.get(key);
                    if (was) {
                        expect([was.verdict, "unknown"], `${unknowns[which][0]}: ${key} was ${was.verdict}, now ${cell.verdict}`).to.include(cell.verdict);
                    }
                }
            }),
            RUNS,
        );
    });
});
