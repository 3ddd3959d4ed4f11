import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { MockStack } from "../../sdk/offline-engine/mock-stack";
import { blamed, verdictsOf, violationsOf } from "./helpers";
import { plainStack, PlainStackOptions } from "./plain-stack";

/**
 * A function in a subnet with no route table association, so that its VPC's main route table
 * decides its routing. The VPC's original main table, adopted as a DefaultRouteTable, sends
 * 0.0.0.0/0 to an internet gateway; with `chosenPrivateTable`, a MainRouteTableAssociation makes
 * a table with no route out the main one instead (the provider's docs advise against managing
 * both, but AWS takes the association's table).
 */
function unassociatedSubnetStack(prefix: string, chosenPrivateTable: boolean): void {
    const n = (name: string) => `${prefix}-${name}`;
    const vpc = new aws.ec2.Vpc(n("vpc"), { cidrBlock: "10.0.0.0/16" });
    const igw = new aws.ec2.InternetGateway(n("igw"), { vpcId: vpc.id });
    new aws.ec2.DefaultRouteTable(n("main"), { defaultRouteTableId: vpc.mainRouteTableId, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }] });
    if (chosenPrivateTable) {
        const privateTable = new aws.ec2.RouteTable(n("private-rt"), { vpcId: vpc.id });
        new aws.ec2.MainRouteTableAssociation(n("main-choice"), { vpcId: vpc.id, routeTableId: privateTable.id });
    }
    const subnet = new aws.ec2.Subnet(n("subnet"), { vpcId: vpc.id, cidrBlock: "10.0.0.0/24", availabilityZone: "us-east-1a" });
    const group = new aws.ec2.SecurityGroup(n("fn-sg"), { vpcId: vpc.id, description: "the function" });
    new aws.lambda.Function(n("fn"), {
        role: "arn:aws:iam::123456789012:role/fn",
        runtime: aws.lambda.Runtime.NodeJS20dX,
        handler: "index.handler",
        code: new pulumi.asset.AssetArchive({}),
        vpcConfig: { subnetIds: [subnet.id], securityGroupIds: [group.id] },
    });
}

describe("policies: where Lambda functions sit in the network", () => {
    let stack: MockStack;
    const verdicts = (options: PlainStackOptions = {}, config?: Parameters<typeof verdictsOf>[2]) =>
        verdictsOf(stack, (prefix) => plainStack(prefix, options), config);

    before(async () => {
        stack = await MockStack.install();
    });

    describe("lambda-in-vpc", () => {
        it("accepts a function with subnets and a security group", async () => {
            expect(violationsOf(await verdicts(), "lambda-in-vpc")).to.deep.equal([]);
        });

        it("rejects a function without vpcConfig, as mandatory, naming the function", async () => {
            const [violation, ...others] = violationsOf(await verdicts({ vpcConfig: "absent" }), "lambda-in-vpc");
            expect(others).to.deep.equal([]);
            expect(violation.level).to.equal("mandatory");
            expect(blamed(violation)).to.match(/-fn$/);
            expect(violation.message).to.match(/Function "p\d+-fn" has no vpcConfig/);
        });

        it("rejects a vpcConfig with no subnets and no security groups (it detaches the function)", async () => {
            const [violation] = violationsOf(await verdicts({ vpcConfig: "empty" }), "lambda-in-vpc");
            expect(violation.message).to.include("no subnetIds and no securityGroupIds");
        });

        it("skips a function listed in exemptFunctions", async () => {
            const result = await verdictsOf(
                stack,
                (prefix) => plainStack(prefix, { vpcConfig: "absent" }),
                (prefix) => ({ "lambda-in-vpc": { exemptFunctions: [`${prefix}-fn`] } }),
            );
            expect(violationsOf(result, "lambda-in-vpc")).to.deep.equal([]);
        });
    });

    describe("lambda-vpc-limits", () => {
        it("accepts two subnets and one security group", async () => {
            expect(violationsOf(await verdicts(), "lambda-vpc-limits")).to.deep.equal([]);
        });

        it("rejects 17 subnets, Lambda's limit being 16", async () => {
            const [violation] = violationsOf(await verdicts({ vpcConfig: "seventeen-subnets" }), "lambda-vpc-limits");
            expect(violation.level).to.equal("mandatory");
            expect(violation.message).to.include("names 17 subnets").and.include("at most 16");
        });

        it("rejects 6 security groups, Lambda's limit being 5", async () => {
            const [violation] = violationsOf(await verdicts({ vpcConfig: "six-groups" }), "lambda-vpc-limits");
            expect(violation.message).to.include("names 6 security groups").and.include("at most 5");
        });
    });

    describe("lambda-multi-az", () => {
        it("accepts subnets in two zones", async () => {
            expect(violationsOf(await verdicts(), "lambda-multi-az")).to.deep.equal([]);
        });

        it("warns (advisory) when both subnets are in one zone, naming the zone", async () => {
            const [violation] = violationsOf(await verdicts({ subnetZones: ["us-east-1a", "us-east-1a"] }), "lambda-multi-az");
            expect(violation.level).to.equal("advisory");
            expect(blamed(violation)).to.match(/-fn$/);
            expect(violation.message).to.include("runs only in us-east-1a");
        });

        it("warns when the function names a single subnet", async () => {
            const [violation] = violationsOf(await verdicts({ subnetZones: ["us-east-1a"] }), "lambda-multi-az");
            expect(violation.message).to.include("names 1 subnet(s)");
        });

        it("takes the minimum number of zones from config", async () => {
            const result = await verdicts({ subnetZones: ["us-east-1a", "us-east-1b"] }, { "lambda-multi-az": { minimumAvailabilityZones: 3 } });
            expect(violationsOf(result, "lambda-multi-az")).to.have.lengthOf(1);
        });
    });

    describe("lambda-private-subnets", () => {
        it("accepts subnets routed to a NAT gateway", async () => {
            expect(violationsOf(await verdicts({ defaultRoute: "nat-gateway" }), "lambda-private-subnets")).to.deep.equal([]);
        });

        it("rejects subnets whose 0.0.0.0/0 route goes to an internet gateway, naming the route and table", async () => {
            const [violation] = violationsOf(await verdicts({ defaultRoute: "internet-gateway" }), "lambda-private-subnets");
            expect(violation.level).to.equal("mandatory");
            expect(violation.message).to.match(/route "p\d+-default-route" sends 0\.0\.0\.0\/0 to internet gateway "p\d+-igw" in route table "p\d+-rt"/);
        });

        it("rejects an inline 0.0.0.0/0 route to an internet gateway", async () => {
            const [violation] = violationsOf(await verdicts({ defaultRoute: "internet-gateway-inline" }), "lambda-private-subnets");
            expect(violation.message).to.include("an inline route sends 0.0.0.0/0 to internet gateway");
        });

        it("rejects a ::/0 route to an internet gateway", async () => {
            const [violation] = violationsOf(await verdicts({ defaultRoute: "internet-gateway-ipv6" }), "lambda-private-subnets");
            expect(violation.message).to.include("sends ::/0 to internet gateway");
        });

        it("rejects a subnet with no association whose VPC's main route table, adopted as a DefaultRouteTable, sends 0.0.0.0/0 to an internet gateway", async () => {
            const [violation, ...others] = violationsOf(await verdictsOf(stack, (prefix) => unassociatedSubnetStack(prefix, false)), "lambda-private-subnets");
            expect(others).to.deep.equal([]);
            expect(violation.message).to.match(/an inline route sends 0\.0\.0\.0\/0 to internet gateway "p\d+-igw" in main route table "p\d+-main"/);
        });

        it("accepts a subnet with no association when a MainRouteTableAssociation made a table with no route out the main one", async () => {
            expect(violationsOf(await verdictsOf(stack, (prefix) => unassociatedSubnetStack(prefix, true)), "lambda-private-subnets")).to.deep.equal([]);
        });

        it("rejects subnets that assign public IPs on launch", async () => {
            const [violation] = violationsOf(await verdicts({ mapPublicIpOnLaunch: true }), "lambda-private-subnets");
            expect(violation.message).to.include("mapPublicIpOnLaunch");
        });
    });

    describe("lambda-sg-no-public-ingress", () => {
        it("accepts a function security group without ingress", async () => {
            expect(violationsOf(await verdicts(), "lambda-sg-no-public-ingress")).to.deep.equal([]);
        });

        it("accepts ingress from inside the VPC", async () => {
            const result = await verdicts({ functionIngress: { cidrIpv4: "10.0.0.0/16", fromPort: 8080, toPort: 8080 } });
            expect(violationsOf(result, "lambda-sg-no-public-ingress")).to.deep.equal([]);
        });

        it("rejects ingress from 0.0.0.0/0, blaming the security group and naming the rule", async () => {
            const [violation] = violationsOf(await verdicts({ functionIngress: { cidrIpv4: "0.0.0.0/0", fromPort: 22, toPort: 22 } }), "lambda-sg-no-public-ingress");
            expect(violation.level).to.equal("mandatory");
            expect(blamed(violation)).to.match(/-fn-sg$/);
            expect(violation.message).to.match(/admits tcp 22 from 0\.0\.0\.0\/0 \(ingress rule "p\d+-fn-sg-open"\)/);
        });

        it("rejects ingress from ::/0", async () => {
            const [violation] = violationsOf(await verdicts({ functionIngress: { cidrIpv6: "::/0", fromPort: 443, toPort: 443 } }), "lambda-sg-no-public-ingress");
            expect(violation.message).to.include("from ::/0");
        });
    });
});

