import * as pulumi from "@pulumi/pulumi";
import { MockAws, MockAwsOptions } from "./mock-aws";

/** A resource as the mocked engine saw it registered: what `pulumi preview` would show. */
export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    /** The parent's URN; absent for the stack itself. */
    parent?: string;
    custom: boolean;
    id?: string;
    /** The inputs as the program gave them (unknowns in a preview show as `UNKNOWN`). */
    inputs: Record<string, any>;
    /** The mocked provider's outputs (inputs plus computed values). */
    outputs: Record<string, any>;
    /** URNs this resource depends on, explicitly or through its inputs. */
    dependencies: string[];
    /** For each input property, the URNs its value came from. */
    propertyDependencies: Record<string, string[]>;
    /** The `deleteBeforeReplace` resource option: a replacement deletes the old resource first. */
    deleteBeforeReplace: boolean;
}

/**
 * True for an input the program marked secret (`pulumi.secret`, secret config): recorded as the
 * engine receives it, wrapped, so that reports can redact it and policies can unwrap it.
 */
export function isSecret(value: unknown): value is { value: unknown } {
    return rpc.isRpcSecret(value);
}

/** What the mocked engine returns for a value not known until deployment. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface MockStackOptions extends MockAwsOptions {
    project?: string;
    stack?: string;
    /** Run as `pulumi preview` does: outputs of new resources are unknown. */
    preview?: boolean;
    /** Stack configuration, `{ "project:key": "value", "aws:region": "eu-west-1" }`. */
    config?: Record<string, string>;
}

// The SDK's gRPC plumbing, for the parts of a registration the Mocks interface does not pass
// on (parent and dependencies). Internal modules, but stable across SDK 3.x.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rpc = require("@pulumi/pulumi/runtime/rpc");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings");

/** The stack the mocks were last installed for: warnings are recorded there. */
let warningsGoTo: MockStack | undefined;

/**
 * Records the program's warnings on the installed stack, and prints them as before. Under mocks
 * there is no engine to send them to; `pulumi.log.warn` is wrapped once per process.
 */
function recordWarnings(stack: MockStack): void {
    if (warningsGoTo === undefined) {
        const log = pulumi.log as { warn: typeof pulumi.log.warn };
        const warn = log.warn;
        log.warn = (message, ...rest) => {
            warningsGoTo?.warnings.push(message);
            return warn(message, ...rest);
        };
    }
    warningsGoTo = stack;
}

/**
 * Installs Pulumi mocks that answer like AWS and records every registration with its parent
 * and dependencies, so that a program's whole resource graph can be inspected without the
 * Pulumi CLI or an AWS account. Mocks are process-wide: install in a suite's `before()`.
 */
export class MockStack {
    readonly resources: RecordedResource[] = [];
    /** The warnings the program logged (`pulumi.log.warn`), as `pulumi preview` would print them. */
    readonly warnings: string[] = [];

    private constructor(readonly aws: MockAws) {}

    static async install(options: MockStackOptions = {}): Promise<MockStack> {
        const region = options.region ?? options.config?.["aws:region"];
        const stack = new MockStack(new MockAws({ ...options, ...(region ? { region } : {}) }));
        recordWarnings(stack);
        await pulumi.runtime.setMocks(stack.aws, options.project ?? "project", options.stack ?? "stack", options.preview ?? false);
        pulumi.runtime.setAllConfig({ "aws:region": stack.aws.region, ...options.config });
        stack.record(pulumi.runtime.getMonitor());
        return stack;
    }

    /** Waits until every registration the program started has been answered. */
    async settle(): Promise<RecordedResource[]> {
        await settings.waitForRPCs();
        return this.resources;
    }

    /**
     * Runs a program (sync or async) and waits until every registration it started is answered,
     * or until its first error. Returns what the program returned, and what failed: an error it
     * threw, and errors inside `apply`s, which surface as unhandled rejections rather than throws.
     * A resource whose input failed is never registered and its outputs never resolve, so the
     * engine's queue would never drain: like Pulumi's language host, the first error ends the
     * wait. After a failure, install the mocks afresh before the next program.
     */
    async run<T>(program: () => T | Promise<T>): Promise<{ value?: T; failures: unknown[] }> {
        const failures: unknown[] = [];
        let failed: () => void = () => undefined;
        const firstFailure = new Promise<undefined>((resolve) => (failed = () => resolve(undefined)));
        const onRejection = (reason: unknown) => {
            failures.push(reason);
            failed();
        };
        process.on("unhandledRejection", onRejection);
        let value: T | undefined;
        try {
            const finished = (async () => {
                const result = await program();
                await this.settle();
                return result;
            })();
            value = await Promise.race([finished, firstFailure]);
            // Rejections are reported after the microtask queue drains, and after a failure what
            // does not depend on it still registers: wait turns of the event loop until one
            // records nothing.
            for (let seen = -1; seen !== this.resources.length; ) {
                seen = this.resources.length;
                await new Promise((resolve) => setImmediate(resolve));
            }
        } catch (error) {
            failures.push(error);
        } finally {
            process.off("unhandledRejection", onRejection);
        }
        return failures.length > 0 ? { failures } : { value, failures };
    }

    /** Forgets what was recorded, e.g. between the cases of a suite sharing one install. */
    reset(): void {
        this.resources.length = 0;
        this.warnings.length = 0;
        this.aws.forgetEndpoints();
    }

    ofType(type: string): RecordedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** The resource of that type and name; throws with the names there are, to make a failing test readable. */
    get(type: string, name: string): RecordedResource {
        const found = this.resources.find((r) => r.type === type && r.name === name);
        if (!found) {
            const names = this.ofType(type).map((r) => r.name);
            throw new Error(`no ${type} named "${name}"; registered: ${names.join(", ") || "none"}`);
        }
        return found;
    }

    /** The resource whose id or URN is `idOrUrn`. */
    byId(idOrUrn: string): RecordedResource | undefined {
        return this.resources.find((r) => r.id === idOrUrn || r.urn === idOrUrn);
    }

    private record(monitor: any): void {
        const registerResource = monitor.registerResource.bind(monitor);
        monitor.registerResource = (req: any, callback: (err: unknown, resp: any) => void) =>
            registerResource(req, (err: unknown, resp: any) => {
                if (!err && resp) {
                    const propertyDependencies: Record<string, string[]> = {};
                    req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
                        propertyDependencies[key] = deps.getUrnsList();
                    });
                    this.resources.push({
                        urn: resp.getUrn(),
                        type: req.getType(),
                        name: req.getName(),
                        ...(req.getParent() ? { parent: req.getParent() } : {}),
                        custom: req.getCustom(),
                        ...(resp.getId() ? { id: resp.getId() } : {}),
                        inputs: rpc.deserializeProperties(req.getObject(), true),
                        outputs: rpc.deserializeProperties(resp.getObject(), true),
                        dependencies: req.getDependenciesList(),
                        propertyDependencies,
                        deleteBeforeReplace: req.getDeletebeforereplace() === true,
                    });
                }
                callback(err, resp);
            });
    }
}
