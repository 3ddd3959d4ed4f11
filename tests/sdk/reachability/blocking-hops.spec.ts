import { expect } from "chai";
import type { Hop } from "../../../sdk/reachability/types";
import { aclRule, DB, dualStackNatStack, INTERNET_4, INTERNET_6, natStack, service, T, withAcl, withSecretsEndpoint } from "./stack";

// One hand-built stack per hop that can stop a function's traffic: the NAT network of ./stack
// with that one hop broken. Each spec asserts the verdict, the exact hop that blocks, and the fix.

/** The blocking hop without its sentence, and the fix: what each spec pins exactly. */
function blocking(cell: { verdict: string; blockedAt?: Hop; fix?: string }) {
    return { verdict: cell.verdict, hop: cell.blockedAt?.hop, resource: cell.blockedAt?.resource, fix: cell.fix };
}

describe("reachability: the first hop that blocks, one stack per hop", () => {
    it("the base stack reaches the internet, its role's service and its database", () => {
        const stack = natStack();
        expect([INTERNET_4, service("secretsmanager"), DB].map((d) => stack.cell(d).verdict)).to.deep.equal(["reachable", "reachable", "reachable"]);
    });

    it("no default route: blocked at the route table's route, fixed with a route to a NAT gateway", () => {
        const cell = natStack().without("private-default").cell(INTERNET_4);
        expect(blocking(cell)).to.deep.equal({
            verdict: "blocked",
            hop: "route",
            resource: "private-rt",
            fix: "Add a 0.0.0.0/0 route from private-rt to a NAT gateway in a public subnet.",
        });
        expect(cell.blockedAt!.says).to.equal("private-rt has no 0.0.0.0/0 route: the traffic has nowhere to go.");
        expect(cell.path.map((h) => h.hop)).to.deep.equal(["subnet", "routeTable", "route"]);
    });

    it("no default route: an AWS service without an endpoint is blocked there too, fixed with an interface endpoint or a NAT route", () => {
        const cell = natStack().without("private-default").cell(service("secretsmanager"));
        expect(blocking(cell)).to.deep.equal({
            verdict: "blocked",
            hop: "route",
            resource: "private-rt",
            fix: "Add an interface endpoint for secretsmanager with private DNS to the VPC, or a 0.0.0.0/0 route from private-rt to a NAT gateway.",
        });
    });

    it("a subnet with no association uses its VPC's main route table, which has the local route only", () => {
        const cell = natStack().without("private-assoc").cell(INTERNET_4);
        expect(blocking(cell)).to.deep.equal({ verdict: "blocked", hop: "route", resource: "the main route table of VPC vpc", fix: "Add a 0.0.0.0/0 route from the main route table of VPC vpc to a NAT gateway in a public subnet." });
        expect(cell.path[1]).to.include({ hop: "routeTable", status: "allows", resource: "the main route table of VPC vpc" });
    });

    it("a NAT gateway in a subnet without an internet gateway route: blocked at the NAT gateway", () => {
        const cell = natStack().without("public-default").cell(INTERNET_4);
        expect(blocking(cell)).to.deep.equal({
            verdict: "blocked",
            hop: "natGateway",
            resource: "nat",
            fix: "Route 0.0.0.0/0 from public-rt to an internet gateway, or place nat in a public subnet.",
        });
        expect(cell.blockedAt!.says).to.equal("NAT gateway nat sits in subnet public, whose route table public-rt has no 0.0.0.0/0 route to an internet gateway: it cannot reach the internet.");
    });

    it("a private NAT gateway never reaches the internet", () => {
        const cell = natStack().set("nat", { connectivityType: "private" }).cell(INTERNET_4);
        expect(blocking(cell)).to.deep.equal({
            verdict: "blocked",
            hop: "natGateway",
            resource: "nat",
            fix: "Route 0.0.0.0/0 to a public NAT gateway (with an Elastic IP, in a subnet routed to an internet gateway) instead of nat.",
        });
    });

    it("a Lambda subnet routed straight to an internet gateway: blocked there, as Lambda gets no public IPv4 address", () => {
        const cell = natStack().set("private-default", { natGatewayId: undefined, gatewayId: "igw-id" }).cell(INTERNET_4);
        expect(blocking(cell)).to.deep.equal({
            verdict: "blocked",
            hop: "internetGateway",
            resource: "igw",
            fix: "Run the function in private subnets whose 0.0.0.0/0 route goes to a NAT gateway in a public subnet.",
        });
    });

    it("no egress rule: blocked at the function's security group egress", () => {
        const cell = natStack().without("fn-sg-out").cell(INTERNET_4);
        expect(blocking(cell)).to.deep.equal({ verdict: "blocked", hop: "securityGroupEgress", resource: "fn-sg", fix: "Add an egress rule for TCP 443 to 0.0.0.0/0 to security group fn-sg." });
        expect(cell.blockedAt!.says).to.equal("security group fn-sg has no egress rule for TCP 443 to 0.0.0.0/0.");
    });

    it("an egress rule on another port does not open 443", () => {
        const cell = natStack().set("fn-sg-out", { ipProtocol: "tcp", fromPort: 80, toPort: 80 }).cell(INTERNET_4);
        expect(cell.blockedAt?.hop).to.equal("securityGroupEgress");
    });

    it("egress to the database's group alone opens the database, not the internet", () => {
        const stack = natStack().set("fn-sg-out", { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: undefined, referencedSecurityGroupId: "db-sg-id" });
        expect(stack.cell(DB).verdict).to.equal("reachable");
        expect(blocking(stack.cell(INTERNET_4))).to.deep.include({ verdict: "blocked", hop: "securityGroupEgress" });
    });

    it("the target's group not admitting the function: blocked at its ingress, fixed by admitting the function's group", () => {
        // The function's group sends to the database's group on 5432 (an allowTo target), which admits 3306 only.
        const cell = natStack()
            .add(T.egressRule, "fn-to-db", { securityGroupId: "fn-sg-id", referencedSecurityGroupId: "db-sg-id", ipProtocol: "tcp", fromPort: 5432, toPort: 5432 })
            .set("db-from-fn", { fromPort: 3306, toPort: 3306 })
            .cell(DB);
        expect(blocking(cell)).to.deep.equal({
            verdict: "blocked",
            hop: "securityGroupIngress",
            resource: "db-sg",
            fix: "Add an ingress rule to security group db-sg for TCP 5432 from security group fn-sg (referencedSecurityGroupId).",
        });
    });

    it("a network ACL denying the request into the target's subnet: blocked at that ACL's rule", () => {
        const cell = withAcl(natStack(), "data", [aclRule(100, "deny", "10.0.1.0/24", [5432, 5432]), aclRule(200, "allow", "0.0.0.0/0")], [aclRule(100, "allow", "0.0.0.0/0")]).cell(DB);
        expect(blocking(cell)).to.deep.equal({
            verdict: "blocked",
            hop: "networkAcl",
            resource: "data-acl",
            fix: "Add an inbound rule to network ACL data-acl allowing TCP 5432 from 10.0.1.0/24, numbered below 100.",
        });
        expect(cell.blockedAt!.says).to.equal("network ACL data-acl of subnet data stops the request (TCP 5432 from 10.0.1.0/24) going into the subnet at rule 100.");
    });

    it("a network ACL that lets the request in but not the reply out to the ephemeral ports: blocked on the return path", () => {
        // Linux's own ephemeral range out, narrower than Lambda's 1024-65535.
        const cell = withAcl(natStack(), "data", [aclRule(100, "allow", "10.0.0.0/16", [5432, 5432])], [aclRule(100, "allow", "10.0.0.0/16", [32768, 65535])]).cell(DB);
        expect(blocking(cell)).to.deep.equal({
            verdict: "blocked",
            hop: "networkAcl",
            resource: "data-acl",
            fix: "Add an outbound rule to network ACL data-acl allowing TCP 1024-65535 to 10.0.1.0/24.",
        });
        expect(cell.blockedAt!.says).to.equal("network ACL data-acl of subnet data stops the reply (TCP 1024-65535 to 10.0.1.0/24) going out of the subnet: no rule allows it.");
    });

    it("a network ACL on the function's own subnet that drops the internet's replies: blocked on the return path", () => {
        const cell = withAcl(natStack(), "private", [aclRule(100, "allow", "10.0.0.0/16")], [aclRule(100, "allow", "0.0.0.0/0")]).cell(INTERNET_4);
        expect(blocking(cell)).to.deep.equal({ verdict: "blocked", hop: "networkAcl", resource: "private-acl", fix: "Add an inbound rule to network ACL private-acl allowing TCP 1024-65535 from 0.0.0.0/0." });
    });

    it("rules are read in rule number order: an allow numbered before a deny lets the traffic through", () => {
        const acl = (allowFirst: boolean) => withAcl(natStack(), "data", [aclRule(allowFirst ? 200 : 100, "deny", "0.0.0.0/0"), aclRule(allowFirst ? 100 : 200, "allow", "0.0.0.0/0")], [aclRule(100, "allow", "0.0.0.0/0")]).cell(DB);
        expect([acl(true).verdict, acl(false).verdict]).to.deep.equal(["reachable", "blocked"]);
    });

    it("a separate NetworkAclRule counts like an inline rule, by its own number and direction", () => {
        const cell = natStack()
            .add(T.networkAcl, "data-acl", { vpcId: "vpc-id", subnetIds: ["data-id"] })
            .add(T.networkAclRule, "data-in", { networkAclId: "data-acl-id", ruleNumber: 100, egress: false, protocol: "tcp", ruleAction: "allow", cidrBlock: "10.0.0.0/16", fromPort: 5432, toPort: 5432 })
            .add(T.networkAclRule, "data-out", { networkAclId: "data-acl-id", ruleNumber: 100, egress: true, protocol: "6", ruleAction: "allow", cidrBlock: "10.0.0.0/16", fromPort: 1024, toPort: 65535 })
            .cell(DB);
        expect(cell.verdict).to.equal("reachable");
    });

    it("an interface endpoint without private DNS, and no route out: blocked at the name's resolution, fixed on the endpoint", () => {
        const cell = endpointStack(false).without("private-default").cell(service("secretsmanager"));
        expect(blocking(cell)).to.deep.equal({ verdict: "blocked", hop: "dns", resource: "secrets-endpoint", fix: "Set privateDnsEnabled: true on interface endpoint secrets-endpoint." });
        expect(cell.blockedAt!.says).to.equal("interface endpoint secrets-endpoint has private DNS off, so secretsmanager's usual name does not resolve to it, and the public way is closed.");
    });

    it("an interface endpoint without private DNS still leaves the public way through the NAT gateway", () => {
        const cell = endpointStack(false).cell(service("secretsmanager"));
        expect(cell.verdict).to.equal("reachable");
        expect(cell.path.map((h) => h.hop)).to.deep.equal(["subnet", "routeTable", "dns", "route", "natGateway", "securityGroupEgress", "networkAcl"]);
    });

    it("an interface endpoint with private DNS is reached through its own group, not the NAT gateway", () => {
        const cell = endpointStack(true).without("private-default").cell(service("secretsmanager"));
        expect(cell.verdict).to.equal("reachable");
        expect(cell.path.map((h) => `${h.hop} ${h.resource ?? ""}`.trim())).to.deep.equal([
            "subnet private",
            "routeTable private-rt",
            "dns secrets-endpoint",
            "route",
            "vpcEndpoint secrets-endpoint",
            "securityGroupEgress fn-sg",
            "securityGroupIngress endpoint-sg",
            // The endpoint sits in the function's own subnet: no network ACL between them.
            "networkAcl",
        ]);
    });

    it("an endpoint group that does not admit the function: blocked at its ingress", () => {
        const cell = endpointStack(true).without("endpoint-from-fn").cell(service("secretsmanager"));
        expect(blocking(cell)).to.deep.include({ verdict: "blocked", hop: "securityGroupIngress", resource: "endpoint-sg" });
    });

    it("DNS hostnames off: the endpoint's private DNS does not serve the name, fixed on the VPC", () => {
        const cell = endpointStack(true).without("private-default").set("vpc", { enableDnsHostnames: false }).cell(service("secretsmanager"));
        expect(blocking(cell)).to.deep.equal({ verdict: "blocked", hop: "dns", resource: "secrets-endpoint", fix: "Set enableDnsHostnames: true on VPC vpc." });
    });

    it("DNS hostnames are off by default on an aws.ec2.Vpc", () => {
        const cell = endpointStack(true).without("private-default").set("vpc", { enableDnsHostnames: undefined }).cell(service("secretsmanager"));
        expect(cell.fix).to.equal("Set enableDnsHostnames: true on VPC vpc.");
    });

    it("DNS support off: no name resolves at all, even with a NAT gateway", () => {
        const cell = natStack().set("vpc", { enableDnsSupport: false }).cell(service("secretsmanager"));
        expect(blocking(cell)).to.deep.equal({ verdict: "blocked", hop: "dns", resource: "vpc", fix: "Set enableDnsSupport: true on VPC vpc." });
    });

    it("::/0 only: the IPv6 internet is reachable, the IPv4 internet and AWS services are blocked at the route", () => {
        const stack = dualStackNatStack().without("private-default");
        expect(stack.cell(INTERNET_6).verdict).to.equal("reachable");
        expect(blocking(stack.cell(INTERNET_4))).to.deep.include({ verdict: "blocked", hop: "route", resource: "private-rt" });
        expect(blocking(stack.cell(service("secretsmanager")))).to.deep.include({ verdict: "blocked", hop: "route", resource: "private-rt" });
    });

    it("IPv6: a function that does not opt in is blocked at the function", () => {
        const cell = dualStackNatStack().set("fn", { vpcConfig: { subnetIds: ["private-id"], securityGroupIds: ["fn-sg-id"] } }).cell(INTERNET_6);
        expect(blocking(cell)).to.deep.equal({
            verdict: "blocked",
            hop: "function",
            resource: "fn",
            fix: "Set vpcConfig.ipv6AllowedForDualStack: true on function fn (its subnets must be dual-stack).",
        });
    });

    it("IPv6: a subnet without an IPv6 block is blocked at the subnet, before the function", () => {
        expect(blocking(natStack().cell(INTERNET_6))).to.deep.include({ verdict: "blocked", hop: "subnet", resource: "private" });
    });

    it("IPv6: 0.0.0.0/0 in the group does not open ::/0", () => {
        expect(blocking(dualStackNatStack().without("fn-sg-out-v6").cell(INTERNET_6))).to.deep.equal({
            verdict: "blocked",
            hop: "securityGroupEgress",
            resource: "fn-sg",
            fix: "Add an egress rule for TCP 443 to ::/0 to security group fn-sg.",
        });
    });

    it("IPv6: ::/0 to a NAT gateway does not reach the IPv6 internet", () => {
        const cell = dualStackNatStack().set("private-default-v6", { egressOnlyGatewayId: undefined, natGatewayId: "nat-id" }).cell(INTERNET_6);
        expect(blocking(cell)).to.deep.equal({ verdict: "blocked", hop: "natGateway", resource: "nat", fix: "Route ::/0 to an egress-only internet gateway instead." });
    });

    it("a gateway endpoint missing from the function's route table: blocked at the route, fixed by attaching it", () => {
        const stack = natStack()
            .without("private-default")
            .add(T.vpcEndpoint, "s3-endpoint", { vpcId: "vpc-id", serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway", routeTableIds: ["public-rt-id"] })
            .add(T.rolePolicy, "fn-s3", { role: "fn-role-id", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }) });
        const cell = stack.cell(service("s3"));
        expect(blocking(cell)).to.deep.equal({ verdict: "blocked", hop: "route", resource: "private-rt", fix: "Add private-rt to the routeTableIds of gateway endpoint s3-endpoint." });
    });

    it("a gateway endpoint on the route table takes its service's traffic even with no default route", () => {
        const stack = natStack()
            .without("private-default")
            .add(T.vpcEndpoint, "s3-endpoint", { vpcId: "vpc-id", serviceName: "com.amazonaws.us-east-1.s3", routeTableIds: ["private-rt-id"] })
            .add(T.rolePolicy, "fn-s3", { role: "fn-role-id", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }) });
        const cell = stack.cell(service("s3"));
        expect(cell.verdict).to.equal("reachable");
        expect(cell.path.find((h) => h.hop === "vpcEndpoint")).to.include({ status: "allows", resource: "s3-endpoint" });
    });

    it("a gateway endpoint wins over the default route by longest prefix: S3 goes through it, not the NAT gateway", () => {
        const stack = natStack()
            .add(T.vpcEndpoint, "s3-endpoint", { vpcId: "vpc-id", serviceName: "com.amazonaws.us-east-1.s3", routeTableIds: ["private-rt-id"] })
            .add(T.rolePolicy, "fn-s3", { role: "fn-role-id", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }) });
        expect(stack.cell(service("s3")).path.map((h) => h.hop)).to.not.include("natGateway");
    });

    it("egress only to the S3 gateway endpoint's prefix list opens S3, and not the internet", () => {
        const stack = natStack()
            .without("private-default")
            .add(T.vpcEndpoint, "s3-endpoint", { vpcId: "vpc-id", serviceName: "com.amazonaws.us-east-1.s3", routeTableIds: ["private-rt-id"] }, { outputs: { prefixListId: "pl-63a5400a" } })
            .set("fn-sg-out", { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: undefined, prefixListId: "pl-63a5400a" })
            .add(T.rolePolicy, "fn-s3", { role: "fn-role-id", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }) });
        expect(stack.cell(service("s3")).verdict).to.equal("reachable");
        expect(stack.cell(service("secretsmanager")).blockedAt?.hop).to.equal("route");
    });

    it("longest prefix: a route to the target's VPC wins over the default route; without it, the NAT gateway cannot take private addresses on", () => {
        // The database in another VPC (10.1.0.0/16), reached through a peering connection route.
        const stack = natStack()
            .add(T.vpc, "other-vpc", { cidrBlock: "10.1.0.0/16" })
            .add(T.subnet, "other-data", { vpcId: "other-vpc-id", cidrBlock: "10.1.2.0/24" })
            .set("db-sg", { vpcId: "other-vpc-id" })
            .set("db-subnets", { subnetIds: ["other-data-id"] })
            .add(T.route, "private-to-other", { routeTableId: "private-rt-id", destinationCidrBlock: "10.1.0.0/16", vpcPeeringConnectionId: "pcx-0123" });
        const cell = stack.cell(DB);
        expect(cell.path.find((h) => h.hop === "route")).to.deep.equal({ hop: "route", status: "allows", resource: "private-rt", says: "10.1.0.0/16 -> vpcPeeringConnection pcx-0123." });
        expect(cell.path.find((h) => h.hop === "routeTarget")).to.include({ status: "unknown", resource: "pcx-0123" });
        expect(blocking(stack.without("private-to-other").cell(DB))).to.deep.equal({
            verdict: "blocked",
            hop: "natGateway",
            resource: "nat",
            fix: "Route 10.1.2.0/24 to the peering connection or transit gateway that reaches it.",
        });
    });

    it("one blocked subnet blocks the function, with the path from that subnet", () => {
        const stack = natStack()
            .add(T.subnet, "private-b", { vpcId: "vpc-id", cidrBlock: "10.0.3.0/24", availabilityZone: "us-east-1b" })
            .add(T.routeTable, "private-b-rt", { vpcId: "vpc-id" })
            .add(T.routeTableAssociation, "private-b-assoc", { subnetId: "private-b-id", routeTableId: "private-b-rt-id" })
            .set("fn", { vpcConfig: { subnetIds: ["private-id", "private-b-id"], securityGroupIds: ["fn-sg-id"] } });
        const cell = stack.cell(INTERNET_4);
        expect(blocking(cell)).to.deep.include({ verdict: "blocked", hop: "route", resource: "private-b-rt" });
        expect(cell.path[0].resource).to.equal("private-b");
    });
});

/** The NAT stack with a secretsmanager interface endpoint in the function's own subnet. */
function endpointStack(privateDns: boolean) {
    return withSecretsEndpoint(natStack(), privateDns);
}
