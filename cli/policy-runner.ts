import {
    EnforcementLevel,
    Policies,
    PolicyPackConfig,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationPolicy,
    StackValidationPolicy,
    unknownCheckingProxy,
    UnknownValueError,
} from "@pulumi/policy";
import * as pulumi from "@pulumi/pulumi";
import { isSecret, RecordedResource, UNKNOWN } from "../sdk/offline-engine/mock-stack";
import { policies as packPolicies } from "../policy/policies";

/** A policy violation as `pulumi preview` reports it. */
export interface PolicyViolation {
    policy: string;
    level: "advisory" | "mandatory";
    message: string;
    /** The URN of the resource in violation; absent when the stack as a whole is. */
    resource?: string;
}

/**
 * A policy that could not run on a resource because it read a value not known during a preview;
 * the engine reports these as advisory notes. The pack's own policies never cause one.
 */
export interface PolicyNotRun {
    policy: string;
    resource?: string;
    reason: string;
}

export interface PolicyVerdicts {
    violations: PolicyViolation[];
    notRun: PolicyNotRun[];
    /** The policies that ran: every policy but those disabled, by default or by the config. */
    ran: string[];
}

export interface RunPolicyOptions {
    /** @default the vpc-lambda-guard pack */
    policies?: Policies;
    /** Enforcement levels and policy settings, as in a `--policy-pack-config` JSON file. */
    config?: PolicyPackConfig;
}

class NotApplicable extends Error {}

/**
 * Runs policies on recorded resources the way the Pulumi engine's analyzer does, without the
 * engine: resource policies see each resource's inputs, stack policies see every resource's
 * outputs with parents, dependencies and property dependencies; props are wrapped in the same
 * proxy that throws on unknown values; enforcement levels and config come from `config` as the
 * engine would pass them (a policy's own entry, then `all`, then its default).
 */
export async function runPolicies(resources: readonly RecordedResource[], options: RunPolicyOptions = {}): Promise<PolicyVerdicts> {
    const verdicts: PolicyVerdicts = { violations: [], notRun: [], ran: [] };
    const config = options.config ?? {};
    // What the policies receive is built once and shared by all of them, as the engine builds
    // one request per stack: the stack as stack policies see it (frozen, so that the pack may
    // keep the network model it builds from it for the next policy), and each resource's props.
    let stackResources: readonly PolicyResource[] | undefined;
    const propsByResource = new Map<RecordedResource, Record<string, unknown>>();
    const propsOf = (resource: RecordedResource): Record<string, unknown> => {
        const known = propsByResource.get(resource);
        if (known) {
            return known;
        }
        const props: Record<string, unknown> = unknownCheckingProxy(asEngineSends(resource.inputs));
        propsByResource.set(resource, props);
        return props;
    };
    for (const policy of options.policies ?? packPolicies) {
        const level = enforcementLevelOf(policy.name, policy.enforcementLevel, config);
        if (level === "disabled") {
            continue;
        }
        verdicts.ran.push(policy.name);
        const report = (resource?: string) => (message: string, urn?: string) =>
            verdicts.violations.push({ policy: policy.name, level, message, ...((urn ?? resource) ? { resource: urn ?? resource } : {}) });
        const common = {
            getConfig: <T extends object>() => settingsOf(config[policy.name]) as T,
            notApplicable: (reason?: string): never => {
                throw new NotApplicable(reason);
            },
            stackTags: new Map<string, string>(),
        };
        if ("validateStack" in policy) {
            stackResources ??= Object.freeze(asPolicyResources(resources));
            const args = { ...common, resources: stackResources as PolicyResource[] };
            await guard(verdicts, policy, undefined, () => (policy as StackValidationPolicy).validateStack(args, report(undefined)));
        } else if ((policy as ResourceValidationPolicy).validateResource) {
            const validations = [(policy as ResourceValidationPolicy).validateResource!].flat();
            for (const resource of resources) {
                const props = propsOf(resource);
                const args = {
                    ...common,
                    type: resource.type,
                    props,
                    urn: resource.urn,
                    name: resource.name,
                    opts: optionsOf(resource),
                    isType: () => false,
                    asType: () => undefined,
                };
                for (const validate of validations) {
                    await guard(verdicts, policy, resource.urn, () => validate(args, report(resource.urn)));
                }
            }
        }
    }
    return verdicts;
}

/** Whether any violation is mandatory: what makes `pulumi preview` fail. */
export function hasMandatoryViolation(verdicts: PolicyVerdicts): boolean {
    return verdicts.violations.some((v) => v.level === "mandatory");
}

async function guard(verdicts: PolicyVerdicts, policy: { name: string }, resource: string | undefined, run: () => unknown): Promise<void> {
    try {
        await run();
    } catch (error) {
        if (error instanceof NotApplicable) {
            return;
        }
        if (error instanceof UnknownValueError) {
            verdicts.notRun.push({ policy: policy.name, ...(resource ? { resource } : {}), reason: (error as Error).message });
            return;
        }
        throw new Error(`policy "${policy.name}" failed${resource ? ` on ${resource}` : ""}: ${error instanceof Error ? error.message : String(error)}`);
    }
}

/** The engine treats "remediate" as "mandatory" when it reports a violation. */
function enforcementLevelOf(name: string, own: EnforcementLevel | undefined, config: PolicyPackConfig): "advisory" | "mandatory" | "disabled" {
    const configured = levelIn(config[name]) ?? levelIn(config.all);
    const level = configured ?? own ?? "advisory";
    return level === "remediate" ? "mandatory" : level;
}

function levelIn(entry: PolicyPackConfig[string] | undefined): EnforcementLevel | undefined {
    return typeof entry === "string" ? entry : entry?.enforcementLevel;
}

function settingsOf(entry: PolicyPackConfig[string] | undefined): Record<string, unknown> {
    if (!entry || typeof entry === "string") {
        return {};
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { enforcementLevel, ...settings } = entry;
    return settings;
}

/**
 * Props as the engine sends them to a policy pack: the SDK's in-process unknown marker (what the
 * mocks record during a preview) becomes the engine's wire sentinel, which the policy proxy
 * recognises.
 */
function asEngineSends(props: Record<string, unknown>): Record<string, unknown> {
    const convert = (value: unknown): unknown => {
        if (pulumi.isUnknown(value)) {
            return UNKNOWN;
        }
        // The engine hands policies a secret's plain value (the policy SDK unwraps secrets
        // unless a pack asks to keep them).
        if (isSecret(value)) {
            return convert(value.value);
        }
        if (Array.isArray(value)) {
            return value.map(convert);
        }
        if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
            return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, convert(v)]));
        }
        return value;
    };
    return convert(props) as Record<string, unknown>;
}

/**
 * The stack as `validateStack` receives it: outputs (with the resource's `id`, which bridged
 * providers report among them, unknown for a new resource in a preview), and relations resolved
 * to the resource objects themselves.
 */
function asPolicyResources(recorded: readonly RecordedResource[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const resources = recorded.map((r) => {
        const resource: PolicyResource = {
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: unknownCheckingProxy(asEngineSends({ ...r.outputs, ...(r.custom ? { id: r.id ?? pulumi.unknown } : {}) })),
            opts: optionsOf(r),
            dependencies: [],
            propertyDependencies: {},
            isType: () => false,
            asType: () => undefined,
        };
        byUrn.set(r.urn, resource);
        return resource;
    });
    recorded.forEach((r, i) => {
        const resource = resources[i];
        const lookup = (urns: string[]) => urns.map((urn) => byUrn.get(urn)).filter((d): d is PolicyResource => !!d);
        resource.parent = r.parent ? byUrn.get(r.parent) : undefined;
        resource.dependencies = lookup(r.dependencies);
        resource.propertyDependencies = Object.fromEntries(Object.entries(r.propertyDependencies).map(([key, urns]) => [key, lookup(urns)]));
    });
    return resources;
}

function optionsOf(r: RecordedResource): PolicyResourceOptions {
    return {
        protect: false,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        ...(r.parent ? { parent: r.parent } : {}),
    };
}
