// @ts-check
"use strict";
/**
 * The in-VPC diagnostics Lambda: invoked, it probes the network it runs in and returns a JSON
 * report (the seed guide's "デバッグ用ツール" debug handler, extended into checks with verdicts).
 *
 * Zipped alone and run as `index.handler` on `nodejs24.x`, so Node built-ins only. Plain
 * CommonJS with `@ts-check`, so the same file works from source and from `dist/`.
 *
 * The component configures it through one environment variable, `VPC_LAMBDA_DIAGNOSTICS`, a
 * JSON `{ pattern, internetExpected, targets, services, vpcCidrBlocks, dualStack }`, which the
 * component writes in a compact form (`{ v: 1, p, i, d, g, e, t, c }`, to fit Lambda's 4 KB of
 * environment variables); an invoke event may add `{ targets, timeoutMs }`. Bad configuration becomes a problem in the report,
 * never an exception: the handler always answers.
 */
const dns = require("dns");
const fs = require("fs");
const net = require("net");
const os = require("os");
const tls = require("tls");

const CONFIG_ENV = "VPC_LAMBDA_DIAGNOSTICS";
const PATTERNS = ["PrivateWithNat", "PrivateWithEndpoints", "Isolated"];
const ENDPOINT_TYPES = ["Gateway", "Interface"];
const DEFAULT_TIMEOUT_MS = 2000;
/** Lambda's own maximum timeout (15 minutes): no probe timeout beyond it makes sense. */
const MAX_TIMEOUT_MS = 900_000;
/** Time kept back from the invocation's remaining time to build, log and return the report. */
const DEFAULT_MARGIN_MS = 500;
const DEFAULT_INTERNET_HOST = "checkip.amazonaws.com";
const HTTPS_PORT = 443;

/** Where the Lambda runtime (Linux) exposes routes and the resolver; the `ip` binary is absent. */
const DEFAULT_PATHS = {
    resolvConf: "/etc/resolv.conf",
    ipv4Routes: "/proc/net/route",
    ipv6Routes: "/proc/net/ipv6_route",
};

/** Address ranges counted as private when the VPC's CIDR blocks are not given. */
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7"];

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

/**
 * Endpoint services whose API hostname is not `<service>.<region>.<suffix>`.
 * @type {Record<string, (region: string, suffix: string, account: string) => string>}
 */
const HOSTNAME_EXCEPTIONS = {
    "ecr.api": (region, suffix) => `api.ecr.${region}.${suffix}`,
    // The registry's name is `<account>.dkr.ecr...`; private DNS answers the whole wildcard.
    "ecr.dkr": (region, suffix, account) => `${account}.dkr.ecr.${region}.${suffix}`,
    "kinesis-streams": (region, suffix) => `kinesis.${region}.${suffix}`,
    "kinesis-firehose": (region, suffix) => `firehose.${region}.${suffix}`,
    "sagemaker.api": (region, suffix) => `api.sagemaker.${region}.${suffix}`,
    "sagemaker.runtime": (region, suffix) => `runtime.sagemaker.${region}.${suffix}`,
    "codeartifact.api": (region, suffix) => `codeartifact.${region}.${suffix}`,
};

/** Endpoint services with no single hostname answering HTTPS, and why. @type {Record<string, string>} */
const NOT_PROBEABLE = {
    "execute-api": "private APIs are reached as <api-id>.execute-api...; there is no bare hostname to probe",
    "ecs-agent": "the ECS agent endpoint is a per-cluster wildcard name; there is no bare hostname to probe",
    "ecs-telemetry": "the ECS telemetry endpoint is a per-cluster wildcard name; there is no bare hostname to probe",
    "codeartifact.repositories": "repositories are reached as <domain>-<owner>.d.codeartifact...; there is no bare hostname to probe",
    "email-smtp": "Amazon SES SMTP answers on ports 25, 465 and 587, not HTTPS on 443",
};

// ---------------------------------------------------------------------------------------------
// Types

/** @typedef {"PrivateWithNat" | "PrivateWithEndpoints" | "Isolated"} NetworkPattern */
/** @typedef {{ host: string, port: number }} Target */
/** @typedef {{ service: string, endpointType: "Gateway" | "Interface" }} ServiceEndpoint */
/** @typedef {{ code: string, message: string }} ProbeError */
/** @typedef {{ address: string, family: number }} LookupAddress */
/** @typedef {(hostname: string) => Promise<LookupAddress[]>} Lookup */

/**
 * The configuration after validation: every field present.
 * @typedef {object} DiagnosticsConfig
 * @property {NetworkPattern | null} pattern
 * @property {boolean} internetExpected
 * @property {Target[]} targets
 * @property {ServiceEndpoint[]} services
 * @property {string[]} vpcCidrBlocks
 * @property {boolean} dualStack
 */

/**
 * The parts of the Lambda context the report uses.
 * @typedef {object} LambdaContext
 * @property {string} [functionName]
 * @property {string} [functionVersion]
 * @property {string} [invokedFunctionArn]
 * @property {string} [awsRequestId]
 * @property {string | number} [memoryLimitInMB]
 * @property {string} [logGroupName]
 * @property {string} [logStreamName]
 * @property {() => number} [getRemainingTimeInMillis]
 */

/**
 * What tests (and curious callers) may replace; every field has a production default.
 * @typedef {object} DiagnosticsOptions
 * @property {unknown} [event] the invoke event: `{ targets?: Target[], timeoutMs?: number }`
 * @property {LambdaContext} [context] the Lambda context: function facts and remaining time
 * @property {string} [region] default `AWS_REGION`
 * @property {string} [accountId] for the `ecr.dkr` hostname; default from the context's function ARN
 * @property {number} [timeoutMs] per-probe timeout when the event sets none; default 2000
 * @property {number} [marginMs] kept back from the invocation's remaining time; default 500
 * @property {number} [servicePort] default 443
 * @property {string | Buffer | Array<string | Buffer>} [ca] trusted CAs for the TLS probes; default Node's
 * @property {string} [internetHost] default `checkip.amazonaws.com`
 * @property {number} [internetPort] default 443
 * @property {Lookup} [lookup] name resolution; default `dns.promises.lookup` (all addresses)
 * @property {{ resolvConf?: string, ipv4Routes?: string, ipv6Routes?: string }} [paths] files read for `self`
 * @property {NodeJS.ProcessEnv} [env] the environment shown in `self.env`; default `process.env`
 * @property {() => number} [now] milliseconds clock for durations and deadlines; default `Date.now`
 */

/**
 * One step of a probe (a DNS lookup, a TCP connect, a TLS handshake).
 * @typedef {object} StepResult
 * @property {boolean} ok
 * @property {number} durationMs
 * @property {boolean} [skipped] true when the step was not needed or could not run
 * @property {string[]} [addresses] DNS: every address, in the order they are tried
 * @property {string} [address] TCP/TLS: the address that answered (or the last one tried)
 * @property {{ address: string, error: ProbeError }[]} [failedAttempts] TCP/TLS: addresses tried before
 * @property {boolean} [handshake] TLS: whether a TLS handshake completed, trusted or not
 * @property {boolean} [authorized] TLS: whether the certificate is trusted and names the host
 * @property {ProbeError} [error]
 */

/**
 * @typedef {object} TargetReport
 * @property {string} host
 * @property {number} port
 * @property {"config" | "event"} source
 * @property {StepResult} dns
 * @property {StepResult} tcp
 * @property {"ok" | "problem"} verdict
 * @property {string} reason
 */

/**
 * @typedef {object} ServiceReport
 * @property {string} service
 * @property {"Gateway" | "Interface"} endpointType
 * @property {string | null} hostname null when the service has no hostname to probe
 * @property {StepResult} dns
 * @property {boolean | null} inVpc every resolved address inside the VPC's CIDRs (or private ranges)
 * @property {string[]} outsideAddresses resolved addresses outside them
 * @property {StepResult} tls
 * @property {"ok" | "problem" | "skipped"} verdict
 * @property {string} reason
 */

/**
 * @typedef {object} InternetReport
 * @property {string} host
 * @property {number} port
 * @property {boolean} expected
 * @property {boolean} reachable
 * @property {"expected" | "unexpected"} verdict
 * @property {string} reason
 * @property {StepResult} dns
 * @property {StepResult} tcp
 */

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
 * @typedef {object} DiagnosticsReport
 * @property {string} startedAt ISO 8601
 * @property {number} durationMs
 * @property {{ ok: boolean, problems: string[] }} summary
 * @property {{ pattern: NetworkPattern | null, internetExpected: boolean, dualStack: boolean, vpcCidrBlocks: string[], addressRanges: "vpcCidrBlocks" | "privateRanges", region: string | null, timeoutMs: number } | null} config null only if the diagnostics stopped unexpectedly
 * @property {{ name: string | null, version: string | null, arn: string | null, requestId: string | null, memoryLimitInMB: number | null, logGroupName: string | null, logStreamName: string | null }} function
 * @property {TargetReport[]} targets
 * @property {ServiceReport[]} services
 * @property {InternetReport | null} internet
 * @property {SelfReport | null} self
 */

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * The Lambda handler: runs the diagnostics, logs the report once as JSON and returns it.
 * @param {unknown} event
 * @param {LambdaContext} [context]
 * @returns {Promise<DiagnosticsReport>}
 */
async function handler(event, context) {
    const report = await runDiagnostics(process.env[CONFIG_ENV], { event, context });
    console.log(JSON.stringify(report));
    return report;
}

/**
 * Runs every probe concurrently and assembles the report. Never throws.
 * @param {unknown} rawConfig the JSON text of `VPC_LAMBDA_DIAGNOSTICS`, or the parsed object
 * @param {DiagnosticsOptions} [options]
 * @returns {Promise<DiagnosticsReport>}
 */
async function runDiagnostics(rawConfig, options = {}) {
    const startedAt = new Date().toISOString();
    const now = options.now ?? Date.now;
    const started = now();
    /** @type {string[]} */
    const problems = [];
    /** @type {Omit<DiagnosticsReport, "startedAt" | "durationMs" | "summary">} */
    let sections;
    try {
        sections = await probeEverything(rawConfig, options, now, problems);
    } catch (err) {
        problems.push(`The diagnostics stopped unexpectedly: ${describeError(err).message}`);
        sections = { config: null, function: describeFunction(options.context), targets: [], services: [], internet: null, self: null };
    }
    return { startedAt, durationMs: Math.max(0, now() - started), summary: { ok: problems.length === 0, problems }, ...sections };
}

/**
 * Validates the configuration and the event, then runs the probes side by side; adds each
 * problem found to `problems`.
 * @param {unknown} rawConfig
 * @param {DiagnosticsOptions} options
 * @param {() => number} now
 * @param {string[]} problems
 * @returns {Promise<Omit<DiagnosticsReport, "startedAt" | "durationMs" | "summary">>}
 */
async function probeEverything(rawConfig, options, now, problems) {
    const config = parseConfig(rawConfig, problems);
    const request = parseEvent(options.event, problems);
    const region = options.region ?? process.env.AWS_REGION ?? null;
    const timeoutMs = request.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    /** @type {ProbeContext} */
    const probe = {
        lookup: options.lookup ?? defaultLookup,
        budget: makeBudget(timeoutMs, now, remainingMillis(options.context), options.marginMs ?? DEFAULT_MARGIN_MS),
        now,
        preferIpv4: !config.dualStack,
    };
    if (config.services.length > 0 && !region) problems.push("AWS_REGION is not set: the endpoint services' hostnames cannot be built, so they are not probed.");
    const targets = [
        ...config.targets.map((target) => ({ target, source: /** @type {const} */ ("config") })),
        ...request.targets.map((target) => ({ target, source: /** @type {const} */ ("event") })),
    ];
    const serviceTarget = {
        region: region ?? "",
        accountId: options.accountId ?? accountFromArn(options.context?.invokedFunctionArn) ?? "probe",
        port: options.servicePort ?? HTTPS_PORT,
        ca: options.ca,
        addressRange: makeAddressRange(config.vpcCidrBlocks.length > 0 ? config.vpcCidrBlocks : PRIVATE_RANGES),
    };

    const [targetReports, serviceReports, internet, self] = await Promise.all([
        Promise.all(targets.map(({ target, source }) => settle(probeTarget(target, source, probe), problems, `target ${target.host}:${target.port}`))),
        Promise.all((region ? config.services : []).map((endpoint) => settle(probeService(endpoint, serviceTarget, probe), problems, `service ${endpoint.service}`))),
        settle(probeInternet(options.internetHost ?? DEFAULT_INTERNET_HOST, options.internetPort ?? HTTPS_PORT, config, probe), problems, "internet"),
        settle(describeSelf(options.paths ?? {}, options.env ?? process.env), problems, "self"),
    ]);

    const targetList = targetReports.filter(isPresent);
    const serviceList = serviceReports.filter(isPresent);
    for (const t of targetList) if (t.verdict === "problem") problems.push(`target ${t.host}:${t.port}: ${t.reason}`);
    for (const s of serviceList) if (s.verdict === "problem") problems.push(`service ${s.service} (${s.endpointType}): ${s.reason}`);
    if (internet?.verdict === "unexpected") problems.push(`internet: ${internet.reason}`);
    return {
        config: {
            pattern: config.pattern,
            internetExpected: config.internetExpected,
            dualStack: config.dualStack,
            vpcCidrBlocks: config.vpcCidrBlocks,
            addressRanges: config.vpcCidrBlocks.length > 0 ? "vpcCidrBlocks" : "privateRanges",
            region,
            timeoutMs,
        },
        function: describeFunction(options.context),
        targets: targetList,
        services: serviceList,
        internet,
        self,
    };
}

/**
 * Awaits a probe that should not reject; if it does anyway, the failure becomes a problem and
 * the probe's place in the report is null, so the other probes still report.
 * @template T
 * @param {Promise<T>} promise
 * @param {string[]} problems
 * @param {string} what
 * @returns {Promise<T | null>}
 */
async function settle(promise, problems, what) {
    try {
        return await promise;
    } catch (err) {
        problems.push(`${what}: the probe itself failed (${describeError(err).message}).`);
        return null;
    }
}

// ---------------------------------------------------------------------------------------------
// Configuration and event

/**
 * Validates the component's configuration. Each bad field or entry becomes a problem and is
 * left out; the rest is used.
 * @param {unknown} raw
 * @param {string[]} problems
 * @returns {DiagnosticsConfig}
 */
function parseConfig(raw, problems) {
    /** @type {DiagnosticsConfig} */
    const config = { pattern: null, internetExpected: false, targets: [], services: [], vpcCidrBlocks: [], dualStack: false };
    let value = raw;
    if (value === undefined || value === "") {
        problems.push(`${CONFIG_ENV} is not set: only the event's targets, the internet and the function's own network are probed.`);
        return config;
    }
    if (typeof value === "string") {
        try {
            value = JSON.parse(value);
        } catch (err) {
            problems.push(`${CONFIG_ENV} is not valid JSON (${describeError(err).message}); it is ignored.`);
            return config;
        }
    }
    if (!isObject(value)) {
        problems.push(`${CONFIG_ENV} must be a JSON object, got ${typeName(value)}; it is ignored.`);
        return config;
    }
    const expanded = expandCompactConfig(value);
    if (typeof expanded.pattern === "string" && PATTERNS.includes(expanded.pattern)) {
        config.pattern = /** @type {NetworkPattern} */ (expanded.pattern);
    } else {
        problems.push(`${CONFIG_ENV}.pattern must be one of ${PATTERNS.join(", ")}, got ${JSON.stringify(expanded.pattern) ?? "nothing"}.`);
    }
    config.internetExpected = parseBoolean(expanded.internetExpected, `${CONFIG_ENV}.internetExpected`, problems);
    config.dualStack = parseBoolean(expanded.dualStack, `${CONFIG_ENV}.dualStack`, problems);
    config.targets = parseList(expanded.targets, `${CONFIG_ENV}.targets`, problems, parseTarget);
    config.services = parseList(expanded.services, `${CONFIG_ENV}.services`, problems, parseService);
    config.vpcCidrBlocks = parseList(expanded.vpcCidrBlocks, `${CONFIG_ENV}.vpcCidrBlocks`, problems, parseCidrEntry);
    return config;
}

/**
 * The long form of the compact configuration the component writes (`v: 1`; see
 * sdk/plan/diagnostics-environment.ts), so that one validation reads both; any other object as it
 * is. Entries of the wrong shape are passed on in a shape the validation reports.
 * @param {Record<string, unknown>} value
 * @returns {Record<string, unknown>}
 */
function expandCompactConfig(value) {
    if (value.v !== 1) return value;
    /** @param {unknown} list @param {string} endpointType */
    const services = (list, endpointType) => (Array.isArray(list) ? list.map((service) => ({ service, endpointType })) : []);
    return {
        pattern: value.p,
        internetExpected: value.i === 1 ? true : value.i === 0 ? false : value.i,
        dualStack: value.d === 1 ? true : value.d === 0 ? false : value.d,
        services: [...services(value.g, "Gateway"), ...services(value.e, "Interface")],
        targets: Array.isArray(value.t) ? value.t.map((entry) => (Array.isArray(entry) ? { host: entry[0], port: entry[1] } : entry)) : value.t,
        vpcCidrBlocks: value.c,
    };
}

/**
 * Validates the invoke event: optional ad-hoc `targets` and a per-probe `timeoutMs`.
 * @param {unknown} event
 * @param {string[]} problems
 * @returns {{ targets: Target[], timeoutMs: number | undefined }}
 */
function parseEvent(event, problems) {
    if (event === undefined || event === null) return { targets: [], timeoutMs: undefined };
    if (!isObject(event)) {
        problems.push(`The event must be a JSON object such as { "targets": [{ "host": "...", "port": 5432 }], "timeoutMs": 2000 }, got ${typeName(event)}; it is ignored.`);
        return { targets: [], timeoutMs: undefined };
    }
    let timeoutMs;
    if (event.timeoutMs !== undefined) {
        if (typeof event.timeoutMs === "number" && Number.isFinite(event.timeoutMs) && event.timeoutMs > 0 && event.timeoutMs <= MAX_TIMEOUT_MS) {
            timeoutMs = event.timeoutMs;
        } else {
            problems.push(`event.timeoutMs must be a number of milliseconds above 0 and at most ${MAX_TIMEOUT_MS}, got ${JSON.stringify(event.timeoutMs)}; the default is used.`);
        }
    }
    return { targets: parseList(event.targets, "event.targets", problems, parseTarget), timeoutMs };
}

/**
 * An entry of a list field: its value, or a sentence saying what is wrong with it.
 * @template T
 * @typedef {{ value: T } | { problem: string }} Parsed
 */

/**
 * @param {unknown} entry
 * @param {string} where
 * @returns {Parsed<Target>}
 */
function parseTarget(entry, where) {
    if (!isObject(entry) || typeof entry.host !== "string" || entry.host.trim() === "") {
        return { problem: `${where} must be { "host": "<name or address>", "port": <1-65535> }, got ${JSON.stringify(entry)}.` };
    }
    if (!isPort(entry.port)) return { problem: `${where}.port must be a whole number from 1 to 65535, got ${JSON.stringify(entry.port)}.` };
    return { value: { host: entry.host.trim(), port: /** @type {number} */ (entry.port) } };
}

/**
 * @param {unknown} entry
 * @param {string} where
 * @returns {Parsed<ServiceEndpoint>}
 */
function parseService(entry, where) {
    if (!isObject(entry) || typeof entry.service !== "string" || entry.service.trim() === "") {
        return { problem: `${where} must be { "service": "<name such as sqs>", "endpointType": "Gateway" | "Interface" }, got ${JSON.stringify(entry)}.` };
    }
    if (typeof entry.endpointType !== "string" || !ENDPOINT_TYPES.includes(entry.endpointType)) {
        return { problem: `${where}.endpointType must be "Gateway" or "Interface", got ${JSON.stringify(entry.endpointType)}.` };
    }
    return { value: { service: entry.service.trim(), endpointType: /** @type {"Gateway" | "Interface"} */ (entry.endpointType) } };
}

/**
 * @param {unknown} entry
 * @param {string} where
 * @returns {Parsed<string>}
 */
function parseCidrEntry(entry, where) {
    if (typeof entry === "string" && parseCidr(entry) !== null) return { value: entry.trim() };
    return { problem: `${where} must be an IPv4 or IPv6 CIDR block such as "10.0.0.0/16", got ${JSON.stringify(entry)}.` };
}

/**
 * A list field: missing means empty; each entry is parsed into a value or a problem sentence.
 * @template T
 * @param {unknown} value
 * @param {string} field
 * @param {string[]} problems
 * @param {(entry: unknown, where: string) => Parsed<T>} parseEntry
 * @returns {T[]}
 */
function parseList(value, field, problems, parseEntry) {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
        problems.push(`${field} must be a list, got ${typeName(value)}; it is ignored.`);
        return [];
    }
    /** @type {T[]} */
    const parsed = [];
    value.forEach((entry, i) => {
        const result = parseEntry(entry, `${field}[${i}]`);
        if ("problem" in result) problems.push(`${result.problem} The entry is skipped.`);
        else parsed.push(result.value);
    });
    return parsed;
}

/**
 * @param {unknown} value
 * @param {string} field
 * @param {string[]} problems
 */
function parseBoolean(value, field, problems) {
    if (value === undefined || value === null) return false;
    if (typeof value === "boolean") return value;
    problems.push(`${field} must be true or false, got ${JSON.stringify(value)}; false is used.`);
    return false;
}

// ---------------------------------------------------------------------------------------------
// Addresses

/**
 * `"10.0.0.0/16"` -> its parts, or null when it is not a CIDR block.
 * @param {string} cidr
 * @returns {{ network: string, prefix: number, family: "ipv4" | "ipv6" } | null}
 */
function parseCidr(cidr) {
    const match = /^([^/]+)\/(\d{1,3})$/.exec(cidr.trim());
    if (!match) return null;
    const version = net.isIP(match[1]);
    const prefix = Number(match[2]);
    if (version === 0 || prefix > (version === 4 ? 32 : 128)) return null;
    return { network: match[1], prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

/**
 * A membership test over CIDR blocks, IPv4 and IPv6. Invalid blocks are ignored (the config
 * parser has reported them already).
 * @param {string[]} cidrBlocks
 * @returns {(address: string) => boolean}
 */
function makeAddressRange(cidrBlocks) {
    const blocks = new net.BlockList();
    for (const cidr of cidrBlocks) {
        const parsed = parseCidr(cidr);
        if (parsed) blocks.addSubnet(parsed.network, parsed.prefix, parsed.family);
    }
    return (address) => {
        const version = net.isIP(address);
        return version !== 0 && blocks.check(address, version === 4 ? "ipv4" : "ipv6");
    };
}

/**
 * Addresses to try, IPv4 first unless the network is dual stack (a Lambda without
 * `ipv6AllowedForDualStack` has no IPv6 route, so IPv6 attempts would only fail).
 * @param {string[]} addresses
 * @param {boolean} preferIpv4
 */
function connectionOrder(addresses, preferIpv4) {
    if (!preferIpv4) return addresses;
    return [...addresses.filter((a) => net.isIP(a) === 4), ...addresses.filter((a) => net.isIP(a) !== 4)];
}

// ---------------------------------------------------------------------------------------------
// Service hostnames

/**
 * The hostname a service's SDK calls in a region; null when there is no single hostname.
 * @param {string} service the endpoint service name's last part: `sqs`, `ecr.api`, `execute-api`
 * @param {string} region
 * @param {string} [accountId] only used by `ecr.dkr`
 * @returns {string | null}
 */
function serviceHostname(service, region, accountId = "probe") {
    if (Object.hasOwn(NOT_PROBEABLE, service)) return null;
    const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    return Object.hasOwn(HOSTNAME_EXCEPTIONS, service) ? HOSTNAME_EXCEPTIONS[service](region, suffix, accountId) : `${service}.${region}.${suffix}`;
}

/**
 * `arn:aws:lambda:us-east-1:123456789012:function:name` -> `123456789012`.
 * @param {string | undefined} arn
 */
function accountFromArn(arn) {
    const account = typeof arn === "string" ? arn.split(":")[4] : undefined;
    return account && /^\d{12}$/.test(account) ? account : undefined;
}

// ---------------------------------------------------------------------------------------------
// Probes

/**
 * @typedef {object} ProbeContext
 * @property {Lookup} lookup
 * @property {{ stepMs: () => number }} budget
 * @property {() => number} now
 * @property {boolean} preferIpv4
 */

/**
 * DNS resolution then a TCP connect.
 * @param {Target} target
 * @param {"config" | "event"} source
 * @param {ProbeContext} probe
 * @returns {Promise<TargetReport>}
 */
async function probeTarget(target, source, probe) {
    const dnsStep = await resolveStep(target.host, probe);
    const tcp = dnsStep.ok ? await connectStep(dnsStep.addresses ?? [], (address, ms) => tcpConnect(address, target.port, ms), probe) : skippedStep();
    const verdict = tcp.ok ? "ok" : "problem";
    return { host: target.host, port: target.port, source, dns: dnsStep, tcp, verdict, reason: targetReason(target, dnsStep, tcp) };
}

/**
 * @param {Target} target
 * @param {StepResult} dnsStep
 * @param {StepResult} tcp
 */
function targetReason(target, dnsStep, tcp) {
    if (!dnsStep.ok) {
        return `${target.host} does not resolve (${dnsStep.error?.code}): check the name, and that the VPC's enableDnsSupport is on (and enableDnsHostnames for private hosted zones).`;
    }
    const where = `${tcp.address ?? target.host}:${target.port}`;
    if (tcp.ok) return `connected to ${where}.`;
    switch (tcp.error?.code) {
        case "ECONNREFUSED":
            return `${where} refused the connection: the host is reachable but nothing listens on port ${target.port}; check the port.`;
        case "ETIMEDOUT":
            return `no answer from ${where} in time: check that the target's security group admits TCP ${target.port} from the Lambda security group, the Lambda security group's egress (allowTo), and the subnets' routes and network ACLs.`;
        default:
            return `cannot connect to ${where} (${tcp.error?.code}: ${tcp.error?.message}).`;
    }
}

/**
 * Resolves the endpoint service's hostname, classifies the addresses and completes a verified
 * TLS handshake on 443.
 * @param {ServiceEndpoint} endpoint
 * @param {{ region: string, accountId: string, port: number, ca: DiagnosticsOptions["ca"], addressRange: (address: string) => boolean }} target
 * @param {ProbeContext} probe
 * @returns {Promise<ServiceReport>}
 */
async function probeService(endpoint, target, probe) {
    const hostname = serviceHostname(endpoint.service, target.region, target.accountId);
    if (hostname === null) {
        return { ...endpoint, hostname, dns: skippedStep(), inVpc: null, outsideAddresses: [], tls: skippedStep(), verdict: "skipped", reason: `not probed: ${NOT_PROBEABLE[endpoint.service]}.` };
    }
    const dnsStep = await resolveStep(hostname, probe);
    const addresses = dnsStep.addresses ?? [];
    const outsideAddresses = addresses.filter((a) => !target.addressRange(a));
    const inVpc = dnsStep.ok ? outsideAddresses.length === 0 : null;
    const tlsStep = dnsStep.ok
        ? { handshake: false, authorized: false, ...(await connectStep(addresses, (address, ms) => tlsHandshake(address, target.port, hostname, target.ca, ms), probe)) }
        : skippedStep();
    const { verdict, reason } = judgeService(endpoint, hostname, dnsStep, outsideAddresses, tlsStep);
    return { ...endpoint, hostname, dns: dnsStep, inVpc, outsideAddresses, tls: tlsStep, verdict, reason };
}

/**
 * The verdict depends on the endpoint type: an interface endpoint with private DNS must resolve
 * inside the VPC, while a gateway endpoint (S3, DynamoDB) keeps the service's public addresses
 * and is reached through the route table's prefix-list route, so only the handshake counts.
 * @param {ServiceEndpoint} endpoint
 * @param {string} hostname
 * @param {StepResult} dnsStep
 * @param {string[]} outsideAddresses
 * @param {StepResult} tlsStep
 * @returns {{ verdict: "ok" | "problem", reason: string }}
 */
function judgeService(endpoint, hostname, dnsStep, outsideAddresses, tlsStep) {
    if (!dnsStep.ok) {
        return { verdict: "problem", reason: `${hostname} does not resolve (${dnsStep.error?.code}): check the VPC's enableDnsSupport.` };
    }
    const interfaceEndpoint = endpoint.endpointType === "Interface";
    if (interfaceEndpoint && outsideAddresses.length > 0) {
        return {
            verdict: "problem",
            reason: `${hostname} resolves to ${outsideAddresses.join(", ")}, outside the VPC: private DNS of the interface endpoint is off, or the VPC's enableDnsHostnames/enableDnsSupport is off.`,
        };
    }
    const answered = tlsStep.address ?? hostname;
    if (tlsStep.ok) {
        return {
            verdict: "ok",
            reason: interfaceEndpoint
                ? `resolves inside the VPC and ${answered} answers TLS on ${hostname}.`
                : `${answered} answers TLS on ${hostname} (a gateway endpoint keeps the service's public addresses; the route table's prefix-list route carries the traffic).`,
        };
    }
    if (tlsStep.handshake) {
        return { verdict: "problem", reason: `${answered} answered TLS but its certificate is not trusted for ${hostname} (${tlsStep.error?.code}): something other than the AWS endpoint answered (a proxy, or a wrong DNS answer).` };
    }
    const failure = `${answered} does not complete TLS on 443 (${tlsStep.error?.code})`;
    return {
        verdict: "problem",
        reason: interfaceEndpoint
            ? `${failure}: check that the endpoint's security group admits TCP 443 from the Lambda security group, and the Lambda security group's egress to it.`
            : `${failure}: check that the Lambda subnets' route tables have the gateway endpoint's prefix-list route and the Lambda security group allows egress 443 to that prefix list.`,
    };
}

/**
 * A TCP connect to a well-known host, judged against whether the pattern gives the function a
 * route out.
 * @param {string} host
 * @param {number} port
 * @param {DiagnosticsConfig} config
 * @param {ProbeContext} probe
 * @returns {Promise<InternetReport>}
 */
async function probeInternet(host, port, config, probe) {
    const target = await probeTarget({ host, port }, "config", probe);
    const reachable = target.tcp.ok;
    const expected = config.internetExpected;
    const pattern = config.pattern ?? "this";
    /** @type {string} */
    let reason;
    if (reachable === expected) {
        reason = reachable ? `${host}:${port} is reachable, as the ${pattern} pattern expects.` : `${host}:${port} is not reachable, as the ${pattern} pattern expects.`;
    } else if (expected) {
        reason = `${host}:${port} is not reachable (${target.tcp.error?.code ?? target.dns.error?.code}) though the ${pattern} pattern expects the internet: check the Lambda subnets' 0.0.0.0/0 route to a NAT gateway, the NAT gateway's public subnet route to the internet gateway, and the Lambda security group's egress.`;
    } else {
        reason = `${host}:${port} is reachable though the ${pattern} pattern should have no route out: check the Lambda subnets' route tables for a 0.0.0.0/0 or ::/0 route.`;
    }
    return { host, port, expected, reachable, verdict: reachable === expected ? "expected" : "unexpected", reason, dns: target.dns, tcp: target.tcp };
}

// ---------------------------------------------------------------------------------------------
// Probe steps

/**
 * @param {string} host
 * @param {ProbeContext} probe
 * @returns {Promise<StepResult>}
 */
async function resolveStep(host, probe) {
    if (net.isIP(host) !== 0) return { ok: true, skipped: true, durationMs: 0, addresses: [host] };
    const started = probe.now();
    try {
        // dns.lookup (getaddrinfo) has no timeout of its own, so it is raced against a timer.
        // A lookup that loses the race still holds one of libuv's four threadpool threads until
        // it returns; that cannot be cancelled, only outwaited.
        const found = await withTimeout(probe.lookup(host), probe.budget.stepMs(), `resolving ${host}`);
        const addresses = connectionOrder(
            found.map((a) => a.address),
            probe.preferIpv4,
        );
        if (addresses.length === 0) throw Object.assign(new Error(`${host} has no addresses`), { code: "ENODATA" });
        return { ok: true, durationMs: elapsed(probe, started), addresses };
    } catch (err) {
        return { ok: false, durationMs: elapsed(probe, started), addresses: [], error: describeError(err) };
    }
}

/**
 * Tries each address in turn until one answers, all within one step's time budget.
 * @param {string[]} addresses
 * @param {(address: string, timeoutMs: number) => Promise<{ handshake?: boolean, authorized?: boolean, error?: ProbeError }>} attempt
 * @param {ProbeContext} probe
 * @returns {Promise<StepResult>}
 */
async function connectStep(addresses, attempt, probe) {
    const started = probe.now();
    const deadline = started + probe.budget.stepMs();
    /** @type {{ address: string, error: ProbeError }[]} */
    const failedAttempts = [];
    for (const address of addresses) {
        const left = deadline - probe.now();
        if (left <= 0) break;
        try {
            const outcome = await attempt(address, left);
            // A TLS handshake with an untrusted certificate answered, but is not a success.
            if (outcome.error) return { ok: false, durationMs: elapsed(probe, started), address, failedAttempts, ...outcome };
            return { ok: true, durationMs: elapsed(probe, started), address, failedAttempts, ...outcome };
        } catch (err) {
            failedAttempts.push({ address, error: describeError(err) });
        }
    }
    const last = failedAttempts.pop();
    const error = last?.error ?? { code: "ETIMEDOUT", message: "no time left to try any address" };
    return { ok: false, durationMs: elapsed(probe, started), address: last?.address, failedAttempts, error };
}

/**
 * @param {string} address
 * @param {number} port
 * @param {number} timeoutMs
 * @returns {Promise<{}>}
 */
async function tcpConnect(address, port, timeoutMs) {
    const socket = await openSocket(() => net.connect({ host: address, port }), "connect", timeoutMs, `connecting to ${address}:${port}`);
    socket.destroy();
    return {};
}

/**
 * A TLS handshake with SNI = hostname. The certificate is verified (chain and name) after the
 * handshake rather than by `rejectUnauthorized`, so "nothing answered" and "something answered
 * with the wrong certificate" read differently in the report.
 * @param {string} address
 * @param {number} port
 * @param {string} hostname
 * @param {DiagnosticsOptions["ca"]} ca
 * @param {number} timeoutMs
 * @returns {Promise<{ handshake: boolean, authorized: boolean, error?: ProbeError }>}
 */
async function tlsHandshake(address, port, hostname, ca, timeoutMs) {
    const socket = /** @type {tls.TLSSocket} */ (
        await openSocket(() => tls.connect({ host: address, port, servername: hostname, ca, rejectUnauthorized: false }), "secureConnect", timeoutMs, `TLS handshake with ${address}:${port}`)
    );
    const authorized = socket.authorized;
    // Typed as an Error, but Node sets it to the verification error's code, a string.
    const reason = /** @type {unknown} */ (socket.authorizationError);
    socket.destroy();
    if (authorized) return { handshake: true, authorized };
    const code = typeof reason === "string" ? reason : reason ? describeError(reason).code : "CERT_UNTRUSTED";
    return { handshake: true, authorized, error: { code, message: `the certificate presented for ${hostname} is not trusted: ${code}` } };
}

/**
 * Opens a socket and waits for `readyEvent`, an error, or the timeout (which destroys it).
 * @param {() => net.Socket} open
 * @param {string} readyEvent
 * @param {number} timeoutMs
 * @param {string} what
 * @returns {Promise<net.Socket>} the caller destroys it
 */
function openSocket(open, readyEvent, timeoutMs, what) {
    return new Promise((resolve, reject) => {
        const socket = open();
        const timer = setTimeout(() => {
            socket.destroy();
            reject(timeoutError(what, timeoutMs));
        }, timeoutMs);
        socket.once(readyEvent, () => {
            clearTimeout(timer);
            resolve(socket);
        });
        // `on`, not `once`: a second error after the first must not become an uncaught exception.
        socket.on("error", (err) => {
            clearTimeout(timer);
            socket.destroy();
            reject(err);
        });
    });
}

/** @returns {StepResult} */
function skippedStep() {
    return { ok: false, skipped: true, durationMs: 0 };
}

// ---------------------------------------------------------------------------------------------
// Time

/**
 * Every step gets the per-probe timeout, cut short so that no step outlives the invocation.
 * @param {number} timeoutMs
 * @param {() => number} now
 * @param {number | undefined} remainingMs
 * @param {number} marginMs
 * @returns {{ stepMs: () => number }}
 */
function makeBudget(timeoutMs, now, remainingMs, marginMs) {
    const deadline = remainingMs === undefined ? Infinity : now() + remainingMs - marginMs;
    return { stepMs: () => Math.max(0, Math.min(timeoutMs, deadline - now())) };
}

/** @param {LambdaContext | undefined} context */
function remainingMillis(context) {
    try {
        const ms = context?.getRemainingTimeInMillis?.();
        return typeof ms === "number" && Number.isFinite(ms) ? ms : undefined;
    } catch {
        return undefined;
    }
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms, what) {
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(timeoutError(what, ms)), ms);
    });
    return /** @type {Promise<T>} */ (Promise.race([promise, timeout]).finally(() => clearTimeout(timer)));
}

/**
 * @param {string} what
 * @param {number} ms
 */
function timeoutError(what, ms) {
    return Object.assign(new Error(`${what} timed out after ${Math.round(ms)} ms`), { code: "ETIMEDOUT" });
}

/**
 * @param {{ now: () => number }} probe
 * @param {number} started
 */
function elapsed(probe, started) {
    return Math.max(0, probe.now() - started);
}

// ---------------------------------------------------------------------------------------------
// The function and its own network

/**
 * @param {LambdaContext | undefined} context
 * @returns {DiagnosticsReport["function"]}
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

// ---------------------------------------------------------------------------------------------
// Small helpers

/** @type {Lookup} */
function defaultLookup(hostname) {
    return dns.promises.lookup(hostname, { all: true });
}

/**
 * @param {unknown} err
 * @returns {ProbeError}
 */
function describeError(err) {
    if (err instanceof Error) {
        const code = /** @type {{ code?: unknown }} */ (err).code;
        return { code: typeof code === "string" ? code : err.name, message: err.message };
    }
    return { code: "ERROR", message: String(err) };
}

/**
 * @template T
 * @param {T | null} value
 * @returns {value is T}
 */
function isPresent(value) {
    return value !== null;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** @param {unknown} value */
function isPort(value) {
    return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** @param {unknown} value */
function typeName(value) {
    return value === null ? "null" : Array.isArray(value) ? "a list" : typeof value;
}

module.exports = {
    CONFIG_ENV,
    expandCompactConfig,
    handler,
    runDiagnostics,
    serviceHostname,
    makeAddressRange,
    parseIpv4Routes,
    parseIpv6Routes,
    parseResolvConf,
    lambdaEnvironment,
};
