import { expect } from "chai";
import { decodeExpectations, encodeExpectations } from "../../sdk/reachability/expectations";
import { plannedReachability, standInIds } from "../../sdk/reachability/planned-network";
import { needsOf } from "../../sdk/validation/needs";
import { planFor } from "../helpers/plan";

// The expected matrix the diagnostics function will carry in its environment (4 KB in all).
describe("reachability: the expected matrix of the component's own network, encoded", () => {
    it("encodes a PrivateWithEndpoints network's function in a few dozen characters", () => {
        const plan = planFor({ pattern: "PrivateWithEndpoints", interfaceEndpoints: ["sts"], needs: { services: ["sts", "s3"] } });
        const idOf = standInIds();
        const cells = plannedReachability(plan, needsOf(plan.needs!, idOf).map((n) => n.need), idOf);
        expect(encodeExpectations(cells)).to.equal("i4=B:route i6=B:subnet s:s3=R s:sts=R g:endpoint-sg:443=R");
    });

    it("decodes what it encodes", () => {
        const plan = planFor({ pattern: "PrivateWithNat", dualStack: true, allowTo: [{ securityGroupId: "sg-0123456789abcdef0", port: 5432 }] });
        const encoded = encodeExpectations(plannedReachability(plan));
        expect(encoded).to.equal("i4=R i6=R g:sg-0123456789abcdef0:5432=U");
        expect(decodeExpectations(encoded)).to.deep.equal([
            { destination: { kind: "internet", ipVersion: 4 }, verdict: "reachable" },
            { destination: { kind: "internet", ipVersion: 6 }, verdict: "reachable" },
            { destination: { kind: "securityGroup", securityGroupId: "sg-0123456789abcdef0", port: 5432 }, verdict: "unknown" },
        ]);
        expect(decodeExpectations("i4=B:route")).to.deep.equal([{ destination: { kind: "internet", ipVersion: 4 }, verdict: "blocked", blockedAt: "route" }]);
    });

    it("stays within a few hundred bytes for the bench's large network: 20 services and an allowTo target", () => {
        const services = ["secretsmanager", "ssm", "ssmmessages", "sts", "kms", "sqs", "sns", "lambda", "ecr.api", "ecr.dkr", "xray", "logs", "monitoring", "events", "states", "kinesis-streams", "elasticloadbalancing", "ec2", "rds", "execute-api"];
        const plan = planFor({ pattern: "PrivateWithNat", numberOfAvailabilityZones: 6, interfaceEndpoints: services, dualStack: true, allowTo: [{ securityGroupId: "sg-0123456789abcdef0", port: 5432 }], needs: { services, internet: true } });
        const idOf = standInIds();
        const encoded = encodeExpectations(plannedReachability(plan, needsOf(plan.needs!, idOf).map((n) => n.need), idOf));
        expect(encoded.length).to.be.below(512);
        // Both internets, the 20 services and the endpoint group; the allowTo target's ingress is not the component's to know.
        expect(decodeExpectations(encoded).map((e) => e.verdict)).to.deep.equal([...Array(23).fill("reachable"), "unknown"]);
    });

    it("refuses an entry it cannot read, saying what it expects", () => {
        expect(() => decodeExpectations("i4=R s:sts=X")).to.throw('"s:sts=X" is not an expectation: it ends in =R, =U or =B:<hop>');
        expect(() => decodeExpectations("x:y=R")).to.throw('"x:y" is not a destination');
    });
});
