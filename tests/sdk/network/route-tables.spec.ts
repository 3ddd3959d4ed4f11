import { expect } from "chai";
import { NetworkGraph } from "../../../sdk/network/network-graph";
import { natStack, Stack, T, UNKNOWN, urnOf } from "../reachability/stack";

// Which route table decides a subnet's traffic, and which of its routes lead to the internet:
// the one rule the reachability model, the reports and the policies read.

/** The NAT stack with the function's subnet left without an association, so that its VPC's main table decides. */
function unassociated(): Stack {
    return natStack().without("private-assoc");
}

describe("the network model: route tables", () => {
    describe("the table that decides a subnet's routing", () => {
        it("is the table associated with the subnet", () => {
            expect(new NetworkGraph(natStack().resources).routingTableOf("private-id")).to.deep.equal({ id: "private-rt-id", implicit: false });
        });

        it("is, without an association, the new VPC's own main table, which holds the local route only", () => {
            const graph = new NetworkGraph(unassociated().resources);
            expect(graph.routingTableOf("private-id")).to.deep.equal({ id: "vpc-id#main", implicit: true });
            expect(graph.defaultRouteOf("private-id")).to.equal(undefined);
        });

        it("is the VPC's main table adopted as a DefaultRouteTable, whose routes the subnet then takes", () => {
            const stack = unassociated()
                .set("vpc", {})
                .add(T.defaultRouteTable, "main", { defaultRouteTableId: "rtb-main" }, { id: "rtb-main" })
                .add(T.route, "main-default", { routeTableId: "rtb-main", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-id" });
            stack.get("vpc").outputs = { defaultRouteTableId: "rtb-main", mainRouteTableId: "rtb-main" };
            const graph = new NetworkGraph(stack.resources);
            expect(graph.routingTableOf("private-id")).to.deep.equal({ id: "rtb-main", implicit: false });
            expect(graph.defaultRouteOf("private-id")).to.deep.equal({ kind: "internetGateway", id: "igw-id" });
        });

        it("is the table a MainRouteTableAssociation chooses, which replaces the VPC's original main table", () => {
            const stack = unassociated()
                .add(T.defaultRouteTable, "original", { defaultRouteTableId: "rtb-original" }, { id: "rtb-original" })
                .add(T.mainRouteTableAssociation, "main", { vpcId: "vpc-id", routeTableId: "private-rt-id" });
            stack.get("vpc").outputs = { defaultRouteTableId: "rtb-original" };
            const graph = new NetworkGraph(stack.resources);
            expect(graph.routingTableOf("private-id")).to.deep.equal({ id: "private-rt-id", implicit: false });
            expect(graph.defaultRouteOf("private-id")).to.deep.equal({ kind: "natGateway", id: "nat-id" });
        });

        it("is a default VPC's main table when the stack adopts it, followed in a preview through the dependencies", () => {
            const stack = new Stack()
                .add(T.defaultVpc, "default-vpc", {}, { id: null })
                .add(T.subnet, "subnet", { vpcId: UNKNOWN, cidrBlock: "172.31.0.0/20" }, { id: null, dependencies: { vpcId: [urnOf(T.defaultVpc, "default-vpc")] } })
                .add(T.defaultRouteTable, "main", { defaultRouteTableId: UNKNOWN }, { id: null, dependencies: { defaultRouteTableId: [urnOf(T.defaultVpc, "default-vpc")] } });
            const graph = new NetworkGraph(stack.resources);
            expect(graph.routingTableOf(urnOf(T.subnet, "subnet"))).to.deep.equal({ id: urnOf(T.defaultRouteTable, "main"), implicit: false });
        });

        it("is not known for a default VPC's main table the stack does not adopt: AWS routed it to the default VPC's internet gateway", () => {
            const stack = new Stack().add(T.defaultVpc, "default-vpc", {}).add(T.subnet, "subnet", { vpcId: "default-vpc-id", cidrBlock: "172.31.0.0/20" });
            expect(new NetworkGraph(stack.resources).routingTableOf("subnet-id")).to.equal(undefined);
        });

        it("is not known for an unassociated subnet of a VPC the stack does not create", () => {
            const stack = new Stack().add(T.subnet, "subnet", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/24" });
            expect(new NetworkGraph(stack.resources).routingTableOf("subnet-id")).to.equal(undefined);
        });
    });

    describe("the routes that make a subnet public", () => {
        it("are its table's default routes to an internet gateway, named by the aws.ec2.Route that declares them", () => {
            const routes = new NetworkGraph(natStack().resources).internetRoutesOf("public-id");
            expect(routes.map((r) => [r.routeName, r.destination, r.target])).to.deep.equal([["public-default", "0.0.0.0/0", { kind: "internetGateway", id: "igw-id" }]]);
        });

        it("include an inline route of the table, which no aws.ec2.Route declares", () => {
            const stack = natStack().without("public-default").set("public-rt", { routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-id" }] });
            const [route] = new NetworkGraph(stack.resources).internetRoutesOf("public-id");
            expect(route).to.deep.include({ destination: "0.0.0.0/0", target: { kind: "internetGateway", id: "igw-id" } });
            expect(route.routeName).to.equal(undefined);
        });

        it("include ::/0 to an internet gateway, but not to an egress-only one", () => {
            const stack = natStack()
                .add(T.route, "public-v6", { routeTableId: "public-rt-id", destinationIpv6CidrBlock: "::/0", gatewayId: "igw-id" })
                .add(T.egressOnlyInternetGateway, "eigw", { vpcId: "vpc-id" })
                .add(T.route, "private-v6", { routeTableId: "private-rt-id", destinationIpv6CidrBlock: "::/0", egressOnlyGatewayId: "eigw-id" });
            const graph = new NetworkGraph(stack.resources);
            expect(graph.internetRoutesOf("public-id").map((r) => r.destination)).to.deep.equal(["0.0.0.0/0", "::/0"]);
            expect(graph.internetRoutesOf("private-id")).to.deep.equal([]);
        });

        it("take any /0 as the whole family, however its address is written", () => {
            const stack = natStack().set("public-default", { destinationCidrBlock: undefined, destinationIpv6CidrBlock: "0::/0" });
            const graph = new NetworkGraph(stack.resources);
            expect(graph.defaultRouteOf("public-id", "ipv6")).to.deep.equal({ kind: "internetGateway", id: "igw-id" });
            expect(graph.internetRoutesOf("public-id")).to.have.lengthOf(1);
        });

        it("take an igw- id outside the stack for an internet gateway", () => {
            const stack = natStack().without("igw").set("public-default", { gatewayId: "igw-0123456789abcdef0" });
            expect(new NetworkGraph(stack.resources).defaultRouteOf("public-id")).to.deep.equal({ kind: "internetGateway", id: "igw-0123456789abcdef0" });
        });

        it("do not take a virtual private gateway, or the local target, for an internet gateway", () => {
            for (const gatewayId of ["vgw-0123456789abcdef0", "local"]) {
                const stack = natStack().set("public-default", { gatewayId });
                const graph = new NetworkGraph(stack.resources);
                expect(graph.defaultRouteOf("public-id"), gatewayId).to.deep.equal({ kind: "other", id: gatewayId, property: "gatewayId" });
                expect(graph.internetRoutesOf("public-id"), gatewayId).to.deep.equal([]);
            }
        });

        it("are found in a preview through the route's dependencies, while the gateway's id is unknown", () => {
            const stack = natStack().set("public-default", { gatewayId: UNKNOWN });
            stack.get("public-default").propertyDependencies = { gatewayId: [urnOf(T.internetGateway, "igw")] };
            expect(new NetworkGraph(stack.resources).internetRoutesOf("public-id").map((r) => r.target)).to.deep.equal([{ kind: "internetGateway", id: "igw-id" }]);
        });
    });
});
