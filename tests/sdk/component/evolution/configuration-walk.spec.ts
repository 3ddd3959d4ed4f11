import { expect } from "chai";
import { EndpointPolicy, NatGatewayStrategy, NetworkPattern, VpcLambdaNetworkArgs } from "../../../../sdk/args";
import { VpcLambdaNetwork } from "../../../../sdk/component";
import { MockStack, RecordedResource } from "../../../../sdk/offline-engine/mock-stack";
import { T } from "../../../helpers/mock-network";
import { CACHE_SG, DB_SG } from "../../../helpers/plan";
import { changesBetween, Changes } from "./replacements";

// A network's configuration grows with the application. Each step below is a change a team
// makes to a running stack; none may replace the VPC, an existing subnet (it would take its
// ENIs, RDS instances and caches with it) or a security group (others' rules name it), nor
// any other resource: what a step adds is created, what it drops is deleted, the rest is
// updated in place at most.

interface Step {
    change: string;
    next: (args: VpcLambdaNetworkArgs) => VpcLambdaNetworkArgs;
}

const zones = (args: VpcLambdaNetworkArgs) => args.numberOfAvailabilityZones ?? 2;

const ADD_A_ZONE: Step = { change: "add a zone", next: (args) => ({ ...args, numberOfAvailabilityZones: zones(args) + 1 }) };
const ADD_AN_ENDPOINT: Step = { change: "add an interface endpoint", next: (args) => ({ ...args, interfaceEndpoints: [...(args.interfaceEndpoints ?? []), "sqs"] }) };
const REMOVE_AN_ENDPOINT: Step = { change: "remove an interface endpoint", next: (args) => ({ ...args, interfaceEndpoints: (args.interfaceEndpoints ?? []).slice(1) }) };
const FLOW_LOGS_OFF: Step = { change: "turn flow logs off", next: (args) => ({ ...args, flowLogs: { enabled: false } }) };
const FLOW_LOGS_ON: Step = { change: "turn flow logs back on", next: (args) => ({ ...args, flowLogs: { enabled: true } }) };
const ONE_NAT_PER_ZONE: Step = { change: "Single -> OnePerAz", next: (args) => ({ ...args, natGateways: { strategy: NatGatewayStrategy.OnePerAz } }) };
const ONE_NAT: Step = { change: "OnePerAz -> Single", next: (args) => ({ ...args, natGateways: { strategy: NatGatewayStrategy.Single } }) };
const DUAL_STACK_ON: Step = { change: "turn dual stack on", next: (args) => ({ ...args, dualStack: true }) };
const DIAGNOSTICS_ON: Step = { change: "add the diagnostics function", next: (args) => ({ ...args, diagnostics: { enabled: true, targets: [{ host: "db.internal", port: 5432 }] } }) };
const DIAGNOSTICS_OFF: Step = { change: "remove the diagnostics function", next: (args) => ({ ...args, diagnostics: { enabled: false } }) };
// The endpoints' policy changes in place (ModifyVpcEndpoint; `policy` is not ForceNew in vpc_endpoint.go).
const SAME_ACCOUNT: Step = { change: "write SameAccount's policy on every endpoint", next: (args) => ({ ...args, endpointPolicy: EndpointPolicy.SameAccount }) };
const ADD_AN_ALLOW_TO: Step = { change: "add an allowTo target", next: (args) => ({ ...args, allowTo: [...(args.allowTo ?? []), { securityGroupId: CACHE_SG, port: 6379 }] }) };

const WALKS: { start: string; args: VpcLambdaNetworkArgs; steps: Step[] }[] = [
    {
        start: "PrivateWithNat, one NAT gateway, two zones",
        args: {
            pattern: NetworkPattern.PrivateWithNat,
            natGateways: { strategy: NatGatewayStrategy.Single },
            interfaceEndpoints: ["secretsmanager"],
            allowTo: [{ securityGroupId: DB_SG, port: 3306 }],
        },
        steps: [ADD_A_ZONE, ADD_AN_ENDPOINT, REMOVE_AN_ENDPOINT, FLOW_LOGS_OFF, FLOW_LOGS_ON, ONE_NAT_PER_ZONE, DUAL_STACK_ON, DIAGNOSTICS_ON, ADD_A_ZONE, ONE_NAT, ADD_AN_ALLOW_TO, DIAGNOSTICS_OFF],
    },
    {
        start: "PrivateWithEndpoints, one zone",
        args: { pattern: NetworkPattern.PrivateWithEndpoints, numberOfAvailabilityZones: 1, interfaceEndpoints: ["secretsmanager", "kms"] },
        steps: [ADD_A_ZONE, DIAGNOSTICS_ON, ADD_AN_ENDPOINT, REMOVE_AN_ENDPOINT, FLOW_LOGS_OFF, FLOW_LOGS_ON, DUAL_STACK_ON, ADD_AN_ALLOW_TO, SAME_ACCOUNT, ADD_A_ZONE],
    },
    {
        start: "Isolated, two zones",
        args: { pattern: NetworkPattern.Isolated, allowTo: [{ securityGroupId: DB_SG, port: 5432 }] },
        steps: [DUAL_STACK_ON, ADD_A_ZONE, FLOW_LOGS_OFF, FLOW_LOGS_ON, ADD_AN_ALLOW_TO, DIAGNOSTICS_ON],
    },
    {
        start: "an existing VPC",
        args: {
            pattern: NetworkPattern.PrivateWithEndpoints,
            existingVpc: { vpcId: "vpc-0aaaaaaaaaaaaaaaa", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"], routeTableIds: ["rtb-0aaaaaaaaaaaaaaaa"] },
            interfaceEndpoints: ["kms"],
        },
        // (Dual stack on an existing VPC without NAT changes no resource, only vpcConfig: not a step here.)
        steps: [ADD_AN_ENDPOINT, REMOVE_AN_ENDPOINT, FLOW_LOGS_OFF, FLOW_LOGS_ON, ADD_AN_ALLOW_TO, DIAGNOSTICS_ON],
    },
];

/** What the stack holds after deploying each configuration of the walk in turn. */
async function record(stack: MockStack, args: VpcLambdaNetworkArgs): Promise<RecordedResource[]> {
    stack.reset();
    new VpcLambdaNetwork("app", args);
    return [...(await stack.settle())];
}

const named = (resources: RecordedResource[], ...types: string[]) => resources.filter((r) => types.includes(r.type)).map((r) => `${r.type}::${r.name}`);

describe("evolution: configuration changes replace nothing", () => {
    let stack: MockStack;

    before(async () => {
        stack = await MockStack.install();
    });

    for (const walk of WALKS) {
        describe(`from ${walk.start}`, () => {
            const configurations: VpcLambdaNetworkArgs[] = [walk.args];
            walk.steps.forEach((step) => configurations.push(step.next(configurations[configurations.length - 1])));
            const recorded: RecordedResource[][] = [];
            const changes: Changes[] = [];

            before(async () => {
                for (const args of configurations) {
                    recorded.push(await record(stack, args));
                }
                for (let i = 1; i < recorded.length; i++) {
                    changes.push(changesBetween(recorded[i - 1], recorded[i]));
                }
            });

            walk.steps.forEach((step, i) => {
                describe(`step ${i + 1}: ${step.change}`, () => {
                    it("keeps the VPC, every existing subnet and every security group by name", () => {
                        const stateful = named(recorded[i], T.vpc, T.subnet, T.securityGroup);
                        expect(named(recorded[i + 1], T.vpc, T.subnet, T.securityGroup)).to.include.members(stateful);
                    });

                    it("replaces no resource it keeps", () => {
                        expect(changes[i].replaced).to.deep.equal([]);
                    });

                    it("changes something, so the step is a real change", () => {
                        const { created, deleted } = changes[i];
                        const updated = recorded[i + 1].filter((r) => {
                            const before = recorded[i].find((b) => b.type === r.type && b.name === r.name);
                            return before && JSON.stringify(before.inputs) !== JSON.stringify(r.inputs);
                        });
                        expect(created.length + deleted.length + updated.length).to.be.greaterThan(0);
                    });
                });
            });
        });
    }
});
