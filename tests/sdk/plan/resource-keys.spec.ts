import { expect } from "chai";
import { NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { CACHE_SG, DB_SG, planFor, plannedResourceKeys } from "../../helpers/plan";

// Every resource is named `<component name>-<key>`, so renaming a key replaces a deployed
// resource (and a replaced route table, subnet or security group takes traffic down with it).
// These lists pin every key of a network with every option on; they may grow, never change.

const allowTo = [
    { securityGroupId: DB_SG, port: 5432, description: "PostgreSQL" },
    { securityGroupId: CACHE_SG, port: 5432 },
    { securityGroupId: CACHE_SG, port: 6379 },
];

function everythingOn(pattern: NetworkPattern): VpcLambdaNetworkArgs {
    return {
        pattern,
        numberOfAvailabilityZones: 2,
        dualStack: true,
        ...(pattern === NetworkPattern.Isolated ? {} : { interfaceEndpoints: ["sqs", "ecr.api"] }),
        allowTo,
        diagnostics: { enabled: true },
    };
}

const FLOW_LOG_TO_CLOUDWATCH = ["flow-log", "flow-log-group", "flow-log-role", "flow-log-policy", "flow-log-policy-attachment"];
const DIAGNOSTICS = ["diagnostics", "diagnostics-role", "diagnostics-logs", "diagnostics-logs-policy", "diagnostics-logs-policy-attachment", "diagnostics-role-eni"];
const ALLOW_TO_RULES = ["lambda-sg-egress-to-5432", "lambda-sg-egress-to-5432-2", "lambda-sg-egress-to-6379"];
/** The VPC, and each zone's Lambda subnet and route table, of a pattern without NAT over two zones. */
const NETWORK_WITHOUT_NAT = ["vpc", "default-sg", "lambda-subnet-1", "lambda-subnet-2", "lambda-rt-1", "lambda-rt-2"];
/** What every pattern plans after its security rules. */
const POLICY_FLOW_LOG_AND_DIAGNOSTICS = ["lambda-eni-policy", ...FLOW_LOG_TO_CLOUDWATCH, ...DIAGNOSTICS];
/** The gateway and interface endpoints, then the security groups, of a pattern with interface endpoints. */
const ENDPOINTS_AND_GROUPS = ["s3-endpoint", "dynamodb-endpoint", "sqs-endpoint", "ecr-api-endpoint", "lambda-sg", "lambda-replacement-sg", "endpoint-sg"];
/** Endpoints, groups and rules without NAT (PrivateWithEndpoints), in a new VPC or an existing one. */
const WITHOUT_NAT_FROM_THE_ENDPOINTS_ON = [
    ...ENDPOINTS_AND_GROUPS,
    "lambda-sg-egress-s3-https",
    "lambda-sg-egress-dynamodb-https",
    "endpoint-sg-ingress-lambda-https",
    "lambda-sg-egress-endpoints-https",
    ...ALLOW_TO_RULES,
    ...POLICY_FLOW_LOG_AND_DIAGNOSTICS,
];

describe("plan: the key of every resource, pinned", () => {
    it("PrivateWithNat", () => {
        expect(plannedResourceKeys(planFor(everythingOn(NetworkPattern.PrivateWithNat)))).to.deep.equal([
            "vpc",
            "default-sg",
            "lambda-subnet-1",
            "lambda-subnet-2",
            "public-subnet-1",
            "public-subnet-2",
            "igw",
            "eigw",
            "nat-1",
            "nat-eip-1",
            "nat-2",
            "nat-eip-2",
            "lambda-rt-1",
            "lambda-rt-1-default",
            "lambda-rt-1-default-ipv6",
            "lambda-rt-2",
            "lambda-rt-2-default",
            "lambda-rt-2-default-ipv6",
            "public-rt",
            "public-rt-default",
            "public-rt-default-ipv6",
            ...ENDPOINTS_AND_GROUPS,
            "lambda-sg-egress-all",
            "lambda-sg-egress-all-ipv6",
            "endpoint-sg-ingress-lambda-https",
            ...ALLOW_TO_RULES,
            ...POLICY_FLOW_LOG_AND_DIAGNOSTICS,
        ]);
    });

    it("PrivateWithEndpoints", () => {
        expect(plannedResourceKeys(planFor(everythingOn(NetworkPattern.PrivateWithEndpoints)))).to.deep.equal([
            ...NETWORK_WITHOUT_NAT,
            ...WITHOUT_NAT_FROM_THE_ENDPOINTS_ON,
        ]);
    });

    it("Isolated", () => {
        expect(plannedResourceKeys(planFor(everythingOn(NetworkPattern.Isolated)))).to.deep.equal([
            ...NETWORK_WITHOUT_NAT,
            "lambda-sg",
            "lambda-replacement-sg",
            ...ALLOW_TO_RULES,
            ...POLICY_FLOW_LOG_AND_DIAGNOSTICS,
        ]);
    });

    it("an existing VPC: only the endpoints, groups, rules, policy, flow log and diagnostics, none of the network", () => {
        const existingVpc = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"], routeTableIds: ["rtb-0123456789abcdef0"] };
        const { numberOfAvailabilityZones: _zones, ...args } = everythingOn(NetworkPattern.PrivateWithEndpoints);
        expect(plannedResourceKeys(planFor({ ...args, existingVpc }))).to.deep.equal(WITHOUT_NAT_FROM_THE_ENDPOINTS_ON);
    });

    it("a flow log to S3 keeps the flow log's key and plans nothing else for it", () => {
        const keys = plannedResourceKeys(planFor({ pattern: NetworkPattern.Isolated, flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123" } }));
        expect(keys.slice(keys.indexOf("lambda-eni-policy"))).to.deep.equal(["lambda-eni-policy", "flow-log"]);
    });
});
