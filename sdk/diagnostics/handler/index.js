// @ts-check
"use strict";
/**
 * The in-VPC diagnostics Lambda: invoked, it probes the network it runs in and returns a JSON
 * report (the seed guide's "デバッグ用ツール" debug handler, extended into checks with verdicts),
 * and compares what it finds with the reachability the component predicted before deploy.
 *
 * Zipped with the other files of this folder and run as `index.handler` on `nodejs24.x`, so
 * Node built-ins only. Plain CommonJS with `@ts-check`, so the same files work from source and
 * from `dist/`. One file per probe: `target-probe.js` (DNS then TCP), `service-probe.js` (DNS
 * then TLS 443), `internet-probe.js` (TCP over each family), `self-probe.js` (the function's own
 * addresses, routes and resolver), and `expectations.js` (predicted against observed); the steps
 * they share are in `steps.js`, the configuration in `config.js`.
 *
 * The component configures it through one environment variable, `VPC_LAMBDA_DIAGNOSTICS`, a
 * JSON `{ pattern, internetExpected, targets, services, vpcCidrBlocks, dualStack, expectations,
 * blockedHops, endpointGroupId }`, which the component writes in a compact form (`{ v: 1, ... }`,
 * to fit Lambda's 4 KB of environment variables); an invoke event may add
 * `{ targets, timeoutMs, internetHost }`. Bad configuration becomes a problem in the report,
 * never an exception: the handler always answers.
 */
const { makeAddressRange, PRIVATE_RANGES } = require("./addresses");
const { CONFIG_ENV, expandCompactConfig, parseConfig, parseEvent } = require("./config");
const { describeError } = require("./errors");
const { compareWithExpectations, differenceProblem } = require("./expectations");
const { DEFAULT_INTERNET_HOST, probeInternet } = require("./internet-probe");
const { describeFunction, describeSelf, lambdaEnvironment, parseIpv4Routes, parseIpv6Routes, parseResolvConf } = require("./self-probe");
const { accountFromArn, probeService, serviceHostname } = require("./service-probe");
const { defaultLookup } = require("./steps");
const { probeTarget } = require("./target-probe");
const { makeBudget, remainingMillis } = require("./time");

/** @typedef {import("./types").DiagnosticsOptions} DiagnosticsOptions */
/** @typedef {import("./types").LambdaContext} LambdaContext */
/** @typedef {import("./types").Lookup} Lookup */
/** @typedef {import("./types").NetworkPattern} NetworkPattern */
/** @typedef {import("./types").ProbeContext} ProbeContext */
/** @typedef {import("./types").ServiceEndpoint} ServiceEndpoint */
/** @typedef {import("./expectations").ReachabilityCheck} ReachabilityCheck */
/** @typedef {import("./internet-probe").InternetReport} InternetReport */
/** @typedef {import("./self-probe").FunctionReport} FunctionReport */
/** @typedef {import("./self-probe").SelfReport} SelfReport */
/** @typedef {import("./service-probe").ServiceReport} ServiceReport */
/** @typedef {import("./target-probe").TargetReport} TargetReport */

const DEFAULT_TIMEOUT_MS = 2000;
/** Time kept back from the invocation's remaining time to build, log and return the report. */
const DEFAULT_MARGIN_MS = 500;
const HTTPS_PORT = 443;

/**
 * @typedef {object} DiagnosticsReport
 * @property {string} startedAt ISO 8601
 * @property {number} durationMs
 * @property {{ ok: boolean, problems: string[] }} summary
 * @property {{ pattern: NetworkPattern | null, internetExpected: boolean, dualStack: boolean, vpcCidrBlocks: string[], addressRanges: "vpcCidrBlocks" | "privateRanges", region: string | null, timeoutMs: number } | null} config null only if the diagnostics stopped unexpectedly
 * @property {FunctionReport} function
 * @property {ReachabilityCheck[]} reachability each destination the component predicted, against what was observed
 * @property {TargetReport[]} targets
 * @property {ServiceReport[]} services
 * @property {InternetReport | null} internet
 * @property {SelfReport | null} self
 */

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
        sections = { config: null, function: describeFunction(options.context), reachability: [], targets: [], services: [], internet: null, self: null };
    }
    return { startedAt, durationMs: Math.max(0, now() - started), summary: { ok: problems.length === 0, problems }, ...sections };
}

/**
 * Validates the configuration and the event, runs the probes side by side, then compares what
 * they found with the predicted reachability; adds each problem found to `problems`.
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
    const services = servicesToProbe(config);
    if (services.length > 0 && !region) problems.push("AWS_REGION is not set: the endpoint services' hostnames cannot be built, so they are not probed.");
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
    const internetHost = request.internetHost ?? options.internetHost ?? DEFAULT_INTERNET_HOST;

    const [targetReports, serviceReports, internet, self] = await Promise.all([
        Promise.all(targets.map(({ target, source }) => settle(probeTarget(target, source, probe), problems, `target ${target.host}:${target.port}`))),
        Promise.all((region ? services : []).map((endpoint) => settle(probeService(endpoint, serviceTarget, probe), problems, `service ${endpoint.service}`))),
        settle(probeInternet(internetHost, options.internetPort ?? HTTPS_PORT, config, probe), problems, "internet"),
        settle(describeSelf(options.paths ?? {}, options.env ?? process.env), problems, "self"),
    ]);

    const targetList = targetReports.filter(isPresent);
    const serviceList = serviceReports.filter(isPresent);
    const reachability = compareWithExpectations(config, { internet, services: serviceList, targets: targetList });
    for (const t of targetList) if (t.verdict === "problem") problems.push(`target ${t.host}:${t.port}: ${t.reason}`);
    for (const s of serviceList) if (s.verdict === "problem") problems.push(`service ${s.service} (${s.endpointType ?? "no endpoint"}): ${s.reason}`);
    if (internet?.verdict === "unexpected") problems.push(`internet: ${internet.reason}`);
    for (const check of reachability) if (check.comparison === "differs") problems.push(differenceProblem(check));
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
        reachability,
        targets: targetList,
        services: serviceList,
        internet,
        self,
    };
}

/**
 * The services the network serves through its endpoints, then those the functions are expected
 * to reach without one (through NAT, by their public names).
 * @param {import("./types").DiagnosticsConfig} config
 * @returns {ServiceEndpoint[]}
 */
function servicesToProbe(config) {
    /** @type {ServiceEndpoint[]} */
    const services = [...config.services];
    for (const { destination } of config.expectations) {
        if (destination.kind === "service" && !services.some((s) => s.service === destination.service)) {
            services.push({ service: destination.service, endpointType: null });
        }
    }
    return services;
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

/**
 * @template T
 * @param {T | null} value
 * @returns {value is T}
 */
function isPresent(value) {
    return value !== null;
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
