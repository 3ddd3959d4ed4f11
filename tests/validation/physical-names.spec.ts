import { expect } from "chai";
import { NetworkPattern, VpcLambdaNetworkArgs } from "../../sdk/args";
import { VpcLambdaNetwork } from "../../sdk/component";
import { MockStack } from "../../sdk/testing/mock-stack";
import { physicalNameProblems } from "../../sdk/validation/physical-names";
import { InvalidNetworkArgumentsError } from "../../sdk/validation/problems";
import { planFor } from "../helpers/plan";

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

    it("makes the constructor throw before any resource is registered", async () => {
        const stack = await MockStack.install();
        expect(() => new VpcLambdaNetwork("orders api", { pattern: NetworkPattern.Isolated })).to.throw(InvalidNetworkArgumentsError, /name: "orders api" has " "/);
        expect(await stack.settle()).to.deep.equal([]);
    });
});
