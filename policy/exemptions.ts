import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

/** The config schema of a list of exempted resources, by Pulumi name or URN. */
export function exemptionSchema(what: string): PolicyConfigJSONSchema {
    return {
        type: "array",
        items: { type: "string" },
        default: [],
        description: `${what} this policy skips, by Pulumi resource name (as in \`pulumi preview\`) or full URN.`,
    };
}

/** Whether the resource is listed in an exemption list (by name or URN). */
export function isExempt(resource: { name: string; urn: string }, exempt: unknown): boolean {
    return Array.isArray(exempt) && exempt.some((entry) => entry === resource.name || entry === resource.urn);
}
