import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { estimateCost } from "../../../cli/report/cost";
import type { NetworkGraph } from "../../../sdk/network/network-graph";
import { NetworkPattern } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { recordNetwork, vpcFunction } from "./fixtures";

// Expected figures are worked out by hand from us-east-1 list prices and a 730-hour month:
// NAT gateway $0.045/h = $32.85 a month; public IPv4 $0.005/h = $3.65; interface endpoint
// $0.01 per AZ-hour = $7.30 per zone.
describe("report: monthly cost", () => {
    let stack: MockStack;
    before(async () => {
        stack = await MockStack.install();
    });

    const line = (graph: NetworkGraph, item: string, region = "us-east-1") => estimateCost(graph, region).lines.find((l) => l.item === item);

    describe("PrivateWithNat, one NAT gateway per zone over 2 zones", () => {
        let graph: NetworkGraph;
        before(async () => {
            graph = await recordNetwork(stack, () => new VpcLambdaNetwork("nat2", { pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: 2 }));
        });

        it("bills 2 NAT gateways for 1,460 hours: $65.70", () => {
            expect(line(graph, "NAT gateway hours")).to.include({ quantity: 1460, monthlyUsd: 65.7 });
        });

        it("bills the NAT gateways' 2 Elastic IPs as public IPv4 addresses: $7.30", () => {
            expect(line(graph, "Public IPv4 addresses")).to.deep.include({ quantity: 1460, monthlyUsd: 7.3, resources: ["nat2-nat-eip-1", "nat2-nat-eip-2"] });
        });

        it("lists the S3 and DynamoDB gateway endpoints at $0", () => {
            expect(line(graph, "Gateway endpoints")).to.deep.include({ resources: ["s3", "dynamodb"], monthlyUsd: 0 });
        });

        it("totals $73.00 a month, dated by the price table", () => {
            expect(estimateCost(graph, "us-east-1")).to.include({ monthlyUsd: 73, currency: "USD", priceTableDate: "2026-11-25", pricesKnown: true });
        });

        it("names a single NAT gateway as cheaper ($36.50), and the zone independence it gives up", () => {
            const single = estimateCost(graph, "us-east-1").alternatives.find((a) => a.name.includes("Single"));
            expect(single).to.include({ monthlyUsd: 36.5, savingUsd: 36.5 });
            expect(single!.givesUp).to.match(/zone/);
        });

        it("names PrivateWithEndpoints as cheaper, reaching the gateway endpoints' services but not the internet", () => {
            const endpointsOnly = estimateCost(graph, "us-east-1").alternatives.find((a) => a.name.includes("PrivateWithEndpoints"));
            expect(endpointsOnly).to.include({ monthlyUsd: 0, savingUsd: 73, reaches: "s3, dynamodb" });
            expect(endpointsOnly!.givesUp).to.match(/^the internet/);
        });

        it("lists NAT processing at $0.045/GB without estimating it when no traffic is given", () => {
            const rate = estimateCost(graph, "us-east-1").rates.find((r) => r.item === "NAT gateway data processed");
            expect(rate).to.include({ usdPerGb: 0.045 });
            expect(rate).to.not.have.property("estimate");
        });

        it("estimates 100 GB through the NAT gateways at $4.50, $77.50 a month in all", () => {
            const cost = estimateCost(graph, "us-east-1", { trafficGb: 100 });
            expect(cost.rates.find((r) => r.item === "NAT gateway data processed")!.estimate).to.include({ gb: 100, monthlyUsd: 4.5 });
            expect(cost.estimatedMonthlyUsdWithTraffic).to.equal(77.5);
        });

        it("adds the cross-zone transfer a single NAT gateway would cause to its description: half of 100 GB, both ways, $1.00", () => {
            const single = estimateCost(graph, "us-east-1", { trafficGb: 100 }).alternatives.find((a) => a.name.includes("Single"));
            expect(single!.givesUp).to.contain("$1.00");
        });

        it("lists the flow logs' delivery to CloudWatch Logs as a rate only: log volume does not follow traffic volume", () => {
            const rate = estimateCost(graph, "us-east-1", { trafficGb: 100 }).rates.find((r) => r.item === "Flow log delivery to CloudWatch Logs");
            expect(rate).to.include({ usdPerGb: 0.5 });
            expect(rate).to.not.have.property("estimate");
        });
    });

    describe("PrivateWithNat, one NAT gateway per zone over 3 zones", () => {
        it("costs 3 x ($32.85 + $3.65) = $109.50 a month", async () => {
            const graph = await recordNetwork(stack, () => new VpcLambdaNetwork("nat3", { pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: 3 }));
            const cost = estimateCost(graph, "us-east-1");
            expect(cost.lines.map((l) => [l.item, l.monthlyUsd])).to.deep.include.members([
                ["NAT gateway hours", 98.55],
                ["Public IPv4 addresses", 10.95],
            ]);
            expect(cost.monthlyUsd).to.equal(109.5);
        });
    });

    describe("flow logs delivered to S3", () => {
        let graph: NetworkGraph;
        before(async () => {
            graph = await recordNetwork(stack, () => new VpcLambdaNetwork("s3logs", { pattern: NetworkPattern.Isolated, flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123" } }));
        });

        it("lists the flow log's delivery at the S3 vended-logs rate, $0.25/GB, not CloudWatch's", () => {
            const flowLogRates = estimateCost(graph, "us-east-1").rates.filter((r) => r.item.startsWith("Flow log delivery"));
            expect(flowLogRates.map((r) => [r.item, r.usdPerGb])).to.deep.equal([["Flow log delivery to S3", 0.25]]);
        });

        it("leaves the S3 delivery rate unknown in a region the price table does not cover", () => {
            const rate = estimateCost(graph, "ap-northeast-1").rates.find((r) => r.item === "Flow log delivery to S3");
            expect(rate).to.include({ usdPerGb: null });
        });
    });

    describe("PrivateWithNat with a single NAT gateway", () => {
        let graph: NetworkGraph;
        before(async () => {
            graph = await recordNetwork(stack, () => new VpcLambdaNetwork("single", { pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: 2, natGateways: { strategy: "Single" } }));
        });

        it("costs $32.85 + $3.65 = $36.50 a month", () => {
            expect(estimateCost(graph, "us-east-1").monthlyUsd).to.equal(36.5);
        });

        it("does not suggest itself as the cheaper design", () => {
            expect(estimateCost(graph, "us-east-1").alternatives.map((a) => a.name)).to.not.include.members(['One NAT gateway (`natGateways: { strategy: "Single" }`)']);
            expect(estimateCost(graph, "us-east-1").alternatives).to.have.length(1);
        });
    });

    describe("PrivateWithEndpoints with 4 interface endpoints over 3 zones", () => {
        let graph: NetworkGraph;
        before(async () => {
            graph = await recordNetwork(stack, () => {
                const net = new VpcLambdaNetwork("ep", {
                    pattern: NetworkPattern.PrivateWithEndpoints,
                    numberOfAvailabilityZones: 3,
                    interfaceEndpoints: ["secretsmanager", "sqs", "kms", "sts"],
                });
                vpcFunction("ep-fn", net.vpcConfig);
            });
        });

        it("bills 4 endpoints x 3 zones x 730 hours = 8,760 endpoint-AZ-hours: $87.60", () => {
            expect(line(graph, "Interface endpoint AZ-hours")).to.include({ quantity: 8760, monthlyUsd: 87.6 });
        });

        it("bills no NAT gateway and no public address", () => {
            expect(estimateCost(graph, "us-east-1").lines.map((l) => l.item)).to.deep.equal(["Interface endpoint AZ-hours", "Gateway endpoints"]);
        });

        it("estimates 100 GB through the interface endpoints at $1.00", () => {
            const rate = estimateCost(graph, "us-east-1", { trafficGb: 100 }).rates.find((r) => r.item === "Interface endpoint data processed");
            expect(rate!.estimate).to.include({ gb: 100, monthlyUsd: 1 });
        });

        it("suggests nothing cheaper: without NAT there is nothing to drop that keeps the services reachable", () => {
            expect(estimateCost(graph, "us-east-1").alternatives).to.deep.equal([]);
        });
    });

    describe("PrivateWithNat with one interface endpoint over 2 zones", () => {
        it("keeps the endpoint's $14.60 in the PrivateWithEndpoints alternative, and in the single-NAT one", async () => {
            const graph = await recordNetwork(stack, () => new VpcLambdaNetwork("natep", { pattern: NetworkPattern.PrivateWithNat, interfaceEndpoints: ["sqs"] }));
            const cost = estimateCost(graph, "us-east-1");
            expect(cost.monthlyUsd).to.equal(87.6);
            expect(cost.alternatives.map((a) => [a.name, a.monthlyUsd])).to.deep.equal([
                ['One NAT gateway (`natGateways: { strategy: "Single" }`)', 51.1],
                ["`PrivateWithEndpoints` with interface endpoints for sqs", 14.6],
            ]);
        });
    });

    describe("PrivateWithNat with a function whose role reads a Secrets Manager secret", () => {
        let graph: NetworkGraph;
        before(async () => {
            graph = await recordNetwork(stack, () => {
                const net = new VpcLambdaNetwork("sec", { pattern: NetworkPattern.PrivateWithNat });
                const role = new aws.iam.Role("sec-role", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
                new aws.iam.RolePolicyAttachment("sec-logs", { role: role.name, policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole });
                new aws.iam.RolePolicyAttachment("sec-eni", { role: role.name, policyArn: net.eniPolicyArn });
                new aws.iam.RolePolicy("sec-secret", {
                    role: role.id,
                    policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }] }),
                });
                vpcFunction("sec-fn", net.vpcConfig, { role: role.arn });
            });
        });
        const endpointsOnly = () => estimateCost(graph, "us-east-1").alternatives.find((a) => a.name.includes("PrivateWithEndpoints"))!;

        it("prices PrivateWithEndpoints with a Secrets Manager endpoint in both zones: $14.60", () => {
            expect(endpointsOnly()).to.include({ name: "`PrivateWithEndpoints` with interface endpoints for secretsmanager", monthlyUsd: 14.6, savingUsd: 58.4 });
        });

        it("needs no endpoint for the ENI and log actions, which Lambda performs outside the VPC", () => {
            expect(endpointsOnly().name).to.not.match(/ec2|logs/);
        });

        it("says a single NAT gateway still reaches what the reachability model finds reachable today", () => {
            const single = estimateCost(graph, "us-east-1").alternatives.find((a) => a.name.includes("Single"))!;
            expect(single.reaches).to.equal("the same: the internet (IPv4) and secretsmanager");
        });
    });

    describe("PrivateWithNat whose functions' security group lets nothing out", () => {
        it("does not claim a single NAT gateway still reaches the internet: the model finds nothing reachable", async () => {
            const graph = await recordNetwork(stack, () => {
                const net = new VpcLambdaNetwork("closed", { pattern: NetworkPattern.PrivateWithNat, gatewayEndpoints: [] });
                const group = new aws.ec2.SecurityGroup("closed-fn-sg", { vpcId: net.vpcId });
                vpcFunction("closed-fn", { subnetIds: net.lambdaSubnetIds, securityGroupIds: [group.id] });
            });
            const single = estimateCost(graph, "us-east-1").alternatives.find((a) => a.name.includes("Single"))!;
            expect(single.reaches).to.equal("the same: nothing confirmed reachable");
        });
    });

    describe("PrivateWithNat with a function whose role carries an AWS managed policy not known offline", () => {
        it("says that policy was not read, so the endpoints-only design may need more endpoints", async () => {
            const graph = await recordNetwork(stack, () => {
                const net = new VpcLambdaNetwork("opaque", { pattern: NetworkPattern.PrivateWithNat });
                const role = new aws.iam.Role("opaque-role", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
                new aws.iam.RolePolicyAttachment("opaque-sqs", { role: role.name, policyArn: "arn:aws:iam::aws:policy/AmazonSQSFullAccess" });
                vpcFunction("opaque-fn", net.vpcConfig, { role: role.arn });
            });
            const endpointsOnly = estimateCost(graph, "us-east-1").alternatives.find((a) => a.name.includes("PrivateWithEndpoints"));
            expect(endpointsOnly!.givesUp).to.contain("Not read offline, so they may need more endpoints: arn:aws:iam::aws:policy/AmazonSQSFullAccess");
        });
    });

    describe("Isolated", () => {
        it("costs nothing fixed, and has no line and no alternative", async () => {
            const graph = await recordNetwork(stack, () => new VpcLambdaNetwork("iso", { pattern: NetworkPattern.Isolated }));
            const cost = estimateCost(graph, "us-east-1");
            expect(cost).to.deep.include({ monthlyUsd: 0, lines: [], alternatives: [] });
        });
    });

    describe("a network built into an existing VPC", () => {
        it("says that the existing VPC's own charges are not counted", async () => {
            const graph = await recordNetwork(stack, () => {
                const net = new VpcLambdaNetwork("exist", {
                    pattern: NetworkPattern.PrivateWithNat,
                    existingVpc: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"] },
                    gatewayEndpoints: [],
                });
                vpcFunction("exist-fn", net.vpcConfig);
            });
            expect(estimateCost(graph, "us-east-1").notes.join(" ")).to.contain("not created by this stack");
        });
    });

    describe("a region the price table does not know", () => {
        let graph: NetworkGraph;
        before(async () => {
            graph = await recordNetwork(stack, () => new VpcLambdaNetwork("far", { pattern: NetworkPattern.PrivateWithNat }));
        });

        it("gives no total rather than us-east-1's", () => {
            expect(estimateCost(graph, "ap-northeast-1")).to.include({ monthlyUsd: null, pricesKnown: false });
        });

        it("still counts what is billed: 2 NAT gateways for 1,460 hours, price unknown", () => {
            expect(line(graph, "NAT gateway hours", "ap-northeast-1")).to.include({ quantity: 1460, unitPriceUsd: null, monthlyUsd: null });
        });

        it("says that the region's prices are unknown", () => {
            expect(estimateCost(graph, "ap-northeast-1").notes.join(" ")).to.contain("prices for ap-northeast-1 are unknown");
        });

        it("still knows that a network billed for nothing (Isolated) costs $0", async () => {
            const isolated = await recordNetwork(stack, () => new VpcLambdaNetwork("farIso", { pattern: NetworkPattern.Isolated }));
            expect(estimateCost(isolated, "ap-northeast-1").monthlyUsd).to.equal(0);
        });

        it("estimates no traffic cost either", () => {
            expect(estimateCost(graph, "ap-northeast-1", { trafficGb: 100 }).estimatedMonthlyUsdWithTraffic).to.equal(null);
        });
    });
});
