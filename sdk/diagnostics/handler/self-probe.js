// @ts-check
"use strict";
/**
 * The function and its own network: its name and memory, its addresses, its IPv4 and IPv6
 * routes, its resolver and the runtime's environment variables (never credentials).
 */
const fs = require("fs");
const os = require("os");
const { describeError } = require("./errors");

/** @typedef {import("./types").LambdaContext} LambdaContext */
/** @typedef {import("./types").ProbeError} ProbeError */

/** Where the Lambda runtime (Linux) exposes routes and the resolver; the `ip` binary is absent. */
const DEFAULT_PATHS = {
    resolvConf: "/etc/resolv.conf",
    ipv4Routes: "/proc/net/route",
    ipv6Routes: "/proc/net/ipv6_route",
};

/**
 * Environment variables worth showing: the runtime's own, never credentials. Names containing
 * VPC or SUBNET are shown too (as in the seed's handler) unless they look like a secret.
 */
const LAMBDA_ENV_NAMES = [
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME",
    "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_LAMBDA_LOG_FORMAT",
    "AWS_LAMBDA_RUNTIME_API",
    "AWS_XRAY_DAEMON_ADDRESS",
    "LAMBDA_TASK_ROOT",
    "LAMBDA_RUNTIME_DIR",
    "NODE_OPTIONS",
    "TZ",
];
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL|KEY/i;

/** @typedef {{ destination: string, gateway: string | null, interface: string, metric: number, flags: number }} Route */
/** @typedef {{ nameservers: string[], search: string[], options: string[] }} ResolverSettings */

/**
 * @typedef {object} SelfReport
 * @property {string | null} hostname
 * @property {{ interface: string, address: string, family: string, cidr: string | null, internal: boolean }[]} interfaces
 * @property {{ ipv4: { routes: Route[], error?: ProbeError }, ipv6: { routes: Route[], error?: ProbeError } }} routes
 * @property {ResolverSettings & { raw: string | null, error?: ProbeError }} resolver
 * @property {Record<string, string>} env
 * @property {ProbeError} [error]
 */

/**
 * @typedef {object} FunctionReport
 * @property {string | null} name
 * @property {string | null} version
 * @property {string | null} arn
 * @property {string | null} requestId
 * @property {number | null} memoryLimitInMB
 * @property {string | null} logGroupName
 * @property {string | null} logStreamName
 */

/**
 * @param {LambdaContext | undefined} context
 * @returns {FunctionReport}
 */
function describeFunction(context) {
    const memory = Number(context?.memoryLimitInMB);
    return {
        name: context?.functionName ?? null,
        version: context?.functionVersion ?? null,
        arn: context?.invokedFunctionArn ?? null,
        requestId: context?.awsRequestId ?? null,
        memoryLimitInMB: Number.isFinite(memory) && memory > 0 ? memory : null,
        logGroupName: context?.logGroupName ?? null,
        logStreamName: context?.logStreamName ?? null,
    };
}

/**
 * The function's hostname, addresses, routes, resolver and runtime environment. Each reading
 * that fails is recorded beside its field; the others are still read.
 * @param {{ resolvConf?: string, ipv4Routes?: string, ipv6Routes?: string }} paths
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<SelfReport>}
 */
async function describeSelf(paths, env) {
    const files = { ...DEFAULT_PATHS, ...paths };
    const [ipv4, ipv6, resolver] = await Promise.all([
        readParsed(files.ipv4Routes, parseIpv4Routes, (routes, error) => ({ routes: routes ?? [], ...(error && { error }) })),
        readParsed(files.ipv6Routes, parseIpv6Routes, (routes, error) => ({ routes: routes ?? [], ...(error && { error }) })),
        readParsed(files.resolvConf, (text) => ({ ...parseResolvConf(text), raw: text }), (settings, error) => settings ?? { nameservers: [], search: [], options: [], raw: null, ...(error && { error }) }),
    ]);
    let hostname = null;
    try {
        hostname = os.hostname();
    } catch {
        hostname = null;
    }
    return { hostname, interfaces: listInterfaces(), routes: { ipv4, ipv6 }, resolver, env: lambdaEnvironment(env) };
}

/**
 * Reads a text file and parses it; a missing file or a parse failure becomes an error value.
 * @template T, R
 * @param {string} path
 * @param {(text: string) => T} parse
 * @param {(parsed: T | undefined, error: ProbeError | undefined) => R} shape
 * @returns {Promise<R>}
 */
async function readParsed(path, parse, shape) {
    try {
        return shape(parse(await fs.promises.readFile(path, "utf8")), undefined);
    } catch (err) {
        return shape(undefined, describeError(err));
    }
}

function listInterfaces() {
    try {
        return Object.entries(os.networkInterfaces()).flatMap(([name, addresses]) =>
            (addresses ?? []).map((a) => ({ interface: name, address: a.address, family: String(a.family), cidr: a.cidr ?? null, internal: a.internal })),
        );
    } catch {
        return [];
    }
}

/**
 * The Lambda runtime's environment variables, without credentials.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Record<string, string>}
 */
function lambdaEnvironment(env) {
    /** @type {Record<string, string>} */
    const shown = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined || SECRET_NAME.test(name)) continue;
        if (LAMBDA_ENV_NAMES.includes(name) || /VPC|SUBNET/.test(name)) shown[name] = value;
    }
    return shown;
}

/**
 * `/proc/net/route`: a header line, then one route per line with tab-separated fields, addresses
 * and masks as 8 hex digits in host (little-endian) byte order.
 * @param {string} text
 * @returns {Route[]}
 */
function parseIpv4Routes(text) {
    const [header, ...lines] = text.split("\n").filter((l) => l.trim() !== "");
    const columns = (header ?? "").trim().split(/\s+/);
    const at = (/** @type {string} */ name) => columns.indexOf(name);
    return lines.map((line) => {
        const f = line.trim().split(/\s+/);
        const destination = hexToIpv4(f[at("Destination")]);
        const prefix = maskBits(f[at("Mask")]);
        const gateway = hexToIpv4(f[at("Gateway")]);
        return {
            destination: `${destination}/${prefix}`,
            gateway: gateway === "0.0.0.0" ? null : gateway,
            interface: f[at("Iface")],
            metric: parseInt(f[at("Metric")], 10),
            flags: parseInt(f[at("Flags")], 16),
        };
    });
}

/**
 * `/proc/net/ipv6_route`: no header; per line destination (32 hex digits, network order),
 * its prefix length (hex), source, source prefix length, next hop, metric, refcount, use,
 * flags (all hex) and the interface.
 * @param {string} text
 * @returns {Route[]}
 */
function parseIpv6Routes(text) {
    return text
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((line) => {
            const f = line.trim().split(/\s+/);
            if (f.length < 10) throw new Error(`unexpected ipv6_route line: ${line}`);
            const gateway = hexToIpv6(f[4]);
            return {
                destination: `${hexToIpv6(f[0])}/${parseInt(f[1], 16)}`,
                gateway: gateway === "::" ? null : gateway,
                interface: f[9],
                metric: parseInt(f[5], 16),
                flags: parseInt(f[8], 16),
            };
        });
}

/**
 * @param {string} text
 * @returns {ResolverSettings}
 */
function parseResolvConf(text) {
    /** @type {ResolverSettings} */
    const settings = { nameservers: [], search: [], options: [] };
    for (const raw of text.split("\n")) {
        const line = raw.replace(/[#;].*$/, "").trim();
        const [keyword, ...values] = line.split(/\s+/);
        if (keyword === "nameserver" && values[0]) settings.nameservers.push(values[0]);
        else if (keyword === "search" || keyword === "domain") settings.search.push(...values);
        else if (keyword === "options") settings.options.push(...values);
    }
    return settings;
}

/** @param {string | undefined} hex e.g. `0100A8C0` -> `192.168.0.1` */
function hexToIpv4(hex) {
    if (!hex || !/^[0-9A-Fa-f]{8}$/.test(hex)) throw new Error(`not an IPv4 route field: ${hex}`);
    const bytes = [0, 2, 4, 6].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return bytes.reverse().join(".");
}

/** @param {string | undefined} hex e.g. `00FFFFFF` -> 24 (counting set bits, byte order does not matter) */
function maskBits(hex) {
    if (!hex || !/^[0-9A-Fa-f]{8}$/.test(hex)) throw new Error(`not an IPv4 route mask: ${hex}`);
    return parseInt(hex, 16).toString(2).replace(/0/g, "").length;
}

/** @param {string | undefined} hex 32 hex digits -> the compressed IPv6 text form */
function hexToIpv6(hex) {
    if (!hex || !/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not an IPv6 route field: ${hex}`);
    const groups = hex.match(/.{4}/g) ?? [];
    // The URL parser is a built-in IPv6 normaliser: it compresses zeros the canonical way.
    return new URL(`http://[${groups.join(":")}]/`).hostname.slice(1, -1);
}

module.exports = { describeFunction, describeSelf, lambdaEnvironment, parseIpv4Routes, parseIpv6Routes, parseResolvConf };
