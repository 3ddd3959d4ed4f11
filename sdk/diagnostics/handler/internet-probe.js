// @ts-check
"use strict";
/**
 * The internet: a TCP connection to a well-known public host, over IPv4 and (when the function
 * is dual-stack) over IPv6, each family on its own, as each has its own way out (`0.0.0.0/0` to
 * a NAT gateway, `::/0` to an egress-only internet gateway).
 */
const net = require("net");
const { connectStep, resolveStep, skippedStep, tcpConnect } = require("./steps");

/** @typedef {import("./types").DiagnosticsConfig} DiagnosticsConfig */
/** @typedef {import("./types").ProbeContext} ProbeContext */
/** @typedef {import("./types").StepResult} StepResult */

const DEFAULT_INTERNET_HOST = "checkip.amazonaws.com";

/**
 * @typedef {object} InternetReport
 * @property {string} host
 * @property {number} port
 * @property {boolean} expected
 * @property {boolean} reachable over either family
 * @property {"expected" | "unexpected"} verdict
 * @property {string} reason
 * @property {StepResult} dns
 * @property {StepResult} ipv4 the TCP connect to the host's IPv4 addresses
 * @property {StepResult | null} ipv6 the same over IPv6; null when the function is not dual-stack
 */

/**
 * Resolves the host once, then connects over each family, judged against whether the pattern
 * gives the function a route out.
 * @param {string} host
 * @param {number} port
 * @param {DiagnosticsConfig} config
 * @param {ProbeContext} probe
 * @returns {Promise<InternetReport>}
 */
async function probeInternet(host, port, config, probe) {
    const dnsStep = await resolveStep(host, probe);
    const addresses = dnsStep.addresses ?? [];
    /** @param {4 | 6} family */
    const connectOver = async (family) => {
        if (!dnsStep.ok) return skippedStep();
        const ofFamily = addresses.filter((a) => net.isIP(a) === family);
        if (ofFamily.length === 0) {
            return { ...skippedStep(), error: { code: "ENODATA", message: `${host} has no IPv${family} address` } };
        }
        return connectStep(ofFamily, (address, ms) => tcpConnect(address, port, ms), probe);
    };
    const [ipv4, ipv6] = await Promise.all([connectOver(4), config.dualStack ? connectOver(6) : Promise.resolve(null)]);
    const reachable = ipv4.ok || ipv6?.ok === true;
    const expected = config.internetExpected;
    const pattern = config.pattern ?? "this";
    const failure = ipv4.error?.code ?? dnsStep.error?.code;
    /** @type {string} */
    let reason;
    if (reachable === expected) {
        reason = reachable ? `${host}:${port} is reachable, as the ${pattern} pattern expects.` : `${host}:${port} is not reachable, as the ${pattern} pattern expects.`;
    } else if (expected) {
        reason = `${host}:${port} is not reachable (${failure}) though the ${pattern} pattern expects the internet: check the Lambda subnets' 0.0.0.0/0 route to a NAT gateway, the NAT gateway's public subnet route to the internet gateway, and the Lambda security group's egress.`;
    } else {
        reason = `${host}:${port} is reachable though the ${pattern} pattern should have no route out: check the Lambda subnets' route tables for a 0.0.0.0/0 or ::/0 route.`;
    }
    return { host, port, expected, reachable, verdict: reachable === expected ? "expected" : "unexpected", reason, dns: dnsStep, ipv4, ipv6 };
}

module.exports = { DEFAULT_INTERNET_HOST, probeInternet };
