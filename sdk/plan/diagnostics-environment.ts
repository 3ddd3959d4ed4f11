import { DIAGNOSTICS_CONFIG_VARIABLE } from "../diagnostics/handler-code";
import type { DiagnosticsConfiguration } from "./types";

/**
 * The diagnostics function's configuration, compact: Lambda allows a function 4 KB of environment
 * variables in all (Lambda quotas page), and each target's host is up to 253 characters. Short
 * keys, services as two lists of names, targets as `[host, port]` pairs; `v` marks the form for the
 * handler (sdk/diagnostics/handler/index.js `expandCompactConfig`), which also reads the long form.
 */
export interface CompactDiagnosticsConfiguration {
    v: 1;
    /** The pattern. */
    p: string;
    /** Internet expected: 1 or 0. */
    i: 0 | 1;
    /** Dual stack: 1 or 0. */
    d: 0 | 1;
    /** Services behind gateway endpoints. */
    g: string[];
    /** Services behind interface endpoints. */
    e: string[];
    /** Targets, `[host, port]`. */
    t: [string, number][];
    /** The VPC's IPv4 and IPv6 blocks. */
    c: string[];
}

/** The values of the configuration only known once resources exist (a target's host, the VPC's blocks), resolved. */
export interface ResolvedDiagnosticsValues {
    targets: { host: string; port: number }[];
    vpcCidrBlocks: string[];
}

export function encodeDiagnosticsConfiguration(configuration: DiagnosticsConfiguration, resolved: ResolvedDiagnosticsValues): string {
    const compact: CompactDiagnosticsConfiguration = {
        v: 1,
        p: configuration.pattern,
        i: configuration.internetExpected ? 1 : 0,
        d: configuration.dualStack ? 1 : 0,
        g: configuration.services.filter((s) => s.endpointType === "Gateway").map((s) => s.service),
        e: configuration.services.filter((s) => s.endpointType === "Interface").map((s) => s.service),
        t: resolved.targets.map((t) => [t.host, t.port]),
        c: resolved.vpcCidrBlocks.filter(Boolean),
    };
    return JSON.stringify(compact);
}

/** Every environment variable of the diagnostics function. */
export function diagnosticsEnvironment(configuration: DiagnosticsConfiguration, resolved: ResolvedDiagnosticsValues): Record<string, string> {
    return {
        [DIAGNOSTICS_CONFIG_VARIABLE]: encodeDiagnosticsConfiguration(configuration, resolved),
        // dns.lookup runs on libuv's thread pool (4 threads by default) and a lookup that hangs keeps
        // its thread after the probe's timer gives up: more threads, so that a few unresolvable
        // targets do not starve the other probes' lookups.
        UV_THREADPOOL_SIZE: "16",
    };
}

/**
 * The size Lambda's 4 KB limit is measured against: every key and value, counted as the JSON of
 * the variables map in UTF-8 (quotes and separators included, so never less than Lambda counts).
 * The one measure: whatever is added to the environment later is counted here.
 */
export function lambdaEnvironmentBytes(variables: Record<string, string>): number {
    return Buffer.byteLength(JSON.stringify(variables), "utf8");
}
