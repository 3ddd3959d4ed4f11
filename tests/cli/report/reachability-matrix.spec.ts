import { expect } from "chai";
import { reachabilityTable } from "../../../cli/report/reachability-matrix";
import { renderReachabilityText } from "../../../cli/report/text-sections";
import type { Destination, Hop, Reachability } from "../../../sdk/reachability/types";

const route: Hop = { hop: "route", status: "denies", resource: "rt", says: "rt has no 0.0.0.0/0 route: the traffic has nowhere to go.", fix: "Add a 0.0.0.0/0 route from rt to a NAT gateway in a public subnet." };

function cell(fn: string, destination: Destination, verdict: Reachability["verdict"]): Reachability {
    return {
        function: fn,
        urn: `urn:pulumi:s::p::aws:lambda/function:Function::${fn}`,
        destination,
        verdict,
        path: verdict === "blocked" ? [route] : [],
        ...(verdict === "blocked" ? { blockedAt: route, fix: route.fix } : {}),
        reasons: ["always"],
    };
}

const internet: Destination = { kind: "internet", ipVersion: 4 };
const sqs: Destination = { kind: "service", service: "sqs" };
const db: Destination = { kind: "securityGroup", securityGroupId: "sg-0123", port: 5432, name: "db-sg" };

describe("report: the reachability matrix", () => {
    it("puts the internet first, then services, then security groups, each by name", () => {
        const { header } = reachabilityTable([cell("a", db, "reachable"), cell("a", sqs, "reachable"), cell("a", internet, "reachable")]);
        expect(header).to.deep.equal(["function", "internet IPv4", "sqs", "db-sg:5432"]);
    });

    it("marks reachable ✅, unknown ?, blocked ❌ with its hop, and leaves a destination a function does not have blank", () => {
        const { rows } = reachabilityTable([cell("a", internet, "blocked"), cell("a", sqs, "unknown"), cell("b", internet, "reachable"), cell("b", db, "reachable")]);
        expect(rows).to.deep.equal([
            ["a", "❌ route", "?", ""],
            ["b", "✅", "", "✅"],
        ]);
    });

    it("gives a thousand functions alike one row, naming three and counting the rest", () => {
        const cells = Array.from({ length: 1000 }, (_, i) => cell(`fn-${i}`, internet, "blocked"));
        const { rows, blocked } = reachabilityTable(cells);
        expect(rows).to.deep.equal([["fn-0, fn-1, fn-2 and 997 more", "❌ route"]]);
        expect(blocked).to.deep.equal(["❌ the internet (IPv4): rt has no 0.0.0.0/0 route: the traffic has nowhere to go. Fix: Add a 0.0.0.0/0 route from rt to a NAT gateway in a public subnet. (fn-0, fn-1, fn-2 and 997 more)"]);
    });

    it("names four functions rather than 'and 1 more'", () => {
        const { rows } = reachabilityTable(["a", "b", "c", "d"].map((fn) => cell(fn, internet, "reachable")));
        expect(rows[0][0]).to.equal("a, b, c, d");
    });

    it("says so in the text report when there is no function in a VPC", () => {
        expect(renderReachabilityText([])).to.equal("Reachability: no Lambda function in a VPC in this stack.");
    });
});
