import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { NatGatewayStrategy, NetworkPattern, VpcLambdaNetworkArgs } from "../../sdk/args";
import { VpcLambdaNetwork } from "../../sdk/component";
import { MockStack } from "../../sdk/offline-engine/mock-stack";
import { functionOn, verdictsOf } from "./helpers";

/** A VPC of the user's own (DNS hostnames on, as interface endpoints need), for `existingVpc`. */
function ownVpc(prefix: string): VpcLambdaNetworkArgs["existingVpc"] {
    const vpc = new aws.ec2.Vpc(`${prefix}-own-vpc`, { cidrBlock: "10.1.0.0/16", enableDnsSupport: true, enableDnsHostnames: true });
    const subnets = ["a", "b"].map(
        (zone, i) => new aws.ec2.Subnet(`${prefix}-own-subnet-${zone}`, { vpcId: vpc.id, cidrBlock: `10.1.${i}.0/24`, availabilityZone: `us-east-1${zone}` }),
    );
    const routeTable = new aws.ec2.RouteTable(`${prefix}-own-rt`, { vpcId: vpc.id });
    subnets.forEach((subnet, i) => new aws.ec2.RouteTableAssociation(`${prefix}-own-rta-${i}`, { subnetId: subnet.id, routeTableId: routeTable.id }));
    return { vpcId: vpc.id, subnetIds: subnets.map((s) => s.id), routeTableIds: [routeTable.id] };
}

const PATTERNS: Record<string, (prefix: string) => VpcLambdaNetworkArgs> = {
    "PrivateWithNat, a NAT gateway per zone": () => ({ pattern: NetworkPattern.PrivateWithNat, allowTo: [{ securityGroupId: "sg-0123456789abcdef0", port: 3306 }] }),
    "PrivateWithNat, a single NAT gateway, three zones": () => ({
        pattern: NetworkPattern.PrivateWithNat,
        numberOfAvailabilityZones: 3,
        natGateways: { strategy: NatGatewayStrategy.Single },
    }),
    "PrivateWithEndpoints with interface endpoints": () => ({ pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["secretsmanager", "sqs", "ecr.api"] }),
    Isolated: () => ({ pattern: NetworkPattern.Isolated }),
    "Isolated, flow logs to S3": () => ({ pattern: NetworkPattern.Isolated, flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123/vpc/" } }),
    "an existing VPC, with an interface endpoint": (prefix) => ({
        pattern: NetworkPattern.PrivateWithEndpoints,
        existingVpc: ownVpc(prefix),
        interfaceEndpoints: ["kms"],
    }),
};

for (const preview of [false, true]) {
    describe(`policies: every pattern of the component passes the pack (${preview ? "in a preview, ids unknown" : "deployed"})`, () => {
        let stack: MockStack;

        before(async () => {
            stack = await MockStack.install({ preview });
        });

        for (const [label, argsFor] of Object.entries(PATTERNS)) {
            it(`${label}: with a function attached, no policy is violated`, async () => {
                const verdicts = await verdictsOf(stack, (prefix) => functionOn(prefix, new VpcLambdaNetwork(prefix, argsFor(prefix))));
                expect(verdicts.violations.map((v) => `${v.policy}: ${v.message}`)).to.deep.equal([]);
            });
        }
    });
}
