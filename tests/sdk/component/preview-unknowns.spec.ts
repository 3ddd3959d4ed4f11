import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { NatGatewayStrategy, NetworkPattern } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack, RecordedResource } from "../../../sdk/offline-engine/mock-stack";
import { T } from "../../helpers/mock-network";
import { DB_SG } from "../../helpers/plan";

// `pulumi preview` of a first deployment knows the inputs of new resources but not their ids or
// computed outputs. The component must register the same resources then as in the update (no
// resource created inside an `apply`, none skipped because a value is unknown), and must not
// fail on an unknown value, e.g. an `allowTo` group or an existing VPC's subnets built in the
// same program.

/** One program per pattern, each with the options that feed unknown values to the component. */
const PROGRAMS: Record<string, () => void> = {
    "PrivateWithNat, one NAT gateway per zone, an allowTo group built in the same program": () => {
        const db = new aws.ec2.SecurityGroup("db-sg", { description: "database" });
        new VpcLambdaNetwork("nat", {
            pattern: NetworkPattern.PrivateWithNat,
            numberOfAvailabilityZones: 3,
            interfaceEndpoints: ["secretsmanager"],
            allowTo: [{ securityGroupId: db.id, port: 3306 }, { securityGroupId: DB_SG, port: 5432 }],
        });
    },
    "PrivateWithNat with a single NAT gateway in named zones": () => {
        new VpcLambdaNetwork("nat-single", {
            pattern: NetworkPattern.PrivateWithNat,
            availabilityZoneNames: ["us-east-1a", "us-east-1c"],
            natGateways: { strategy: NatGatewayStrategy.Single },
            flowLogs: { enabled: false },
        });
    },
    "PrivateWithEndpoints with interface endpoints": () => {
        new VpcLambdaNetwork("endpoints", {
            pattern: NetworkPattern.PrivateWithEndpoints,
            numberOfAvailabilityZones: 2,
            interfaceEndpoints: ["sqs", "ecr.api", "ecr.dkr"],
            flowLogs: { trafficType: "REJECT", maxAggregationInterval: 60 },
        });
    },
    "PrivateWithNat, dual stack, with the diagnostics function checking a database made in the same program": () => {
        const db = new aws.rds.Instance("db", { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20 });
        new VpcLambdaNetwork("dual", {
            pattern: NetworkPattern.PrivateWithNat,
            dualStack: true,
            interfaceEndpoints: ["sts"],
            diagnostics: { enabled: true, targets: [{ host: db.address, port: 5432 }] },
        });
    },
    "an existing dual-stack VPC whose ids are only known after deployment, with diagnostics": () => {
        const vpc = new aws.ec2.Vpc("own6-vpc", { cidrBlock: "10.2.0.0/16", assignGeneratedIpv6CidrBlock: true });
        const subnets = ["a", "b"].map(
            (zone, i) =>
                new aws.ec2.Subnet(`own6-subnet-${zone}`, {
                    vpcId: vpc.id,
                    cidrBlock: `10.2.${i}.0/24`,
                    availabilityZone: `us-east-1${zone}`,
                    ipv6CidrBlock: vpc.ipv6CidrBlock.apply((b) => b.replace("00::/56", `0${i}::/64`)),
                }),
        );
        new VpcLambdaNetwork("joined6", {
            pattern: NetworkPattern.Isolated,
            existingVpc: { vpcId: vpc.id, subnetIds: subnets.map((s) => s.id) },
            dualStack: true,
            diagnostics: { enabled: true },
        });
    },
    Isolated: () => {
        new VpcLambdaNetwork("isolated", { pattern: NetworkPattern.Isolated, allowTo: [{ securityGroupId: DB_SG, port: 6379 }] });
    },
    "an existing VPC whose ids are only known after deployment": () => {
        // DNS hostnames on: the interface endpoint's private DNS needs them (off by default).
        const vpc = new aws.ec2.Vpc("own-vpc", { cidrBlock: "10.1.0.0/16", enableDnsHostnames: true });
        const subnets = ["a", "b"].map((zone, i) => new aws.ec2.Subnet(`own-subnet-${zone}`, { vpcId: vpc.id, cidrBlock: `10.1.${i}.0/24`, availabilityZone: `us-east-1${zone}` }));
        const routeTable = new aws.ec2.RouteTable("own-rt", { vpcId: vpc.id });
        new VpcLambdaNetwork("joined", {
            pattern: NetworkPattern.PrivateWithEndpoints,
            existingVpc: { vpcId: vpc.id, subnetIds: subnets.map((s) => s.id), routeTableIds: [routeTable.id] },
            interfaceEndpoints: ["kms"],
        });
    },
};

interface Run {
    registered: RecordedResource[];
    failures: unknown[];
}

/** Runs every program once under these mocks and records what each registered and what failed. */
async function runAll(preview: boolean): Promise<Record<string, Run>> {
    const stack = await MockStack.install({ preview });
    const runs: Record<string, Run> = {};
    for (const [label, program] of Object.entries(PROGRAMS)) {
        stack.reset();
        const { failures } = await stack.run(program);
        runs[label] = { registered: [...stack.resources], failures };
    }
    return runs;
}

const typeAndName = (r: RecordedResource) => `${r.type}::${r.name}`;

describe("previews with unknowns", () => {
    let previewed: Record<string, Run>;
    let deployed: Record<string, Run>;

    before(async () => {
        previewed = await runAll(true);
        deployed = await runAll(false);
    });

    it("runs under mocks where new resources' ids are unknown, as in `pulumi preview`", () => {
        const vpcs = Object.values(previewed).flatMap((run) => run.registered.filter((r) => r.type === T.vpc));
        expect(vpcs).to.not.be.empty;
        expect(vpcs.filter((vpc) => vpc.id !== undefined)).to.deep.equal([]);
    });

    for (const label of Object.keys(PROGRAMS)) {
        describe(label, () => {
            it("previews without an error", () => {
                expect(previewed[label].failures.map(String)).to.deep.equal([]);
            });

            it("registers the same resources, by type and name, in the preview as in the update", () => {
                const inPreview = previewed[label].registered.map(typeAndName).sort();
                expect(inPreview).to.deep.equal(deployed[label].registered.map(typeAndName).sort());
                expect(inPreview.filter((n) => n.startsWith(`${T.component}::`))).to.have.lengthOf(1);
            });
        });
    }
});
