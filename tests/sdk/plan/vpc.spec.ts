import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { NetworkPattern } from "../../../sdk/args";
import { planFor } from "../../helpers/plan";

const existingVpc = {
    vpcId: "vpc-0aaaaaaaaaaaaaaaa",
    subnetIds: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"],
    routeTableIds: ["rtb-0aaaaaaaaaaaaaaa1"],
};

describe("plan: the VPC", () => {
    it("creates one with DNS support and DNS hostnames on (private DNS needs both), and the seventh eighth left free", () => {
        expect(planFor({ pattern: NetworkPattern.Isolated, cidrBlock: "10.1.0.0/16" }).vpc).to.deep.equal({
            kind: "new",
            key: "vpc",
            cidrBlock: "10.1.0.0/16",
            enableDnsSupport: true,
            enableDnsHostnames: true,
            assignGeneratedIpv6CidrBlock: false,
            freeCidrBlock: "10.1.192.0/19",
            defaultSecurityGroupKey: "default-sg",
        });
    });

    it("asks AWS for an IPv6 /56 with dual stack", () => {
        expect(planFor({ pattern: NetworkPattern.Isolated, dualStack: true }).vpc).to.deep.include({ kind: "new", assignGeneratedIpv6CidrBlock: true });
    });

    it("records the NAT strategy with PrivateWithNat only, and no strategy at all otherwise", () => {
        expect(planFor({ pattern: NetworkPattern.PrivateWithNat }).natGatewayStrategy).to.equal("OnePerAz");
        expect(planFor({ pattern: NetworkPattern.PrivateWithNat, natGateways: { strategy: "Single" } }).natGatewayStrategy).to.equal("Single");
        expect(planFor({ pattern: NetworkPattern.PrivateWithEndpoints })).to.not.have.property("natGatewayStrategy");
        expect(planFor({ pattern: NetworkPattern.PrivateWithNat, existingVpc })).to.not.have.property("natGatewayStrategy");
    });

    it("carries the component's name, pattern, dual-stack setting and tags into the plan", () => {
        const team = pulumi.output("payments");
        const plan = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, dualStack: true, tags: { team, env: "prod" } }, "shop");
        expect([plan.name, plan.pattern, plan.dualStack]).to.deep.equal(["shop", NetworkPattern.PrivateWithEndpoints, true]);
        expect(plan.tags).to.deep.equal({ team, env: "prod" });
    });
});

describe("plan: an existing VPC, in full", () => {
    it("plans the given VPC, subnets and route tables, and only what goes into them", () => {
        const plan = planFor({ pattern: NetworkPattern.PrivateWithEndpoints, existingVpc, interfaceEndpoints: ["sqs"], dualStack: true, diagnostics: { enabled: true } });
        const subnets = existingVpc.subnetIds.map((id) => ({ id }));
        const tables = existingVpc.routeTableIds.map((id) => ({ id }));
        expect(plan.vpc).to.deep.equal({ kind: "existing", vpcId: existingVpc.vpcId, needsPrivateDns: true });
        expect([plan.zones, plan.subnets, plan.natGateways, plan.routeTables]).to.deep.equal([[], [], [], []]);
        expect(plan.lambdaSubnets).to.deep.equal(subnets);
        expect(plan.gatewayEndpoints).to.deep.equal([
            { key: "s3-endpoint", service: "s3", routeTables: tables },
            { key: "dynamodb-endpoint", service: "dynamodb", routeTables: tables },
        ]);
        expect(plan.interfaceEndpoints).to.deep.equal([{ key: "sqs-endpoint", service: "sqs", privateDnsEnabled: true, subnets, securityGroupKey: "endpoint-sg" }]);
        expect(plan.diagnostics!.configuration).to.deep.equal({
            pattern: NetworkPattern.PrivateWithEndpoints,
            internetExpected: false,
            services: [
                { service: "s3", endpointType: "Gateway" },
                { service: "dynamodb", endpointType: "Gateway" },
                { service: "sqs", endpointType: "Interface" },
            ],
            dualStack: true,
        });
        expect([plan.internetGateway, plan.egressOnlyInternetGateway, plan.dualStack]).to.deep.equal([undefined, undefined, true]);
    });

    it("plans no diagnostics function, under no key at all, unless it is enabled", () => {
        expect(planFor({ pattern: NetworkPattern.Isolated, existingVpc })).to.not.have.property("diagnostics");
        expect(planFor({ pattern: NetworkPattern.Isolated })).to.not.have.property("diagnostics");
    });
});
