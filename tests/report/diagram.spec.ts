import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { renderNetworkDiagram } from "../../cli/report/diagram";
import { NetworkPattern, NatGatewayStrategy } from "../../sdk/args";
import { VpcLambdaNetwork } from "../../sdk/component";
import { MockStack } from "../../sdk/testing/mock-stack";
import { recordNetwork, vpcFunction } from "./fixtures";
import { ParsedFlowchart, parseFlowchart } from "./mermaid-edges";

/** A network, a function in it, and a MySQL database the function may reach (as in the root program). */
function networkWithDatabase(name: string, pattern: NetworkPattern, options: { strategy?: NatGatewayStrategy; admitLambda?: boolean; interfaceEndpoints?: string[] } = {}) {
    return () => {
        const [dbGroupId, resolveDbGroupId] = pulumi.deferredOutput<string>();
        const net = new VpcLambdaNetwork(name, {
            pattern,
            ...(options.strategy ? { natGateways: { strategy: options.strategy } } : {}),
            ...(options.interfaceEndpoints ? { interfaceEndpoints: options.interfaceEndpoints } : {}),
            allowTo: [{ securityGroupId: dbGroupId, port: 3306, description: "MySQL" }],
        });
        const dbGroup = new aws.ec2.SecurityGroup(`${name}-db-sg`, { vpcId: net.vpcId });
        resolveDbGroupId(dbGroup.id);
        if (options.admitLambda ?? true) {
            new aws.vpc.SecurityGroupIngressRule(`${name}-db-from-lambda`, {
                securityGroupId: dbGroup.id,
                referencedSecurityGroupId: net.lambdaSecurityGroupId,
                ipProtocol: "tcp",
                fromPort: 3306,
                toPort: 3306,
            });
        }
        new aws.rds.Instance(`${name}-db`, { engine: "mysql", instanceClass: "db.t4g.micro", allocatedStorage: 20, vpcSecurityGroupIds: [dbGroup.id] });
        vpcFunction(`${name}-fn`, net.vpcConfig);
    };
}

describe("report: network diagram", () => {
    let stack: MockStack;
    before(async () => {
        stack = await MockStack.install();
    });

    const draw = async (program: () => void): Promise<ParsedFlowchart> => parseFlowchart(renderNetworkDiagram(await recordNetwork(stack, program)));

    describe("PrivateWithNat, one NAT gateway per zone, with a database", () => {
        let chart: ParsedFlowchart;
        before(async () => {
            chart = await draw(networkWithDatabase("nat", NetworkPattern.PrivateWithNat));
        });

        it("is a left-to-right Mermaid flowchart", () => {
            expect(chart.header).to.equal("flowchart LR");
        });

        it("links the function to its subnet in each zone", () => {
            expect(chart.edges.filter((e) => e.from === chart.id("Lambda nat-fn")).map((e) => [chart.labelOf(e.to).split("<br/>")[0], e.arrow])).to.deep.include.members([
                ["nat-lambda-subnet-1", "-->"],
                ["nat-lambda-subnet-2", "-->"],
            ]);
        });

        it("draws each Lambda subnet inside its zone, inside the VPC", () => {
            const subnet2 = chart.nodes.find((n) => n.id === chart.id("nat-lambda-subnet-2"))!;
            expect(subnet2.within).to.deep.equal(["VPC nat-vpc 10.0.0.0/16", "us-east-1b"]);
        });

        it("routes each zone's 0.0.0.0/0 to its own zone's NAT gateway", () => {
            expect(chart.between("nat-lambda-subnet-1", "NAT gateway nat-nat-1")).to.deep.equal([{ from: chart.id("nat-lambda-subnet-1"), arrow: "-->", label: "0.0.0.0/0", to: chart.id("NAT gateway nat-nat-1") }]);
            expect(chart.between("nat-lambda-subnet-2", "NAT gateway nat-nat-2")).to.have.length(1);
            expect(chart.between("nat-lambda-subnet-2", "NAT gateway nat-nat-1")).to.deep.equal([]);
        });

        it("takes the NAT gateways to the internet through the internet gateway", () => {
            expect(chart.between("NAT gateway nat-nat-1", "Internet gateway nat-igw")).to.have.length(1);
            expect(chart.between("NAT gateway nat-nat-2", "Internet gateway nat-igw")).to.have.length(1);
            expect(chart.between("Internet gateway nat-igw", "Internet")[0].arrow).to.equal("-->");
        });

        it("sends S3 and DynamoDB traffic through the gateway endpoints on the Lambda route tables", () => {
            expect(chart.between("nat-lambda-subnet-1", "s3 gateway endpoint")).to.have.length(1);
            expect(chart.between("s3 gateway endpoint", "Amazon S3")).to.have.length(1);
            expect(chart.between("nat-lambda-subnet-2", "dynamodb gateway endpoint")).to.have.length(1);
            expect(chart.between("dynamodb gateway endpoint", "Amazon DynamoDB")).to.have.length(1);
        });

        it("draws allowTo as a permission from the function to the database wearing the target group, with its port", () => {
            expect(chart.between("Lambda nat-fn", "RDS nat-db")).to.deep.equal([{ from: chart.id("Lambda nat-fn"), arrow: "==>", label: "tcp 3306 MySQL", to: chart.id("RDS nat-db") }]);
        });

        it("crosses nothing out: this pattern reaches the internet", () => {
            expect(chart.edges.filter((e) => e.arrow === "-.-x")).to.deep.equal([]);
        });
    });

    describe("PrivateWithNat with a single NAT gateway", () => {
        it("routes both zones to the one NAT gateway", async () => {
            const chart = await draw(networkWithDatabase("one", NetworkPattern.PrivateWithNat, { strategy: "Single" }));
            expect(chart.edges.filter((e) => e.to === chart.id("NAT gateway one-nat-1")).map((e) => chart.labelOf(e.from).split("<br/>")[0])).to.deep.equal([
                "one-lambda-subnet-1",
                "one-lambda-subnet-2",
            ]);
        });
    });

    describe("PrivateWithEndpoints with Secrets Manager", () => {
        let chart: ParsedFlowchart;
        before(async () => {
            chart = await draw(networkWithDatabase("pe", NetworkPattern.PrivateWithEndpoints, { interfaceEndpoints: ["secretsmanager"] }));
        });

        it("reaches Secrets Manager from each Lambda subnet through its interface endpoint", () => {
            expect(chart.between("pe-lambda-subnet-1", "secretsmanager interface endpoint")).to.have.length(1);
            expect(chart.between("pe-lambda-subnet-2", "secretsmanager interface endpoint")).to.have.length(1);
            expect(chart.between("secretsmanager interface endpoint", "secretsmanager API")).to.have.length(1);
        });

        it("crosses out the internet and the AWS APIs without an endpoint", () => {
            expect(chart.between("Lambda pe-fn", "Internet").map((e) => e.arrow)).to.deep.equal(["-.-x"]);
            expect(chart.between("Lambda pe-fn", "AWS APIs without an endpoint").map((e) => e.arrow)).to.deep.equal(["-.-x"]);
        });

        it("draws the functions' HTTPS permission to the endpoint that wears the endpoint security group", () => {
            expect(chart.between("Lambda pe-fn", "secretsmanager interface endpoint").map((e) => [e.arrow, e.label])).to.deep.equal([
                ["==>", "tcp 443 Lambda to the interface endpoints over HTTPS"],
            ]);
        });

        it("has no NAT gateway and no internet gateway", () => {
            expect(chart.nodes.filter((n) => /gateway pe-/.test(n.label)).map((n) => n.label)).to.deep.equal([]);
        });
    });

    describe("PrivateWithEndpoints, with a function whose role calls a service that has no endpoint", () => {
        let chart: ParsedFlowchart;
        before(async () => {
            chart = await draw(() => {
                const net = new VpcLambdaNetwork("call", { pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["secretsmanager"] });
                const role = new aws.iam.Role("call-role", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
                new aws.iam.RolePolicy("call-policy", {
                    role: role.id,
                    policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["sqs:SendMessage", "secretsmanager:GetSecretValue"], Resource: "*" }] }),
                });
                vpcFunction("call-fn", net.vpcConfig, { role: role.arn });
            });
        });

        it("crosses out the service without an endpoint: the call would time out", () => {
            expect(chart.between("Lambda call-fn", "sqs API")).to.deep.equal([
                { from: chart.id("Lambda call-fn"), arrow: "-.-x", label: "its role allows calls, but no endpoint", to: chart.id("sqs API") },
            ]);
        });

        it("does not cross out the service its endpoint reaches", () => {
            expect(chart.edges.filter((e) => e.to === chart.id("secretsmanager API")).map((e) => e.arrow)).to.deep.equal(["-->"]);
        });
    });

    describe("Isolated", () => {
        let chart: ParsedFlowchart;
        before(async () => {
            chart = await draw(networkWithDatabase("iso", NetworkPattern.Isolated));
        });

        it("still reaches the database inside the VPC", () => {
            expect(chart.between("Lambda iso-fn", "RDS iso-db").map((e) => e.arrow)).to.deep.equal(["==>"]);
        });

        it("has no endpoint, and crosses out the internet", () => {
            expect(chart.nodes.filter((n) => n.label.includes("endpoint") && !n.label.includes("without an endpoint"))).to.deep.equal([]);
            expect(chart.between("Lambda iso-fn", "Internet").map((e) => e.arrow)).to.deep.equal(["-.-x"]);
        });
    });

    describe("security groups that disagree", () => {
        it("draws a dotted arrow when the database's group does not admit the Lambda group", async () => {
            const chart = await draw(networkWithDatabase("half", NetworkPattern.Isolated, { admitLambda: false }));
            expect(chart.between("Lambda half-fn", "RDS half-db")).to.deep.equal([
                { from: chart.id("Lambda half-fn"), arrow: "-.->", label: "tcp 3306 MySQL, not admitted by half-db-sg", to: chart.id("RDS half-db") },
            ]);
        });
    });

    describe("a function in subnets the stack does not create", () => {
        let chart: ParsedFlowchart;
        before(async () => {
            chart = await draw(() => vpcFunction("ext-fn", { subnetIds: ["subnet-0123456789abcdef0"], securityGroupIds: ["sg-0123456789abcdef0"] }));
        });

        it("says the subnet's routes are unknown", () => {
            expect(chart.labelOf(chart.id("subnet-0123456789abcdef0"))).to.contain("not in this stack: routes unknown");
        });

        it("crosses nothing out: what the stack cannot see may well reach the internet", () => {
            expect(chart.edges.filter((e) => e.arrow === "-.-x")).to.deep.equal([]);
        });
    });

    describe("a plain aws.* network with the function in a public subnet", () => {
        it("crosses out the internet: the internet gateway route gives Lambda no public IP", async () => {
            const chart = await draw(() => {
                const vpc = new aws.ec2.Vpc("pub-vpc", { cidrBlock: "10.3.0.0/16" });
                const subnet = new aws.ec2.Subnet("pub-subnet", { vpcId: vpc.id, cidrBlock: "10.3.0.0/24", availabilityZone: "us-east-1a", mapPublicIpOnLaunch: true });
                const igw = new aws.ec2.InternetGateway("pub-igw", { vpcId: vpc.id });
                const table = new aws.ec2.RouteTable("pub-rt", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }] });
                new aws.ec2.RouteTableAssociation("pub-rta", { subnetId: subnet.id, routeTableId: table.id });
                const sg = new aws.ec2.SecurityGroup("pub-sg", { vpcId: vpc.id });
                vpcFunction("pub-fn", { subnetIds: [subnet.id], securityGroupIds: [sg.id] });
            });
            const [edge] = chart.between("pub-subnet", "Internet");
            expect(edge.arrow).to.equal("-.-x");
            expect(edge.label).to.contain("no public IP");
        });
    });
});
