import { expect } from "chai";
import type { Destination } from "../../../../sdk/reachability/types";
import { aclRule, DB, dualStackNatStack, INTERNET_4, INTERNET_6, natStack, service, Stack, T, withAcl, withSecretsEndpoint } from "../stack";
import { DeployedNetwork } from "./deployed-network";
import { oracleVerdict, OracleVerdict } from "./oracle-verdict";

// The oracle on its own, on hand-built stacks (the NAT network of ../stack.ts, where everything
// is reachable, and one change at a time): each AWS rule the packet walker relies on, once.

function judge(stack: Stack, destination: Destination, fn = "fn"): OracleVerdict {
    return oracleVerdict(new DeployedNetwork(stack.resources), fn, destination);
}

describe("oracle: the packet walker on hand-built networks", () => {
    it("reaches the internet, a service's public address and the database of the NAT network", () => {
        const stack = natStack();
        expect([INTERNET_4, service("secretsmanager"), DB].map((d) => judge(stack, d).verdict)).to.deep.equal(["reachable", "reachable", "reachable"]);
    });

    it("stops the internet at a NAT gateway whose subnet has no route to an internet gateway", () => {
        expect(judge(natStack().without("public-default"), INTERNET_4)).to.deep.equal({ verdict: "blocked", why: "NAT gateway nat's subnet routes 198.51.100.7 to no internet gateway" });
    });

    it("stops the internet at a private NAT gateway", () => {
        expect(judge(natStack().set("nat", { connectivityType: "private" }), INTERNET_4).why).to.equal("NAT gateway nat is private: it cannot reach the internet");
    });

    it("sends no IPv4 straight to an internet gateway from a Lambda function, which has no public address", () => {
        const verdict = judge(natStack().set("private-default", { natGatewayId: undefined, gatewayId: "igw-id" }), INTERNET_4);
        expect(verdict.verdict).to.equal("blocked");
        expect(verdict.why).to.contain("no public IPv4 address");
    });

    it("sends IPv6 to the internet through an egress-only internet gateway, and not from a function that does not opt in", () => {
        const stack = dualStackNatStack();
        expect(judge(stack, INTERNET_6).verdict).to.equal("reachable");
        stack.set("fn", { vpcConfig: { subnetIds: ["private-id"], securityGroupIds: ["fn-sg-id"] } });
        expect(judge(stack, INTERNET_6).why).to.equal("function fn does not opt in to IPv6 (ipv6AllowedForDualStack)");
    });

    it("lets the local route win over a less specific route: 10.0.0.0/8 to the NAT gateway does not take the database's traffic", () => {
        const stack = natStack().add(T.route, "corporate", { routeTableId: "private-rt-id", destinationCidrBlock: "10.0.0.0/8", natGatewayId: "nat-id" });
        expect(judge(stack, DB).verdict).to.equal("reachable");
    });

    it("prefers a CIDR route to a prefix-list route of the same length", () => {
        const stack = natStack()
            .add(T.managedPrefixList, "everything", { addressFamily: "IPv4", maxEntries: 1, entries: [{ cidr: "0.0.0.0/0" }] }, { id: "pl-0e0e" })
            .add(T.route, "everything-route", { routeTableId: "private-rt-id", destinationPrefixListId: "pl-0e0e", gatewayId: "igw-id" });
        expect(judge(stack, INTERNET_4).verdict).to.equal("reachable");
        stack.without("private-default");
        expect(judge(stack, INTERNET_4).why).to.contain("straight to an internet gateway");
    });

    it("sends a gateway endpoint's service through it, by its prefix list, even with no default route", () => {
        const stack = natStack()
            .without("private-default")
            .add(T.vpcEndpoint, "s3-endpoint", { vpcId: "vpc-id", serviceName: "com.amazonaws.us-east-1.s3", routeTableIds: ["private-rt-id"] });
        expect([judge(stack, service("s3")).verdict, judge(stack, INTERNET_4).verdict]).to.deep.equal(["reachable", "blocked"]);
    });

    it("reads network ACL rules lowest number first", () => {
        const denyFirst = withAcl(natStack(), "data", [aclRule(50, "deny", "0.0.0.0/0", [5432, 5432]), aclRule(100, "allow", "0.0.0.0/0")], [aclRule(100, "allow", "0.0.0.0/0")]);
        const allowFirst = withAcl(natStack(), "data", [aclRule(50, "allow", "0.0.0.0/0", [5432, 5432]), aclRule(100, "deny", "0.0.0.0/0")], [aclRule(100, "allow", "0.0.0.0/0")]);
        expect(judge(denyFirst, DB).why).to.equal("network ACL data-acl stops the request (TCP 5432) entering subnet data at rule 50");
        expect(judge(allowFirst, DB).verdict).to.equal("reachable");
    });

    it("needs the replies let through on every ephemeral port of 1024-65535, not only Linux's 32768 and up", () => {
        const stack = withAcl(natStack(), "data", [aclRule(100, "allow", "0.0.0.0/0")], [aclRule(100, "allow", "0.0.0.0/0", [32768, 65535])]);
        expect(judge(stack, DB).why).to.equal("network ACL data-acl stops the reply (TCP 1024) leaving subnet data at rule *");
    });

    it("judges the NAT gateway's subnet's ACL both ways too", () => {
        const stack = withAcl(natStack(), "public", [aclRule(100, "allow", "0.0.0.0/0")], [aclRule(100, "allow", "0.0.0.0/0", [443, 443])]);
        expect(judge(stack, INTERNET_4).why).to.equal("network ACL public-acl stops the reply (TCP 1024) leaving subnet public at rule *");
    });

    it("lets traffic within one subnet past the subnet's ACL", () => {
        const stack = withAcl(natStack().set("db-subnets", { subnetIds: ["private-id"] }), "private", [aclRule(1, "deny", "0.0.0.0/0")], [aclRule(1, "deny", "0.0.0.0/0")]);
        expect([judge(stack, DB).verdict, judge(stack, INTERNET_4).verdict]).to.deep.equal(["reachable", "blocked"]);
    });

    it("lets the replies through security groups, which are stateful: the database's group has no egress rule at all", () => {
        expect(natStack().resources.filter((r) => r.type === T.egressRule).map((r) => r.inputs.securityGroupId)).to.deep.equal(["fn-sg-id"]);
        expect(judge(natStack(), DB).verdict).to.equal("reachable");
    });

    it("resolves a service to its interface endpoint only with private DNS and both DNS attributes on", () => {
        const blockedEndpoint = (privateDns: boolean, hostnames: boolean) =>
            judge(withSecretsEndpoint(natStack(), privateDns, "data").set("vpc", { enableDnsHostnames: hostnames }).add(T.ingressRule, "no", { securityGroupId: "endpoint-sg-id", ipProtocol: "icmp", fromPort: -1, toPort: -1, cidrIpv4: "0.0.0.0/0" }).without("endpoint-from-fn"), service("secretsmanager"));
        expect(blockedEndpoint(true, true).why).to.equal("the destination's security groups let no TCP 443 in from 10.0.1.4");
        expect(blockedEndpoint(true, false).verdict).to.equal("reachable");
        expect(blockedEndpoint(false, true).verdict).to.equal("reachable");
    });

    it("resolves no name with DNS support off, while the internet by address stays reachable", () => {
        const stack = natStack().set("vpc", { enableDnsSupport: false });
        expect([judge(stack, service("secretsmanager")).verdict, judge(stack, INTERNET_4).verdict]).to.deep.equal(["blocked", "reachable"]);
    });

    it("cannot tell when a rule covers only part of the function's subnet: the verdict hangs on the address AWS gives", () => {
        const stack = natStack().set("db-from-fn", { referencedSecurityGroupId: undefined, cidrIpv4: "10.0.1.0/25" });
        expect(judge(stack, DB).verdict).to.equal("unknown");
    });

    it("keeps to the model's hop-by-hop contract: every address stopped, but at different hops, is unknown", () => {
        const halves = withAcl(natStack(), "data", [aclRule(50, "deny", "10.0.1.0/25"), aclRule(100, "allow", "0.0.0.0/0")], [aclRule(50, "deny", "10.0.1.128/25"), aclRule(100, "allow", "0.0.0.0/0")]);
        const oneHop = withAcl(natStack(), "data", [aclRule(50, "deny", "10.0.1.0/25"), aclRule(60, "deny", "10.0.1.128/25"), aclRule(100, "allow", "0.0.0.0/0")], [aclRule(100, "allow", "0.0.0.0/0")]);
        expect(judge(halves, DB).verdict).to.equal("unknown");
        expect(judge(oneHop, DB).verdict).to.equal("blocked");
    });

    it("needs every subnet a database may be placed in reachable", () => {
        const stack = natStack().add(T.subnet, "data2", { vpcId: "vpc-id", cidrBlock: "10.0.3.0/24" }).set("db-subnets", { subnetIds: ["data-id", "data2-id"] });
        withAcl(stack, "data2", [aclRule(100, "deny", "0.0.0.0/0")], [aclRule(100, "allow", "0.0.0.0/0")]);
        expect(judge(stack, DB).why).to.equal("network ACL data2-acl stops the request (TCP 5432) entering subnet data2 at rule 100");
    });
});
