import { expect } from "chai";
import { sameAccountEndpointPolicy } from "../../../sdk/plan/iam-documents";
import type { Hop, Reachability } from "../../../sdk/reachability/types";
import { natStack, service, Stack, T, UNKNOWN, withSecretsEndpoint } from "./stack";

// A path through a VPC endpoint with a policy: the network lets it through, and the policy decides
// which calls succeed (the cell says which endpoint's); a policy that allows nothing blocks it at
// the endpoint's hop. Without a policy, or with AWS's default written out, nothing changes.

const SECRETS = service("secretsmanager");
const S3 = service("s3");
const FULL_ACCESS = JSON.stringify({ Version: "2008-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] });
const DENY_ALL = JSON.stringify({ Statement: [{ Effect: "Deny", Principal: "*", Action: "*", Resource: "*" }] });
const ONLY_A_DENY = JSON.stringify({ Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:DeleteObject", Resource: "*" }] });
const ONE_BUCKET = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::orders/*" }] });

/** The secretsmanager interface endpoint of withSecretsEndpoint, with this policy. */
function secretsEndpointWith(policy: unknown): Stack {
    const stack = withSecretsEndpoint(natStack(), true);
    return policy === undefined ? stack : stack.set("secrets-endpoint", { policy });
}

/** An S3 gateway endpoint on the function's route table, with this policy, and a role that reads S3. */
function s3EndpointWith(policy: unknown): Stack {
    return natStack()
        .add(T.vpcEndpoint, "s3-endpoint", { vpcId: "vpc-id", serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway", routeTableIds: ["private-rt-id"], ...(policy === undefined ? {} : { policy }) })
        .add(T.rolePolicy, "fn-s3", { role: "fn-role-id", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }) });
}

const endpointHop = (cell: Reachability): Hop => cell.path.find((h) => h.hop === "vpcEndpoint")!;

describe("reachability: an interface endpoint's policy", () => {
    it("changes nothing without a policy: reachable, no flag, the endpoint's sentence as before", () => {
        const cell = secretsEndpointWith(undefined).cell(SECRETS);
        expect(cell.verdict).to.equal("reachable");
        expect(cell).to.not.have.property("endpointPolicy");
        expect(endpointHop(cell)).to.deep.equal({ hop: "vpcEndpoint", status: "allows", resource: "secrets-endpoint", says: "interface endpoint secrets-endpoint takes it to secretsmanager in 1 subnet." });
    });

    it("changes nothing with AWS's default policy written out (as AWS reads it back)", () => {
        const cell = secretsEndpointWith(FULL_ACCESS).cell(SECRETS);
        expect(cell).to.not.have.property("endpointPolicy");
        expect(endpointHop(cell).says).to.equal("interface endpoint secrets-endpoint takes it to secretsmanager in 1 subnet.");
    });

    it("flags a SameAccount policy: reachable, and the policy, not the network, decides which calls succeed", () => {
        const cell = secretsEndpointWith(JSON.stringify(sameAccountEndpointPolicy("123456789012"))).cell(SECRETS);
        expect(cell.verdict).to.equal("reachable");
        expect(cell.endpointPolicy).to.deep.equal({ endpoint: "secrets-endpoint", reading: "limits" });
        expect(endpointHop(cell)).to.deep.include({
            status: "allows",
            endpointPolicy: "limits",
            says: "interface endpoint secrets-endpoint takes it to secretsmanager in 1 subnet; its endpoint policy, not the network, decides which calls succeed (only principals of account 123456789012, to resources of that account).",
        });
    });

    it("reads a policy given as an object, as a policy engine may hand it", () => {
        expect(secretsEndpointWith(JSON.parse(ONE_BUCKET)).cell(SECRETS).endpointPolicy).to.deep.equal({ endpoint: "secrets-endpoint", reading: "limits" });
    });

    it("blocks at the endpoint a policy that denies everything, with the fix", () => {
        const cell = secretsEndpointWith(DENY_ALL).cell(SECRETS);
        expect(cell.verdict).to.equal("blocked");
        expect(cell.blockedAt).to.deep.include({ hop: "vpcEndpoint", resource: "secrets-endpoint", status: "denies" });
        expect(cell.blockedAt!.says).to.equal("the policy of endpoint secrets-endpoint allows no call (it allows nothing, or denies everything), so no request to secretsmanager through it succeeds.");
        expect(cell.fix).to.equal("Allow the functions' calls to secretsmanager in the policy of endpoint secrets-endpoint (endpointPolicies.secretsmanager on a VpcLambdaNetwork).");
        expect(cell).to.not.have.property("endpointPolicy");
    });

    it("blocks at the endpoint a policy that allows nothing at all", () => {
        expect(secretsEndpointWith(ONLY_A_DENY).cell(SECRETS).blockedAt).to.deep.include({ hop: "vpcEndpoint", status: "denies" });
    });

    it("keeps a path reachable whose policy is not known yet, saying so", () => {
        const cell = secretsEndpointWith(UNKNOWN).cell(SECRETS);
        expect(cell.verdict).to.equal("reachable");
        expect(cell.endpointPolicy).to.deep.equal({ endpoint: "secrets-endpoint", reading: "notKnownYet" });
        expect(endpointHop(cell).says).to.match(/; which calls its endpoint policy lets through is not known yet\.$/);
    });

    it("cannot tell what a policy that is not a policy document lets through", () => {
        const cell = secretsEndpointWith("{ not json").cell(SECRETS);
        expect(cell.verdict).to.equal("unknown");
        expect(endpointHop(cell)).to.deep.include({ status: "unknown" });
    });

    it("does not flag a cell the network blocks: the network's hop is the one to open", () => {
        const cell = secretsEndpointWith(ONE_BUCKET).without("endpoint-from-fn").cell(SECRETS);
        expect(cell.verdict).to.equal("blocked");
        expect(cell.blockedAt!.hop).to.equal("securityGroupIngress");
        expect(cell).to.not.have.property("endpointPolicy");
    });
});

describe("reachability: a gateway endpoint's policy", () => {
    it("changes nothing without a policy", () => {
        const cell = s3EndpointWith(undefined).cell(S3);
        expect(cell).to.not.have.property("endpointPolicy");
        expect(endpointHop(cell)).to.deep.equal({ hop: "vpcEndpoint", status: "allows", resource: "s3-endpoint", says: "gateway endpoint s3-endpoint takes it to s3 without leaving AWS's network." });
    });

    it("flags a policy that limits the calls", () => {
        const cell = s3EndpointWith(ONE_BUCKET).cell(S3);
        expect(cell.verdict).to.equal("reachable");
        expect(cell.endpointPolicy).to.deep.equal({ endpoint: "s3-endpoint", reading: "limits" });
        expect(endpointHop(cell).says).to.equal("gateway endpoint s3-endpoint takes it to s3 without leaving AWS's network; its endpoint policy, not the network, decides which calls succeed.");
    });

    it("blocks at the endpoint a policy that denies everything", () => {
        const cell = s3EndpointWith(DENY_ALL).cell(S3);
        expect(cell.verdict).to.equal("blocked");
        expect(cell.blockedAt).to.deep.include({ hop: "vpcEndpoint", resource: "s3-endpoint" });
        expect(cell.fix).to.contain("endpointPolicies.s3");
    });

    it("leaves the other destinations of the function as they were", () => {
        const cells = s3EndpointWith(DENY_ALL).matrix().filter((c) => !(c.destination.kind === "service" && c.destination.service === "s3"));
        const without = s3EndpointWith(undefined).matrix().filter((c) => !(c.destination.kind === "service" && c.destination.service === "s3"));
        expect(cells).to.deep.equal(without);
    });
});
