import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { VpcLambdaNetwork } from "../../sdk/component";
import { MockStack } from "../../sdk/offline-engine/mock-stack";
import { blamed, functionOn, verdictsOf, violationsOf } from "./helpers";

/** A network with a PostgreSQL database whose group admits the Lambda group on 5432 when `admitted`; the network needs it, and secretsmanager. */
function networkWithDatabase(prefix: string, admitted: boolean): void {
    const [dbGroupId, resolveDbGroupId] = pulumi.deferredOutput<string>();
    const net = new VpcLambdaNetwork(`${prefix}-net`, {
        pattern: "PrivateWithNat",
        needs: { services: ["secretsmanager"], securityGroups: [{ securityGroupId: dbGroupId, port: 5432 }] },
    });
    const dbGroup = new aws.ec2.SecurityGroup(`${prefix}-db-sg`, { vpcId: net.vpcId, description: "PostgreSQL" });
    resolveDbGroupId(dbGroup.id);
    if (admitted) {
        new aws.vpc.SecurityGroupIngressRule(`${prefix}-db-from-lambda`, { securityGroupId: dbGroup.id, referencedSecurityGroupId: net.lambdaSecurityGroupId, ipProtocol: "tcp", fromPort: 5432, toPort: 5432 });
    }
    functionOn(prefix, net);
}

/** A function of plain resources in a subnet with no route out, tagged with `needs`. */
function isolatedFunction(prefix: string, needs: string, tagOn: "function" | "group" = "function"): void {
    const n = (name: string) => `${prefix}-${name}`;
    const vpc = new aws.ec2.Vpc(n("vpc"), { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true });
    const subnet = new aws.ec2.Subnet(n("subnet"), { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" });
    const table = new aws.ec2.RouteTable(n("rt"), { vpcId: vpc.id });
    new aws.ec2.RouteTableAssociation(n("rta"), { subnetId: subnet.id, routeTableId: table.id });
    const tags = { "vpc-lambda:needs": needs };
    const group = new aws.ec2.SecurityGroup(n("fn-sg"), { vpcId: vpc.id, ...(tagOn === "group" ? { tags } : {}) });
    new aws.vpc.SecurityGroupEgressRule(n("fn-out"), { securityGroupId: group.id, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" });
    const role = new aws.iam.Role(n("fn-role"), { assumeRolePolicy: JSON.stringify({ Statement: [] }) });
    new aws.lambda.Function(n("fn"), {
        role: role.arn,
        runtime: aws.lambda.Runtime.NodeJS20dX,
        handler: "index.handler",
        code: new pulumi.asset.AssetArchive({}),
        vpcConfig: { subnetIds: [subnet.id], securityGroupIds: [group.id] },
        ...(tagOn === "function" ? { tags } : {}),
    });
}

describe("policies: reachability", () => {
    let stack: MockStack;

    before(async () => {
        stack = await MockStack.install();
    });

    describe("reachability-declared-needs", () => {
        it("accepts a network whose needs are all reachable", async () => {
            expect(violationsOf(await verdictsOf(stack, (p) => networkWithDatabase(p, true)), "reachability-declared-needs")).to.deep.equal([]);
        });

        it("rejects a needed database whose group does not admit the functions, blaming the function with the hop and the fix", async () => {
            const [violation, ...others] = violationsOf(await verdictsOf(stack, (p) => networkWithDatabase(p, false)), "reachability-declared-needs");
            expect(others).to.deep.equal([]);
            expect(violation.level).to.equal("mandatory");
            expect(blamed(violation)).to.match(/^p\d+-fn$/);
            expect(violation.message).to.match(
                /^Function "p\d+-fn" needs security group p\d+-db-sg:5432, which it cannot reach from subnet p\d+-net-lambda-subnet-1: security group p\d+-db-sg admits no TCP 5432 from function p\d+-fn's security group\. Add an ingress rule to security group p\d+-db-sg for TCP 5432 from security group p\d+-net-lambda-sg \(referencedSecurityGroupId\)\.$/,
            );
        });

        it("rejects a need a plain stack tags on its function, when the subnet has no route out", async () => {
            const [violation] = violationsOf(await verdictsOf(stack, (p) => isolatedFunction(p, "internet")), "reachability-declared-needs");
            expect(violation.message).to.match(/^Function "p\d+-fn" needs the internet \(IPv4\), which it cannot reach from subnet p\d+-subnet: p\d+-rt has no 0\.0\.0\.0\/0 route: the traffic has nowhere to go\. Add a 0\.0\.0\.0\/0 route from p\d+-rt to a NAT gateway in a public subnet\.$/);
        });

        it("reads the needs tagged on a security group the function wears", async () => {
            const [violation] = violationsOf(await verdictsOf(stack, (p) => isolatedFunction(p, "sts", "group")), "reachability-declared-needs");
            expect(violation.message).to.match(/^Function "p\d+-fn" needs sts, which it cannot reach/);
        });

        it("rejects a needs tag it cannot read, naming the entry", async () => {
            const [violation] = violationsOf(await verdictsOf(stack, (p) => isolatedFunction(p, "sg-0abc")), "reachability-declared-needs");
            expect(violation.message).to.match(/^Function "p\d+-fn" declares needs that cannot be read: the vpc-lambda:needs tag of p\d+-fn: "sg-0abc" is not <security group id>:<port>, such as "sg-0123456789abcdef0:5432"\.$/);
        });

        it("skips functions listed in exemptFunctions", async () => {
            const result = await verdictsOf(stack, (p) => isolatedFunction(p, "internet"), (p) => ({ "reachability-declared-needs": { exemptFunctions: [`${p}-fn`] } }));
            expect(violationsOf(result, "reachability-declared-needs")).to.deep.equal([]);
        });

        it("says nothing about a function that declares no needs", async () => {
            const result = await verdictsOf(stack, (p) => functionOn(p, new VpcLambdaNetwork(`${p}-net`, { pattern: "Isolated" })));
            expect([...violationsOf(result, "reachability-declared-needs"), ...violationsOf(result, "reachability-undeclared")]).to.deep.equal([]);
        });
    });

    describe("reachability-undeclared", () => {
        it("flags the internet a PrivateWithNat network reaches when its needs do not declare it, blaming the function", async () => {
            const [violation, ...others] = violationsOf(await verdictsOf(stack, (p) => networkWithDatabase(p, true)), "reachability-undeclared");
            expect(others).to.deep.equal([]);
            expect(violation.level).to.equal("advisory");
            expect(blamed(violation)).to.match(/^p\d+-fn$/);
            expect(violation.message).to.match(/^Function "p\d+-fn" reaches what its needs \(secretsmanager sg-[0-9a-f]+:5432\) do not declare: the internet \(IPv4\)\. Declare them, or close them\.$/);
        });

        it("counts an interface endpoint's group as part of the services it serves, not as something undeclared", async () => {
            const result = await verdictsOf(stack, (p) => functionOn(p, new VpcLambdaNetwork(`${p}-net`, { pattern: "PrivateWithEndpoints", interfaceEndpoints: ["sts"], needs: { services: ["sts"] } })));
            expect(violationsOf(result, "reachability-undeclared")).to.deep.equal([]);
        });

        it("flags a service its role calls and an endpoint reaches, when the needs leave it out", async () => {
            const result = await verdictsOf(stack, (p) => {
                const net = new VpcLambdaNetwork(`${p}-net`, { pattern: "PrivateWithEndpoints", interfaceEndpoints: ["sqs"], needs: {} });
                const role = new aws.iam.Role(`${p}-fn-role`, { assumeRolePolicy: JSON.stringify({ Statement: [] }) });
                new aws.iam.RolePolicy(`${p}-fn-sqs`, { role: role.id, policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" }] }) });
                new aws.lambda.Function(`${p}-fn`, { role: role.arn, runtime: aws.lambda.Runtime.NodeJS20dX, handler: "index.handler", code: new pulumi.asset.AssetArchive({}), vpcConfig: net.vpcConfig });
            });
            const [violation] = violationsOf(result, "reachability-undeclared");
            expect(violation.message).to.match(/^Function "p\d+-fn" reaches what its needs \(none\) do not declare: sqs\. Declare them, or close them\.$/);
        });

        it("accepts the same network once it declares the internet", async () => {
            const result = await verdictsOf(stack, (p) => functionOn(p, new VpcLambdaNetwork(`${p}-net`, { pattern: "PrivateWithNat", needs: { internet: true } })));
            expect(violationsOf(result, "reachability-undeclared")).to.deep.equal([]);
        });
    });
});

describe("policies: reachability in a preview", () => {
    let stack: MockStack;

    before(async () => {
        stack = await MockStack.install({ preview: true });
    });

    it("still finds an unreachable need through dependencies, where ids are unknown", async () => {
        const [violation] = violationsOf(await verdictsOf(stack, (p) => isolatedFunction(p, "internet")), "reachability-declared-needs");
        expect(violation.message).to.match(/^Function "p\d+-fn" needs the internet \(IPv4\), which it cannot reach/);
    });

    it("does not judge needs whose tag is not known yet (a security group id to come), nor flag what they leave undeclared", async () => {
        const result = await verdictsOf(stack, (p) => networkWithDatabase(p, false));
        expect([...violationsOf(result, "reachability-declared-needs"), ...violationsOf(result, "reachability-undeclared")]).to.deep.equal([]);
    });
});
