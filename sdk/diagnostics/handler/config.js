// @ts-check
"use strict";
/**
 * The configuration the component writes into `VPC_LAMBDA_DIAGNOSTICS`, and the invoke event.
 * Each bad field or entry becomes a problem and is left out; the rest is used.
 */
const { parseCidr } = require("./addresses");
const { describeError } = require("./errors");
const { decodeExpectations } = require("./expectations");

/** @typedef {import("./types").DiagnosticsConfig} DiagnosticsConfig */
/** @typedef {import("./types").NetworkPattern} NetworkPattern */
/** @typedef {import("./types").Target} Target */

const CONFIG_ENV = "VPC_LAMBDA_DIAGNOSTICS";
const PATTERNS = ["PrivateWithNat", "PrivateWithEndpoints", "Isolated"];
const ENDPOINT_TYPES = ["Gateway", "Interface"];
/** Lambda's own maximum timeout (15 minutes): no probe timeout beyond it makes sense. */
const MAX_TIMEOUT_MS = 900_000;
const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;

/**
 * Validates the component's configuration.
 * @param {unknown} raw the JSON text, or the parsed object
 * @param {string[]} problems
 * @returns {DiagnosticsConfig}
 */
function parseConfig(raw, problems) {
    /** @type {DiagnosticsConfig} */
    const config = { pattern: null, internetExpected: false, targets: [], services: [], vpcCidrBlocks: [], dualStack: false, expectations: [], blockedHops: {}, endpointGroupId: null };
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
    if (expanded.expectations !== undefined) {
        if (typeof expanded.expectations === "string") {
            const decoded = decodeExpectations(expanded.expectations);
            config.expectations = decoded.expectations;
            problems.push(...decoded.problems.map((p) => `${CONFIG_ENV}.expectations: ${p}; the entry is skipped.`));
        } else {
            problems.push(`${CONFIG_ENV}.expectations must be a string such as "i4=R s:sts=R", got ${typeName(expanded.expectations)}; it is ignored.`);
        }
    }
    config.blockedHops = parseBlockedHops(expanded.blockedHops, problems);
    if (typeof expanded.endpointGroupId === "string" && SECURITY_GROUP_ID.test(expanded.endpointGroupId)) {
        config.endpointGroupId = expanded.endpointGroupId;
    } else if (expanded.endpointGroupId !== undefined && expanded.endpointGroupId !== null) {
        problems.push(`${CONFIG_ENV}.endpointGroupId must be a security group id such as "sg-0123456789abcdef0", got ${JSON.stringify(expanded.endpointGroupId)}; it is ignored.`);
    }
    return config;
}

/**
 * The long form of the compact configuration the component writes (`v: 1`; see
 * sdk/diagnostics/environment.ts), so that one validation reads both; any other object as it
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
        targets: Array.isArray(value.t)
            ? value.t.map((entry) => (Array.isArray(entry) ? { host: entry[0], port: entry[1], ...(entry.length > 2 ? { securityGroupId: entry[2] } : {}) } : entry))
            : value.t,
        vpcCidrBlocks: value.c,
        ...(value.x !== undefined ? { expectations: value.x } : {}),
        ...(value.f !== undefined
            ? { blockedHops: isObject(value.f) ? Object.fromEntries(Object.entries(value.f).map(([code, hop]) => [code, Array.isArray(hop) ? { resource: hop[0], fix: hop[1] } : hop])) : value.f }
            : {}),
        ...(value.n !== undefined ? { endpointGroupId: value.n } : {}),
    };
}

/**
 * Validates the invoke event: optional ad-hoc `targets`, a per-probe `timeoutMs`, and the host
 * the internet is probed at.
 * @param {unknown} event
 * @param {string[]} problems
 * @returns {{ targets: Target[], timeoutMs: number | undefined, internetHost: string | undefined }}
 */
function parseEvent(event, problems) {
    if (event === undefined || event === null) return { targets: [], timeoutMs: undefined, internetHost: undefined };
    if (!isObject(event)) {
        problems.push(`The event must be a JSON object such as { "targets": [{ "host": "...", "port": 5432 }], "timeoutMs": 2000 }, got ${typeName(event)}; it is ignored.`);
        return { targets: [], timeoutMs: undefined, internetHost: undefined };
    }
    let timeoutMs;
    if (event.timeoutMs !== undefined) {
        if (typeof event.timeoutMs === "number" && Number.isFinite(event.timeoutMs) && event.timeoutMs > 0 && event.timeoutMs <= MAX_TIMEOUT_MS) {
            timeoutMs = event.timeoutMs;
        } else {
            problems.push(`event.timeoutMs must be a number of milliseconds above 0 and at most ${MAX_TIMEOUT_MS}, got ${JSON.stringify(event.timeoutMs)}; the default is used.`);
        }
    }
    let internetHost;
    if (event.internetHost !== undefined) {
        if (typeof event.internetHost === "string" && event.internetHost.trim() !== "") {
            internetHost = event.internetHost.trim();
        } else {
            problems.push(`event.internetHost must be a host name such as "checkip.amazonaws.com", got ${JSON.stringify(event.internetHost)}; the default is used.`);
        }
    }
    return { targets: parseList(event.targets, "event.targets", problems, parseTarget), timeoutMs, internetHost };
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
    const target = { host: entry.host.trim(), port: /** @type {number} */ (entry.port) };
    if (entry.securityGroupId === undefined) return { value: target };
    if (typeof entry.securityGroupId !== "string" || !SECURITY_GROUP_ID.test(entry.securityGroupId)) {
        return { problem: `${where}.securityGroupId must be the id of the security group the host wears, such as "sg-0123456789abcdef0", got ${JSON.stringify(entry.securityGroupId)}.` };
    }
    return { value: { ...target, securityGroupId: entry.securityGroupId } };
}

/**
 * @param {unknown} entry
 * @param {string} where
 * @returns {Parsed<{ service: string, endpointType: "Gateway" | "Interface" }>}
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
 * Where each destination expected to be blocked is stopped and how to open it, by its code.
 * @param {unknown} value
 * @param {string[]} problems
 * @returns {DiagnosticsConfig["blockedHops"]}
 */
function parseBlockedHops(value, problems) {
    /** @type {DiagnosticsConfig["blockedHops"]} */
    const hops = {};
    if (value === undefined || value === null) return hops;
    if (!isObject(value)) {
        problems.push(`${CONFIG_ENV}.blockedHops must be an object, got ${typeName(value)}; it is ignored.`);
        return hops;
    }
    for (const [code, hop] of Object.entries(value)) {
        if (isObject(hop) && (typeof hop.resource === "string" || hop.resource === null) && typeof hop.fix === "string") {
            hops[code] = { resource: hop.resource, fix: hop.fix };
        } else {
            problems.push(`${CONFIG_ENV}.blockedHops.${code} must be { "resource": "<name>", "fix": "<sentence>" }, got ${JSON.stringify(hop)}; it is skipped.`);
        }
    }
    return hops;
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

module.exports = { CONFIG_ENV, parseConfig, expandCompactConfig, parseEvent };
