// The variable the handler reads its configuration from, named by the handler itself.
import { CONFIG_ENV as DIAGNOSTICS_CONFIG_VARIABLE } from "./handler/config";
import type { EncodedExpectations } from "./expectations";
import type { DiagnosticsConfiguration } from "../plan/types";

/**
 * The diagnostics function's configuration, compact: Lambda allows a function 4 KB of environment
 * variables in all (Lambda quotas page), and each target's host is up to 253 characters. Short
 * keys, services as two lists of names, targets as `[host, port]` pairs; `v` marks the form for the
 * handler (sdk/diagnostics/handler/config.js `expandCompactConfig`), which also reads the long form.
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
    /** Targets, `[host, port]`, or `[host, port, security group id]` for a host that says which group it wears. */
    t: ([string, number] | [string, number, string])[];
    /** The VPC's IPv4 and IPv6 blocks. */
    c: string[];
    /** The expected reachability matrix (sdk/diagnostics/expectations.ts). */
    x: string;
    /** For each destination expected to be blocked: the blocking hop's resource and the fix; absent when none is. */
    f?: EncodedExpectations["blockedHops"];
    /** The security group the interface endpoints wear; absent without interface endpoints. */
    n?: string;
}

/** The values of the configuration only known once resources exist (a target's host, the VPC's blocks, the security groups' ids), resolved. */
export interface ResolvedDiagnosticsValues {
    targets: { host: string; port: number; securityGroupId?: string }[];
    /** The VPC's IPv4 and IPv6 blocks, none empty (a VPC without IPv6 has no second block). */
    vpcCidrBlocks: string[];
    /** The reachability predicted for the network's functions, each security group by its id. */
    expectations: EncodedExpectations;
    /** The security group the interface endpoints wear, when there are any. */
    endpointGroupId?: string;
}

export function encodeDiagnosticsConfiguration(configuration: DiagnosticsConfiguration, resolved: ResolvedDiagnosticsValues): string {
    const compact: CompactDiagnosticsConfiguration = {
        v: 1,
        p: configuration.pattern,
        i: configuration.internetExpected ? 1 : 0,
        d: configuration.dualStack ? 1 : 0,
        g: configuration.services.filter((s) => s.endpointType === "Gateway").map((s) => s.service),
        e: configuration.services.filter((s) => s.endpointType === "Interface").map((s) => s.service),
        t: resolved.targets.map((t) => (t.securityGroupId ? [t.host, t.port, t.securityGroupId] : [t.host, t.port])),
        c: resolved.vpcCidrBlocks,
        x: resolved.expectations.matrix,
        ...(Object.keys(resolved.expectations.blockedHops).length > 0 ? { f: resolved.expectations.blockedHops } : {}),
        ...(resolved.endpointGroupId ? { n: resolved.endpointGroupId } : {}),
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
