import * as pulumi from "@pulumi/pulumi";

/** One bad argument: the field's path, and a sentence about its value and what is allowed. */
export interface ArgumentProblem {
    field: string;
    message: string;
}

/**
 * Thrown by the `VpcLambdaNetwork` constructor, before any resource is registered, when its
 * arguments are invalid. It lists every problem found, not only the first.
 */
export class InvalidNetworkArgumentsError extends Error {
    constructor(
        readonly componentName: string,
        readonly problems: ArgumentProblem[],
    ) {
        const count = problems.length === 1 ? "1 invalid argument" : `${problems.length} invalid arguments`;
        const lines = problems.map((p) => `  - ${p.field}: ${p.message}`);
        super(`VpcLambdaNetwork "${componentName}" has ${count}; nothing was created:\n${lines.join("\n")}`);
        this.name = "InvalidNetworkArgumentsError";
    }
}

/** Collects problems while the validators walk the arguments. */
export class ProblemList {
    readonly problems: ArgumentProblem[] = [];

    add(field: string, message: string): void {
        this.problems.push({ field, message });
    }

    get isEmpty(): boolean {
        return this.problems.length === 0;
    }
}

/** How a value is quoted in an error message: as the user wrote it, kept short. */
export function show(value: unknown): string {
    if (pulumi.Output.isInstance(value)) {
        return "an Output";
    }
    if (value === undefined) {
        return "undefined";
    }
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A list of allowed values, quoted as they would be written. */
export function oneOf(values: readonly unknown[]): string {
    return values.map((v) => JSON.stringify(v)).join(", ");
}

/**
 * The closest known name to a misspelt one (case-insensitive, edit distance at most 2), so
 * that `natGateway` earns "did you mean natGateways?".
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
    let best: { name: string; distance: number } | undefined;
    for (const candidate of known) {
        const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
        if (distance <= 2 && (!best || distance < best.distance)) {
            best = { name: candidate, distance };
        }
    }
    return best?.name;
}

function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}

/** True for a plain JavaScript object (not an array, not an Output). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) && !pulumi.Output.isInstance(value);
}

/**
 * Reports keys the component does not know, which would otherwise be ignored in silence
 * (a typo in JavaScript or YAML is not caught by a compiler).
 */
export function checkKnownKeys(problems: ProblemList, field: string, value: Record<string, unknown>, known: readonly string[]): void {
    for (const key of Object.keys(value)) {
        if (known.includes(key) || value[key] === undefined) {
            continue;
        }
        const path = field ? `${field}.${key}` : key;
        const suggestion = closestName(key, known);
        const hint = suggestion ? `did you mean "${suggestion}"?` : `allowed: ${known.join(", ")}.`;
        problems.add(path, `is not an argument of VpcLambdaNetwork; ${hint}`);
    }
}

/** True when the value is a plain integer in [min, max]. */
export function isIntegerIn(value: unknown, min: number, max: number): value is number {
    return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

/** Reports duplicates among plain string values; Outputs cannot be compared and are skipped. */
export function checkNoDuplicates(problems: ProblemList, field: string, values: readonly unknown[]): void {
    const seen = new Set<string>();
    values.forEach((value, i) => {
        if (typeof value !== "string") {
            return;
        }
        if (seen.has(value)) {
            problems.add(`${field}[${i}]`, `${show(value)} is listed twice; list each once.`);
        }
        seen.add(value);
    });
}
