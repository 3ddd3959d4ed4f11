// @ts-check
"use strict";
/** A target: a host and TCP port, resolved then connected to. */
const { connectStep, resolveStep, skippedStep, tcpConnect } = require("./steps");

/** @typedef {import("./types").ProbeContext} ProbeContext */
/** @typedef {import("./types").StepResult} StepResult */
/** @typedef {import("./types").Target} Target */

/**
 * @typedef {object} TargetReport
 * @property {string} host
 * @property {number} port
 * @property {string} [securityGroupId] the security group the host wears, when the target says
 * @property {"config" | "event"} source
 * @property {StepResult} dns
 * @property {StepResult} tcp
 * @property {"ok" | "problem"} verdict
 * @property {string} reason
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
    return { ...target, source, dns: dnsStep, tcp, verdict, reason: targetReason(target, dnsStep, tcp) };
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

module.exports = { probeTarget };
