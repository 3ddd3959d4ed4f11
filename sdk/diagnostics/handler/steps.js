// @ts-check
"use strict";
/** The steps every probe is made of: a DNS lookup, a TCP connect, a TLS handshake. */
const dns = require("dns");
const net = require("net");
const tls = require("tls");
const { connectionOrder } = require("./addresses");
const { describeError, timeoutError } = require("./errors");
const { elapsed, withTimeout } = require("./time");

/** @typedef {import("./types").Lookup} Lookup */
/** @typedef {import("./types").ProbeContext} ProbeContext */
/** @typedef {import("./types").ProbeError} ProbeError */
/** @typedef {import("./types").StepResult} StepResult */

/** @type {Lookup} */
function defaultLookup(hostname) {
    return dns.promises.lookup(hostname, { all: true });
}

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
 * @param {string | Buffer | Array<string | Buffer> | undefined} ca
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

module.exports = { defaultLookup, resolveStep, connectStep, tcpConnect, tlsHandshake, skippedStep };
