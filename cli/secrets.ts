import { isSecret } from "../sdk/offline-engine/mock-stack";

/** What a report shows in place of a secret: the offline plan must never print one. */
export const SECRET_PLACEHOLDER = "[secret]";

/** A copy of recorded inputs with every `pulumi.secret` value replaced by the placeholder. */
export function redactSecrets<T>(value: T): T {
    if (isSecret(value)) {
        return SECRET_PLACEHOLDER as unknown as T;
    }
    if (Array.isArray(value)) {
        return value.map(redactSecrets) as unknown as T;
    }
    if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, redactSecrets(v)])) as T;
    }
    return value;
}
