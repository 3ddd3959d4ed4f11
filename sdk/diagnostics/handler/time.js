// @ts-check
"use strict";
/** Time limits: every step gets the per-probe timeout, and no step outlives the invocation. */
const { timeoutError } = require("./errors");

/** @typedef {import("./types").LambdaContext} LambdaContext */

/**
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
 * @param {{ now: () => number }} probe
 * @param {number} started
 */
function elapsed(probe, started) {
    return Math.max(0, probe.now() - started);
}

module.exports = { makeBudget, remainingMillis, withTimeout, elapsed };
