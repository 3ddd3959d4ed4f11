/** A property as the Pulumi package schema declares it. */
export interface PropertySpec {
    type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
    $ref?: string;
    items?: PropertySpec;
    additionalProperties?: PropertySpec;
    plain?: boolean;
}

/** A type under the schema's `types`: an enum or an object. */
interface TypeSpec {
    type: string;
    enum?: { value: unknown }[];
    properties?: Record<string, PropertySpec>;
    required?: string[];
}

export interface PackageSchema {
    types: Record<string, TypeSpec>;
}

/**
 * A Pulumi YAML expression (`${res.output}`, `fn::...`): its value is known only when the program
 * runs, so only its place can be checked, not its type.
 */
export function isYamlExpression(value: unknown): boolean {
    if (typeof value === "string") {
        return /^\$\{[^}]+\}$/.test(value.trim());
    }
    return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).some((k) => k.startsWith("fn::"));
}

/**
 * Every way `value` does not fit `spec`: unknown properties, wrong types, values outside an
 * enum, missing required properties, and expressions where the schema wants a plain value (the
 * component reads those when it is constructed, before any output is known).
 */
export function conformanceProblems(value: unknown, spec: PropertySpec, schema: PackageSchema, at: string): string[] {
    if (isYamlExpression(value)) {
        return spec.plain ? [`${at}: is an expression, but the schema marks it plain (it must be written out)`] : [];
    }
    if (spec.$ref) {
        const token = spec.$ref.replace(/^#\/types\//, "");
        const type = schema.types[token];
        if (!type) {
            return [`${at}: refers to ${token}, which the schema does not define`];
        }
        if (type.enum) {
            const allowed = type.enum.map((member) => member.value);
            return allowed.includes(value) ? [] : [`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(allowed)} (${token})`];
        }
        return objectProblems(value, type.properties ?? {}, type.required ?? [], schema, at);
    }
    switch (spec.type) {
        case "string":
            return typeof value === "string" ? [] : [`${at}: ${JSON.stringify(value)} is not a string`];
        case "number":
        case "integer":
            return typeof value === "number" && (spec.type === "number" || Number.isInteger(value)) ? [] : [`${at}: ${JSON.stringify(value)} is not ${spec.type === "integer" ? "an" : "a"} ${spec.type}`];
        case "boolean":
            return typeof value === "boolean" ? [] : [`${at}: ${JSON.stringify(value)} is not a boolean`];
        case "array":
            return Array.isArray(value) ? value.flatMap((item, i) => conformanceProblems(item, spec.items ?? {}, schema, `${at}[${i}]`)) : [`${at}: is not a list`];
        case "object":
            return isMap(value)
                ? Object.entries(value).flatMap(([key, item]) => conformanceProblems(item, spec.additionalProperties ?? {}, schema, `${at}.${key}`))
                : [`${at}: is not a map`];
        default:
            return [];
    }
}

/** The properties given to an object type (or a resource's inputs) against its declared ones. */
export function objectProblems(value: unknown, properties: Record<string, PropertySpec>, required: string[], schema: PackageSchema, at: string): string[] {
    if (!isMap(value)) {
        return [`${at}: is not an object`];
    }
    const unknown = Object.keys(value)
        .filter((key) => !(key in properties))
        .map((key) => `${at}.${key}: is not a property; the schema has ${Object.keys(properties).join(", ")}`);
    const missing = required.filter((key) => !(key in value)).map((key) => `${at}.${key}: is required`);
    const wrong = Object.entries(value)
        .filter(([key]) => key in properties)
        .flatMap(([key, item]) => conformanceProblems(item, properties[key], schema, `${at}.${key}`));
    return [...unknown, ...missing, ...wrong];
}

function isMap(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
