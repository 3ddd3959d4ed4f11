import { isUnknown, UNKNOWN, Unknown } from "./known-values";

/** The parts of an IAM policy statement that decide whether it grants an action. */
export interface Statement {
    Effect?: string;
    Action?: string | string[];
    NotAction?: string | string[];
    Resource?: string | string[];
    NotResource?: string | string[];
    Condition?: unknown;
}

/**
 * The statements of a policy document given as JSON text or as an object; `UNKNOWN` when the
 * document is not known yet, `undefined` when it cannot be read as a policy.
 */
export function statementsOf(document: unknown): Statement[] | Unknown | undefined {
    if (isUnknown(document)) {
        return UNKNOWN;
    }
    let parsed = document;
    if (typeof document === "string") {
        try {
            parsed = JSON.parse(document);
        } catch {
            return undefined;
        }
    }
    const statement = (parsed as { Statement?: unknown } | null)?.Statement;
    if (Array.isArray(statement)) {
        return statement.filter((s) => s && typeof s === "object") as Statement[];
    }
    return statement && typeof statement === "object" ? [statement as Statement] : undefined;
}

/**
 * Whether the statements allow `action` and no unconditional statement denies it (an explicit
 * Deny always wins in IAM). `needsAllResources` is for actions that support no resource-level
 * permissions, such as `ec2:Describe*`: only a statement on `"Resource": "*"` grants them.
 */
export function grants(statements: Statement[], action: string, needsAllResources: boolean): boolean {
    const allowed = statements.some(
        (s) => s.Effect === "Allow" && matchesAction(s, action) && (!needsAllResources || list(s.Resource).includes("*")),
    );
    const denied = statements.some((s) => s.Effect === "Deny" && s.Condition === undefined && matchesAction(s, action) && list(s.Resource).includes("*"));
    return allowed && !denied;
}

function matchesAction(statement: Statement, action: string): boolean {
    if (statement.NotAction !== undefined) {
        return !list(statement.NotAction).some((pattern) => wildcardMatch(pattern, action));
    }
    return list(statement.Action).some((pattern) => wildcardMatch(pattern, action));
}

/** IAM action names are case-insensitive; `*` matches any run of characters and `?` one. */
function wildcardMatch(pattern: string, action: string): boolean {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${source}$`, "i").test(action);
}

function list(value: string | string[] | undefined): string[] {
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
