// @ts-check
"use strict";
/**
 * The shapes the diagnostics handler's files share: its configuration, its options, a probe's
 * steps and the report. Types only (JSDoc, read by `@ts-check` and by the tests' TypeScript).
 */

/** @typedef {"PrivateWithNat" | "PrivateWithEndpoints" | "Isolated"} NetworkPattern */
/**
 * A host and TCP port to probe; `securityGroupId` says which security group the host wears, so
 * that the connection answers for that group's expected reachability.
 * @typedef {{ host: string, port: number, securityGroupId?: string }} Target
 */
/** @typedef {{ service: string, endpointType: "Gateway" | "Interface" | null }} ServiceEndpoint null: no endpoint, the service's public name */
/** @typedef {{ code: string, message: string }} ProbeError */
/** @typedef {{ address: string, family: number }} LookupAddress */
/** @typedef {(hostname: string) => Promise<LookupAddress[]>} Lookup */

/**
 * Where a function may connect, as the reachability model names it.
 * @typedef {{ kind: "internet", ipVersion: 4 | 6 } | { kind: "service", service: string } | { kind: "securityGroup", securityGroupId: string, port: number }} Destination
 */
/**
 * One destination's expected verdict, as the component worked it out before deploy.
 * @typedef {object} Expectation
 * @property {Destination} destination
 * @property {"reachable" | "blocked" | "unknown"} verdict
 * @property {string} [blockedAt] the kind of hop expected to block (`route`, `subnet`, ...)
 */

/**
 * The configuration after validation: every field present.
 * @typedef {object} DiagnosticsConfig
 * @property {NetworkPattern | null} pattern
 * @property {boolean} internetExpected
 * @property {Target[]} targets
 * @property {{ service: string, endpointType: "Gateway" | "Interface" }[]} services
 * @property {string[]} vpcCidrBlocks
 * @property {boolean} dualStack
 * @property {Expectation[]} expectations the expected reachability of the network's functions
 * @property {Record<string, { resource: string | null, fix: string }>} blockedHops per destination code, where and how a blocked one opens
 * @property {string | null} endpointGroupId the security group the interface endpoints wear
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
 * @property {unknown} [event] the invoke event: `{ targets?: Target[], timeoutMs?: number, internetHost?: string }`
 * @property {LambdaContext} [context] the Lambda context: function facts and remaining time
 * @property {string} [region] default `AWS_REGION`
 * @property {string} [accountId] for the `ecr.dkr` hostname; default from the context's function ARN
 * @property {number} [timeoutMs] per-probe timeout when the event sets none; default 2000
 * @property {number} [marginMs] kept back from the invocation's remaining time; default 500
 * @property {number} [servicePort] default 443
 * @property {string | Buffer | Array<string | Buffer>} [ca] trusted CAs for the TLS probes; default Node's
 * @property {string} [internetHost] default `checkip.amazonaws.com` (the event's `internetHost` wins)
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
 * What every probe is given: how to resolve, how long each step may take, the clock, and
 * which family to try first.
 * @typedef {object} ProbeContext
 * @property {Lookup} lookup
 * @property {{ stepMs: () => number }} budget
 * @property {() => number} now
 * @property {boolean} preferIpv4
 */

module.exports = {};
