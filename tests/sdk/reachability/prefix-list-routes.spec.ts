import { expect } from "chai";
import { INTERNET_4, natStack, service, Stack, T } from "./stack";

// A route whose destination is a customer-managed prefix list takes the addresses of its
// entries; AWS picks the longest prefix, and a CIDR route before a prefix-list route of the same
// length (VPC user guide, "How route priority works"). Found by the oracle (tests/reachability/oracle).

/** The NAT network with a prefix list holding `entries`, routed from the function's table to `target`. */
function withPrefixListRoute(entries: string[], target: Record<string, string>): Stack {
    return natStack()
        .add(T.managedPrefixList, "egress-list", { addressFamily: "IPv4", maxEntries: 5, entries: entries.map((cidr) => ({ cidr })) }, { id: "pl-0e0e0e" })
        .add(T.route, "private-list", { routeTableId: "private-rt-id", destinationPrefixListId: "pl-0e0e0e", ...target });
}

describe("reachability: routes to a prefix list", () => {
    it("a prefix list holding 0.0.0.0/0 takes the internet's traffic when the table has no 0.0.0.0/0 route", () => {
        const cell = withPrefixListRoute(["0.0.0.0/0"], { natGatewayId: "nat-id" }).without("private-default").cell(INTERNET_4);
        expect(cell.verdict).to.equal("reachable");
        expect(cell.path.map((h) => h.hop)).to.include("natGateway");
    });

    it("it takes an AWS service's public addresses too", () => {
        expect(withPrefixListRoute(["192.168.0.0/16", "0.0.0.0/0"], { natGatewayId: "nat-id" }).without("private-default").cell(service("secretsmanager")).verdict).to.equal("reachable");
    });

    it("a 0.0.0.0/0 route wins over a prefix list holding 0.0.0.0/0: the internet gateway it names is not used", () => {
        const cell = withPrefixListRoute(["0.0.0.0/0"], { gatewayId: "igw-id" }).cell(INTERNET_4);
        expect(cell.verdict).to.equal("reachable");
        expect(cell.path.find((h) => h.hop === "route")!.says).to.equal("0.0.0.0/0 -> NAT gateway nat.");
    });

    it("a prefix list of private ranges only leaves the internet without a route", () => {
        expect(withPrefixListRoute(["192.168.0.0/16"], { natGatewayId: "nat-id" }).without("private-default").cell(INTERNET_4).verdict).to.equal("blocked");
    });
});
