import { expect } from "chai";
import fc from "fast-check";
import { NatGatewayStrategy, NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { AWS_LIMITS } from "../../../sdk/aws/limits";
import { ANY_IPV4, ANY_IPV6 } from "../../../sdk/plan/routing";
import { LAMBDA_SECURITY_GROUP_KEY } from "../../../sdk/plan/security-rules";
import type { NetworkPlan, NewVpcPlan } from "../../../sdk/plan/types";
import { plannedResourceKeys, planFor } from "../../helpers/plan";
import { areDisjoint, isWithin, prefixLengthOf } from "../addresses/ipv4-oracle";
import { newVpcArgs, validArguments, validArgumentsWithoutNat, validExistingVpcArguments, validNewVpcArguments } from "../arguments/valid-arguments";

// The planner is pure and cheap (generating, validating and planning an argument set takes
// about 0.3 ms), so the invariants the component promises (layout, routing, security groups)
// are checked on 1,000 random argument sets in every run and the secondary ones on 250: about
// 8,000 plans, 3 to 5 s for this file.
// A failure prints the shrunk arguments and the seed to replay it with (fc.assert's `seed`).
const RUNS = { numRuns: 1000 };
const SECONDARY_RUNS = { numRuns: 250 };

function newVpcPlan(args: VpcLambdaNetworkArgs): NetworkPlan & { vpc: NewVpcPlan } {
    const planned = planFor(args);
    if (planned.vpc.kind !== "new") {
        throw new Error("expected a new VPC");
    }
    return planned as NetworkPlan & { vpc: NewVpcPlan };
}

function zoneCount(args: VpcLambdaNetworkArgs): number {
    return args.availabilityZoneNames?.length ?? args.numberOfAvailabilityZones ?? 2;
}

describe("properties: every valid argument set plans a sound network", () => {
    it("plans every valid argument set as given: its pattern, VPC, endpoints, allowTo targets, diagnostics, dual stack and tags", () => {
        fc.assert(
            fc.property(validArguments, (args) => {
                const planned = planFor(args);
                expect([planned.name, planned.pattern, planned.dualStack]).to.deep.equal(["app", args.pattern, args.dualStack ?? false]);
                expect(planned.tags).to.deep.equal(args.tags ?? {});
                expect(planned.vpc).to.deep.include(args.existingVpc ? { kind: "existing", vpcId: args.existingVpc.vpcId } : { kind: "new", cidrBlock: args.cidrBlock ?? "10.0.0.0/16" });
                const noGatewayByDefault = args.pattern === NetworkPattern.Isolated || (args.existingVpc !== undefined && args.existingVpc.routeTableIds === undefined);
                expect(planned.gatewayEndpoints.map((e) => e.service)).to.deep.equal(args.gatewayEndpoints ?? (noGatewayByDefault ? [] : ["s3", "dynamodb"]));
                expect(planned.interfaceEndpoints.map((e) => e.service)).to.deep.equal(args.interfaceEndpoints ?? []);
                const toTargets = planned.securityGroupRules.flatMap((r) => (r.peer.kind === "securityGroup" && "id" in r.peer.ref ? [[r.peer.ref.id, r.fromPort, r.toPort]] : []));
                expect(toTargets).to.deep.equal((args.allowTo ?? []).map((t) => [t.securityGroupId, t.port, t.port]));
                expect(planned.diagnostics?.targets).to.deep.equal(args.diagnostics?.enabled ? (args.diagnostics.targets ?? []) : undefined);
            }),
            SECONDARY_RUNS,
        );
    });

    it("places every subnet inside the VPC's block, and outside the block left free for the user", () => {
        fc.assert(
            fc.property(validNewVpcArguments, (args) => {
                const { vpc, subnets } = newVpcPlan(args);
                expect(isWithin(vpc.freeCidrBlock, vpc.cidrBlock), `free ${vpc.freeCidrBlock} in ${vpc.cidrBlock}`).to.equal(true);
                for (const subnet of subnets) {
                    expect(isWithin(subnet.cidrBlock, vpc.cidrBlock), `${subnet.cidrBlock} in ${vpc.cidrBlock}`).to.equal(true);
                    expect(areDisjoint(subnet.cidrBlock, vpc.freeCidrBlock), `${subnet.cidrBlock} overlaps the free ${vpc.freeCidrBlock}`).to.equal(true);
                }
            }),
            RUNS,
        );
    });

    it("gives subnets pairwise disjoint blocks, each /28 or larger", () => {
        fc.assert(
            fc.property(validNewVpcArguments, (args) => {
                const blocks = newVpcPlan(args).subnets.map((s) => s.cidrBlock);
                blocks.forEach((a, i) => {
                    expect(prefixLengthOf(a), a).to.be.at.most(AWS_LIMITS.maxPrefixLength);
                    blocks.slice(i + 1).forEach((b) => expect(areDisjoint(a, b), `${a} and ${b}`).to.equal(true));
                });
            }),
            RUNS,
        );
    });

    it("plans exactly one Lambda subnet per zone, each associated with a route table of its own zone", () => {
        fc.assert(
            fc.property(validNewVpcArguments, (args) => {
                const planned = newVpcPlan(args);
                const lambdaSubnets = planned.subnets.filter((s) => s.role === "lambda");
                const zones = Array.from({ length: zoneCount(args) }, (_, i) => i + 1);
                expect(lambdaSubnets.map((s) => s.zone)).to.deep.equal(zones);
                expect(planned.lambdaSubnets).to.deep.equal(lambdaSubnets.map((s) => ({ key: s.key })));
                for (const subnet of lambdaSubnets) {
                    const tables = planned.routeTables.filter((t) => t.subnetKeys.includes(subnet.key));
                    expect(tables.map((t) => [t.role, t.zone]), subnet.key).to.deep.equal([["lambda", subnet.zone]]);
                }
            }),
            RUNS,
        );
    });

    it("runs functions in exactly the given subnets of an existing VPC, and builds no network there", () => {
        fc.assert(
            fc.property(validExistingVpcArguments, (args) => {
                const planned = planFor(args);
                expect(planned.lambdaSubnets).to.deep.equal(args.existingVpc!.subnetIds.map((id) => ({ id })));
                expect([...planned.subnets, ...planned.routeTables, ...planned.natGateways]).to.deep.equal([]);
                expect(planned.internetGateway).to.equal(undefined);
            }),
            SECONDARY_RUNS,
        );
    });

    it("with PrivateWithNat, routes each Lambda route table's default route to a NAT gateway (its own zone's with OnePerAz), never to the internet gateway", () => {
        fc.assert(
            fc.property(newVpcArgs(NetworkPattern.PrivateWithNat), (args) => {
                const planned = newVpcPlan(args);
                const strategy = args.natGateways?.strategy ?? NatGatewayStrategy.OnePerAz;
                for (const table of planned.routeTables.filter((t) => t.role === "lambda")) {
                    expect(table.routes.map((r) => [r.destinationCidrBlock ?? r.destinationIpv6CidrBlock, r.target.kind]), table.key).to.deep.equal([
                        [ANY_IPV4, "natGateway"],
                        ...(args.dualStack ? [[ANY_IPV6, "egressOnlyInternetGateway"]] : []),
                    ]);
                    const nat = planned.natGateways.find((n) => n.key === table.routes[0].target.key);
                    expect(nat?.zone, table.key).to.equal(strategy === NatGatewayStrategy.OnePerAz ? table.zone : 1);
                }
                expect(planned.natGateways).to.have.lengthOf(strategy === NatGatewayStrategy.OnePerAz ? zoneCount(args) : 1);
            }),
            RUNS,
        );
    });

    it("with PrivateWithNat, puts each NAT gateway in its zone's public subnet, and routes only the public route table to the internet gateway", () => {
        fc.assert(
            fc.property(newVpcArgs(NetworkPattern.PrivateWithNat), (args) => {
                const planned = newVpcPlan(args);
                for (const nat of planned.natGateways) {
                    const subnet = planned.subnets.find((s) => s.key === nat.subnetKey);
                    expect([subnet?.role, subnet?.zone], nat.key).to.deep.equal(["public", nat.zone]);
                }
                const toInternet = planned.routeTables.filter((t) => t.routes.some((r) => r.target.kind === "internetGateway"));
                expect(toInternet.map((t) => t.role)).to.deep.equal(["public"]);
                expect(toInternet[0].subnetKeys.every((key) => planned.subnets.find((s) => s.key === key)?.role === "public")).to.equal(true);
            }),
            RUNS,
        );
    });

    it("with dual stack, gives every subnet its own /64 of the /56, never in the eighth left free; without, none", () => {
        fc.assert(
            fc.property(validNewVpcArguments, (args) => {
                const indices = newVpcPlan(args).subnets.map((s) => s.ipv6SubnetIndex);
                if (!args.dualStack) {
                    expect(indices.filter((i) => i !== undefined)).to.deep.equal([]);
                    return;
                }
                expect(new Set(indices).size).to.equal(indices.length);
                for (const index of indices) {
                    expect(Number.isInteger(index) && index! >= 0 && index! < 256 && !(index! >= 192 && index! < 224), String(index)).to.equal(true);
                }
            }),
            SECONDARY_RUNS,
        );
    });

    it("without NAT, plans no route, no internet gateway, no NAT gateway and no public subnet", () => {
        fc.assert(
            fc.property(validArgumentsWithoutNat, (args) => {
                const planned = planFor(args);
                expect(planned.routeTables.flatMap((t) => t.routes)).to.deep.equal([]);
                expect(planned.internetGateway).to.equal(undefined);
                expect(planned.natGateways).to.deep.equal([]);
                expect(planned.subnets.filter((s) => s.role === "public")).to.deep.equal([]);
            }),
            SECONDARY_RUNS,
        );
    });

    it("admits no ingress from any CIDR block, so never from 0.0.0.0/0 or ::/0", () => {
        fc.assert(
            fc.property(validArguments, (args) => {
                const fromCidrs = planFor(args).securityGroupRules.filter((r) => r.direction === "ingress" && (r.peer.kind === "cidr" || r.peer.kind === "cidrIpv6"));
                expect(fromCidrs.map((r) => r.key)).to.deep.equal([]);
            }),
            RUNS,
        );
    });

    it("lets the interface endpoints' group admit HTTPS from the Lambda group and nothing else", () => {
        fc.assert(
            fc.property(validArguments, (args) => {
                const planned = planFor(args);
                const endpointGroups = planned.securityGroups.filter((g) => g.role === "endpoint").map((g) => g.key);
                expect(endpointGroups.length).to.equal(planned.interfaceEndpoints.length > 0 ? 1 : 0);
                for (const rule of planned.securityGroupRules.filter((r) => r.direction === "ingress")) {
                    expect(endpointGroups, `${rule.key} is ingress on a group other than the endpoints'`).to.include(rule.securityGroupKey);
                    expect([rule.ipProtocol, rule.fromPort, rule.toPort, rule.peer], rule.key).to.deep.equal([
                        "tcp",
                        443,
                        443,
                        { kind: "securityGroup", ref: { key: LAMBDA_SECURITY_GROUP_KEY } },
                    ]);
                }
            }),
            RUNS,
        );
    });

    it("opens egress to the whole internet only from the Lambda group, and only with PrivateWithNat", () => {
        fc.assert(
            fc.property(validArguments, (args) => {
                const rules = planFor(args).securityGroupRules;
                const toAnywhere = rules.filter((r) => r.peer.kind === "cidr" && r.peer.cidrIpv4 === ANY_IPV4);
                const toAnywhereIpv6 = rules.filter((r) => r.peer.kind === "cidrIpv6" && r.peer.cidrIpv6 === ANY_IPV6);
                const withNat = args.pattern === NetworkPattern.PrivateWithNat;
                expect(toAnywhere.map((r) => [r.securityGroupKey, r.direction])).to.deep.equal(withNat ? [[LAMBDA_SECURITY_GROUP_KEY, "egress"]] : []);
                expect(toAnywhereIpv6.map((r) => [r.securityGroupKey, r.direction])).to.deep.equal(withNat && args.dualStack ? [[LAMBDA_SECURITY_GROUP_KEY, "egress"]] : []);
            }),
            SECONDARY_RUNS,
        );
    });

    it("fits Lambda's vpcConfig limits: 1 to 16 subnets, one security group", () => {
        fc.assert(
            fc.property(validArguments, (args) => {
                const planned = planFor(args);
                expect(planned.lambdaSubnets.length).to.be.within(1, AWS_LIMITS.lambdaMaxSubnets);
                expect(planned.securityGroups.filter((g) => g.role === "lambda")).to.have.lengthOf(1);
            }),
            SECONDARY_RUNS,
        );
    });

    it("names every planned resource uniquely, so no two resources share a Pulumi name", () => {
        fc.assert(
            fc.property(validArguments, (args) => {
                const planned = planFor(args);
                const keys = plannedResourceKeys(planned);
                expect(keys.filter((key, i) => keys.indexOf(key) !== i)).to.deep.equal([]);
            }),
            SECONDARY_RUNS,
        );
    });

    it("sends the flow log where the arguments say: to the given bucket with nothing built for it, or to a log group of its own through a role", () => {
        fc.assert(
            fc.property(validArguments, (args) => {
                const destination = planFor(args).flowLog?.destination;
                if (args.flowLogs?.enabled === false) {
                    expect(destination).to.equal(undefined);
                } else if (args.flowLogs?.destination === "s3") {
                    expect(destination).to.deep.equal({ kind: "s3", bucketArn: args.flowLogs.s3BucketArn });
                } else {
                    expect(destination).to.include({ kind: "cloud-watch-logs", retentionInDays: args.flowLogs?.retentionInDays ?? 90 });
                }
            }),
            SECONDARY_RUNS,
        );
    });
});

