import { expect } from "chai";
import { MockAws } from "../../sdk/offline-engine/mock-aws";
import { AWSX_VPC_TYPE, mockAwsxVpc } from "../../sdk/offline-engine/awsx-vpc-mock";
import { diagnosticsConfigurationOf, T } from "../helpers/mock-network";
import { OfflinePlan, PlannedResource, planProgram, typescriptExamples } from "./offline-plan";

// Every TypeScript example (and the root program) is planned offline, in its own process, as a
// user would run `vpc-lambda plan`: an example that stops compiling, throws, or wires a function
// outside its network fails here instead of in a user's first `pulumi up`.

const LAMBDA = "aws:lambda/function:Function";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const RDS = "aws:rds/instance:Instance";

const plans = new Map<string, Promise<OfflinePlan>>();
/** Each program is planned once, whichever spec asks first. */
function planOf(programDir: string): Promise<OfflinePlan> {
    if (!plans.has(programDir)) {
        plans.set(programDir, planProgram(programDir));
    }
    return plans.get(programDir)!;
}

function theNetwork(plan: OfflinePlan): PlannedResource {
    const networks = plan.ofType(T.component);
    expect(networks, "VpcLambdaNetwork components").to.have.length(1);
    return networks[0];
}

function childOf(plan: OfflinePlan, network: PlannedResource, type: string, suffix: string): PlannedResource {
    return plan.get(type, `${network.name}-${suffix}`);
}

/** What awsx would have built, as the offline mocks answer for it (awsx's VPC is opaque there). */
function awsxVpcOf(plan: OfflinePlan) {
    const [vpc] = plan.ofType(AWSX_VPC_TYPE);
    const aws = new MockAws({ region: plan.region });
    return mockAwsxVpc(vpc.name, vpc.inputs, aws.zoneNames, (type, name) => aws.idFor(type, name));
}

/** The subnets the network puts functions in: its own Lambda subnets, or the ones it was given. */
function lambdaSubnetIdsOf(plan: OfflinePlan, network: PlannedResource): string[] {
    const own = plan
        .childrenOf(network)
        .filter((r) => r.type === T.subnet && r.name.startsWith(`${network.name}-lambda-subnet-`))
        .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
    if (own.length > 0) {
        return own.map((s) => s.id!);
    }
    if (plan.ofType(AWSX_VPC_TYPE).length === 1) {
        return awsxVpcOf(plan).subnets.filter((s) => s.type === "Private").map((s) => s.id);
    }
    throw new Error(`network ${network.name} creates no subnet and no awsx VPC is planned: which subnets should its functions use?`);
}

/** A role's name as an attachment names it, from the ARN a function is given. */
function roleNameOf(roleArn: string): string {
    return roleArn.slice(roleArn.lastIndexOf("/") + 1);
}

function policyStatements(policy: PlannedResource): Record<string, any>[] {
    return JSON.parse(policy.inputs.policy).Statement;
}

for (const programDir of [".", ...typescriptExamples().map((name) => `examples/${name}`)]) {
    describe(`offline plan of ${programDir === "." ? "the root program" : programDir}`, function () {
        this.timeout(120_000);
        let plan: OfflinePlan;
        let network: PlannedResource;
        let functions: PlannedResource[];

        before(async () => {
            plan = await planOf(programDir);
            network = theNetwork(plan);
            functions = plan.ofType(LAMBDA);
        });

        it("plans a VpcLambdaNetwork and at least one function", () => {
            expect(network.type).to.equal(T.component);
            expect(functions.length).to.be.greaterThan(0);
        });

        it("runs every function in the network's Lambda subnets", () => {
            const expected = lambdaSubnetIdsOf(plan, network);
            for (const fn of functions) {
                expect(fn.inputs.vpcConfig?.subnetIds, fn.name).to.deep.equal(expected);
            }
        });

        it("runs every function in the network's Lambda security group, and only that", () => {
            const lambdaSg = childOf(plan, network, T.securityGroup, "lambda-sg");
            for (const fn of functions) {
                expect(fn.inputs.vpcConfig?.securityGroupIds, fn.name).to.deep.equal([lambdaSg.id]);
            }
        });

        it("attaches the network's ENI policy to every function's role, and makes the function depend on that attachment", () => {
            const eniPolicy = childOf(plan, network, T.policy, "lambda-eni-policy");
            for (const fn of functions) {
                const attachments = plan
                    .ofType(ATTACHMENT)
                    .filter((a) => a.inputs.role === roleNameOf(fn.inputs.role) && plan.dependsOn(a, eniPolicy));
                expect(attachments, `${fn.name}: ENI policy attachments on its role`).to.have.length(1);
                expect(plan.dependsOn(fn, attachments[0]), `${fn.name} depends on ${attachments[0].name}`).to.equal(true);
            }
        });

        it("moves every function onto the network's rule-less security group before deleting it", () => {
            const replacement = childOf(plan, network, T.securityGroup, "lambda-replacement-sg");
            for (const fn of functions) {
                expect([fn.inputs.replaceSecurityGroupsOnDestroy, fn.inputs.replacementSecurityGroupIds], fn.name).to.deep.equal([true, [replacement.id]]);
            }
        });
    });
}

describe("examples/nat-rds", function () {
    this.timeout(120_000);
    let plan: OfflinePlan;
    let network: PlannedResource;
    before(async () => {
        plan = await planOf("examples/nat-rds");
        network = theNetwork(plan);
    });

    it("routes each zone's Lambda subnet through a NAT gateway of its own", () => {
        const natIds = plan.ofType(T.natGateway).map((n) => n.id);
        const defaultRoutes = plan.ofType(T.route).filter((r) => r.inputs.destinationCidrBlock === "0.0.0.0/0" && r.name.includes("-lambda-"));
        expect(natIds).to.have.length(2);
        expect(defaultRoutes.map((r) => r.inputs.natGatewayId).sort()).to.deep.equal([...natIds].sort());
    });

    it("lets the functions reach MySQL on 3306, and the database admit them on 3306", () => {
        const lambdaSg = childOf(plan, network, T.securityGroup, "lambda-sg");
        const dbSg = plan.get(T.securityGroup, "db-sg");
        const egress = plan.ofType(T.egressRule).filter((r) => r.inputs.referencedSecurityGroupId === dbSg.id);
        const ingress = plan.ofType(T.ingressRule).filter((r) => r.inputs.securityGroupId === dbSg.id);
        expect(egress.map((r) => [r.inputs.securityGroupId, r.inputs.fromPort, r.inputs.toPort])).to.deep.equal([[lambdaSg.id, 3306, 3306]]);
        expect(ingress.map((r) => [r.inputs.referencedSecurityGroupId, r.inputs.fromPort, r.inputs.toPort])).to.deep.equal([[lambdaSg.id, 3306, 3306]]);
    });

    it("lets the function read the database's own password secret, and no other", () => {
        const fn = plan.get(LAMBDA, "fn");
        const statements = policyStatements(plan.get(ROLE_POLICY, "fn-db-secret"));
        expect(statements.map((s) => [s.Action, s.Resource])).to.deep.equal([["secretsmanager:GetSecretValue", fn.inputs.environment.variables.DB_SECRET_ARN]]);
        expect(fn.inputs.environment.variables.DB_SECRET_ARN).to.match(/:secret:rds!db-/);
    });
});

describe("examples/endpoints-dynamodb", function () {
    this.timeout(120_000);
    let plan: OfflinePlan;
    let network: PlannedResource;
    before(async () => {
        plan = await planOf("examples/endpoints-dynamodb");
        network = theNetwork(plan);
    });

    it("has no NAT gateway, internet gateway or Elastic IP anywhere", () => {
        expect([T.natGateway, T.internetGateway, T.eip].flatMap((type) => plan.ofType(type)).map((r) => r.name)).to.deep.equal([]);
    });

    it("reaches DynamoDB through a gateway endpoint on every Lambda route table", () => {
        const endpoint = childOf(plan, network, T.vpcEndpoint, "dynamodb-endpoint");
        const lambdaRouteTables = plan.childrenOf(network).filter((r) => r.type === T.routeTable).map((r) => r.id);
        expect(endpoint.inputs.vpcEndpointType).to.equal("Gateway");
        expect([...endpoint.inputs.routeTableIds].sort()).to.deep.equal([...lambdaRouteTables].sort());
    });

    it("reaches Secrets Manager through an interface endpoint with private DNS in the Lambda subnets", () => {
        const endpoint = childOf(plan, network, T.vpcEndpoint, "secretsmanager-endpoint");
        expect(endpoint.inputs.vpcEndpointType).to.equal("Interface");
        expect(endpoint.inputs.privateDnsEnabled).to.equal(true);
        expect(endpoint.inputs.subnetIds).to.deep.equal(lambdaSubnetIdsOf(plan, network));
    });

    it("runs the function dual-stack, with no IPv6 route out either", () => {
        expect(plan.get(LAMBDA, "fn").inputs.vpcConfig.ipv6AllowedForDualStack).to.equal(true);
        expect(plan.ofType(T.route).filter((r) => r.inputs.destinationIpv6CidrBlock !== undefined)).to.deep.equal([]);
        const subnets = lambdaSubnetIdsOf(plan, network).map((id) => plan.resources.find((r) => r.id === id));
        expect(subnets.map((s) => s?.inputs.ipv6CidrBlock)).to.satisfy((blocks: unknown[]) => blocks.length === 2 && blocks.every((b) => typeof b === "string" && b.endsWith("/64")));
    });

    it("builds the diagnostics function, told to expect both endpoints and no internet", () => {
        const diagnostics = childOf(plan, network, LAMBDA, "diagnostics");
        const configuration = diagnosticsConfigurationOf(diagnostics);
        expect(configuration).to.deep.include({
            pattern: "PrivateWithEndpoints",
            internetExpected: false,
            services: [
                { service: "s3", endpointType: "Gateway" },
                { service: "dynamodb", endpointType: "Gateway" },
                { service: "secretsmanager", endpointType: "Interface" },
            ],
        });
    });

    it("lets the function read that table and that secret only", () => {
        const env = plan.get(LAMBDA, "fn").inputs.environment.variables;
        const statements = policyStatements(plan.get(ROLE_POLICY, "fn-data"));
        expect(statements.map((s) => [s.Action, s.Resource])).to.deep.equal([
            [["dynamodb:GetItem", "dynamodb:Query"], `arn:aws:dynamodb:us-east-1:123456789012:table/${env.TABLE_NAME}`],
            ["secretsmanager:GetSecretValue", env.API_KEY_SECRET_ARN],
        ]);
    });
});

describe("examples/endpoint-policies", function () {
    this.timeout(120_000);
    let plan: OfflinePlan;
    let network: PlannedResource;
    before(async () => {
        plan = await planOf("examples/endpoint-policies");
        network = theNetwork(plan);
    });

    const policyOf = (service: string) => JSON.parse(childOf(plan, network, T.vpcEndpoint, `${service}-endpoint`).inputs.policy);
    const sameAccount = { StringEquals: { "aws:PrincipalAccount": "123456789012", "aws:ResourceAccount": "123456789012" } };

    it("builds the S3 gateway endpoint and the SQS interface endpoint, and no NAT or internet gateway", () => {
        expect(plan.childrenOf(network).filter((r) => r.type === T.vpcEndpoint).map((r) => r.name).sort()).to.deep.equal(["weather-s3-endpoint", "weather-sqs-endpoint"]);
        expect([T.natGateway, T.internetGateway].flatMap((type) => plan.ofType(type))).to.deep.equal([]);
    });

    it("writes SameAccount's policy, for the mocked account, on the SQS endpoint", () => {
        expect(policyOf("sqs").Statement.map((s: { Condition: unknown }) => s.Condition)).to.deep.equal([sameAccount]);
    });

    it("gives the S3 endpoint SameAccount's statement and one exception: reading the open data set", () => {
        const [own, exception, ...more] = policyOf("s3").Statement;
        expect(more).to.deep.equal([]);
        expect(own.Condition).to.deep.equal(sameAccount);
        expect(exception).to.deep.include({ Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::${plan.get(LAMBDA, "fn").inputs.environment.variables.DATASET_BUCKET}/*` });
    });
});

describe("examples/isolated-rds", function () {
    this.timeout(120_000);
    let plan: OfflinePlan;
    let network: PlannedResource;
    before(async () => {
        plan = await planOf("examples/isolated-rds");
        network = theNetwork(plan);
    });

    it("builds no NAT gateway, internet gateway or VPC endpoint", () => {
        expect([T.natGateway, T.internetGateway, T.eip, T.vpcEndpoint].flatMap((type) => plan.ofType(type)).map((r) => r.name)).to.deep.equal([]);
    });

    it("lets the functions open connections to PostgreSQL on 5432 and nowhere else", () => {
        const lambdaSg = childOf(plan, network, T.securityGroup, "lambda-sg");
        const dbSg = plan.get(T.securityGroup, "db-sg");
        const egress = plan.ofType(T.egressRule).filter((r) => r.inputs.securityGroupId === lambdaSg.id);
        expect(egress.map((r) => [r.inputs.referencedSecurityGroupId, r.inputs.ipProtocol, r.inputs.fromPort, r.inputs.toPort])).to.deep.equal([[dbSg.id, "tcp", 5432, 5432]]);
    });

    it("puts the database in the network's subnets, with IAM authentication on", () => {
        const db = plan.get(RDS, "db");
        expect(plan.get("aws:rds/subnetGroup:SubnetGroup", "db-subnets").inputs.subnetIds).to.deep.equal(lambdaSubnetIdsOf(plan, network));
        expect(db.inputs.iamDatabaseAuthenticationEnabled).to.equal(true);
    });

    it("grants rds-db:connect for the one database user on that instance", () => {
        const fn = plan.get(LAMBDA, "fn");
        const statements = policyStatements(plan.get(ROLE_POLICY, "fn-db-connect"));
        expect(statements.map((s) => s.Action)).to.deep.equal(["rds-db:connect"]);
        expect(statements[0].Resource).to.match(new RegExp(`^arn:aws:rds-db:us-east-1:123456789012:dbuser:db-[0-9A-F]+/${fn.inputs.environment.variables.DB_USER}$`));
    });
});

describe("examples/existing-awsx-vpc", function () {
    this.timeout(120_000);
    let plan: OfflinePlan;
    let network: PlannedResource;
    let awsx: ReturnType<typeof awsxVpcOf>;
    before(async () => {
        plan = await planOf("examples/existing-awsx-vpc");
        network = theNetwork(plan);
        awsx = awsxVpcOf(plan);
    });

    it("creates no VPC, subnet, route table, gateway or NAT of its own", () => {
        const network = [T.vpc, T.subnet, T.routeTable, T.route, T.internetGateway, T.natGateway, T.eip];
        expect(network.flatMap((type) => plan.ofType(type)).map((r) => r.name)).to.deep.equal([]);
    });

    it("builds the Lambda security group in awsx's VPC", () => {
        expect(childOf(plan, network, T.securityGroup, "lambda-sg").inputs.vpcId).to.equal(awsx.outputs.vpcId);
    });

    it("puts the S3 and DynamoDB gateway endpoints on the route tables of awsx's private subnets", () => {
        const privateRouteTables = awsx.subnets.filter((s) => s.type === "Private").map((s) => s.routeTableId);
        for (const service of ["s3", "dynamodb"]) {
            const endpoint = childOf(plan, network, T.vpcEndpoint, `${service}-endpoint`);
            expect(endpoint.inputs.routeTableIds, service).to.deep.equal(privateRouteTables);
            expect(endpoint.inputs.vpcId, service).to.equal(awsx.outputs.vpcId);
        }
    });

    it("records awsx's VPC in the flow log", () => {
        expect(childOf(plan, network, T.flowLog, "flow-log").inputs.vpcId).to.equal(awsx.outputs.vpcId);
    });
});
