import * as pulumi from "@pulumi/pulumi";
import { isIP } from "net";
import { isIdInput } from "./network-fields";
import { checkKnownKeys, isIntegerIn, isPlainObject, ProblemList, show } from "./problems";
import type { ValidatedDiagnostics } from "./validated-args";

/**
 * At most this many targets in the arguments: they travel to the function in one environment
 * variable, and Lambda allows 4 KB of those in all. More can be passed in an invoke's event.
 */
export const MAX_DIAGNOSTICS_TARGETS = 20;
// A DNS name: labels of letters, digits and hyphens, 253 characters in all.
const DNS_NAME = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.?$/;

export function validateDiagnostics(problems: ProblemList, value: unknown): ValidatedDiagnostics | undefined {
    if (value === undefined) {
        return undefined;
    }
    if (!isPlainObject(value)) {
        problems.add("diagnostics", `${show(value)} is not an object such as { enabled: true, targets: [{ host: db.address, port: 5432 }] }.`);
        return undefined;
    }
    checkKnownKeys(problems, "diagnostics", value, ["enabled", "targets"]);
    const { enabled, targets } = value;
    if (typeof enabled !== "boolean") {
        problems.add("diagnostics.enabled", `${show(enabled)} is not a boolean; write true to build the diagnostics function, false for none.`);
    }
    const validTargets = validateTargets(problems, targets);
    return enabled === true ? { targets: validTargets } : undefined;
}

function validateTargets(problems: ProblemList, value: unknown): ValidatedDiagnostics["targets"] {
    if (value === undefined) {
        return [];
    }
    if (!Array.isArray(value)) {
        problems.add("diagnostics.targets", `${show(value)} is not a list such as [{ host: db.address, port: 5432 }].`);
        return [];
    }
    if (value.length > MAX_DIAGNOSTICS_TARGETS) {
        problems.add(
            "diagnostics.targets",
            `lists ${value.length} targets; at most ${MAX_DIAGNOSTICS_TARGETS} fit in the function's environment (Lambda allows 4 KB). Pass more in the invoke's event: { "targets": [...] }.`,
        );
    }
    const targets: ValidatedDiagnostics["targets"] = [];
    value.forEach((entry, i) => {
        const field = `diagnostics.targets[${i}]`;
        if (!isPlainObject(entry)) {
            problems.add(field, `${show(entry)} is not an object such as { host: "db.internal", port: 5432 }.`);
            return;
        }
        checkKnownKeys(problems, field, entry, ["host", "port", "securityGroupId"]);
        const { host, port, securityGroupId } = entry;
        const hostIsValid = typeof host === "string" ? isIP(host) !== 0 || DNS_NAME.test(host) : pulumi.Output.isInstance(host) || host instanceof Promise;
        if (!hostIsValid) {
            problems.add(`${field}.host`, `${show(host)} is not a host name or IP address such as "mydb.abc123.us-east-1.rds.amazonaws.com" or "10.0.192.10".`);
        }
        if (!isIntegerIn(port, 1, 65535)) {
            problems.add(`${field}.port`, `${show(port)} is not a TCP port (an integer from 1 to 65535).`);
        }
        const groupIsValid = securityGroupId === undefined || isIdInput(securityGroupId, "sg");
        if (!groupIsValid) {
            problems.add(`${field}.securityGroupId`, `${show(securityGroupId)} is not a security group id such as "sg-0123456789abcdef0".`);
        }
        if (hostIsValid && isIntegerIn(port, 1, 65535) && groupIsValid) {
            targets.push({ host: host as pulumi.Input<string>, port, ...(securityGroupId !== undefined ? { securityGroupId: securityGroupId as pulumi.Input<string> } : {}) });
        }
    });
    return targets;
}
