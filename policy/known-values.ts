import { UnknownValueError } from "@pulumi/policy";
import { isUnknown, UNKNOWN } from "../sdk/network/known-values";

export { elementsOf, isUnknown, knownBoolean, knownList, knownNumber, knownString, UNKNOWN } from "../sdk/network/known-values";
export type { Unknown } from "../sdk/network/known-values";

/**
 * A deep copy of resource props in which every unknown value is `UNKNOWN`. The policy engine
 * hands policies props wrapped in a proxy that throws on reading an unknown value; copying once
 * at the boundary lets every policy read props as plain data. Class instances (assets,
 * archives) are kept as they are: no policy here looks inside them.
 */
export function toPlain(value: unknown): unknown {
    if (isUnknown(value)) {
        return UNKNOWN;
    }
    if (Array.isArray(value)) {
        return Array.from({ length: value.length }, (_, i) => readSafely(value, i));
    }
    if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        const copy: Record<string, unknown> = {};
        for (const key of Object.keys(value)) {
            copy[key] = readSafely(value as Record<string, unknown>, key);
        }
        return copy;
    }
    return value;
}

function readSafely(container: any, key: string | number): unknown {
    try {
        return toPlain(container[key]);
    } catch (error) {
        if (error instanceof UnknownValueError) {
            return UNKNOWN;
        }
        throw error;
    }
}
