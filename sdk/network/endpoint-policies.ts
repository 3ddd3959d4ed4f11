// What a VPC endpoint's policy lets through, read from its text: the reachability model says when
// a policy rather than the network decides which calls succeed, and the policy pack flags
// endpoints whose policy lets other accounts' principals or resources through. Facts: the AWS
// PrivateLink guide, "Control access to VPC endpoints using endpoint policies" (an endpoint policy
// is an IAM resource policy with a Principal element; without one, or for a service that supports
// none, AWS allows full access: `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`;
// a policy grants nothing itself, it bounds what IAM and resource policies allow); the IAM user
// guide, "Policy evaluation logic" (an explicit Deny wins; nothing allowed is denied).
import { isUnknown } from "./known-values";
import { statementsOf } from "./iam-statements";
import { EndpointNode, NetworkGraph, value } from "./network-graph";

/** One statement of an endpoint policy, as far as reading it needs. */
interface EndpointStatement {
    Sid?: unknown;
    Effect?: unknown;
    Principal?: unknown;
    NotPrincipal?: unknown;
    Action?: unknown;
    NotAction?: unknown;
    Resource?: unknown;
    NotResource?: unknown;
    Condition?: unknown;
}

/** What an endpoint's policy does with the calls through it. */
export type EndpointPolicyReading =
    /** No policy, or one allowing every call of every principal: AWS's default. */
    | { kind: "fullAccess" }
    /** Some calls only; `sameAccount` is the one account it keeps calls to, when every statement that allows says so. */
    | { kind: "limits"; sameAccount?: string }
    /** No call at all: nothing is allowed, or everything is denied. */
    | { kind: "deniesAll" }
    /** Not known yet (a preview, a policy computed from outputs). */
    | { kind: "unknown" }
    /** Text that is not a policy document (AWS would refuse it). */
    | { kind: "unreadable" };

/** The policy of one of the stack's endpoints; an endpoint the stack only refers to has none known here. */
export function endpointPolicyOf(graph: NetworkGraph, endpoint: EndpointNode): EndpointPolicyReading {
    const resource = graph.resource(endpoint.id);
    return resource ? readEndpointPolicy(value(resource, "policy")) : { kind: "unknown" };
}

/** Reads an endpoint policy given as JSON text or as an object; absent is AWS's default, full access. */
export function readEndpointPolicy(document: unknown): EndpointPolicyReading {
    if (document === undefined || document === null || document === "") {
        return { kind: "fullAccess" };
    }
    const statements = endpointStatementsOf(document);
    if (statements === "unknown") {
        return { kind: "unknown" };
    }
    if (statements === undefined) {
        return { kind: "unreadable" };
    }
    const allowing = statements.filter((s) => s.Effect === "Allow");
    const denying = statements.filter((s) => s.Effect === "Deny");
    if (allowing.length === 0 || denying.some(coversEverything)) {
        return { kind: "deniesAll" };
    }
    if (denying.length === 0 && allowing.some(coversEverything)) {
        return { kind: "fullAccess" };
    }
    const accounts = allowing.map(sameAccountOf);
    const [first] = accounts;
    return first !== undefined && accounts.every((account) => account === first) ? { kind: "limits", sameAccount: first } : { kind: "limits" };
}

/**
 * The statements that allow requests beyond trusted accounts, by their `Sid` or place
 * (`statement 2`); empty when every statement that allows is scoped, as AWS's data-perimeter
 * examples scope theirs (aws-samples/data-perimeter-policy-examples, vpc_endpoint_policies): it
 * pins both the principal's account or organization (`aws:PrincipalAccount`, `aws:PrincipalOrgID`,
 * `aws:PrincipalOrgPaths`, `aws:PrincipalArn`, or named principals) and the resource's
 * (`aws:ResourceAccount`, `aws:ResourceOrgID`, `aws:ResourceOrgPaths`); or it names the resources
 * it allows (the AWS-owned buckets of their `AllowRequestsToAWSOwnedResources`); or it admits AWS
 * service principals only (`aws:PrincipalIsAWSService`). `undefined` when the document cannot be
 * read, or is not known yet.
 */
export function unscopedStatements(document: unknown): string[] | undefined {
    const statements = endpointStatementsOf(document);
    if (statements === undefined || statements === "unknown") {
        return undefined;
    }
    return statements
        .map((statement, i) => ({ statement, label: typeof statement.Sid === "string" && statement.Sid !== "" ? statement.Sid : `statement ${i + 1}` }))
        .filter(({ statement }) => statement.Effect === "Allow" && !isScoped(statement))
        .map(({ label }) => label);
}

function endpointStatementsOf(document: unknown): EndpointStatement[] | "unknown" | undefined {
    if (isUnknown(document)) {
        return "unknown";
    }
    const statements = statementsOf(document);
    if (statements === undefined || isUnknown(statements)) {
        return isUnknown(statements) ? "unknown" : undefined;
    }
    return statements as EndpointStatement[];
}

/** Any principal, any action, any resource, no condition: a statement about every call. */
function coversEverything(statement: EndpointStatement): boolean {
    return (
        isAnyPrincipal(statement.Principal) &&
        statement.NotPrincipal === undefined &&
        list(statement.Action).includes("*") &&
        statement.NotAction === undefined &&
        (statement.Resource === undefined || list(statement.Resource).includes("*")) &&
        statement.NotResource === undefined &&
        statement.Condition === undefined
    );
}

/** `"*"`, `{"AWS": "*"}` or `{"AWS": ["*"]}`: every principal. */
function isAnyPrincipal(principal: unknown): boolean {
    if (principal === "*") {
        return true;
    }
    return isObject(principal) && Object.keys(principal).length === 1 && list(principal.AWS).includes("*");
}

/** Named principals (accounts, roles, services), none of them `*`. */
function namesPrincipals(principal: unknown): boolean {
    if (!isObject(principal)) {
        return false;
    }
    const named = Object.values(principal).flatMap(list);
    return named.length > 0 && !named.includes("*");
}

const PRINCIPAL_KEYS = ["aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths", "aws:principalarn"];
const RESOURCE_KEYS = ["aws:resourceaccount", "aws:resourceorgid", "aws:resourceorgpaths"];
// Operators that require the key to hold one of the values given: the negated ones, the
// IfExists ones (true when the key is absent) and Null do not pin anything.
const PINNING_OPERATORS = ["stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike"];

function isScoped(statement: EndpointStatement): boolean {
    const pinned = pinnedKeys(statement.Condition);
    const principalScoped = namesPrincipals(statement.Principal) || PRINCIPAL_KEYS.some((key) => pinned.has(key));
    const resourceScoped = RESOURCE_KEYS.some((key) => pinned.has(key));
    return (principalScoped && resourceScoped) || namesResources(statement) || onlyAwsServices(statement.Condition);
}

/** The condition keys (lowercase: IAM compares them so) a pinning operator holds to concrete values. */
function pinnedKeys(condition: unknown): Set<string> {
    const keys = new Set<string>();
    if (!isObject(condition)) {
        return keys;
    }
    for (const [operator, entries] of Object.entries(condition)) {
        if (!PINNING_OPERATORS.includes(operator.toLowerCase()) || !isObject(entries)) {
            continue;
        }
        for (const [key, values] of Object.entries(entries)) {
            const given = list(values);
            if (given.length > 0 && given.every((v) => typeof v === "string" && v !== "" && v !== "*")) {
                keys.add(key.toLowerCase());
            }
        }
    }
    return keys;
}

/** `Bool` (or `StringEquals`) `aws:PrincipalIsAWSService` `true`: only AWS services, calling on the account's behalf. */
function onlyAwsServices(condition: unknown): boolean {
    if (!isObject(condition)) {
        return false;
    }
    return Object.entries(condition).some(
        ([operator, entries]) =>
            ["bool", "stringequals"].includes(operator.toLowerCase()) &&
            isObject(entries) &&
            Object.entries(entries).some(([key, values]) => key.toLowerCase() === "aws:principalisawsservice" && list(values).length > 0 && list(values).every((v) => String(v).toLowerCase() === "true")),
    );
}

/** A `Resource` list of named resources: every one an ARN naming its account, or a resource more than wildcards (not `*`, nor `arn:aws:s3:::*`). */
function namesResources(statement: EndpointStatement): boolean {
    const resources = list(statement.Resource);
    return statement.NotResource === undefined && resources.length > 0 && resources.every(isNamedResource);
}

function isNamedResource(resource: unknown): boolean {
    if (typeof resource !== "string" || !resource.startsWith("arn:")) {
        return false;
    }
    const parts = resource.split(":");
    const account = parts[4] ?? "";
    const name = parts.slice(5).join(":");
    return /^\d{12}$/.test(account) || !/^[*/?]*$/.test(name);
}

/**
 * The account of a statement that keeps calls to one account's principals and resources, as
 * `SameAccount` writes it: `aws:PrincipalAccount` and `aws:ResourceAccount` both that account.
 */
function sameAccountOf(statement: EndpointStatement): string | undefined {
    const condition = statement.Condition;
    if (!isObject(condition)) {
        return undefined;
    }
    const equals = Object.entries(condition).find(([operator]) => operator === "StringEquals")?.[1];
    if (!isObject(equals)) {
        return undefined;
    }
    const single = (key: string) => {
        const found = Object.entries(equals).find(([k]) => k.toLowerCase() === key)?.[1];
        const values = list(found);
        return values.length === 1 && typeof values[0] === "string" ? values[0] : undefined;
    };
    const principal = single("aws:principalaccount");
    return principal !== undefined && principal === single("aws:resourceaccount") ? principal : undefined;
}

function list(value: unknown): unknown[] {
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
