import { expect } from "chai";
import { aggregateChart, DetailChart, DetailEdge, DetailNode, LISTED_MEMBERS } from "../../../cli/report/flowchart-aggregate";
import { renderMermaid } from "../../../cli/report/mermaid";
import { ParsedFlowchart, parseFlowchart } from "./mermaid-edges";

// Folding, on hand-made charts: what folds, what must stay apart, and what a folded node says.

const fn = (name: string): DetailNode => ({ key: name, label: [`Lambda ${name}`], shape: "rounded", prefix: "fn", idName: name, kind: "function", title: "Lambda", packed: true });
const subnet = (name: string, zone: string): DetailNode => ({ key: name, label: [name, "10.0.0.0/24"], shape: "box", prefix: "subnet", idName: name, kind: "lambdaSubnet", title: "Lambda subnet", vpc: "vpc", zone });
const nat = (name: string, zone: string): DetailNode => ({ key: name, label: [`NAT gateway ${name}`], shape: "box", prefix: "nat", idName: name, kind: "nat", title: "NAT gateway", vpc: "vpc", zone });
const endpoint = (service: string): DetailNode => ({ key: service, label: [`${service} interface endpoint`], shape: "box", prefix: "vpce", idName: service, kind: "endpoint", title: "interface endpoint", packed: true, vpc: "vpc" });
const service = (name: string): DetailNode => ({ key: `api:${name}`, label: [`${name} API`], shape: "stadium", prefix: "svc", idName: name, kind: "service", title: "API", packed: true });
const route = (from: string, to: string, label?: string): DetailEdge => ({ from, to, kind: "route", ...(label ? { label } : {}) });

function fold(nodes: DetailNode[], edges: DetailEdge[]): ParsedFlowchart {
    const chart: DetailChart = { nodes, edges, vpcs: [{ key: "vpc", label: "VPC app", idName: "app" }], classes: {} };
    return parseFlowchart(renderMermaid(aggregateChart(chart).chart));
}

describe("report: folding the diagram", () => {
    it("draws functions with the same edges as one node that lists them, with one edge per distinct path", () => {
        const chart = fold([fn("a"), fn("b"), fn("c"), subnet("s1", "us-east-1a")], [route("a", "s1"), route("b", "s1"), route("c", "s1")]);
        expect(chart.labelOf(chart.id("Lambda a"))).to.equal("Lambda ×3<br/>a, b, c");
        expect(chart.edges).to.deep.equal([{ from: chart.id("Lambda a"), arrow: "-->", to: chart.id("s1") }]);
    });

    it("keeps apart functions that share a kind of subnet but not the same subnets", () => {
        const chart = fold(
            [fn("a"), fn("b"), subnet("s1", "us-east-1a"), subnet("s2", "us-east-1b")],
            [route("a", "s1"), route("b", "s2")],
        );
        expect(chart.id("Lambda a")).to.not.equal(chart.id("Lambda b"));
        expect(chart.between("Lambda a", "s1")).to.have.length(1);
        expect(chart.between("Lambda a", "s2")).to.deep.equal([]);
    });

    it("keeps apart functions with a different number of subnets", () => {
        const chart = fold(
            [fn("a"), fn("b"), subnet("s1", "us-east-1a"), subnet("s2", "us-east-1b")],
            [route("a", "s1"), route("a", "s2"), route("b", "s1")],
        );
        expect(chart.id("Lambda a")).to.not.equal(chart.id("Lambda b"));
    });

    it("draws alike zones once, as one zone group naming every zone, each zone's subnet to its own zone's NAT gateway", () => {
        const zones = ["us-east-1c", "us-east-1a", "us-east-1b"];
        const chart = fold(
            [fn("a"), ...zones.map((z, i) => subnet(`s${i}`, z)), ...zones.map((z, i) => nat(`n${i}`, z))],
            [...zones.map((_, i) => route("a", `s${i}`)), ...zones.map((_, i) => route(`s${i}`, `n${i}`, "0.0.0.0/0"))],
        );
        expect(chart.nodes.find((n) => n.id === chart.id("s0"))!.within).to.deep.equal(["VPC app", "us-east-1a, us-east-1b, us-east-1c (×3 zones alike)"]);
        expect(chart.between("s0", "NAT gateway n0").map((e) => e.label)).to.deep.equal(["0.0.0.0/0"]);
        expect(chart.edges).to.have.length(2);
    });

    it("keeps a zone apart when its subnet routes to another zone's NAT gateway, and draws the zones in order", () => {
        const chart = fold(
            [subnet("s1", "us-east-1b"), subnet("s2", "us-east-1a"), nat("n1", "us-east-1a")],
            [route("s1", "n1", "0.0.0.0/0"), route("s2", "n1", "0.0.0.0/0")],
        );
        expect(chart.id("s1")).to.not.equal(chart.id("s2"));
        expect(chart.nodes.map((n) => n.within[1])).to.deep.equal(["us-east-1a", "us-east-1a", "us-east-1b"]);
    });

    it("does not fold endpoints each leading to its own service: a folded edge would say each leads to each", () => {
        const chart = fold([endpoint("sqs"), endpoint("sns"), service("sqs"), service("sns")], [route("sqs", "api:sqs"), route("sns", "api:sns")]);
        expect(chart.between("sqs interface endpoint", "sqs API")).to.have.length(1);
        expect(chart.between("sqs interface endpoint", "sns API")).to.deep.equal([]);
        expect(chart.nodes).to.have.length(4);
    });

    it("folds endpoints every subnet reaches into one node listing their services", () => {
        const chart = fold(
            [subnet("s1", "us-east-1a"), subnet("s2", "us-east-1b"), endpoint("sqs"), endpoint("sns"), endpoint("sts")],
            [...["s1", "s2"].flatMap((s) => ["sqs", "sns", "sts"].map((e) => route(s, e)))],
        );
        expect(chart.labelOf(chart.id("sqs interface endpoint"))).to.equal("interface endpoint ×3<br/>sqs, sns, sts");
        expect(chart.edges).to.have.length(1);
    });

    it("folds functions that each reach every other one of them, with one edge onto itself", () => {
        const names = ["a", "b", "c"];
        const chart = fold(
            names.map(fn),
            names.flatMap((x) => names.filter((y) => y !== x).map((y): DetailEdge => ({ from: x, to: y, kind: "permission", label: "tcp 443" }))),
        );
        expect(chart.edges).to.deep.equal([{ from: chart.id("Lambda a"), arrow: "==>", label: "tcp 443", to: chart.id("Lambda a") }]);
    });

    it(`names the first ${LISTED_MEMBERS} members of a folded node and counts the rest`, () => {
        const names = Array.from({ length: LISTED_MEMBERS + 5 }, (_, i) => `f${i + 1}`);
        const chart = fold([...names.map(fn), subnet("s1", "us-east-1a")], names.map((n) => route(n, "s1")));
        const lines = chart.labelOf(chart.id("Lambda f1")).split("<br/>");
        expect(lines[0]).to.equal(`Lambda ×${names.length}`);
        expect(lines.slice(1, -1).join(", ").split(", ")).to.deep.equal(names.slice(0, LISTED_MEMBERS));
        expect(lines[lines.length - 1]).to.equal("… and 5 more");
    });

    it("never folds a node without a kind", () => {
        const internet: DetailNode = { key: "internet", label: ["Internet"], shape: "circle", prefix: "net", idName: "internet" };
        const other: DetailNode = { ...internet, key: "internet-2", idName: "internet_2" };
        const chart = fold([fn("a"), internet, other], [route("a", "internet"), route("a", "internet-2")]);
        expect(chart.nodes.filter((n) => n.label === "Internet")).to.have.length(2);
    });
});
