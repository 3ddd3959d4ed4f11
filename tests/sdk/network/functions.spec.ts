import { expect } from "chai";
import { NetworkGraph } from "../../../sdk/network/network-graph";
import { natStack, T, UNKNOWN, urnOf } from "../reachability/stack";

// Whether a function is in a VPC, and where: the one rule the reachability model, the reports and
// the policies read.

describe("the network model: functions", () => {
    it("puts a function whose vpcConfig names subnets in its VPC, with its subnets and groups", () => {
        const graph = new NetworkGraph(natStack().resources);
        expect(graph.vpcFunctions.map((fn) => [fn.name, fn.subnetIds, fn.securityGroupIds])).to.deep.equal([["fn", ["private-id"], ["fn-sg-id"]]]);
        expect(graph.functions).to.deep.equal(graph.vpcFunctions);
    });

    it("puts no function without vpcConfig in a VPC", () => {
        const graph = new NetworkGraph(natStack().set("fn", { vpcConfig: undefined }).resources);
        expect(graph.vpcFunctions).to.deep.equal([]);
    });

    it("puts no function whose vpcConfig names no subnet in a VPC: Lambda detaches it", () => {
        const stack = natStack().set("fn", { vpcConfig: { subnetIds: [], securityGroupIds: ["fn-sg-id"] } });
        stack.get("fn").propertyDependencies = { vpcConfig: [urnOf(T.subnet, "private"), urnOf(T.securityGroup, "fn-sg")] };
        const graph = new NetworkGraph(stack.resources);
        expect(graph.vpcFunctions).to.deep.equal([]);
        expect(graph.functions).to.deep.equal([]);
    });

    it("puts a function whose vpcConfig is not known yet in a VPC when it is computed from a security group, with no subnet to walk from", () => {
        const stack = natStack().set("fn", { vpcConfig: UNKNOWN });
        stack.get("fn").propertyDependencies = { vpcConfig: [urnOf(T.securityGroup, "fn-sg")] };
        const graph = new NetworkGraph(stack.resources);
        expect(graph.vpcFunctions.map((fn) => [fn.name, fn.subnetIds, fn.securityGroupIds, fn.unknownSubnets])).to.deep.equal([["fn", [], ["fn-sg-id"], true]]);
        expect(graph.functions, "the functions the reachability model walks from").to.deep.equal([]);
    });

    it("follows a vpcConfig not known yet to the subnets it is computed from", () => {
        const stack = natStack().set("fn", { vpcConfig: UNKNOWN });
        stack.get("fn").propertyDependencies = { vpcConfig: [urnOf(T.subnet, "private"), urnOf(T.securityGroup, "fn-sg")] };
        const [fn] = new NetworkGraph(stack.resources).functions;
        expect(fn.subnetIds).to.deep.equal(["private-id"]);
        expect(fn.unknownSubnets).to.equal(undefined);
    });

    it("says when some subnets are not known yet and no dependency says which", () => {
        const [fn] = new NetworkGraph(natStack().set("fn", { vpcConfig: { subnetIds: ["private-id", UNKNOWN], securityGroupIds: ["fn-sg-id"] } }).resources).functions;
        expect(fn.subnetIds).to.deep.equal(["private-id"]);
        expect(fn.unknownSubnets).to.equal(true);
    });

    it("takes an absent ipv6AllowedForDualStack as the provider's default, false, and a vpcConfig not known yet as saying nothing", () => {
        expect(new NetworkGraph(natStack().resources).functions[0].ipv6AllowedForDualStack).to.equal(false);
        const stack = natStack().set("fn", { vpcConfig: UNKNOWN });
        stack.get("fn").propertyDependencies = { vpcConfig: [urnOf(T.subnet, "private")] };
        expect(new NetworkGraph(stack.resources).functions[0].ipv6AllowedForDualStack).to.equal(undefined);
    });
});
