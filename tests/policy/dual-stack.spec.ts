import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { policies } from "../../policy/policies";
import { MockStack } from "../../sdk/offline-engine/mock-stack";
import { blamed, verdictsOf, violationsOf } from "./helpers";

const LAMBDA_TRUST = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

interface DualStackOptions {
    /** Where the function subnets' ::/0 goes. @default "egress-only" */
    ipv6Route?: "egress-only" | "egress-only-inline" | "internet-gateway" | "none";
    /** What IPv6 the function's subnets have. @default "dual-stack" */
    subnets?: "dual-stack" | "ipv4-only" | "one-ipv6-only";
    /** @default true */
    ipv6AllowedForDualStack?: boolean;
    /** Subnet ids the stack does not create, added to the function's. */
    foreignSubnetIds?: string[];
}

/**
 * A dual-stack network of plain `aws.*` resources that the whole pack accepts: a VPC with an
 * Amazon-provided /56, two dual-stack private subnets whose 0.0.0.0/0 goes to a NAT gateway and
 * ::/0 to an egress-only internet gateway, a flow log, and a function allowing IPv6.
 */
function dualStackStack(prefix: string, options: DualStackOptions = {}): void {
    const n = (name: string) => `${prefix}-${name}`;
    const vpc = new aws.ec2.Vpc(n("vpc"), { cidrBlock: "10.0.0.0/16", assignGeneratedIpv6CidrBlock: true, enableDnsSupport: true, enableDnsHostnames: true });
    const subnetIpv6 = (i: number): Partial<aws.ec2.SubnetArgs> => {
        const kind = options.subnets ?? "dual-stack";
        if (kind === "ipv4-only") {
            return {};
        }
        const ipv6CidrBlock = vpc.ipv6CidrBlock.apply((block) => block.replace("00::/56", `0${i}::/64`));
        if (kind === "one-ipv6-only" && i === 1) {
            return { ipv6CidrBlock, ipv6Native: true, assignIpv6AddressOnCreation: true, enableResourceNameDnsAaaaRecordOnLaunch: true };
        }
        return { ipv6CidrBlock, assignIpv6AddressOnCreation: true };
    };
    const subnets = ["us-east-1a", "us-east-1b"].map(
        (zone, i) =>
            new aws.ec2.Subnet(n(`subnet-${i}`), {
                vpcId: vpc.id,
                availabilityZone: zone,
                ...(options.subnets === "one-ipv6-only" && i === 1 ? {} : { cidrBlock: `10.0.${i}.0/24` }),
                ...subnetIpv6(i),
            }),
    );

    const igw = new aws.ec2.InternetGateway(n("igw"), { vpcId: vpc.id });
    const natSubnet = new aws.ec2.Subnet(n("nat-subnet"), { vpcId: vpc.id, cidrBlock: "10.0.200.0/24", availabilityZone: "us-east-1a" });
    const publicTable = new aws.ec2.RouteTable(n("public-rt"), { vpcId: vpc.id });
    new aws.ec2.RouteTableAssociation(n("public-rta"), { subnetId: natSubnet.id, routeTableId: publicTable.id });
    new aws.ec2.Route(n("public-default"), { routeTableId: publicTable.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
    const eip = new aws.ec2.Eip(n("nat-eip"), { domain: "vpc" });
    const nat = new aws.ec2.NatGateway(n("nat"), { allocationId: eip.allocationId, subnetId: natSubnet.id });

    const route = options.ipv6Route ?? "egress-only";
    const eigw = route.startsWith("egress-only") ? new aws.ec2.EgressOnlyInternetGateway(n("eigw"), { vpcId: vpc.id }) : undefined;
    const table = new aws.ec2.RouteTable(n("rt"), {
        vpcId: vpc.id,
        ...(route === "egress-only-inline" ? { routes: [{ ipv6CidrBlock: "::/0", egressOnlyGatewayId: eigw!.id }] } : {}),
    });
    new aws.ec2.Route(n("default"), { routeTableId: table.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat.id });
    if (route === "egress-only") {
        new aws.ec2.Route(n("default-ipv6"), { routeTableId: table.id, destinationIpv6CidrBlock: "::/0", egressOnlyGatewayId: eigw!.id });
    } else if (route === "internet-gateway") {
        new aws.ec2.Route(n("default-ipv6"), { routeTableId: table.id, destinationIpv6CidrBlock: "::/0", gatewayId: igw.id });
    }
    subnets.forEach((subnet, i) => new aws.ec2.RouteTableAssociation(n(`rta-${i}`), { subnetId: subnet.id, routeTableId: table.id }));

    const logGroup = new aws.cloudwatch.LogGroup(n("flow-logs"), { retentionInDays: 90 });
    const flowLogRole = new aws.iam.Role(n("flow-log-role"), { assumeRolePolicy: LAMBDA_TRUST });
    new aws.ec2.FlowLog(n("flow-log"), { vpcId: vpc.id, trafficType: "ALL", logDestination: logGroup.arn, iamRoleArn: flowLogRole.arn });

    const group = new aws.ec2.SecurityGroup(n("fn-sg"), { vpcId: vpc.id, description: "the function" });
    new aws.vpc.SecurityGroupEgressRule(n("fn-out-v4"), { securityGroupId: group.id, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" });
    new aws.vpc.SecurityGroupEgressRule(n("fn-out-v6"), { securityGroupId: group.id, ipProtocol: "-1", cidrIpv6: "::/0" });
    const role = new aws.iam.Role(n("fn-role"), { assumeRolePolicy: LAMBDA_TRUST });
    new aws.iam.RolePolicyAttachment(n("fn-eni"), { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole" });
    new aws.lambda.Function(n("fn"), {
        role: role.arn,
        runtime: aws.lambda.Runtime.NodeJS20dX,
        handler: "index.handler",
        code: new pulumi.asset.AssetArchive({}),
        vpcConfig: {
            subnetIds: [...subnets.map((s) => s.id), ...(options.foreignSubnetIds ?? [])],
            securityGroupIds: [group.id],
            ipv6AllowedForDualStack: options.ipv6AllowedForDualStack ?? true,
        },
    });
}

describe("policies: dual-stack networks of plain aws.* resources (deployed)", () => {
    let stack: MockStack;
    const verdicts = (options: DualStackOptions = {}, config?: Parameters<typeof verdictsOf>[2]) => verdictsOf(stack, (prefix) => dualStackStack(prefix, options), config);

    before(async () => {
        stack = await MockStack.install();
    });

    it("registers lambda-dual-stack-subnets in the pack, mandatory, with its remediation and exemptions", () => {
        const policy = policies.find((p) => p.name === "lambda-dual-stack-subnets")!;
        expect(policy).to.not.equal(undefined);
        expect(policy.enforcementLevel).to.equal("mandatory");
        expect(policy.remediationSteps).to.contain("dualStack: true");
        expect(Object.keys(policy.configSchema!.properties!)).to.deep.equal(["exemptFunctions"]);
    });

    describe("::/0 to an egress-only internet gateway", () => {
        it("passes the whole pack: an egress-only gateway lets nothing in, so the subnets stay private", async () => {
            const result = await verdicts();
            expect(result.violations.map((v) => `${v.policy}: ${v.message}`)).to.deep.equal([]);
        });

        it("is not exposure as an inline route of the table either", async () => {
            expect(violationsOf(await verdicts({ ipv6Route: "egress-only-inline" }), "lambda-private-subnets")).to.deep.equal([]);
        });
    });

    describe("::/0 to an internet gateway on the function's subnets", () => {
        it("is exposure: lambda-private-subnets names the IPv6 route, blaming the function", async () => {
            const [violation, ...others] = violationsOf(await verdicts({ ipv6Route: "internet-gateway" }), "lambda-private-subnets");
            expect(others).to.deep.equal([]);
            expect(blamed(violation)).to.match(/-fn$/);
            expect(violation.message).to.match(/route "p\d+-default-ipv6" sends ::\/0 to internet gateway "p\d+-igw"/);
            expect(violation.message).to.not.contain("0.0.0.0/0 to");
        });
    });

    describe("lambda-dual-stack-subnets", () => {
        it("rejects a function allowing IPv6 in IPv4-only subnets, naming each subnet", async () => {
            const [violation, ...others] = violationsOf(await verdicts({ subnets: "ipv4-only" }), "lambda-dual-stack-subnets");
            expect(others).to.deep.equal([]);
            expect(violation.level).to.equal("mandatory");
            expect(blamed(violation)).to.match(/-fn$/);
            expect(violation.message).to.match(/subnet "p\d+-subnet-0" has no IPv6 block \(ipv6CidrBlock\), subnet "p\d+-subnet-1" has no IPv6 block/);
        });

        it("rejects an IPv6-only subnet, and only that one", async () => {
            const [violation] = violationsOf(await verdicts({ subnets: "one-ipv6-only" }), "lambda-dual-stack-subnets");
            expect(violation.message).to.match(/allows IPv6 \(vpcConfig\.ipv6AllowedForDualStack\), but subnet "p\d+-subnet-1" is IPv6-only \(ipv6Native\);/);
            expect(violation.message).to.not.match(/subnet-0/);
        });

        it("accepts IPv4-only subnets for a function that does not allow IPv6", async () => {
            expect(violationsOf(await verdicts({ subnets: "ipv4-only", ipv6AllowedForDualStack: false }), "lambda-dual-stack-subnets")).to.deep.equal([]);
        });

        it("does not judge subnets the stack does not create", async () => {
            expect(violationsOf(await verdicts({ foreignSubnetIds: ["subnet-0123456789abcdef0"] }), "lambda-dual-stack-subnets")).to.deep.equal([]);
        });

        it("skips a function listed in exemptFunctions", async () => {
            const result = await verdictsOf(
                stack,
                (prefix) => dualStackStack(prefix, { subnets: "ipv4-only" }),
                (prefix) => ({ "lambda-dual-stack-subnets": { exemptFunctions: [`${prefix}-fn`] } }),
            );
            expect(violationsOf(result, "lambda-dual-stack-subnets")).to.deep.equal([]);
        });
    });
});

describe("policies: dual-stack networks of plain aws.* resources (in a preview)", () => {
    let stack: MockStack;
    before(async () => {
        stack = await MockStack.install({ preview: true });
    });

    it("passes the whole pack with ::/0 to an egress-only gateway, though ids and IPv6 blocks are unknown", async () => {
        const result = await verdictsOf(stack, (prefix) => dualStackStack(prefix));
        expect(result.violations.map((v) => `${v.policy}: ${v.message}`)).to.deep.equal([]);
    });

    it("still finds ::/0 to an internet gateway through the route's dependencies", async () => {
        const [violation] = violationsOf(await verdictsOf(stack, (prefix) => dualStackStack(prefix, { ipv6Route: "internet-gateway" })), "lambda-private-subnets");
        expect(violation.message).to.contain("sends ::/0 to internet gateway");
    });
});
