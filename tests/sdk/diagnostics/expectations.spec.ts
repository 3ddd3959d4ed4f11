import { expect } from "chai";
import { decodeExpectations } from "../../../sdk/diagnostics/handler/expectations";
import { encodeExpectations } from "../../../sdk/diagnostics/expectations";
import { plannedReachability, standInIds } from "../../../sdk/checks/planned-network";
import { needsOf, predictReachability } from "../../../sdk/checks/needs";
import { planFor } from "../../helpers/plan";

const LARGE_NETWORK_SERVICES = ["secretsmanager", "ssm", "ssmmessages", "sts", "kms", "sqs", "sns", "lambda", "ecr.api", "ecr.dkr", "xray", "logs", "monitoring", "events", "states", "kinesis-streams", "elasticloadbalancing", "ec2", "rds", "execute-api"];

// The expected matrix the diagnostics function will carry in its environment (4 KB in all), read
// back by the handler's reader of the format (sdk/diagnostics/handler/expectations.js).
describe("reachability: the expected matrix of the component's own network, encoded", () => {
    it("encodes a PrivateWithEndpoints network's function in a few dozen characters", () => {
        const plan = planFor({ pattern: "PrivateWithEndpoints", interfaceEndpoints: ["sts"], needs: { services: ["sts", "s3"] } });
        const idOf = standInIds();
        const cells = plannedReachability(plan, needsOf(plan.needs!, idOf).map((n) => n.need), idOf);
        expect(encodeExpectations(cells).matrix).to.equal("i4=B:route i6=B:subnet s:s3=R s:sts=R g:endpoint-sg:443=R");
    });

    it("carries, for each destination expected blocked, the hop's resource and the model's fix", () => {
        const { blockedHops } = encodeExpectations(predictReachability(planFor({ pattern: "Isolated" })).cells);
        expect(blockedHops).to.deep.equal({
            i4: ["app-lambda-rt-1", "Add a 0.0.0.0/0 route from app-lambda-rt-1 to a NAT gateway in a public subnet."],
            i6: ["app-lambda-subnet-1", "Give subnet app-lambda-subnet-1 an IPv6 /64 of its VPC's block (ipv6CidrBlock, assignIpv6AddressOnCreation)."],
        });
    });

    it("names each security group by the id it is given: the component's own by their built ids, Outputs by theirs", () => {
        const plan = planFor({ pattern: "PrivateWithEndpoints", interfaceEndpoints: ["sts"] });
        const ids: Record<string, string> = { "endpoint-sg": "sg-0aaaaaaaaaaaaaaaa" };
        expect(encodeExpectations(predictReachability(plan).cells, (id) => ids[id] ?? id).matrix).to.contain("g:sg-0aaaaaaaaaaaaaaaa:443=R");
    });

    it("is read back by the diagnostics handler as the verdicts it encodes", () => {
        const plan = planFor({ pattern: "PrivateWithNat", dualStack: true, allowTo: [{ securityGroupId: "sg-0123456789abcdef0", port: 5432 }] });
        const { matrix } = encodeExpectations(plannedReachability(plan));
        expect(matrix).to.equal("i4=R i6=R g:sg-0123456789abcdef0:5432=U");
        expect(decodeExpectations(matrix)).to.deep.equal({
            expectations: [
                { destination: { kind: "internet", ipVersion: 4 }, verdict: "reachable" },
                { destination: { kind: "internet", ipVersion: 6 }, verdict: "reachable" },
                { destination: { kind: "securityGroup", securityGroupId: "sg-0123456789abcdef0", port: 5432 }, verdict: "unknown" },
            ],
            problems: [],
        });
        expect(decodeExpectations("i4=B:route").expectations).to.deep.equal([{ destination: { kind: "internet", ipVersion: 4 }, verdict: "blocked", blockedAt: "route" }]);
    });

    it("stays within a few hundred bytes for the bench's large network: 20 services and an allowTo target", () => {
        const services = LARGE_NETWORK_SERVICES;
        const plan = planFor({ pattern: "PrivateWithNat", numberOfAvailabilityZones: 6, interfaceEndpoints: services, dualStack: true, allowTo: [{ securityGroupId: "sg-0123456789abcdef0", port: 5432 }], needs: { services, internet: true } });
        const { matrix } = encodeExpectations(predictReachability(plan).cells, (id) => (id === "endpoint-sg" ? "sg-0aaaaaaaaaaaaaaaa" : id));
        expect(matrix.length).to.be.below(512);
        // Both internets, the 20 services and the endpoint group; the allowTo target's ingress is not the component's to know.
        expect(decodeExpectations(matrix)).to.deep.include({ problems: [] });
        expect(decodeExpectations(matrix).expectations.map((e) => e.verdict)).to.deep.equal([...Array(23).fill("reachable"), "unknown"]);
    });

    it("the handler skips an entry it cannot read, saying what it expects, and keeps the others", () => {
        const decoded = decodeExpectations("i4=R s:sts=X x:y=R g:not-a-group:5432=R");
        expect(decoded.expectations).to.deep.equal([{ destination: { kind: "internet", ipVersion: 4 }, verdict: "reachable" }]);
        expect(decoded.problems).to.deep.equal([
            '"s:sts=X" is not an expectation: it ends in =R, =U or =B:<hop>',
            '"x:y=R" names no destination: i4, i6, s:<service> or g:<security group id>:<port>, then =R, =U or =B:<hop>',
            '"g:not-a-group:5432=R" names no destination: i4, i6, s:<service> or g:<security group id>:<port>, then =R, =U or =B:<hop>',
        ]);
    });
});
