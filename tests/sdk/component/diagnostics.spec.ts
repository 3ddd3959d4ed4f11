import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { NetworkPattern } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { CONFIG_ENV as DIAGNOSTICS_CONFIG_VARIABLE } from "../../../sdk/diagnostics/handler/config";
import { DIAGNOSTICS_HANDLER_DIRECTORY, DIAGNOSTICS_HANDLER_FILE } from "../../../sdk/resources/diagnostics-code";
import { MockStack, RecordedResource } from "../../../sdk/offline-engine/mock-stack";
import { InvalidNetworkArgumentsError } from "../../../sdk/arguments/problems";
import { diagnosticsConfigurationOf, lambdaSubnets, T, valueOf } from "../../helpers/mock-network";

const FUNCTION = "aws:lambda/function:Function";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

/** The configuration the function is given, as the handler will read it. */
const configurationOf = diagnosticsConfigurationOf;

describe("VpcLambdaNetwork: the diagnostics function", () => {
    describe("enabled, in a dual-stack PrivateWithNat network with interface endpoints and a database target", () => {
        let stack: MockStack;
        let net: VpcLambdaNetwork;
        let fn: RecordedResource;

        before(async () => {
            stack = await MockStack.install();
            const db = new aws.rds.Instance("db", { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20 });
            net = new VpcLambdaNetwork("app", {
                pattern: NetworkPattern.PrivateWithNat,
                dualStack: true,
                interfaceEndpoints: ["secretsmanager"],
                diagnostics: { enabled: true, targets: [{ host: db.address, port: 5432 }, { host: "10.0.192.10", port: 6379 }] },
            });
            await stack.settle();
            fn = stack.get(FUNCTION, "app-diagnostics");
        });

        it("outputs the function's name", async () => {
            expect(await valueOf(net.diagnosticsFunctionName)).to.equal(fn.outputs.name).and.to.match(/^app-diagnostics-/);
        });

        it("is a Node.js 24 function whose code is the handler's folder: every .js file, at the archive's root", async () => {
            expect(fn.inputs).to.deep.include({ runtime: "nodejs24.x", handler: "index.handler", timeout: 30 });
            // The engine's archive, as the mocks record it: its assets arrive as a promise.
            const assets = await fn.inputs.code.assets;
            const files = fs.readdirSync(DIAGNOSTICS_HANDLER_DIRECTORY).filter((name) => name.endsWith(".js"));
            expect(Object.keys(assets)).to.have.members(files).and.include("index.js");
            for (const name of files) {
                expect(await assets[name].path).to.equal(path.join(DIAGNOSTICS_HANDLER_DIRECTORY, name));
            }
        });

        it("ships a handler file that exists beside the compiled component and exports an async handler", async () => {
            expect(fs.existsSync(DIAGNOSTICS_HANDLER_FILE), DIAGNOSTICS_HANDLER_FILE).to.equal(true);
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const handlerModule = require(DIAGNOSTICS_HANDLER_FILE);
            expect(handlerModule.handler).to.be.a("function");
            expect(handlerModule.CONFIG_ENV).to.equal(DIAGNOSTICS_CONFIG_VARIABLE);
        });

        it("runs in the Lambda subnets with the Lambda group, with IPv6, and swaps to the rule-less group on destroy", () => {
            expect(fn.inputs.vpcConfig).to.deep.equal({
                subnetIds: lambdaSubnets(stack, "app").map((s) => s.id),
                securityGroupIds: [stack.get(T.securityGroup, "app-lambda-sg").id],
                ipv6AllowedForDualStack: true,
            });
            expect(fn.inputs.replaceSecurityGroupsOnDestroy).to.equal(true);
            expect(fn.inputs.replacementSecurityGroupIds).to.deep.equal([stack.get(T.securityGroup, "app-lambda-replacement-sg").id]);
        });

        it("has a role only Lambda may assume, with the network's ENI policy attached", () => {
            const role = stack.get(T.role, "app-diagnostics-role");
            expect(fn.inputs.role).to.equal(role.outputs.arn);
            expect(JSON.parse(role.inputs.assumeRolePolicy).Statement).to.deep.equal([
                { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
            ]);
            const attachments = stack.ofType(ATTACHMENT).filter((a) => a.inputs.role === role.outputs.name);
            expect(attachments.map((a) => a.inputs.policyArn)).to.have.members([
                stack.get(T.policy, "app-lambda-eni-policy").outputs.arn,
                stack.get(T.policy, "app-diagnostics-logs-policy").outputs.arn,
            ]);
            expect(stack.ofType(T.rolePolicy)).to.deep.equal([]);
        });

        it("writes to a log group of its own, kept 14 days, and may write to that group only", () => {
            const logGroup = stack.get(T.logGroup, "app-diagnostics-logs");
            expect(logGroup.inputs.retentionInDays).to.equal(14);
            expect(fn.inputs.loggingConfig.logGroup).to.equal(logGroup.outputs.name);
            const policy = JSON.parse(stack.get(T.policy, "app-diagnostics-logs-policy").inputs.policy);
            expect(stack.get(ATTACHMENT, "app-diagnostics-logs-policy-attachment").inputs.policyArn).to.equal(stack.get(T.policy, "app-diagnostics-logs-policy").outputs.arn);
            expect(policy.Statement).to.deep.equal([
                { Sid: "WriteOwnLogGroup", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [logGroup.outputs.arn, `${logGroup.outputs.arn}:*`] },
            ]);
        });

        it("is created after its role may create ENIs and write logs", () => {
            const needed = [stack.get(ATTACHMENT, "app-diagnostics-role-eni").urn, stack.get(ATTACHMENT, "app-diagnostics-logs-policy-attachment").urn];
            expect(fn.dependencies).to.include.members(needed);
        });

        it("is told the pattern, the services behind the endpoints, the targets (Outputs resolved), the VPC's IPv4 and IPv6 ranges and the expected reachability, the endpoints' group by its id", () => {
            const vpc = stack.get(T.vpc, "app-vpc");
            const endpointGroup = stack.get(T.securityGroup, "app-endpoint-sg").id;
            expect(configurationOf(fn)).to.deep.equal({
                pattern: "PrivateWithNat",
                internetExpected: true,
                services: [
                    { service: "s3", endpointType: "Gateway" },
                    { service: "dynamodb", endpointType: "Gateway" },
                    { service: "secretsmanager", endpointType: "Interface" },
                ],
                dualStack: true,
                targets: [
                    { host: stack.get("aws:rds/instance:Instance", "db").outputs.address, port: 5432 },
                    { host: "10.0.192.10", port: 6379 },
                ],
                vpcCidrBlocks: ["10.0.0.0/16", vpc.outputs.ipv6CidrBlock],
                expectations: `i4=R i6=R g:${endpointGroup}:443=R`,
                endpointGroupId: endpointGroup,
            });
            expect(Buffer.byteLength(JSON.stringify(fn.inputs.environment.variables))).to.be.below(4096);
        });

        it("is parented to the network, like everything else it builds", () => {
            const component = stack.get(T.component, "app");
            for (const resource of [fn, stack.get(T.role, "app-diagnostics-role"), stack.get(T.logGroup, "app-diagnostics-logs")]) {
                expect(resource.parent, resource.name).to.equal(component.urn);
            }
        });
    });

    it("is told the reachability predicted for each declared need and allowTo target, each group given as an Output by its id, and the group a target wears", async () => {
        const stack = await MockStack.install();
        const { failures } = await stack.run(() => {
            const dbGroup = new aws.ec2.SecurityGroup("db-sg", {});
            const cacheGroup = new aws.ec2.SecurityGroup("cache-sg", {});
            new VpcLambdaNetwork("app", {
                pattern: NetworkPattern.PrivateWithEndpoints,
                interfaceEndpoints: ["sts"],
                allowTo: [
                    { securityGroupId: dbGroup.id, port: 5432 },
                    { securityGroupId: cacheGroup.id, port: 6379 },
                ],
                needs: { services: ["sts"], securityGroups: [{ securityGroupId: cacheGroup.id, port: 6379 }] },
                diagnostics: { enabled: true, targets: [{ host: "db.internal", port: 5432, securityGroupId: dbGroup.id }] },
            });
        });
        expect(failures).to.deep.equal([]);
        const [db, cache, endpoints] = [stack.get(T.securityGroup, "db-sg").id, stack.get(T.securityGroup, "cache-sg").id, stack.get(T.securityGroup, "app-endpoint-sg").id];
        const configuration = configurationOf(stack.get(FUNCTION, "app-diagnostics"));
        // Whether the database's and the cache's groups admit the functions is not the component's to know.
        expect(configuration).to.deep.include({
            expectations: `i4=B:route i6=B:subnet s:sts=R g:${cache}:6379=U g:${db}:5432=U g:${endpoints}:443=R`,
            targets: [{ host: "db.internal", port: 5432, securityGroupId: db }],
            endpointGroupId: endpoints,
        });
        expect(Object.keys(configuration.blockedHops as object)).to.deep.equal(["i4", "i6"]);
    });

    it("refuses a target's security group that is not a security group id, naming the field, before anything is created", async () => {
        const stack = await MockStack.install();
        expect(() => new VpcLambdaNetwork("app", { pattern: NetworkPattern.Isolated, diagnostics: { enabled: true, targets: [{ host: "db.internal", port: 5432, securityGroupId: "database" }] } })).to.throw(
            InvalidNetworkArgumentsError,
            /diagnostics\.targets\[0\]\.securityGroupId: "database" is not a security group id such as "sg-0123456789abcdef0"/,
        );
        expect(await stack.settle()).to.deep.equal([]);
    });

    it("builds nothing, and outputs no name, when not enabled", async () => {
        for (const diagnostics of [undefined, { enabled: false, targets: [{ host: "db.internal", port: 5432 }] }]) {
            const stack = await MockStack.install();
            const net = new VpcLambdaNetwork("app", { pattern: NetworkPattern.Isolated, diagnostics });
            await stack.settle();
            expect(stack.ofType(FUNCTION)).to.deep.equal([]);
            expect(stack.ofType(T.role).map((r) => r.name)).to.not.include("app-diagnostics-role");
            expect(stack.ofType(T.logGroup).map((r) => r.name)).to.not.include("app-diagnostics-logs");
            expect(await valueOf(net.diagnosticsFunctionName)).to.equal(undefined);
        }
    });

    it("in an Isolated network: expects no internet and checks no service", async () => {
        const stack = await MockStack.install();
        new VpcLambdaNetwork("app", { pattern: NetworkPattern.Isolated, diagnostics: { enabled: true } });
        await stack.settle();
        const fn = stack.get(FUNCTION, "app-diagnostics");
        expect(configurationOf(fn)).to.deep.include({ pattern: "Isolated", internetExpected: false, services: [], targets: [], dualStack: false, vpcCidrBlocks: ["10.0.0.0/16"] });
        expect(fn.inputs.vpcConfig.ipv6AllowedForDualStack).to.equal(false);
    });

    it("checks a database in the network's own subnets, its address passed through a deferred output (as docs/diagnostics.md shows)", async () => {
        const stack = await MockStack.install();
        const { failures } = await stack.run(() => {
            const [dbAddress, resolveDbAddress] = pulumi.deferredOutput<string>();
            const net = new VpcLambdaNetwork("app", { pattern: NetworkPattern.Isolated, diagnostics: { enabled: true, targets: [{ host: dbAddress, port: 5432 }] } });
            const subnets = new aws.rds.SubnetGroup("db-subnets", { subnetIds: net.lambdaSubnetIds });
            const db = new aws.rds.Instance("db", { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, dbSubnetGroupName: subnets.name });
            resolveDbAddress(db.address);
        });
        expect(failures).to.deep.equal([]);
        const fn = stack.get(FUNCTION, "app-diagnostics");
        const db = stack.get("aws:rds/instance:Instance", "db");
        expect(configurationOf(fn).targets).to.deep.equal([{ host: db.outputs.address, port: 5432 }]);
        expect(fn.dependencies).to.include(db.urn);
    });

    it("in an existing VPC: looks the VPC's ranges up", async () => {
        const stack = await MockStack.install();
        const { failures } = await stack.run(() => {
            const vpc = new aws.ec2.Vpc("own-vpc", { cidrBlock: "10.1.0.0/16" });
            const subnets = [0, 1].map((i) => new aws.ec2.Subnet(`own-subnet-${i}`, { vpcId: vpc.id, cidrBlock: `10.1.${i}.0/24` }));
            new VpcLambdaNetwork("joined", {
                pattern: NetworkPattern.Isolated,
                existingVpc: { vpcId: vpc.id, subnetIds: subnets.map((s) => s.id) },
                diagnostics: { enabled: true, targets: [{ host: pulumi.output("cache.internal"), port: 6379 }] },
            });
        });
        expect(failures).to.deep.equal([]);
        const fn = stack.get(FUNCTION, "joined-diagnostics");
        expect(configurationOf(fn)).to.deep.include({ vpcCidrBlocks: ["10.1.0.0/16"], targets: [{ host: "cache.internal", port: 6379 }] });
        expect(fn.inputs.vpcConfig.subnetIds).to.deep.equal([0, 1].map((i) => stack.get(T.subnet, `own-subnet-${i}`).id));
    });
});
