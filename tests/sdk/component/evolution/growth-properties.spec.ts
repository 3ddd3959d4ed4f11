import { expect } from "chai";
import fc from "fast-check";
import { NatGatewayStrategy, NetworkPattern, VpcLambdaNetworkArgs } from "../../../../sdk/args";
import type { NetworkPlan } from "../../../../sdk/plan/types";
import { CACHE_SG, planFor } from "../../../helpers/plan";
import { validNewVpcArguments } from "../../arguments/valid-arguments";

// The walk in configuration-walk.spec.ts deploys a few configurations under the mocked engine.
// This property takes the same kinds of change from 1,000 random starting points on the pure
// planner, and checks the planned values the provider cannot change in place: a subnet's
// block and zone, a security group's description, a NAT gateway's subnet and address.

interface Growth {
    change: string;
    applies: (args: VpcLambdaNetworkArgs) => boolean;
    next: (args: VpcLambdaNetworkArgs) => VpcLambdaNetworkArgs;
}

const ZONES = ["a", "b", "c", "d", "e", "f"].map((letter) => `us-east-1${letter}`);
const outward = (args: VpcLambdaNetworkArgs) => args.pattern !== NetworkPattern.Isolated;

const GROWTHS: Growth[] = [
    {
        change: "add a zone",
        applies: (args) => (args.availabilityZoneNames?.length ?? args.numberOfAvailabilityZones ?? 2) < 6,
        next: (args) =>
            args.availabilityZoneNames
                ? { ...args, availabilityZoneNames: [...args.availabilityZoneNames, ZONES.find((z) => !args.availabilityZoneNames!.includes(z))!] }
                : { ...args, numberOfAvailabilityZones: (args.numberOfAvailabilityZones ?? 2) + 1 },
    },
    {
        change: "add an interface endpoint",
        applies: (args) => outward(args) && !args.interfaceEndpoints?.includes("sqs"),
        next: (args) => ({ ...args, interfaceEndpoints: [...(args.interfaceEndpoints ?? []), "sqs"] }),
    },
    {
        change: "remove an interface endpoint",
        applies: (args) => (args.interfaceEndpoints?.length ?? 0) > 0,
        // Its own policy goes with it: endpointPolicies may name only services with an endpoint.
        next: ({ endpointPolicies, ...args }) => {
            const [removed, ...kept] = args.interfaceEndpoints!;
            const policies = Object.entries(endpointPolicies ?? {}).filter(([service]) => service !== removed);
            return { ...args, interfaceEndpoints: kept, ...(endpointPolicies ? { endpointPolicies: Object.fromEntries(policies) } : {}) };
        },
    },
    {
        change: "turn flow logs off or on",
        applies: () => true,
        next: (args) => ({ ...args, flowLogs: { enabled: args.flowLogs?.enabled === false } }),
    },
    {
        change: "switch between Single and OnePerAz",
        applies: (args) => args.pattern === NetworkPattern.PrivateWithNat,
        next: (args) => ({
            ...args,
            natGateways: { strategy: args.natGateways?.strategy === NatGatewayStrategy.Single ? NatGatewayStrategy.OnePerAz : NatGatewayStrategy.Single },
        }),
    },
    {
        change: "add an allowTo target",
        applies: (args) => !args.allowTo?.some((t) => t.securityGroupId === CACHE_SG),
        next: (args) => ({ ...args, allowTo: [...(args.allowTo ?? []), { securityGroupId: CACHE_SG, port: 6379 }] }),
    },
];

/** A valid new-VPC argument set and one change that applies to it. */
const growth = fc
    .tuple(validNewVpcArguments, fc.nat())
    .map(([args, pick]) => {
        const applicable = GROWTHS.filter((g) => g.applies(args));
        return { args, growth: applicable[pick % applicable.length] };
    });

/** What the provider would replace a resource for, by the planned resource's key. */
function replaceOnChangeValues(plan: NetworkPlan): Map<string, unknown> {
    const values = new Map<string, unknown>();
    if (plan.vpc.kind === "new") {
        values.set(plan.vpc.key, plan.vpc.cidrBlock);
    }
    plan.subnets.forEach((s) => values.set(s.key, [s.cidrBlock, s.zone, plan.zones[s.zone - 1]?.name]));
    plan.securityGroups.forEach((g) => values.set(g.key, g.description));
    plan.natGateways.forEach((n) => values.set(n.key, [n.subnetKey, n.elasticIpKey]));
    return values;
}

describe("evolution: growth keeps what cannot change in place, from any starting point", () => {
    it("keeps the VPC's block, every kept subnet's block and zone, every kept group's description and every kept NAT gateway's subnet", () => {
        fc.assert(
            fc.property(growth, ({ args, growth: step }) => {
                const before = replaceOnChangeValues(planFor(args));
                const after = replaceOnChangeValues(planFor(step.next(args)));
                for (const [key, value] of before) {
                    if (after.has(key)) {
                        expect(after.get(key), `${step.change}: ${key}`).to.deep.equal(value);
                    }
                }
            }),
            { numRuns: 1000 },
        );
    });

    it("keeps every subnet and security group but the endpoint group, whose last endpoint a step may remove", () => {
        fc.assert(
            fc.property(growth, ({ args, growth: step }) => {
                const before = planFor(args);
                const after = planFor(step.next(args));
                const keys = (plan: NetworkPlan) => [...plan.subnets.map((s) => s.key), ...plan.securityGroups.filter((g) => g.role !== "endpoint").map((g) => g.key)];
                expect(keys(after), step.change).to.include.members(keys(before));
            }),
            { numRuns: 300 },
        );
    });
});
