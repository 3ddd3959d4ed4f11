import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { assessEndpointZones } from "../../../cli/report/endpoint-zones";
import { assessCapacity, DUAL_STACK_CAPACITY_NOTE } from "../../../cli/report/capacity";
import { estimateCost } from "../../../cli/report/cost";
import { renderNetworkDiagram } from "../../../cli/report/diagram";
import { renderMarkdownReport } from "../../../cli/report/markdown";
import { reachabilityMatrix } from "../../../sdk/reachability/model";
import { NetworkGraph } from "../../../sdk/network/network-graph";
import { renderCapacityText, renderCostText } from "../../../cli/report/text-sections";
import { NatGatewayStrategy, NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { recordNetwork, vpcFunction } from "./fixtures";
import { ParsedFlowchart, parseFlowchart } from "./mermaid-edges";

/** A network and one function on it, as users write it. */
function networkWithFunction(name: string, args: VpcLambdaNetworkArgs): () => void {
    return () => {
        const net = new VpcLambdaNetwork(name, args);
        vpcFunction(`${name}-fn`, net.vpcConfig);
    };
}

const NAT: VpcLambdaNetworkArgs = { pattern: NetworkPattern.PrivateWithNat };
const DUAL_NAT: VpcLambdaNetworkArgs = { pattern: NetworkPattern.PrivateWithNat, dualStack: true };

for (const preview of [false, true]) {
    describe(`report: a dual-stack network (${preview ? "in a preview, ids and IPv6 blocks unknown" : "deployed"})`, () => {
        let stack: MockStack;
        before(async () => {
            stack = await MockStack.install({ preview });
        });

        describe("PrivateWithNat, a NAT gateway per zone", () => {
            let graph: NetworkGraph;
            let ipv4Only: NetworkGraph;
            let chart: ParsedFlowchart;
            before(async () => {
                ipv4Only = await recordNetwork(stack, networkWithFunction("v4", NAT));
                graph = await recordNetwork(stack, networkWithFunction("ds", DUAL_NAT));
                chart = parseFlowchart(renderNetworkDiagram(graph));
            });

            describe("network graph", () => {
                it("has the egress-only internet gateway as a node, in the VPC", () => {
                    const [eigw, ...others] = graph.egressOnlyInternetGateways;
                    expect(others).to.deep.equal([]);
                    expect(eigw.name).to.equal("ds-eigw");
                    expect(eigw.vpcId).to.equal(graph.vpcs[0].id);
                });

                it("knows each Lambda subnet's two ways out: 0.0.0.0/0 to its NAT gateway, ::/0 to the egress-only gateway", () => {
                    const eigw = graph.egressOnlyInternetGateways[0].id;
                    for (const [i, subnetId] of graph.lambdaSubnetIds.entries()) {
                        const routes = graph.defaultRoutesOf(subnetId);
                        expect(routes.ipv4?.kind).to.equal("natGateway");
                        expect(graph.nameOf(routes.ipv4!.id)).to.equal(`ds-nat-${i + 1}`);
                        expect(routes.ipv6).to.deep.equal({ kind: "egressOnlyInternetGateway", id: eigw });
                        expect(graph.ipv6DefaultRouteOf(subnetId)).to.deep.equal(routes.ipv6);
                        // The IPv4 accessor still answers for IPv4 only.
                        expect(graph.defaultRouteOf(subnetId)).to.deep.equal(routes.ipv4);
                    }
                });

                it("reads the IPv6 routes as routes of their table, with their family", () => {
                    const table = graph.routeTableOf(graph.lambdaSubnetIds[0])!;
                    expect(graph.routesOf(table).map((r) => [r.family, r.destination, r.target.kind]).sort()).to.deep.equal([
                        ["ipv4", "0.0.0.0/0", "natGateway"],
                        ["ipv6", "::/0", "egressOnlyInternetGateway"],
                    ]);
                });

                it("sends the public subnets' ::/0 to the internet gateway", () => {
                    const publicSubnets = graph.subnets.filter((s) => s.name.startsWith("ds-public-subnet"));
                    expect(publicSubnets).to.have.length(2);
                    for (const subnet of publicSubnets) {
                        expect(graph.defaultRouteOf(subnet.id, "ipv6")).to.deep.equal({ kind: "internetGateway", id: graph.internetGateways[0].id });
                    }
                });

                it("keeps the Lambda subnets (not the public ones) as Lambda subnets, and marks every subnet dual-stack", () => {
                    expect(graph.lambdaSubnetIds.map((id) => graph.subnet(id).name)).to.deep.equal(["ds-lambda-subnet-1", "ds-lambda-subnet-2"]);
                    expect(graph.subnets.map((s) => s.dualStack)).to.deep.equal([true, true, true, true]);
                    expect(ipv4Only.subnets.map((s) => s.dualStack)).to.deep.equal([false, false, false, false]);
                });

                if (preview) {
                    it("leaves the IPv6 blocks out, as they are not known before AWS gives the VPC its /56", () => {
                        expect(graph.vpcs[0]).to.deep.include({ dualStack: true });
                        expect(graph.vpcs[0].ipv6CidrBlock).to.equal(undefined);
                        expect(graph.subnets.map((s) => s.ipv6CidrBlock)).to.deep.equal([undefined, undefined, undefined, undefined]);
                    });

                    it("does not know whether the function allows IPv6 when its vpcConfig is unknown", () => {
                        expect(graph.functions[0].ipv6AllowedForDualStack).to.equal(undefined);
                    });
                } else {
                    it("shows the VPC's /56 and each subnet's /64 inside it", () => {
                        const vpcBlock = graph.vpcs[0].ipv6CidrBlock!;
                        expect(vpcBlock).to.match(/^2600:1f18:[0-9a-f]{4}:[0-9a-f]{2}00::\/56$/);
                        const prefix = vpcBlock.replace(/00::\/56$/, "");
                        for (const subnet of graph.subnets) {
                            expect(subnet.ipv6CidrBlock).to.match(/::\/64$/);
                            expect(subnet.ipv6CidrBlock!.startsWith(prefix)).to.equal(true);
                        }
                    });

                    it("reads ipv6AllowedForDualStack from the function's vpcConfig", () => {
                        expect(graph.functions[0].ipv6AllowedForDualStack).to.equal(true);
                        expect(ipv4Only.functions[0].ipv6AllowedForDualStack).to.equal(false);
                    });
                }
            });

            describe("diagram", () => {
                it("draws ::/0 from each Lambda subnet to the egress-only gateway, and from it to the internet", () => {
                    for (const subnet of ["ds-lambda-subnet-1", "ds-lambda-subnet-2"]) {
                        expect(chart.between(subnet, "Egress-only IGW ds-eigw").map((e) => [e.arrow, e.label])).to.deep.equal([["-->", "::/0"]]);
                    }
                    expect(chart.between("Egress-only IGW ds-eigw", "Internet").map((e) => [e.arrow, e.label])).to.deep.equal([["-->", "::/0"]]);
                });

                it("keeps the IPv4 path through each zone's NAT gateway, labelled 0.0.0.0/0", () => {
                    expect(chart.between("ds-lambda-subnet-1", "NAT gateway ds-nat-1").map((e) => e.label)).to.deep.equal(["0.0.0.0/0"]);
                    expect(chart.between("ds-lambda-subnet-2", "NAT gateway ds-nat-2").map((e) => e.label)).to.deep.equal(["0.0.0.0/0"]);
                    expect(chart.between("NAT gateway ds-nat-1", "Internet gateway ds-igw")).to.have.length(1);
                });

                it("never sends ::/0 through a NAT gateway, nor a Lambda subnet to the internet gateway", () => {
                    const natIds = chart.nodes.filter((n) => n.label.startsWith("NAT gateway")).map((n) => n.id);
                    expect(chart.edges.filter((e) => e.label === "::/0" && natIds.includes(e.to))).to.deep.equal([]);
                    expect(chart.between("ds-lambda-subnet-1", "Internet gateway ds-igw")).to.deep.equal([]);
                });

                it("draws the public subnets' 0.0.0.0/0 and ::/0 to the internet gateway, in their zones", () => {
                    expect(chart.between("ds-public-subnet-1", "Internet gateway ds-igw").map((e) => e.label)).to.deep.equal(["0.0.0.0/0, ::/0"]);
                    expect(chart.between("ds-public-subnet-2", "Internet gateway ds-igw").map((e) => e.label)).to.deep.equal(["0.0.0.0/0, ::/0"]);
                    expect(chart.nodes.find((n) => n.id === chart.id("ds-public-subnet-2"))!.within[1]).to.contain("us-east-1b");
                });

                it("places the egress-only gateway inside the VPC, and crosses nothing out", () => {
                    expect(chart.nodes.find((n) => n.id === chart.id("Egress-only IGW ds-eigw"))!.within).to.have.length(1);
                    expect(chart.edges.filter((e) => e.arrow === "-.-x")).to.deep.equal([]);
                });

                it(preview ? "says the subnets' IPv6 blocks are known after deploy" : "labels the VPC with its /56 and each subnet with its /64", () => {
                    // The two alike zones are drawn once: the subnet is listed with its blocks on the line after its name.
                    const lines = chart.labelOf(chart.id("ds-lambda-subnet-1")).split("<br/>");
                    const subnetLabel = lines.slice(lines.indexOf("ds-lambda-subnet-1"), lines.indexOf("ds-lambda-subnet-1") + 2);
                    const vpcLabel = chart.nodes.find((n) => n.id === chart.id("ds-lambda-subnet-1"))!.within[0];
                    if (preview) {
                        expect(subnetLabel).to.deep.equal(["ds-lambda-subnet-1", "10.0.0.0/19 IPv6 /64 known after deploy"]);
                        expect(vpcLabel).to.equal("VPC ds-vpc 10.0.0.0/16 + IPv6 /56");
                    } else {
                        expect(subnetLabel).to.deep.equal(["ds-lambda-subnet-1", `10.0.0.0/19 ${graph.subnet(graph.lambdaSubnetIds[0]).ipv6CidrBlock}`]);
                        expect(vpcLabel).to.equal(`VPC ds-vpc 10.0.0.0/16 ${graph.vpcs[0].ipv6CidrBlock}`);
                    }
                });

                it("is the IPv4-only diagram when dual stack is off: no IPv6 edge, no egress-only gateway, public subnets routing 0.0.0.0/0 only", () => {
                    const v4 = parseFlowchart(renderNetworkDiagram(ipv4Only));
                    expect(v4.edges.filter((e) => e.label?.includes("::/0"))).to.deep.equal([]);
                    expect(v4.nodes.filter((n) => /Egress-only|IPv6|::/.test(n.label))).to.deep.equal([]);
                    expect(v4.between("v4-public-subnet-1", "Internet gateway v4-igw").map((e) => e.label)).to.deep.equal(["0.0.0.0/0"]);
                    expect(v4.nodes.find((n) => n.id === v4.id("v4-lambda-subnet-1"))!.within[0]).to.equal("VPC v4-vpc 10.0.0.0/16");
                });
            });

            describe("cost", () => {
                it("lists the egress-only gateway at $0 a month, with the note that its IPv6 traffic skips NAT processing but pays data transfer", () => {
                    const line = estimateCost(graph, "us-east-1").lines.find((l) => l.item === "Egress-only internet gateways")!;
                    expect(line).to.deep.include({ resources: ["ds-eigw"], quantity: 730, unit: "gateway-hours", unitPriceUsd: 0, monthlyUsd: 0 });
                    expect(line.note).to.match(/no NAT processing charge/).and.to.match(/Data transfer out .* per GB/);
                });

                it("totals what the IPv4-only network with the same NAT gateways costs: $73.00", () => {
                    const dual = estimateCost(graph, "us-east-1");
                    const v4 = estimateCost(ipv4Only, "us-east-1");
                    expect(dual.monthlyUsd).to.equal(73);
                    expect(dual.monthlyUsd).to.equal(v4.monthlyUsd);
                    expect(dual.lines.filter((l) => l.item !== "Egress-only internet gateways").map((l) => [l.item, l.quantity, l.monthlyUsd])).to.deep.equal(
                        v4.lines.map((l) => [l.item, l.quantity, l.monthlyUsd]),
                    );
                    expect(v4.lines.map((l) => l.item)).to.not.include("Egress-only internet gateways");
                });

                it("keeps the gateway at $0 in a region without prices, where the NAT gateways are unknown", () => {
                    const cost = estimateCost(graph, "ap-northeast-1");
                    expect(cost.lines.find((l) => l.item === "Egress-only internet gateways")!.monthlyUsd).to.equal(0);
                    expect(cost.monthlyUsd).to.equal(null);
                });

                it("names the IPv6 route in a note, and calls a NAT-only traffic estimate an upper bound", () => {
                    const cost = estimateCost(graph, "us-east-1", { trafficGb: 100 });
                    const note = cost.notes.find((n) => n.startsWith("IPv6: "))!;
                    expect(note).to.contain("::/0 from ds-lambda-subnet-1, ds-lambda-subnet-2 to egress-only internet gateway ds-eigw");
                    expect(note).to.contain("upper bound");
                    expect(estimateCost(ipv4Only, "us-east-1").notes.filter((n) => n.startsWith("IPv6"))).to.deep.equal([]);
                });

                it("shows the $0 line and the IPv6 note in the text report", () => {
                    const text = renderCostText(estimateCost(graph, "us-east-1"));
                    expect(text).to.match(/^ {2}Egress-only internet gateways +730 gateway-hours +\$0\.00$/m);
                    expect(text).to.match(/^ {4}\(ds-eigw\) IPv6 traffic out through an egress-only internet gateway skips the NAT gateway/m);
                    expect(text).to.contain("::/0 from ds-lambda-subnet-1, ds-lambda-subnet-2 to egress-only internet gateway ds-eigw");
                    expect(text).to.match(/^Monthly cost: \$73\.00 fixed/);
                });
            });

            describe("capacity", () => {
                it("counts the same addresses as the IPv4-only network: IPv6 does not limit, IPv4 does", () => {
                    const numbers = (g: NetworkGraph) => assessCapacity(g).subnets.map((s) => [s.cidrBlock, s.size, s.usable, s.hyperplaneEnis, s.natGatewayAddresses, s.free, s.headroom, s.warnings]);
                    expect(numbers(graph)).to.deep.equal(numbers(ipv4Only));
                    expect(numbers(graph)).to.deep.equal([
                        ["10.0.0.0/19", 8192, 8187, 1, 0, 8186, 8186 / 8187, []],
                        ["10.0.32.0/19", 8192, 8187, 1, 0, 8186, 8186 / 8187, []],
                    ]);
                });

                it("says why, in the report and its text, only when a Lambda subnet is dual-stack", () => {
                    expect(assessCapacity(graph).notes).to.deep.equal([DUAL_STACK_CAPACITY_NOTE]);
                    expect(assessCapacity(ipv4Only).notes).to.equal(undefined);
                    expect(renderCapacityText(assessCapacity(graph))).to.contain("each Hyperplane ENI still takes an IPv4 address");
                    expect(renderCapacityText(assessCapacity(ipv4Only))).to.not.contain("IPv6");
                });
            });

            describe("markdown", () => {
                it("holds a mermaid block that parses, with the IPv6 edges, the $0 line and both notes", () => {
                    const planned = { project: { name: "p", stack: "dev", secretKeys: [] }, region: "us-east-1", resources: [...graph.resources], warnings: [] } as any;
                    const review = { diagram: renderNetworkDiagram(graph), cost: estimateCost(graph, "us-east-1"), capacity: assessCapacity(graph), endpointZones: assessEndpointZones(graph), reachability: reachabilityMatrix(graph) };
                    const markdown = renderMarkdownReport(planned, review);
                    const block = /```mermaid\n([\s\S]*?)```/.exec(markdown)![1];
                    expect(parseFlowchart(block).between("ds-lambda-subnet-2", "Egress-only IGW ds-eigw")).to.have.length(1);
                    expect(markdown).to.match(/^\| Egress-only internet gateways \| ds-eigw \| 730 gateway-hours \| \$0\.00 \| \$0\.00 \|$/m);
                    expect(markdown).to.contain("<sub>Egress-only internet gateways (ds-eigw): IPv6 traffic out");
                    expect(markdown).to.contain(`<sub>${DUAL_STACK_CAPACITY_NOTE}</sub>`);
                });
            });
        });

        for (const pattern of [NetworkPattern.PrivateWithEndpoints, NetworkPattern.Isolated]) {
            describe(`${pattern}: no IPv6 route out`, () => {
                let graph: NetworkGraph;
                let chart: ParsedFlowchart;
                before(async () => {
                    graph = await recordNetwork(stack, networkWithFunction("noout", { pattern, dualStack: true }));
                    chart = parseFlowchart(renderNetworkDiagram(graph));
                });

                it("has no egress-only gateway and no ::/0 route, though its subnets are dual-stack", () => {
                    expect(graph.egressOnlyInternetGateways).to.deep.equal([]);
                    expect(graph.lambdaSubnetIds.map((id) => graph.ipv6DefaultRouteOf(id))).to.deep.equal([undefined, undefined]);
                    expect(graph.lambdaSubnetIds.map((id) => graph.subnet(id).dualStack)).to.deep.equal([true, true]);
                });

                it("still crosses out the internet, and draws no ::/0 edge", () => {
                    expect(chart.between("Lambda noout-fn", "Internet").map((e) => e.arrow)).to.deep.equal(["-.-x"]);
                    expect(chart.edges.filter((e) => e.label?.includes("::/0"))).to.deep.equal([]);
                });

                it("costs no egress-only gateway and says nothing of IPv6 egress", () => {
                    const cost = estimateCost(graph, "us-east-1");
                    expect(cost.lines.map((l) => l.item)).to.not.include("Egress-only internet gateways");
                    expect(cost.notes.filter((n) => n.startsWith("IPv6"))).to.deep.equal([]);
                });
            });
        }

        describe("PrivateWithNat, a single NAT gateway", () => {
            it("routes both zones' ::/0 to the one egress-only gateway and both zones' 0.0.0.0/0 to the one NAT gateway", async () => {
                const chart = parseFlowchart(renderNetworkDiagram(await recordNetwork(stack, networkWithFunction("one", { ...DUAL_NAT, natGateways: { strategy: NatGatewayStrategy.Single } }))));
                expect(chart.edges.filter((e) => e.to === chart.id("Egress-only IGW one-eigw")).map((e) => [chart.labelOf(e.from).split("<br/>")[0], e.label])).to.deep.equal([
                    ["one-lambda-subnet-1", "::/0"],
                    ["one-lambda-subnet-2", "::/0"],
                ]);
                expect(chart.edges.filter((e) => e.to === chart.id("NAT gateway one-nat-1")).map((e) => e.label)).to.deep.equal(["0.0.0.0/0", "0.0.0.0/0"]);
            });
        });
    });
}

describe("report: IPv6 routes in a plain aws.* network", () => {
    let stack: MockStack;
    before(async () => {
        stack = await MockStack.install();
    });

    /** A dual-stack subnet with only an IPv6 way out (no NAT gateway), and a function that may or may not use IPv6. */
    const ipv6Only = (name: string, via: "egress-only" | "internet-gateway", ipv6AllowedForDualStack: boolean) => () => {
        const vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: "10.1.0.0/16", assignGeneratedIpv6CidrBlock: true });
        const subnet = new aws.ec2.Subnet(`${name}-subnet`, { vpcId: vpc.id, cidrBlock: "10.1.0.0/24", ipv6CidrBlock: "2600:1f18:aaaa:bb00::/64", availabilityZone: "us-east-1a" });
        const table = new aws.ec2.RouteTable(`${name}-rt`, { vpcId: vpc.id });
        new aws.ec2.RouteTableAssociation(`${name}-rta`, { subnetId: subnet.id, routeTableId: table.id });
        if (via === "egress-only") {
            const eigw = new aws.ec2.EgressOnlyInternetGateway(`${name}-eigw`, { vpcId: vpc.id });
            new aws.ec2.Route(`${name}-v6`, { routeTableId: table.id, destinationIpv6CidrBlock: "::/0", egressOnlyGatewayId: eigw.id });
        } else {
            const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id });
            new aws.ec2.Route(`${name}-v6`, { routeTableId: table.id, destinationIpv6CidrBlock: "::/0", gatewayId: igw.id });
        }
        // The provider removes AWS's default allow-all egress rule from a group it creates: give it one.
        const group = new aws.ec2.SecurityGroup(`${name}-sg`, { vpcId: vpc.id, egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }] });
        vpcFunction(`${name}-fn`, { subnetIds: [subnet.id], securityGroupIds: [group.id], ipv6AllowedForDualStack } as any);
    };

    it("does not cross out the internet for a function that uses IPv6 through an egress-only gateway", async () => {
        const chart = parseFlowchart(renderNetworkDiagram(await recordNetwork(stack, ipv6Only("six", "egress-only", true))));
        expect(chart.between("six-subnet", "Egress-only IGW six-eigw").map((e) => e.label)).to.deep.equal(["::/0"]);
        expect(chart.edges.filter((e) => e.arrow === "-.-x")).to.deep.equal([]);
    });

    it("crosses out the internet for a function in the same subnets that does not allow IPv6", async () => {
        const chart = parseFlowchart(renderNetworkDiagram(await recordNetwork(stack, ipv6Only("four", "egress-only", false))));
        expect(chart.between("Lambda four-fn", "Internet").map((e) => [e.arrow, e.label])).to.deep.equal([["-.-x", "no route to the internet"]]);
    });

    it("reads an inline ::/0 route of a route table to an egress-only gateway, beside an inline IPv4 one", async () => {
        const graph = await recordNetwork(stack, () => {
            const vpc = new aws.ec2.Vpc("inl-vpc", { cidrBlock: "10.2.0.0/16", assignGeneratedIpv6CidrBlock: true });
            const subnet = new aws.ec2.Subnet("inl-subnet", { vpcId: vpc.id, cidrBlock: "10.2.0.0/24", ipv6CidrBlock: "2600:1f18:cccc:dd00::/64" });
            const eigw = new aws.ec2.EgressOnlyInternetGateway("inl-eigw", { vpcId: vpc.id });
            const table = new aws.ec2.RouteTable("inl-rt", {
                vpcId: vpc.id,
                routes: [
                    { cidrBlock: "10.9.0.0/16", vpcPeeringConnectionId: "pcx-0123456789abcdef0" },
                    { ipv6CidrBlock: "::/0", egressOnlyGatewayId: eigw.id },
                ],
            });
            new aws.ec2.RouteTableAssociation("inl-rta", { subnetId: subnet.id, routeTableId: table.id });
        });
        const subnetId = graph.subnets[0].id;
        expect(graph.routesOf(graph.routeTableOf(subnetId)!).map((r) => [r.family, r.destination, r.target.kind])).to.deep.equal([
            ["ipv4", "10.9.0.0/16", "other"],
            ["ipv6", "::/0", "egressOnlyInternetGateway"],
        ]);
        expect(graph.ipv6DefaultRouteOf(subnetId)).to.deep.equal({ kind: "egressOnlyInternetGateway", id: graph.egressOnlyInternetGateways[0].id });
        expect(graph.defaultRouteOf(subnetId)).to.equal(undefined);
        expect(graph.subnet(subnetId)).to.deep.include({ ipv6CidrBlock: "2600:1f18:cccc:dd00::/64", dualStack: true, ipv6Native: false });
    });

    it("draws a Lambda subnet's ::/0 to an internet gateway as a two-way route", async () => {
        const graph = await recordNetwork(stack, ipv6Only("igw6", "internet-gateway", true));
        const chart = parseFlowchart(renderNetworkDiagram(graph));
        expect(graph.ipv6DefaultRouteOf(graph.functions[0].subnetIds[0])?.kind).to.equal("internetGateway");
        expect(chart.between("igw6-subnet", "Internet gateway igw6-igw").map((e) => e.label)).to.deep.equal(["::/0, inbound too"]);
        expect(chart.between("Internet gateway igw6-igw", "Internet")).to.have.length(1);
    });
});
