import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { NEEDS_TAG } from "../../../sdk/network/needs";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { MOCKSTACK_ADVICE } from "../../helpers/generic-mocks";
import { lambdaSubnets, T } from "../../helpers/mock-network";

// A user's unit test with Pulumi's documented generic mocks: every resource's state is its inputs,
// every invoke answers its own inputs. No lookup of the component gets the field it reads, and no
// resource comes back with the outputs AWS computes. Where the arguments settle the answer, the
// network is built as AWS would build it; otherwise it fails with one sentence naming the lookup,
// the field and MockStack, never with a TypeError or a value holding `undefined`.

/** Pulumi's documented generic mocks (the "Unit testing" guide), as users write them. */
const genericNewResource = (a: pulumi.runtime.MockResourceArgs) => ({ id: a.name + "_id", state: a.inputs });
const genericCall = (a: pulumi.runtime.MockCallArgs) => a.inputs;

/** Answers a user may add to the generic ones, by invoke token. */
type Answers = Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>>;

const GET_REGION = "aws:index/getRegion:getRegion";
const GET_PARTITION = "aws:index/getPartition:getPartition";
const GET_CALLER_IDENTITY = "aws:index/getCallerIdentity:getCallerIdentity";
const GET_VPC_ENDPOINT = "aws:ec2/getVpcEndpoint:getVpcEndpoint";

const region = (name: string): Answers => ({ [GET_REGION]: () => ({ region: name }) });
const ACCOUNT: Answers = { ...region("us-east-1"), [GET_PARTITION]: () => ({ partition: "aws" }), [GET_CALLER_IDENTITY]: () => ({ accountId: "123456789012" }) };

interface GenericRun {
    stack: MockStack;
    failures: unknown[];
    /** Each distinct failure's sentence, without the SDK's "error serializing property ..." before it. */
    messages: string[];
}

/**
 * Builds the network `app` under the generic mocks, `setMocks(mocks, "project", "stack", preview)`.
 * MockStack installs them, its own answers replaced by the generic ones, only to record what is
 * registered and to wait for the first failure; the component sees the generic mocks alone.
 */
async function underGenericMocks(args: VpcLambdaNetworkArgs, options: { preview?: boolean; answers?: Answers } = {}): Promise<GenericRun> {
    const stack = await MockStack.install({ preview: options.preview ?? false });
    const answers = options.answers ?? {};
    stack.aws.newResource = genericNewResource;
    stack.aws.call = (a) => answers[a.token]?.(a.inputs) ?? genericCall(a);
    const { failures } = await stack.run(() => new VpcLambdaNetwork("app", args));
    const sentenceOf = (failure: unknown) => {
        const message = failure instanceof Error ? failure.message : String(failure);
        return message.slice(Math.max(0, message.indexOf('VpcLambdaNetwork "')));
    };
    return { stack, failures, messages: [...new Set(failures.map(sentenceOf))] };
}

/** The failures that are crashes inside the package rather than sentences for the user. */
function crashes(run: GenericRun): string[] {
    return run.failures
        .filter((f) => f instanceof TypeError || /Cannot read properties|is not a function|is not iterable/.test(String(f)))
        .map((f) => String(f));
}

/** The inputs of every registered resource that hold `undefined` or `null` in their JSON: an ARN, a tag, a zone name. */
function inputsHoldingUndefined(stack: MockStack): string[] {
    return stack.resources.filter((r) => /undefined|null/.test(JSON.stringify(r.inputs))).map((r) => `${r.name}: ${JSON.stringify(r.inputs)}`);
}

const ZONES_MESSAGE =
    'VpcLambdaNetwork "app": aws.getAvailabilityZones answered no names, but AWS always answers names with the Region\'s zone names (the answer held only filters, state); ' +
    `${MOCKSTACK_ADVICE} aws:index/getAvailabilityZones:getAvailabilityZones with names, or give availabilityZoneNames.`;
const REGION_MESSAGE =
    'VpcLambdaNetwork "app": aws.getRegion answered no region, but AWS always answers region with the Region\'s name, such as "us-east-1" (the answer held nothing); ' +
    `${MOCKSTACK_ADVICE} aws:index/getRegion:getRegion with region.`;

const ZONES = ["us-east-1a", "us-east-1b"];
const NO_FLOW_LOGS = { flowLogs: { enabled: false } };
const existingVpc = { vpcId: "vpc-0aaaaaaaaaaaaaaaa", subnetIds: ["subnet-0aaaaaaaaaaaaaaa1"] };

describe("VpcLambdaNetwork under generic mocks: what the arguments settle is built", () => {
    let run: GenericRun;

    before(async () => {
        run = await underGenericMocks({
            pattern: NetworkPattern.Isolated,
            availabilityZoneNames: ZONES,
            flowLogs: { destination: "s3", s3BucketArn: "arn:aws:s3:::app-flow-logs" },
            allowTo: [{ securityGroupId: "sg-0123456789abcdef0", port: 5432 }],
            needs: { securityGroups: [{ securityGroupId: "sg-0123456789abcdef0", port: 5432 }] },
        });
    });

    it("builds an Isolated network in the zones named, flow logs to S3 and needs included, without failing", () => {
        expect(run.messages).to.deep.equal([]);
    });

    it("puts each Lambda subnet in the zone named for it", () => {
        expect(lambdaSubnets(run.stack, "app").map((s) => s.inputs.availabilityZone)).to.deep.equal(ZONES);
    });

    it("sends the flow log to the bucket given", () => {
        expect(run.stack.get(T.flowLog, "app-flow-log").inputs).to.deep.include({ logDestinationType: "s3", logDestination: "arn:aws:s3:::app-flow-logs" });
    });

    it("writes the needs on the Lambda security group", () => {
        expect(run.stack.get(T.securityGroup, "app-lambda-sg").inputs.tags[NEEDS_TAG]).to.equal("sg-0123456789abcdef0:5432");
    });

    it("gives no resource an input holding undefined", () => {
        expect(inputsHoldingUndefined(run.stack)).to.deep.equal([]);
    });
});

for (const preview of [false, true]) {
    const flavour = preview ? "in a preview" : "in an update";

    describe(`VpcLambdaNetwork under generic mocks, ${flavour}: zones chosen by count`, () => {
        for (const pattern of [NetworkPattern.PrivateWithNat, NetworkPattern.Isolated, NetworkPattern.PrivateWithEndpoints]) {
            describe(`with ${pattern} and its defaults`, () => {
                let run: GenericRun;

                before(async () => {
                    run = await underGenericMocks({ pattern }, { preview });
                });

                it("fails with the sentence naming aws.getAvailabilityZones, names, MockStack and availabilityZoneNames", () => {
                    expect(run.messages).to.include(ZONES_MESSAGE);
                });

                it("fails with no TypeError", () => {
                    expect(crashes(run)).to.deep.equal([]);
                });

                it("fails only with sentences that name a lookup and MockStack", () => {
                    expect(run.messages.filter((m) => !m.startsWith('VpcLambdaNetwork "app": aws.') || !m.includes(MOCKSTACK_ADVICE))).to.deep.equal([]);
                });
            });
        }
    });

    describe(`VpcLambdaNetwork under generic mocks, ${flavour}: endpoint services`, () => {
        const endpoints: VpcLambdaNetworkArgs = { pattern: NetworkPattern.PrivateWithEndpoints, availabilityZoneNames: ZONES, interfaceEndpoints: ["sqs"], ...NO_FLOW_LOGS };

        it("fails on aws.getRegion, which the service names need", async () => {
            expect((await underGenericMocks(endpoints, { preview })).messages).to.deep.equal([REGION_MESSAGE]);
        });

        describe("with the Region answered", () => {
            let run: GenericRun;

            before(async () => {
                run = await underGenericMocks(endpoints, { preview, answers: region("eu-west-1") });
            });

            it("builds the endpoints without failing", () => {
                expect(run.messages).to.deep.equal([]);
            });

            it("names each endpoint's service com.amazonaws.<region>.<service>, as AWS does outside China", () => {
                expect(run.stack.ofType(T.vpcEndpoint).map((e) => e.inputs.serviceName)).to.deep.equal([
                    "com.amazonaws.eu-west-1.s3",
                    "com.amazonaws.eu-west-1.dynamodb",
                    "com.amazonaws.eu-west-1.sqs",
                ]);
            });

            it("puts the interface endpoint in every Lambda subnet, as if every zone offered its service", () => {
                const subnets = lambdaSubnets(run.stack, "app").map((s) => s.id);
                expect(run.stack.get(T.vpcEndpoint, "app-sqs-endpoint").inputs.subnetIds).to.deep.equal(subnets);
            });
        });

        it("fails on aws.ec2.getVpcEndpointService's serviceName in a China Region, where names vary by service", async () => {
            const { messages } = await underGenericMocks({ ...endpoints, gatewayEndpoints: ["s3"], interfaceEndpoints: [] }, { preview, answers: region("cn-north-1") });
            expect(messages).to.deep.equal([
                'VpcLambdaNetwork "app": aws.ec2.getVpcEndpointService for "s3" answered no serviceName, but AWS always answers serviceName with the service\'s full name, ' +
                    'such as "com.amazonaws.cn-north-1.s3" (the answer held only filters, serviceType); ' +
                    `${MOCKSTACK_ADVICE} aws:ec2/getVpcEndpointService:getVpcEndpointService with serviceName.`,
            ]);
        });
    });

    describe(`VpcLambdaNetwork under generic mocks, ${flavour}: an existing VPC`, () => {
        it("with routeTableIds, fails on aws.ec2.getVpcEndpoint's id, which tells whether an endpoint of the service is there", async () => {
            const args: VpcLambdaNetworkArgs = { pattern: NetworkPattern.PrivateWithEndpoints, existingVpc: { ...existingVpc, routeTableIds: ["rtb-0aaaaaaaaaaaaaaa1"] }, gatewayEndpoints: ["s3"], ...NO_FLOW_LOGS };
            expect((await underGenericMocks(args, { preview, answers: region("us-east-1") })).messages).to.deep.equal([
                'VpcLambdaNetwork "app": aws.ec2.getVpcEndpoint for "com.amazonaws.us-east-1.s3" answered no id, but AWS always answers id with the endpoint\'s id, such as "vpce-0123456789abcdef0" ' +
                    `(the answer held only filters, serviceName, vpcEndpointType, vpcId); ${MOCKSTACK_ADVICE} aws:ec2/getVpcEndpoint:getVpcEndpoint with id.`,
            ]);
        });

        describe("without routeTableIds, with an interface endpoint", () => {
            let run: GenericRun;

            before(async () => {
                // Only the lookups under test go unanswered: the Region is given, and no endpoint is there.
                const noEndpoint = () => {
                    throw Object.assign(new Error("no matching EC2 VPC Endpoint found"), { details: "no matching EC2 VPC Endpoint found" });
                };
                run = await underGenericMocks(
                    { pattern: NetworkPattern.PrivateWithEndpoints, existingVpc, interfaceEndpoints: ["sqs"], ...NO_FLOW_LOGS },
                    { preview, answers: { ...region("us-east-1"), [GET_VPC_ENDPOINT]: noEndpoint } },
                );
            });

            it("fails on aws.ec2.getVpc's enableDnsSupport, rather than calling the VPC's DNS off", () => {
                expect(run.messages).to.include(
                    'VpcLambdaNetwork "app": aws.ec2.getVpc for "vpc-0aaaaaaaaaaaaaaaa" answered no enableDnsSupport, but AWS always answers enableDnsSupport with true or false ' +
                        `(the answer held only id); ${MOCKSTACK_ADVICE} aws:ec2/getVpc:getVpc with enableDnsSupport.`,
                );
            });

            it("fails on aws.ec2.getSubnet's availabilityZone, which places the endpoint", () => {
                expect(run.messages).to.include(
                    'VpcLambdaNetwork "app": aws.ec2.getSubnet for "subnet-0aaaaaaaaaaaaaaa1" answered no availabilityZone, but AWS always answers availabilityZone with the subnet\'s zone name ' +
                        `(the answer held only id); ${MOCKSTACK_ADVICE} aws:ec2/getSubnet:getSubnet with availabilityZone.`,
                );
            });

            it("fails on no other lookup, and with no other error", () => {
                expect(run.messages.filter((m) => !m.includes("aws.ec2.getVpc for") && !m.includes("aws.ec2.getSubnet for"))).to.deep.equal([]);
            });
        });

        it("with dualStack, fails on aws.ec2.getSubnet's ipv6CidrBlock, rather than calling the subnet IPv4-only", async () => {
            const { messages } = await underGenericMocks({ pattern: NetworkPattern.Isolated, existingVpc, dualStack: true, ...NO_FLOW_LOGS }, { preview });
            expect(messages).to.deep.equal([
                'VpcLambdaNetwork "app": aws.ec2.getSubnet for "subnet-0aaaaaaaaaaaaaaa1" answered no ipv6CidrBlock, but AWS always answers ipv6CidrBlock with the subnet\'s IPv6 block ("" when it has none) ' +
                    `(the answer held only id); ${MOCKSTACK_ADVICE} aws:ec2/getSubnet:getSubnet with ipv6CidrBlock.`,
            ]);
        });

        it("with diagnostics, fails on aws.ec2.getVpc's cidrBlockAssociations, rather than telling the function of no VPC range", async () => {
            const { messages } = await underGenericMocks({ pattern: NetworkPattern.Isolated, existingVpc, diagnostics: { enabled: true }, ...NO_FLOW_LOGS }, { preview });
            expect(messages).to.include(
                'VpcLambdaNetwork "app": aws.ec2.getVpc for "vpc-0aaaaaaaaaaaaaaaa" answered no cidrBlockAssociations, but AWS always answers cidrBlockAssociations with ' +
                    `the VPC's IPv4 blocks, as a list of { cidrBlock } (the answer held only id); ${MOCKSTACK_ADVICE} aws:ec2/getVpc:getVpc with cidrBlockAssociations.`,
            );
        });
    });

    describe(`VpcLambdaNetwork under generic mocks, ${flavour}: flow logs to CloudWatch Logs with a KMS key`, () => {
        const encrypted: VpcLambdaNetworkArgs = {
            pattern: NetworkPattern.Isolated,
            availabilityZoneNames: ZONES,
            flowLogs: { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
        };

        it("fails on aws.getRegion, rather than on a key 'in undefined'", async () => {
            expect((await underGenericMocks(encrypted, { preview })).messages).to.deep.equal([REGION_MESSAGE]);
        });

        it("with the Region answered, fails on aws.getPartition", async () => {
            expect((await underGenericMocks(encrypted, { preview, answers: region("us-east-1") })).messages).to.deep.equal([
                'VpcLambdaNetwork "app": aws.getPartition answered no partition, but AWS always answers partition with the partition, such as "aws" (the answer held nothing); ' +
                    `${MOCKSTACK_ADVICE} aws:index/getPartition:getPartition with partition.`,
            ]);
        });

        it("with the Region and partition answered, fails on aws.getCallerIdentity", async () => {
            const answers = { ...region("us-east-1"), [GET_PARTITION]: () => ({ partition: "aws" }) };
            expect((await underGenericMocks(encrypted, { preview, answers })).messages).to.deep.equal([
                'VpcLambdaNetwork "app": aws.getCallerIdentity answered no accountId, but AWS always answers accountId with the account\'s 12 digits (the answer held nothing); ' +
                    `${MOCKSTACK_ADVICE} aws:index/getCallerIdentity:getCallerIdentity with accountId.`,
            ]);
        });
    });
}

describe("VpcLambdaNetwork under generic mocks: the account answered", () => {
    const encrypted: VpcLambdaNetworkArgs = {
        pattern: NetworkPattern.Isolated,
        availabilityZoneNames: ZONES,
        flowLogs: { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
    };

    it("in an update, fails on the flow log's log group, which came back without the ARN its policy names", async () => {
        expect((await underGenericMocks(encrypted, { answers: ACCOUNT })).messages).to.deep.equal([
            'VpcLambdaNetwork "app": the aws.cloudwatch.LogGroup "app-flow-log-group" it made came back with no arn, but AWS always gives arn as ' +
                `"arn:<partition>:logs:<region>:<account>:log-group:<name>"; ${MOCKSTACK_ADVICE} newResource for aws:cloudwatch/logGroup:LogGroup with arn in its state.`,
        ]);
    });

    describe("in a preview, where the log group's ARN is unknown", () => {
        let run: GenericRun;

        before(async () => {
            run = await underGenericMocks(encrypted, { preview: true, answers: ACCOUNT });
        });

        it("builds the flow log without failing", () => {
            expect(run.messages).to.deep.equal([]);
        });

        it("lets only this account's flow logs assume the role", () => {
            const trust = JSON.parse(run.stack.get(T.role, "app-flow-log-role").inputs.assumeRolePolicy);
            expect(trust.Statement[0].Condition.ArnLike).to.deep.equal({ "aws:SourceArn": "arn:aws:ec2:us-east-1:123456789012:vpc-flow-log/*" });
        });

        it("encrypts the log group with the key given", () => {
            expect(run.stack.get(T.logGroup, "app-flow-log-group").inputs.kmsKeyId).to.equal(encrypted.flowLogs!.kmsKeyId);
        });
    });
});

describe("VpcLambdaNetwork under generic mocks: outputs AWS computes", () => {
    const dualStack: VpcLambdaNetworkArgs = { pattern: NetworkPattern.Isolated, availabilityZoneNames: ZONES, dualStack: true, ...NO_FLOW_LOGS };
    const diagnostics: VpcLambdaNetworkArgs = { pattern: NetworkPattern.Isolated, availabilityZoneNames: ZONES, diagnostics: { enabled: true }, ...NO_FLOW_LOGS };

    it("in an update, fails with dualStack on the new VPC, which came back without its IPv6 block", async () => {
        expect((await underGenericMocks(dualStack)).messages).to.deep.equal([
            'VpcLambdaNetwork "app": the aws.ec2.Vpc "app-vpc" it made came back with no ipv6CidrBlock, but AWS always gives ipv6CidrBlock as a /56 such as ' +
                `"2600:1f18:abcd:ef00::/56" when asked for one; ${MOCKSTACK_ADVICE} newResource for aws:ec2/vpc:Vpc with ipv6CidrBlock in its state.`,
        ]);
    });

    it("in a preview, builds a dual-stack network, the subnets' IPv6 blocks unknown", async () => {
        const { messages, stack } = await underGenericMocks(dualStack, { preview: true });
        expect(messages).to.deep.equal([]);
        expect(lambdaSubnets(stack, "app").map((s) => s.inputs.assignIpv6AddressOnCreation)).to.deep.equal([true, true]);
    });

    it("in an update, fails with diagnostics on their log group, which came back without the ARN its policy names", async () => {
        expect((await underGenericMocks(diagnostics)).messages).to.deep.equal([
            'VpcLambdaNetwork "app": the aws.cloudwatch.LogGroup "app-diagnostics-logs" it made came back with no arn, but AWS always gives arn as ' +
                `"arn:<partition>:logs:<region>:<account>:log-group:<name>"; ${MOCKSTACK_ADVICE} newResource for aws:cloudwatch/logGroup:LogGroup with arn in its state.`,
        ]);
    });

    it("in a preview, builds the diagnostics function", async () => {
        const { messages, stack } = await underGenericMocks(diagnostics, { preview: true });
        expect(messages).to.deep.equal([]);
        expect(stack.ofType("aws:lambda/function:Function").map((f) => f.name)).to.deep.equal(["app-diagnostics"]);
    });
});
