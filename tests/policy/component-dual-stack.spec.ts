import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { NatGatewayStrategy, NetworkPattern, VpcLambdaNetworkArgs } from "../../sdk/args";
import { VpcLambdaNetwork } from "../../sdk/component";
import { MockStack } from "../../sdk/offline-engine/mock-stack";
import { functionOn, verdictsOf } from "./helpers";

// component-patterns.spec.ts runs the pack on every pattern; this runs it on every pattern with
// the two options of issue 7, dual stack and the diagnostics function, alone and together.

/** A dual-stack VPC of the user's own, with fixed /64s (known in a preview too), for `existingVpc`. */
function ownDualStackVpc(prefix: string): VpcLambdaNetworkArgs["existingVpc"] {
    const vpc = new aws.ec2.Vpc(`${prefix}-own-vpc`, { cidrBlock: "10.1.0.0/16", assignGeneratedIpv6CidrBlock: true, enableDnsSupport: true, enableDnsHostnames: true });
    const subnets = ["a", "b"].map(
        (zone, i) =>
            new aws.ec2.Subnet(`${prefix}-own-subnet-${zone}`, {
                vpcId: vpc.id,
                cidrBlock: `10.1.${i}.0/24`,
                ipv6CidrBlock: `2600:1f18:abcd:120${i}::/64`,
                assignIpv6AddressOnCreation: true,
                availabilityZone: `us-east-1${zone}`,
            }),
    );
    const routeTable = new aws.ec2.RouteTable(`${prefix}-own-rt`, { vpcId: vpc.id });
    subnets.forEach((subnet, i) => new aws.ec2.RouteTableAssociation(`${prefix}-own-rta-${i}`, { subnetId: subnet.id, routeTableId: routeTable.id }));
    return { vpcId: vpc.id, subnetIds: subnets.map((s) => s.id), routeTableIds: [routeTable.id] };
}

const PATTERNS: Record<string, (prefix: string) => VpcLambdaNetworkArgs> = {
    "PrivateWithNat, a NAT gateway per zone": () => ({ pattern: NetworkPattern.PrivateWithNat, allowTo: [{ securityGroupId: "sg-0123456789abcdef0", port: 3306 }] }),
    "PrivateWithNat, a single NAT gateway, three zones": () => ({ pattern: NetworkPattern.PrivateWithNat, numberOfAvailabilityZones: 3, natGateways: { strategy: NatGatewayStrategy.Single } }),
    "PrivateWithEndpoints with interface endpoints": () => ({ pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: ["secretsmanager", "sqs", "ecr.api"] }),
    Isolated: () => ({ pattern: NetworkPattern.Isolated }),
    "Isolated, flow logs to S3": () => ({ pattern: NetworkPattern.Isolated, flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::flow-logs-123/vpc/" } }),
    "an existing dual-stack VPC, with an interface endpoint": (prefix) => ({ pattern: NetworkPattern.PrivateWithEndpoints, existingVpc: ownDualStackVpc(prefix), interfaceEndpoints: ["kms"] }),
};

const OPTIONS: Record<string, Partial<VpcLambdaNetworkArgs>> = {
    "dual stack": { dualStack: true },
    diagnostics: { diagnostics: { enabled: true } },
    "dual stack and diagnostics with a target": { dualStack: true, diagnostics: { enabled: true, targets: [{ host: "db.internal.example", port: 5432 }] } },
};

for (const preview of [false, true]) {
    describe(`policies: every pattern with dual stack and diagnostics passes the pack (${preview ? "in a preview, ids unknown" : "deployed"})`, () => {
        let stack: MockStack;

        before(async () => {
            stack = await MockStack.install({ preview });
        });

        for (const [label, argsFor] of Object.entries(PATTERNS)) {
            for (const [option, extra] of Object.entries(OPTIONS)) {
                it(`${label}, ${option}: with a function attached, no policy is violated`, async () => {
                    const registered: { diagnostics: number; eigw: number; dualStackFunctions: number } = { diagnostics: 0, eigw: 0, dualStackFunctions: 0 };
                    const verdicts = await verdictsOf(stack, (prefix) => functionOn(prefix, new VpcLambdaNetwork(prefix, { ...argsFor(prefix), ...extra })));
                    registered.diagnostics = stack.ofType("aws:lambda/function:Function").filter((r) => r.name.endsWith("-diagnostics")).length;
                    registered.eigw = stack.ofType("aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway").length;
                    // The options took effect: the pack judged what they build, not a plain network.
                    expect(registered.diagnostics).to.equal(extra.diagnostics ? 1 : 0);
                    expect(registered.eigw).to.equal(extra.dualStack && label.startsWith("PrivateWithNat") ? 1 : 0);
                    expect(verdicts.violations.map((v) => `${v.policy}: ${v.message}`)).to.deep.equal([]);
                });
            }
        }
    });
}
