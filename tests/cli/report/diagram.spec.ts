import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { DIAGRAM_LIMITS, renderNetworkDiagram } from "../../../cli/report/diagram";
import { MERMAID_LIMITS } from "../../../cli/report/mermaid-limits";
import { NetworkPattern, NatGatewayStrategy } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { reachabilityMatrix } from "../../../sdk/reachability/model";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { recordNetwork, vpcFunction } from "./fixtures";
import { recordLargeNetwork } from "./render/large-network";
import { foldedMembers, ParsedFlowchart, parseFlowchart } from "./mermaid-edges";

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

        it("links the function, with one edge, to its subnets: one node listing both, for the two alike zones", () => {
            expect(chart.id("nat-lambda-subnet-1")).to.equal(chart.id("nat-lambda-subnet-2"));
            expect(chart.labelOf(chart.id("nat-lambda-subnet-1")).split("<br/>")).to.deep.equal(["Lambda subnet ×2", "nat-lambda-subnet-1", "10.0.0.0/19", "nat-lambda-subnet-2", "10.0.32.0/19"]);
            expect(chart.between("Lambda nat-fn", "nat-lambda-subnet-1").map((e) => e.arrow)).to.deep.equal(["-->"]);
        });

        it("draws the subnets inside one group for both zones, named by each, inside the VPC", () => {
            const subnets = chart.nodes.find((n) => n.id === chart.id("nat-lambda-subnet-2"))!;
            expect(subnets.within).to.deep.equal(["VPC nat-vpc 10.0.0.0/16", "us-east-1a, us-east-1b (×2 zones alike)"]);
        });

        it("routes each zone's 0.0.0.0/0 to its own zone's NAT gateway: the subnets and the NAT gateways side by side in the alike zones", () => {
            expect(chart.between("nat-lambda-subnet-1", "NAT gateway nat-nat-1")).to.deep.equal([{ from: chart.id("nat-lambda-subnet-1"), arrow: "-->", label: "0.0.0.0/0", to: chart.id("NAT gateway nat-nat-1") }]);
            expect(chart.id("NAT gateway nat-nat-2")).to.equal(chart.id("NAT gateway nat-nat-1"));
            expect(chart.labelOf(chart.id("NAT gateway nat-nat-1")).split("<br/>")).to.deep.equal(["NAT gateway ×2", "nat-nat-1", "in nat-public-subnet-1", "nat-nat-2", "in nat-public-subnet-2"]);
            expect(chart.nodes.find((n) => n.id === chart.id("NAT gateway nat-nat-1"))!.within[1]).to.equal("us-east-1a, us-east-1b (×2 zones alike)");
        });

        it("draws the public subnets hosting the NAT gateways, with their route to the internet gateway", () => {
            expect(chart.between("nat-public-subnet-1", "Internet gateway nat-igw").map((e) => [e.arrow, e.label])).to.deep.equal([["-->", "0.0.0.0/0"]]);
            expect(chart.id("nat-public-subnet-2")).to.equal(chart.id("nat-public-subnet-1"));
        });

        it("takes the NAT gateways to the internet through the internet gateway", () => {
            expect(chart.between("NAT gateway nat-nat-1", "Internet gateway nat-igw")).to.have.length(1);
            expect(chart.between("NAT gateway nat-nat-2", "Internet gateway nat-igw")).to.have.length(1);
            expect(chart.between("Internet gateway nat-igw", "Internet")[0].arrow).to.equal("-->");
        });

        it("sends S3 and DynamoDB traffic through the gateway endpoints on the Lambda route tables, drawn as one node", () => {
            expect(chart.between("nat-lambda-subnet-1", "s3 gateway endpoint").map((e) => e.arrow)).to.deep.equal(["-->"]);
            expect(chart.id("dynamodb gateway endpoint")).to.equal(chart.id("s3 gateway endpoint"));
            expect(chart.labelOf(chart.id("s3 gateway endpoint")).split("<br/>")).to.deep.equal(["gateway endpoint ×2", "s3, dynamodb"]);
        });

        it("draws allowTo as a permission from the function to the database wearing the target group, with its port", () => {
            expect(chart.between("Lambda nat-fn", "RDS nat-db")).to.deep.equal([{ from: chart.id("Lambda nat-fn"), arrow: "==>", label: "tcp 3306 MySQL", to: chart.id("RDS nat-db") }]);
        });

        it("crosses nothing out: this pattern reaches the internet", () => {
            expect(chart.edges.filter((e) => e.arrow === "-.-x")).to.deep.equal([]);
        });
    });

    describe("PrivateWithNat with a single NAT gateway", () => {
        let chart: ParsedFlowchart;
        before(async () => {
            chart = await draw(networkWithDatabase("one", NetworkPattern.PrivateWithNat, { strategy: "Single" }));
        });

        it("routes both zones to the one NAT gateway", () => {
            expect(chart.edges.filter((e) => e.to === chart.id("NAT gateway one-nat-1")).map((e) => chart.labelOf(e.from).split("<br/>")[0])).to.deep.equal([
                "one-lambda-subnet-1",
                "one-lambda-subnet-2",
            ]);
        });

        it("draws the two zones apart, in order: only the first holds the NAT gateway", () => {
            expect(chart.nodes.find((n) => n.id === chart.id("NAT gateway one-nat-1"))!.within[1]).to.equal("us-east-1a");
            expect(chart.nodes.find((n) => n.id === chart.id("one-lambda-subnet-2"))!.within[1]).to.equal("us-east-1b");
            expect([...new Set(chart.nodes.map((n) => n.within[1]).filter((zone) => zone !== undefined))]).to.deep.equal(["us-east-1a", "us-east-1b"]);
        });
    });

    describe("PrivateWithEndpoints with Secrets Manager", () => {
        let chart: ParsedFlowchart;
        before(async () => {
            chart = await draw(networkWithDatabase("pe", NetworkPattern.PrivateWithEndpoints, { interfaceEndpoints: ["secretsmanager"] }));
        });

        it("reaches Secrets Manager from the Lambda subnets through its interface endpoint, placed in both zones", () => {
            expect(chart.between("pe-lambda-subnet-1", "secretsmanager interface endpoint").map((e) => e.arrow)).to.deep.equal(["-->"]);
            expect(chart.labelOf(chart.id("secretsmanager interface endpoint"))).to.equal("secretsmanager interface endpoint<br/>in 2 zones");
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
            expect(chart.nodes.filter((n) => n.label.startsWith("secretsmanager API"))).to.deep.equal([]);
            expect(chart.between("call-lambda-subnet-1", "secretsmanager interface endpoint").map((e) => e.arrow)).to.deep.equal(["-->"]);
        });
    });

    describe("what the reachability model finds, drawn", () => {
        it("crosses out the internet where the function's own group lets nothing out, naming the hop: routes alone would draw it reachable", async () => {
            const chart = await draw(() => {
                const vpc = new aws.ec2.Vpc("shut-vpc", { cidrBlock: "10.4.0.0/16", assignGeneratedIpv6CidrBlock: true });
                const subnet = new aws.ec2.Subnet("shut-subnet", { vpcId: vpc.id, cidrBlock: "10.4.0.0/24", ipv6CidrBlock: "2600:1f18:aaaa:cc00::/64", availabilityZone: "us-east-1a" });
                const table = new aws.ec2.RouteTable("shut-rt", { vpcId: vpc.id });
                new aws.ec2.RouteTableAssociation("shut-rta", { subnetId: subnet.id, routeTableId: table.id });
                const eigw = new aws.ec2.EgressOnlyInternetGateway("shut-eigw", { vpcId: vpc.id });
                new aws.ec2.Route("shut-v6", { routeTableId: table.id, destinationIpv6CidrBlock: "::/0", egressOnlyGatewayId: eigw.id });
                // The provider removes AWS's default allow-all egress rule: this group lets nothing out.
                const group = new aws.ec2.SecurityGroup("shut-sg", { vpcId: vpc.id });
                vpcFunction("shut-fn", { subnetIds: [subnet.id], securityGroupIds: [group.id], ipv6AllowedForDualStack: true } as any);
            });
            expect(chart.between("Lambda shut-fn", "Internet").map((e) => [e.arrow, e.label])).to.deep.equal([["-.-x", "blocked at the SG egress shut-sg"]]);
        });

        it("draws a permission to a group outside the stack as such, its admission unknown rather than refused", async () => {
            const chart = await draw(() => {
                const net = new VpcLambdaNetwork("far", { pattern: NetworkPattern.Isolated, allowTo: [{ securityGroupId: "sg-0123456789abcdef0", port: 5432, description: "Postgres" }] });
                vpcFunction("far-fn", net.vpcConfig);
            });
            expect(chart.between("Lambda far-fn", "security group sg-0123456789abcdef0").map((e) => [e.arrow, e.label])).to.deep.equal([["==>", "tcp 5432 Postgres, admission by sg-0123456789abcdef0 unknown"]]);
        });

        it("crosses out a service the function declares it needs and cannot reach", async () => {
            const chart = await draw(() => {
                const net = new VpcLambdaNetwork("decl", { pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["secretsmanager"] });
                vpcFunction("decl-fn", net.vpcConfig, { tags: { "vpc-lambda:needs": "sts" } });
            });
            expect(chart.between("Lambda decl-fn", "sts API").map((e) => [e.arrow, e.label])).to.deep.equal([["-.-x", "declared needed, but no endpoint"]]);
        });

        it("draws what the matrix it is given says (the review report's, computed once for every report)", async () => {
            const graph = await recordNetwork(stack, () => {
                const net = new VpcLambdaNetwork("given", { pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["secretsmanager"] });
                vpcFunction("given-fn", net.vpcConfig, { tags: { "vpc-lambda:needs": "sts" } });
            });
            const stsCells = reachabilityMatrix(graph).filter((c) => c.destination.kind === "service" && c.destination.service === "sts");
            expect(stsCells.map((c) => c.verdict)).to.deep.equal(["blocked"]);
            const withoutSts = reachabilityMatrix(graph).filter((c) => !stsCells.includes(c));
            expect(parseFlowchart(renderNetworkDiagram(graph, { reachability: withoutSts })).nodes.filter((n) => n.label === "sts API")).to.deep.equal([]);
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

    describe("a function outside any VPC", () => {
        let chart: ParsedFlowchart;
        before(async () => {
            chart = await draw(() => {
                const net = new VpcLambdaNetwork("out", { pattern: NetworkPattern.Isolated });
                vpcFunction("out-in", net.vpcConfig);
                new aws.lambda.Function("out-free", { role: "arn:aws:iam::123456789012:role/fn-role", runtime: "nodejs20.x", handler: "index.handler", code: new pulumi.asset.AssetArchive({}) });
            });
        });

        it("is drawn outside the VPC, reaching the internet through Lambda's own network", () => {
            expect(chart.between("Lambda out-free", "Internet").map((e) => [e.arrow, e.label])).to.deep.equal([["-->", "no VPC: Lambda's own network"]]);
            expect(chart.nodes.find((n) => n.id === chart.id("Lambda out-free"))!.within).to.deep.equal([]);
        });

        it("leaves the function in the isolated VPC crossed out from the internet", () => {
            expect(chart.between("Lambda out-in", "Internet").map((e) => e.arrow)).to.deep.equal(["-.-x"]);
        });
    });

    describe("a Lambda security group open to the internet", () => {
        it("draws the ingress rule from the internet into the function, with its ports and range", async () => {
            const chart = await draw(() => {
                const net = new VpcLambdaNetwork("open", { pattern: NetworkPattern.PrivateWithNat });
                new aws.vpc.SecurityGroupIngressRule("open-ssh", { securityGroupId: net.lambdaSecurityGroupId, cidrIpv4: "0.0.0.0/0", ipProtocol: "tcp", fromPort: 22, toPort: 22 });
                vpcFunction("open-fn", net.vpcConfig);
            });
            expect(chart.between("Internet", "Lambda open-fn").map((e) => [e.arrow, e.label])).to.deep.equal([["==>", "tcp 22 in from 0.0.0.0/0"]]);
        });
    });

    describe("a network built into an existing VPC", () => {
        let chart: ParsedFlowchart;
        before(async () => {
            chart = await draw(() => {
                const net = new VpcLambdaNetwork("ex", {
                    pattern: NetworkPattern.PrivateWithNat,
                    existingVpc: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"], routeTableIds: ["rtb-0aaaaaaaaaaaaaaa1", "rtb-0aaaaaaaaaaaaaaa2"] },
                });
                vpcFunction("ex-fn", net.vpcConfig);
            });
        });

        it("draws the subnets inside the existing VPC, which the function's security group names", () => {
            expect(chart.nodes.find((n) => n.id === chart.id("subnet-0aaaaaaaaaaaaaaa1"))!.within[0]).to.equal("VPC vpc-0123456789abcdef0 (not in this stack)");
        });

        it("shows the gateway endpoints this stack adds to the VPC, reached if the subnets' route tables are theirs", () => {
            expect(chart.between("subnet-0aaaaaaaaaaaaaaa1", "s3 gateway endpoint").map((e) => [e.arrow, e.label])).to.deep.equal([["-->", "if its route table is the endpoint's"]]);
            expect(chart.nodes.find((n) => n.id === chart.id("s3 gateway endpoint"))!.within).to.deep.equal(["VPC vpc-0123456789abcdef0 (not in this stack)"]);
        });
    });

    describe("the bench's large network (6 zones, 20 interface endpoints) with 60 functions in five teams", () => {
        let chart: ParsedFlowchart;
        let text: string;
        before(async () => {
            text = renderNetworkDiagram(await recordLargeNetwork(stack, 60, "teams"));
            chart = parseFlowchart(text);
        });
        const functionNodes = () => chart.nodes.filter((n) => /^Lambda (×|fn-)/.test(n.label));
        const functionsIn = (label: string) => foldedMembers({ id: "", label, within: [] }).filter((m) => /^fn-[0-9a-z-]+$/.test(m)).length || 1;

        it("draws a node per team and zone spread, each listing its functions, all 60 of them", () => {
            expect(functionNodes()).to.have.length(10);
            expect(functionNodes().reduce((sum, n) => sum + Number(/^Lambda ×(\d+)/.exec(n.label)?.[1] ?? 1), 0)).to.equal(60);
            expect(functionNodes().reduce((sum, n) => sum + functionsIn(n.label), 0)).to.equal(60);
        });

        it("draws the first zone apart, where the single-zone functions run, and the five others once", () => {
            const zones = [...new Set(chart.nodes.map((n) => n.within[1]).filter((z) => z !== undefined))];
            expect(zones).to.deep.equal(["us-east-1a", "us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f (×5 zones alike)"]);
        });

        it("draws one edge from each group of subnets to the twenty interface endpoints", () => {
            const endpoints = chart.id("secretsmanager interface endpoint");
            expect(chart.labelOf(endpoints).split("<br/>").slice(0, 2)).to.deep.equal(["interface endpoint ×20", "in 6 zones"]);
            expect(chart.edges.filter((e) => e.to === endpoints).map((e) => chart.labelOf(e.from).split("<br/>")[0])).to.deep.equal(["large-lambda-subnet-1", "Lambda subnet ×5"]);
        });

        it(`stays far within the diagram's limits (${DIAGRAM_LIMITS.maxEdges} edges): the 540 edges of one per resource pair fold to a few dozen`, () => {
            expect(chart.edges.length).to.be.within(20, 60);
            expect(text.length).to.be.below(DIAGRAM_LIMITS.maxTextSize);
        });
    });

    describe("a thousand functions that no folding can fold", () => {
        let chart: ParsedFlowchart;
        let text: string;
        before(async function () {
            this.timeout(120_000);
            text = renderNetworkDiagram(await recordLargeNetwork(stack, 1000, "distinct"));
            chart = parseFlowchart(text);
        });

        it("stops within the diagram's limits, themselves within Mermaid's", () => {
            expect(chart.edges.length).to.be.at.most(DIAGRAM_LIMITS.maxEdges);
            expect(text.length).to.be.at.most(DIAGRAM_LIMITS.maxTextSize);
            expect(DIAGRAM_LIMITS.maxEdges).to.be.at.most(MERMAID_LIMITS.maxEdges);
            expect(DIAGRAM_LIMITS.maxTextSize).to.be.at.most(MERMAID_LIMITS.maxTextSize);
        });

        it("says in a note how many functions it does not draw, which with those drawn make the thousand", () => {
            const note = chart.labelOf("note_not_drawn").split("<br/>");
            const notDrawn = Number(/^(\d+) functions in \d+ groups/.exec(note[0])?.[1]);
            const drawn = chart.nodes.filter((n) => /^Lambda fn-/.test(n.label)).length;
            expect(drawn).to.be.greaterThan(10);
            expect(drawn + notDrawn).to.equal(1000);
            expect(note[1]).to.equal(`this diagram stops at ${DIAGRAM_LIMITS.maxEdges} edges and 30,000 characters`);
        });

        it("still draws the network itself: the zones, the NAT gateways and the endpoints", () => {
            expect(chart.id("NAT gateway large-nat-1")).to.be.a("string");
            expect(chart.id("secretsmanager interface endpoint")).to.be.a("string");
        });
    });
});
