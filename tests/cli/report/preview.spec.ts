import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { assessCapacity } from "../../../cli/report/capacity";
import { estimateCost } from "../../../cli/report/cost";
import { renderNetworkDiagram } from "../../../cli/report/diagram";
import type { NetworkGraph } from "../../../sdk/network/network-graph";
import { NetworkPattern } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { recordNetwork, vpcFunction } from "./fixtures";
import { parseFlowchart } from "./mermaid-edges";

// In a `pulumi preview` of a first deployment, no new resource has an id yet: every reference
// between them is unknown, and only the engine's record of where each input came from links them.
describe("report: in a preview, where new resources' ids are unknown", () => {
    let graph: NetworkGraph;
    before(async () => {
        const stack = await MockStack.install({ preview: true });
        graph = await recordNetwork(stack, () => {
            const net = new VpcLambdaNetwork("pv", { pattern: NetworkPattern.PrivateWithNat, interfaceEndpoints: ["sqs"] });
            const role = new aws.iam.Role("pv-role", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
            new aws.iam.RolePolicy("pv-kms", { role: role.id, policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["kms:Decrypt"], Resource: "*" }] }) });
            vpcFunction("pv-fn", net.vpcConfig, { role: role.arn });
        });
    });

    it("has no resource id to go by", () => {
        expect(graph.resources.filter((r) => r.type.startsWith("aws:ec2/") && typeof r.id === "string" && r.id !== "")).to.deep.equal([]);
    });

    it("still draws each zone's route to its own NAT gateway", () => {
        const chart = parseFlowchart(renderNetworkDiagram(graph));
        expect(chart.between("pv-lambda-subnet-2", "NAT gateway pv-nat-2").map((e) => e.label)).to.deep.equal(["0.0.0.0/0"]);
    });

    it("still costs 2 NAT gateways, 2 addresses and 1 endpoint over 2 zones: $87.60", () => {
        expect(estimateCost(graph, "us-east-1").monthlyUsd).to.equal(87.6);
    });

    it("still counts the function's Hyperplane ENI and the endpoint's address in each Lambda subnet", () => {
        expect(assessCapacity(graph).subnets.map((s) => [s.name, s.hyperplaneEnis, s.interfaceEndpointAddresses])).to.deep.equal([
            ["pv-lambda-subnet-1", 1, 1],
            ["pv-lambda-subnet-2", 1, 1],
        ]);
    });

    it("still finds the services the function's role allows, through the role's unknown ARN", () => {
        const endpointsOnly = estimateCost(graph, "us-east-1").alternatives.find((a) => a.name.includes("PrivateWithEndpoints"));
        expect(endpointsOnly!.name).to.equal("`PrivateWithEndpoints` with interface endpoints for sqs, kms");
    });
});
