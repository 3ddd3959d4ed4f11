import { expect } from "chai";
import { validateLoose } from "../../helpers/plan";

describe("validation: defaults", () => {
    it("builds the S3 and DynamoDB gateway endpoints by default with PrivateWithNat", () => {
        expect(validateLoose({ pattern: "PrivateWithNat" }).gatewayEndpoints).to.deep.equal(["s3", "dynamodb"]);
    });

    it("builds the S3 and DynamoDB gateway endpoints by default with PrivateWithEndpoints", () => {
        expect(validateLoose({ pattern: "PrivateWithEndpoints" }).gatewayEndpoints).to.deep.equal(["s3", "dynamodb"]);
    });

    it("builds no gateway endpoint by default with Isolated", () => {
        expect(validateLoose({ pattern: "Isolated" }).gatewayEndpoints).to.deep.equal([]);
    });

    it("builds no gateway endpoint by default into an existing VPC whose route tables are not given", () => {
        const args = validateLoose({ pattern: "PrivateWithEndpoints", existingVpc: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"] } });
        expect(args.gatewayEndpoints).to.deep.equal([]);
    });

    it("warns, naming existingVpc.routeTableIds, when the default gateway endpoints cannot be built", () => {
        const args = validateLoose({ pattern: "PrivateWithEndpoints", existingVpc: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"] } });
        expect(args.warnings).to.have.length(1);
        expect(args.warnings[0]).to.contain("existingVpc.routeTableIds").and.to.contain("gatewayEndpoints: []");
    });

    it("does not warn when gatewayEndpoints: [] says no gateway endpoint is wanted", () => {
        const args = validateLoose({ pattern: "PrivateWithEndpoints", gatewayEndpoints: [], existingVpc: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"] } });
        expect(args.warnings).to.deep.equal([]);
    });

    it("builds no interface endpoint and no allowTo rule by default", () => {
        const args = validateLoose({ pattern: "PrivateWithEndpoints" });
        expect([args.interfaceEndpoints, args.allowTo]).to.deep.equal([[], []]);
    });

    it("turns flow logs on to CloudWatch Logs with 90 days, ALL traffic and 600-second aggregation", () => {
        expect(validateLoose({ pattern: "Isolated" }).flowLogs).to.deep.equal({ destination: "cloud-watch-logs", retentionInDays: 90, trafficType: "ALL", maxAggregationInterval: 600 });
    });

    it("fills the flow-log settings that are not given", () => {
        expect(validateLoose({ pattern: "Isolated", flowLogs: { trafficType: "REJECT" } }).flowLogs).to.deep.equal({ destination: "cloud-watch-logs", retentionInDays: 90, trafficType: "REJECT", maxAggregationInterval: 600 });
    });

    it("fills the traffic type and aggregation interval of a flow log to S3, and gives it no retention", () => {
        const flowLogs = validateLoose({ pattern: "Isolated", flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs" } }).flowLogs;
        expect(flowLogs).to.deep.equal({ destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs", trafficType: "ALL", maxAggregationInterval: 600 });
    });

    it("turns flow logs off when enabled is false, leaving no flowLogs key at all", () => {
        expect(validateLoose({ pattern: "Isolated", flowLogs: { enabled: false } })).to.not.have.property("flowLogs");
    });

    it("leaves no diagnostics key unless the function is enabled", () => {
        expect(validateLoose({ pattern: "Isolated" })).to.not.have.property("diagnostics");
        expect(validateLoose({ pattern: "Isolated", diagnostics: { enabled: false } })).to.not.have.property("diagnostics");
    });

    it("validates to exactly these fields, defaults applied", () => {
        expect(validateLoose({ pattern: "PrivateWithNat" })).to.deep.equal({
            pattern: "PrivateWithNat",
            vpc: { kind: "new", cidrBlock: "10.0.0.0/16", zones: { kind: "count", count: 2 }, natGatewayStrategy: "OnePerAz" },
            gatewayEndpoints: ["s3", "dynamodb"],
            interfaceEndpoints: [],
            endpointPolicy: "FullAccess",
            endpointPolicies: {},
            allowTo: [],
            flowLogs: { destination: "cloud-watch-logs", retentionInDays: 90, trafficType: "ALL", maxAggregationInterval: 600 },
            dualStack: false,
            tags: {},
            warnings: [],
        });
    });

    it("places NAT gateways one per zone by default", () => {
        expect(validateLoose({ pattern: "PrivateWithNat" }).vpc).to.deep.include({ natGatewayStrategy: "OnePerAz" });
        expect(validateLoose({ pattern: "PrivateWithNat", natGateways: {} }).vpc).to.deep.include({ natGatewayStrategy: "OnePerAz" });
    });

    it("plans no NAT strategy outside PrivateWithNat", () => {
        expect(validateLoose({ pattern: "PrivateWithEndpoints" }).vpc).to.not.have.property("natGatewayStrategy");
    });

    it("creates a 10.0.0.0/16 VPC over two zones by default", () => {
        expect(validateLoose({ pattern: "Isolated" }).vpc).to.deep.equal({ kind: "new", cidrBlock: "10.0.0.0/16", zones: { kind: "count", count: 2 } });
    });
});
