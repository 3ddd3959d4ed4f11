import { expect } from "chai";
import { flowLogDestinationType } from "../../../sdk/network/flow-logs";
import { NetworkGraph } from "../../../sdk/network/network-graph";
import { natStack, T, UNKNOWN } from "../reachability/stack";

describe("the network model: flow logs", () => {
    const stack = natStack()
        .add(T.flowLog, "default", { vpcId: "vpc-id" })
        .add(T.flowLog, "to-s3", { vpcId: "vpc-id", logDestinationType: "s3" })
        .add(T.flowLog, "not-known", { vpcId: "vpc-id", logDestinationType: UNKNOWN });

    it("takes a flow log without logDestinationType to deliver to CloudWatch Logs, the provider's default", () => {
        expect(["default", "to-s3", "not-known"].map((name) => flowLogDestinationType(stack.get(name)))).to.deep.equal(["cloud-watch-logs", "s3", UNKNOWN]);
    });

    it("costs a destination not known yet as the provider's default", () => {
        expect(new NetworkGraph(stack.resources).flowLogDestinations.map((f) => f.destinationType)).to.deep.equal(["cloud-watch-logs", "s3", "cloud-watch-logs"]);
    });
});
