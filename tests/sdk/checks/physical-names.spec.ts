import { expect } from "chai";
import { NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { physicalNameProblems } from "../../../sdk/checks/physical-names";
import { InvalidNetworkArgumentsError } from "../../../sdk/arguments/problems";
import { planFor } from "../../helpers/plan";

// Pulumi auto-names the roles, policies, security groups, log groups and the diagnostics function
// `<component name>-<key>-<7 random>`; AWS refuses a name that is too long or has a character its
// kind does not allow, at `pulumi preview` (IAM's 64 characters) or `pulumi up`. The component
// checks the name against every name it derives, before anything is registered.

const problemsFor = (name: string, args: VpcLambdaNetworkArgs = { pattern: NetworkPattern.Isolated }) => physicalNameProblems(planFor(args, name));
const nameOfLength = (length: number) => "n".repeat(length);

describe("validation: the names AWS derives from the component's name", () => {
    it("accepts the names the examples use", () => {
        for (const name of ["app", "orders", "orders-api", "orders_api", "ledger2"]) {
            expect(problemsFor(name, { pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs"], diagnostics: { enabled: true } })).to.deep.equal([]);
        }
    });

    it("refuses a space, which IAM role and policy names do not allow, naming the role and what to write", () => {
        const messages = problemsFor("orders api").map((p) => p.message);
        const iam = messages.find((m) => m.includes("IAM role name"))!;
        expect(iam).to.contain('"orders api" has " "').and.contain('"orders api-flow-log-role-<7 random>"').and.contain("letters, digits and + = , . @ _ -");
        expect(messages.some((m) => m.includes("log group name"))).to.equal(true);
    });

    it("refuses a dot with the diagnostics function, whose name Lambda limits to letters, digits, - and _", () => {
        expect(problemsFor("orders.api")).to.deep.equal([]);
        const messages = problemsFor("orders.api", { pattern: NetworkPattern.Isolated, diagnostics: { enabled: true } }).map((p) => p.message);
        expect(messages).to.have.length(1);
        expect(messages[0]).to.contain("Lambda function name").and.contain('"orders.api-diagnostics-<7 random>"');
    });

    it("allows 42 characters with flow logs on: the flow-log role's name is then 64, IAM's limit", () => {
        expect(problemsFor(nameOfLength(42))).to.deep.equal([]);
        const [problem] = problemsFor(nameOfLength(43));
        expect(problem.field).to.equal("name");
        expect(problem.message).to.contain("is 43 characters").and.contain("would be 65, over AWS's 64").and.contain("42 characters or fewer");
    });

    it("allows 39 characters with the diagnostics function: its role's name is then 64", () => {
        const withDiagnostics: VpcLambdaNetworkArgs = { pattern: NetworkPattern.Isolated, diagnostics: { enabled: true } };
        expect(problemsFor(nameOfLength(39), withDiagnostics)).to.deep.equal([]);
        expect(problemsFor(nameOfLength(40), withDiagnostics).map((p) => p.message).join()).to.contain("diagnostics-role-<7 random>").and.contain("39 characters or fewer");
    });

    it("allows longer names when no role is built: the ENI policy's limit is 128", () => {
        expect(problemsFor(nameOfLength(60), { pattern: NetworkPattern.Isolated, flowLogs: { enabled: false } })).to.deep.equal([]);
    });

    it("lists every character AWS refuses, once each, and says what to name the network and how a running one keeps its resources", () => {
        const iam = problemsFor("orders api!  v2").find((p) => p.message.includes("IAM role name"))!;
        expect(iam.field).to.equal("name");
        expect(iam.message).to.contain('"orders api!  v2" has " ", "!", which AWS does not allow in the IAM role name');
        expect(iam.message).to.contain('Name the network with letters, digits, "-" and "_" only (a running network keeps its resources when renamed through the aliases resource option).');
    });

    it("says how a running network keeps its resources when asked to shorten its name", () => {
        const [problem] = problemsFor(nameOfLength(43));
        expect(problem.message).to.contain("42 characters or fewer (a running network keeps its resources when renamed through the aliases resource option).");
    });

    it("measures a kind by its longest name wherever it stands among the kind's resources", () => {
        // The security groups are lambda-sg, lambda-replacement-sg and endpoint-sg: the longest is not the last.
        const withEndpoints: VpcLambdaNetworkArgs = { pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["sqs"], flowLogs: { enabled: false } };
        expect(problemsFor(nameOfLength(225), withEndpoints).filter((p) => p.message.includes("security group name"))).to.deep.equal([]);
        const group = problemsFor(nameOfLength(226), withEndpoints).find((p) => p.message.includes("security group name"))!;
        expect(group.message).to.contain(`"${nameOfLength(226)}-lambda-replacement-sg-<7 random>"`).and.contain("would be 256, over AWS's 255").and.contain("225 characters or fewer");
    });

    it("names the first of a kind's names when two are the longest", () => {
        // No two keys of a kind are the same length in today's plans; a plan whose are gets the first named, as the rule promises.
        const plan = planFor({ pattern: NetworkPattern.Isolated, flowLogs: { enabled: false } }, nameOfLength(234));
        const tied = { ...plan, securityGroups: plan.securityGroups.map((g, i) => ({ ...g, key: ["lambda-sg-one", "lambda-sg-two"][i] })) };
        const group = physicalNameProblems(tied).find((p) => p.message.includes("security group name"))!;
        expect(group.message).to.contain(`"${nameOfLength(234)}-lambda-sg-one-<7 random>"`).and.contain("233 characters or fewer");
    });

    it("makes the constructor throw before any resource is registered", async () => {
        const stack = await MockStack.install();
        expect(() => new VpcLambdaNetwork("orders api", { pattern: NetworkPattern.Isolated })).to.throw(InvalidNetworkArgumentsError, /name: "orders api" has " "/);
        expect(await stack.settle()).to.deep.equal([]);
    });
});
