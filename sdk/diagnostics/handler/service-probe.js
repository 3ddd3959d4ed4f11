// @ts-check
"use strict";
/**
 * An AWS service: its regional hostname resolved (inside the VPC, for an interface endpoint with
 * private DNS) and a verified TLS handshake on 443.
 */
const { connectStep, resolveStep, skippedStep, tlsHandshake } = require("./steps");

/** @typedef {import("./types").ProbeContext} ProbeContext */
/** @typedef {import("./types").ServiceEndpoint} ServiceEndpoint */
/** @typedef {import("./types").StepResult} StepResult */

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

/**
 * @typedef {object} ServiceReport
 * @property {string} service
 * @property {"Gateway" | "Interface" | null} endpointType null when the network has no endpoint for it
 * @property {string | null} hostname null when the service has no hostname to probe
 * @property {StepResult} dns
 * @property {boolean | null} inVpc every resolved address inside the VPC's CIDRs (or private ranges)
 * @property {string[]} outsideAddresses resolved addresses outside them
 * @property {StepResult} tls
 * @property {"ok" | "problem" | "skipped"} verdict
 * @property {string} reason
 */

/**
 * The DNS suffix of the region's partition: the China regions have their own.
 * @param {string} region
 */
function partitionDnsSuffix(region) {
    return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
}

/**
 * The hostname a service's SDK calls in a region; null when there is no single hostname.
 * @param {string} service the endpoint service name's last part: `sqs`, `ecr.api`, `execute-api`
 * @param {string} region
 * @param {string} [accountId] only used by `ecr.dkr`
 * @returns {string | null}
 */
function serviceHostname(service, region, accountId = "probe") {
    if (Object.hasOwn(NOT_PROBEABLE, service)) return null;
    const suffix = partitionDnsSuffix(region);
    return Object.hasOwn(HOSTNAME_EXCEPTIONS, service) ? HOSTNAME_EXCEPTIONS[service](region, suffix, accountId) : `${service}.${region}.${suffix}`;
}

/**
 * Why a service cannot be probed, or undefined when it can.
 * @param {string} service
 * @returns {string | undefined}
 */
function notProbeableReason(service) {
    return Object.hasOwn(NOT_PROBEABLE, service) ? NOT_PROBEABLE[service] : undefined;
}

/**
 * `arn:aws:lambda:us-east-1:123456789012:function:name` -> `123456789012`.
 * @param {string | undefined} arn
 */
function accountFromArn(arn) {
    const account = typeof arn === "string" ? arn.split(":")[4] : undefined;
    return account && /^\d{12}$/.test(account) ? account : undefined;
}

/**
 * Resolves the service's hostname, classifies the addresses and completes a verified TLS
 * handshake on 443.
 * @param {ServiceEndpoint} endpoint
 * @param {{ region: string, accountId: string, port: number, ca: string | Buffer | Array<string | Buffer> | undefined, addressRange: (address: string) => boolean }} target
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
 * and is reached through the route table's prefix-list route, so only the handshake counts; a
 * service without an endpoint is reached by its public addresses, through NAT.
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
                : endpoint.endpointType === "Gateway"
                  ? `${answered} answers TLS on ${hostname} (a gateway endpoint keeps the service's public addresses; the route table's prefix-list route carries the traffic).`
                  : `${answered} answers TLS on ${hostname} (no endpoint in this network: the service's public addresses, through the NAT gateway).`,
        };
    }
    if (tlsStep.handshake) {
        return { verdict: "problem", reason: `${answered} answered TLS but its certificate is not trusted for ${hostname} (${tlsStep.error?.code}): something other than the AWS endpoint answered (a proxy, or a wrong DNS answer).` };
    }
    const failure = `${answered} does not complete TLS on 443 (${tlsStep.error?.code})`;
    switch (endpoint.endpointType) {
        case "Interface":
            return { verdict: "problem", reason: `${failure}: check that the endpoint's security group admits TCP 443 from the Lambda security group, and the Lambda security group's egress to it.` };
        case "Gateway":
            return {
                verdict: "problem",
                reason: `${failure}: check that the Lambda subnets' route tables have the gateway endpoint's prefix-list route and the Lambda security group allows egress 443 to that prefix list.`,
            };
        default:
            return { verdict: "problem", reason: `${failure}: the network has no endpoint for it, so it goes out through the NAT gateway; check the 0.0.0.0/0 route and the Lambda security group's egress.` };
    }
}

module.exports = { serviceHostname, notProbeableReason, accountFromArn, probeService };
