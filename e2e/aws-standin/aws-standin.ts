import { isDeepStrictEqual } from "util";
import type * as provider from "@pulumi/pulumi/provider";
import { MockAws } from "../../sdk/offline-engine/mock-aws";
import { REPLACE_ON_CHANGE, ruleSourceKind, subnetIpv6Replacement } from "./replace-on-change";

/** The @pulumi/aws version this stand-in answers for: the engine asks for the plugin at that version. */
export const AWS_PROVIDER_VERSION = "7.48.0";

/** The resource type and name a URN names: `urn:pulumi:<stack>::<project>::<parents$type>::<name>`. */
export function typeAndName(urn: string): { type: string; name: string } {
    const [, , qualifiedType, ...name] = urn.split("::");
    return { type: qualifiedType.split("$").pop()!, name: name.join("::") };
}

/**
 * A TEST DOUBLE of the AWS provider plugin (pulumi-resource-aws), for running programs under the
 * real Pulumi engine on a machine with no AWS account. It creates nothing: ids and outputs are
 * MockAws's (the same answers the unit tests' mocks give), and a change replaces a resource
 * exactly when the evolution tests' replace-on-change table says the real provider would.
 */
export class AwsStandIn implements provider.Provider {
    readonly version = AWS_PROVIDER_VERSION;
    private aws: MockAws;

    constructor(region: string | undefined, private readonly schemaJson: () => string) {
        this.aws = new MockAws({ region });
    }

    /** Configure gives the region the program set (`aws:region`): the zones and ARNs follow it. */
    configure(region: string): void {
        this.aws = new MockAws({ region });
    }

    async getSchema(): Promise<string> {
        return this.schemaJson();
    }

    async check(_urn: string, _olds: any, news: any): Promise<provider.CheckResult> {
        return { inputs: news };
    }

    async diff(id: string, urn: string, olds: any, news: any): Promise<provider.DiffResult> {
        const { type } = typeAndName(urn);
        // A plugin process lives for one command; AWS remembers what an earlier `up` made. The
        // engine diffs every resource of the stack it registers again, with its last state: what
        // the lookups of this run (getRouteTable of awsx's subnets, getSubnet...) must answer from.
        this.aws.remember(type, id, olds);
        const changed = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter(
            // `olds` is the resource's last state: its inputs and the outputs AWS computed. An input
            // the program leaves out keeps what AWS computed (Terraform's Optional+Computed). In a
            // preview an input not yet known differs from the old value: a replace-on-change one
            // replaces, as the real provider plans it.
            (key) => news[key] !== undefined && !isDeepStrictEqual(olds[key], news[key]),
        );
        return { changes: changed.length > 0, replaces: replacedBy(type, changed, olds, news) };
    }

    async create(urn: string, inputs: any): Promise<provider.CreateResult> {
        const { type, name } = typeAndName(urn);
        const { id, state } = this.aws.newResource({ type, name, inputs, provider: "", custom: true });
        return { id: id!, outs: wireable(state) };
    }

    async read(id: string, urn: string, props: any): Promise<provider.ReadResult> {
        this.aws.remember(typeAndName(urn).type, id, props);
        return { id, props };
    }

    async update(id: string, urn: string, _olds: any, news: any): Promise<provider.UpdateResult> {
        const { type, name } = typeAndName(urn);
        return { outs: wireable(this.aws.newResource({ type, name, inputs: news, provider: "", id, custom: true }).state) };
    }

    async delete(): Promise<void> {
        // Nothing exists to delete: the engine drops the resource from the stack's state.
    }

    async invoke(token: string, inputs: any): Promise<provider.InvokeResult> {
        const outputs = this.aws.call({ token, inputs, provider: "" });
        // MockAws hands back the very inputs for a function it does not model; a stand-in under
        // the engine must not answer those with made-up data.
        if (outputs === inputs) {
            throw new Error(`the AWS stand-in does not answer ${token}; teach MockAws (sdk/offline-engine/mock-aws.ts) to answer it as AWS would`);
        }
        return { outputs: wireable(outputs) };
    }
}

/**
 * The state without the `undefined`s MockAws leaves for outputs a resource does not have (an
 * interface endpoint's prefixListId): a protobuf Struct cannot carry them, and the real provider
 * leaves such an output out.
 */
function wireable(state: Record<string, unknown>): Record<string, unknown> {
    return JSON.parse(JSON.stringify(state));
}

/** The inputs among `changed` whose change makes the real provider replace the resource. */
export function replacedBy(type: string, changed: string[], olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
    const replaceOnChange = REPLACE_ON_CHANGE[type]?.inputs ?? [];
    const replaces = changed.filter((key) => replaceOnChange.includes(key));
    if (type === "aws:ec2/subnet:Subnet" && subnetIpv6Replacement(olds, news) && !replaces.includes("ipv6CidrBlock")) {
        replaces.push("ipv6CidrBlock");
    }
    if (type.startsWith("aws:vpc/securityGroup") && ruleSourceKind(olds) !== ruleSourceKind(news)) {
        replaces.push(...RULE_PEERS.filter((key) => changed.includes(key) && !replaces.includes(key)));
    }
    return replaces;
}

const RULE_PEERS = ["cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId"];

