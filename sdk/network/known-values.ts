// Unknown values: what Pulumi does not know yet, in every form a stack's resources carry them.
// On the floor so that the network model, the reports and the policies read them alike.

/**
 * A value Pulumi does not know yet: during `pulumi preview` the ids, ARNs and other outputs of
 * resources still to be created, and every input computed from them. Policies compare against
 * this marker instead of catching errors, and treat it as "cannot judge", never as a violation.
 */
export const UNKNOWN: unique symbol = Symbol("unknown during preview");
export type Unknown = typeof UNKNOWN;

// The engine's wire sentinels for unknown values of each type (the same strings the Pulumi
// engine and `@pulumi/policy` use). Props read through the engine's proxy throw
// `UnknownValueError` instead; plain data handed to a policy directly may still hold these.
const UNKNOWN_SENTINELS = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string (and any value in the SDK's own mocks)
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

export function isUnknown(value: unknown): value is Unknown {
    return value === UNKNOWN || (typeof value === "string" && UNKNOWN_SENTINELS.has(value)) || isPulumiUnknown(value);
}

/**
 * The SDK's own in-process marker (`pulumi.unknown`), which a recorded stack's inputs hold in a
 * preview. Recognised by its brand rather than by `pulumi.isUnknown`, so that the floor's readers
 * load no Pulumi.
 */
function isPulumiUnknown(value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { __pulumiUnknown?: unknown }).__pulumiUnknown === true;
}

/** The value when it is a known string, else `undefined` (unknown, absent or another type). */
export function knownString(value: unknown): string | undefined {
    return typeof value === "string" && !isUnknown(value) ? value : undefined;
}

/** A known, non-empty string: an id, ARN or name that can be looked up. */
export function isKnownString(v: unknown): v is string {
    return knownString(v) !== undefined && v !== "";
}

/** The value when it is a known, non-empty string, else `undefined`. */
export function knownText(v: unknown): string | undefined {
    return isKnownString(v) ? v : undefined;
}

/** Given a value, known or not yet (an unknown still says the program set it). */
export function isSet(v: unknown): boolean {
    return v !== undefined && v !== null && v !== "";
}

/** A known object (a block of properties), not a list. */
export function isPlainObject(v: unknown): v is Record<string, any> {
    return typeof v === "object" && v !== null && !Array.isArray(v) && !isUnknown(v);
}

/** The value when it is a known boolean; `fallback` (the provider's default) when absent. */
export function knownBoolean(value: unknown, fallback: boolean): boolean | Unknown {
    if (isUnknown(value)) {
        return UNKNOWN;
    }
    return typeof value === "boolean" ? value : fallback;
}

/** The value when it is a known number, `undefined` when absent, `UNKNOWN` when not known yet. */
export function knownNumber(value: unknown): number | undefined | Unknown {
    if (isUnknown(value)) {
        return UNKNOWN;
    }
    return typeof value === "number" ? value : undefined;
}

/**
 * The elements of a list whose length is known: `UNKNOWN` when the whole list is unknown,
 * `undefined` when absent; single elements may still be `UNKNOWN`.
 */
export function knownList(value: unknown): unknown[] | undefined | Unknown {
    if (isUnknown(value)) {
        return UNKNOWN;
    }
    return Array.isArray(value) ? value : undefined;
}

/** The elements of a list, or none when it is absent or not known yet. */
export function elementsOf(value: unknown): unknown[] {
    const list = knownList(value);
    return Array.isArray(list) ? list : [];
}
