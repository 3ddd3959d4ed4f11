// @ts-check
"use strict";
/** Errors as the report shows them: a code and a sentence, never a stack. */

/** @typedef {import("./types").ProbeError} ProbeError */

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
 * @param {string} what
 * @param {number} ms
 */
function timeoutError(what, ms) {
    return Object.assign(new Error(`${what} timed out after ${Math.round(ms)} ms`), { code: "ETIMEDOUT" });
}

module.exports = { describeError, timeoutError };
