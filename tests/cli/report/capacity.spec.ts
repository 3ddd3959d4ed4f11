import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { assessCapacity } from "../../../cli/report/capacity";
import { NetworkPattern } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { interfaceEndpoints, plainVpc, recordNetwork, securityGroups, vpcFunction } from "./fixtures";

const SERVICES = ["secretsmanager", "sqs", "sns", "kms", "sts", "ssm", "ecr.api", "ecr.dkr", "logs", "xray"];

describe("report: IP and ENI capacity", () => {
    let stack: MockStack;
    before(async () => {
        stack = await MockStack.install();
    });

    describe("the component's default network", () => {
        it("gives each /19 Lambda subnet 8,192 addresses, 8,187 usable, and one Hyperplane ENI for one function", async () => {
            const graph = await recordNetwork(stack, () => {
                const net = new VpcLambdaNetwork("cap", { pattern: NetworkPattern.PrivateWithNat });
                vpcFunction("cap-fn", net.vpcConfig);
            });
            expect(assessCapacity(graph).subnets.map((s) => [s.cidrBlock, s.size, s.usable, s.hyperplaneEnis, s.free])).to.deep.equal([
                ["10.0.0.0/19", 8192, 8187, 1, 8186],
                ["10.0.32.0/19", 8192, 8187, 1, 8186],
            ]);
        });

        it("counts each interface endpoint's address in every Lambda subnet it is placed in", async () => {
            const graph = await recordNetwork(stack, () => {
                const net = new VpcLambdaNetwork("capep", { pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs", "sts", "kms"] });
                vpcFunction("capep-fn", net.vpcConfig);
            });
            expect(assessCapacity(graph).subnets.map((s) => s.interfaceEndpointAddresses)).to.deep.equal([3, 3]);
        });
    });

    describe("a /28 Lambda subnet in a plain aws.* VPC", () => {
        it("has 16 addresses of which 11 are usable (AWS reserves 5)", async () => {
            const graph = await recordNetwork(stack, () => {
                const { vpc, subnet } = plainVpc("p28", "10.1.0.0/28");
                const [sg] = securityGroups("p28", vpc.id, 1);
                vpcFunction("p28-fn", { subnetIds: [subnet.id], securityGroupIds: [sg.id] });
            });
            expect(assessCapacity(graph).subnets[0]).to.include({ size: 16, usable: 11, hyperplaneEnis: 1, free: 10 });
        });

        it("loses one address to each of 7 interface endpoints and keeps 3 free (27%), without a warning", async () => {
            const graph = await recordNetwork(stack, () => {
                const { vpc, subnet } = plainVpc("p28e7", "10.1.0.0/28");
                interfaceEndpoints("p28e7", vpc.id, SERVICES.slice(0, 7), [subnet.id]);
                const [sg] = securityGroups("p28e7", vpc.id, 1);
                vpcFunction("p28e7-fn", { subnetIds: [subnet.id], securityGroupIds: [sg.id] });
            });
            const [subnet] = assessCapacity(graph).subnets;
            expect(subnet).to.include({ interfaceEndpointAddresses: 7, free: 3 });
            expect(subnet.warnings).to.deep.equal([]);
        });

        it("warns below 20% headroom: 8 endpoints and one ENI leave 2 of 11 free (18%)", async () => {
            const graph = await recordNetwork(stack, () => {
                const { vpc, subnet } = plainVpc("p28e8", "10.1.0.0/28");
                interfaceEndpoints("p28e8", vpc.id, SERVICES.slice(0, 8), [subnet.id]);
                const [sg] = securityGroups("p28e8", vpc.id, 1);
                vpcFunction("p28e8-fn", { subnetIds: [subnet.id], securityGroupIds: [sg.id] });
            });
            const report = assessCapacity(graph);
            expect(report.subnets[0]).to.include({ free: 2 });
            expect(report.warnings).to.have.length(1);
            expect(report.warnings[0]).to.contain("2 of 11 usable addresses free (18.1%)");
        });

        it("says the subnet runs out when 10 endpoints and 2 ENIs need 12 of its 11 addresses", async () => {
            const graph = await recordNetwork(stack, () => {
                const { vpc, subnet } = plainVpc("p28full", "10.1.0.0/28");
                interfaceEndpoints("p28full", vpc.id, SERVICES, [subnet.id]);
                const sgs = securityGroups("p28full", vpc.id, 2);
                sgs.forEach((sg, i) => vpcFunction(`p28full-fn-${i}`, { subnetIds: [subnet.id], securityGroupIds: [sg.id] }));
            });
            const report = assessCapacity(graph);
            expect(report.subnets[0]).to.include({ free: -1 });
            expect(report.warnings[0]).to.contain("SubnetOutOfIPAddresses");
        });

        it("counts a NAT gateway placed in the subnet as one address", async () => {
            const graph = await recordNetwork(stack, () => {
                const { vpc, subnet } = plainVpc("p28nat", "10.1.0.0/28");
                const eip = new aws.ec2.Eip("p28nat-eip", { domain: "vpc" });
                new aws.ec2.NatGateway("p28nat-nat", { subnetId: subnet.id, allocationId: eip.allocationId });
                const [sg] = securityGroups("p28nat", vpc.id, 1);
                vpcFunction("p28nat-fn", { subnetIds: [subnet.id], securityGroupIds: [sg.id] });
            });
            expect(assessCapacity(graph).subnets[0]).to.include({ natGatewayAddresses: 1, free: 9 });
        });
    });

    describe("Hyperplane ENIs: one per unique (subnet, security-group set)", () => {
        it("makes one ENI per distinct security-group set in a subnet: 3 functions with 3 sets need 3", async () => {
            const graph = await recordNetwork(stack, () => {
                const { vpc, subnet } = plainVpc("sets", "10.1.0.0/24");
                const sgs = securityGroups("sets", vpc.id, 3);
                sgs.forEach((sg, i) => vpcFunction(`sets-fn-${i}`, { subnetIds: [subnet.id], securityGroupIds: [sg.id] }));
            });
            expect(assessCapacity(graph).subnets[0]).to.include({ hyperplaneEnis: 3, connectionCapacity: 195_000 });
        });

        it("shares one ENI between functions whose groups are the same set in another order", async () => {
            const graph = await recordNetwork(stack, () => {
                const { vpc, subnet } = plainVpc("shared", "10.1.0.0/24");
                const [a, b] = securityGroups("shared", vpc.id, 2);
                vpcFunction("shared-fn-1", { subnetIds: [subnet.id], securityGroupIds: [a.id, b.id] });
                vpcFunction("shared-fn-2", { subnetIds: [subnet.id], securityGroupIds: [b.id, a.id] });
            });
            expect(assessCapacity(graph).subnets[0]).to.deep.include({ hyperplaneEnis: 1, functions: ["shared-fn-1", "shared-fn-2"] });
        });

        it("does not scale ENIs with concurrency: 1,000 reserved concurrent executions still need one", async () => {
            const graph = await recordNetwork(stack, () => {
                const { vpc, subnet } = plainVpc("conc", "10.1.0.0/24");
                const [sg] = securityGroups("conc", vpc.id, 1);
                vpcFunction("conc-fn", { subnetIds: [subnet.id], securityGroupIds: [sg.id] }, { reservedConcurrentExecutions: 1000 });
            });
            expect(assessCapacity(graph).subnets[0].hyperplaneEnis).to.equal(1);
        });
    });

    describe("the 500 Lambda ENIs per VPC quota", () => {
        /** `sets` functions, each with its own security group, in 16 subnets of one VPC. */
        const manyPairs = (name: string, sets: number) => () => {
            const vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: "10.2.0.0/16" });
            const subnets = Array.from({ length: 16 }, (_, i) => new aws.ec2.Subnet(`${name}-subnet-${i}`, { vpcId: vpc.id, cidrBlock: `10.2.${i * 16}.0/20`, availabilityZone: "us-east-1a" }));
            securityGroups(name, vpc.id, sets).forEach((sg, i) => vpcFunction(`${name}-fn-${i}`, { subnetIds: subnets.map((s) => s.id), securityGroupIds: [sg.id] }));
        };

        it("counts 16 subnets x 10 security-group sets as 160 ENIs, without a warning", async () => {
            const report = assessCapacity(await recordNetwork(stack, manyPairs("q160", 10)));
            expect(report.vpcs.map((v) => [v.hyperplaneEnis, v.quota, v.warning])).to.deep.equal([[160, 500, undefined]]);
        });

        it("warns near the quota: 16 x 25 = 400 ENIs", async () => {
            const report = assessCapacity(await recordNetwork(stack, manyPairs("q400", 25)));
            expect(report.vpcs[0].hyperplaneEnis).to.equal(400);
            expect(report.warnings).to.have.length(1);
            expect(report.warnings[0]).to.contain("400 Lambda ENIs of the 500 per VPC quota");
        });

        it("says when the stack alone is over the quota: 16 x 32 = 512 ENIs", async () => {
            const report = assessCapacity(await recordNetwork(stack, manyPairs("q512", 32)));
            expect(report.warnings[0]).to.contain("512 Lambda ENIs, over the quota of 500");
        });
    });
});
