import { expect } from "chai";
import { networkAccess } from "../../../cli/report/diagram-access";
import { NetworkGraph } from "../../../sdk/network/network-graph";
import { reachabilityMatrix } from "../../../sdk/reachability/model";
import { natStack, Stack, T, UNKNOWN, urnOf } from "../../sdk/reachability/stack";

function accessOf(stack: Stack) {
    const graph = new NetworkGraph(stack.resources);
    return networkAccess(graph, reachabilityMatrix(graph));
}

describe("report: the network access the diagram draws", () => {
    it("puts a function without vpcConfig outside any VPC, in Lambda's own network", () => {
        expect(accessOf(natStack().set("fn", { vpcConfig: undefined })).outsideAnyVpc).to.deep.equal(["fn-id"]);
    });

    it("keeps a function in its VPC while its subnets are not known yet, though no path can be drawn from them", () => {
        const stack = natStack().set("fn", { vpcConfig: UNKNOWN });
        stack.get("fn").propertyDependencies = { vpcConfig: [urnOf(T.securityGroup, "fn-sg")] };
        const access = accessOf(stack);
        expect(access.outsideAnyVpc).to.deep.equal([]);
        expect(access.functions).to.deep.equal([]);
    });
});
