import * as pulumi from "@pulumi/pulumi";
import { AWS_LIMITS } from "../aws/limits";
import { NEEDS_TAG } from "../network/needs";
import { SERVICE_NAME } from "../aws/service-names";
import { isIdInput } from "./network-fields";
import { checkKnownKeys, isIntegerIn, isPlainObject, ProblemList, show } from "./problems";
import type { ValidatedNeeds } from "./validated-args";

export function validateNeeds(problems: ProblemList, value: unknown): ValidatedNeeds | undefined {
    if (value === undefined) {
        return undefined;
    }
    if (!isPlainObject(value)) {
        problems.add("needs", `${show(value)} is not an object such as { internet: true, services: ["sts"], securityGroups: [{ securityGroupId, port: 5432 }] }.`);
        return undefined;
    }
    checkKnownKeys(problems, "needs", value, ["internet", "services", "securityGroups"]);
    const needs: ValidatedNeeds = { internet: false, services: [], securityGroups: [] };
    if (value.internet !== undefined && typeof value.internet !== "boolean") {
        problems.add("needs.internet", `${show(value.internet)} is not true or false.`);
    } else {
        needs.internet = value.internet === true;
    }
    if (value.services !== undefined && !Array.isArray(value.services)) {
        problems.add("needs.services", `${show(value.services)} is not a list of service names such as ["sts", "secretsmanager"].`);
    }
    (Array.isArray(value.services) ? value.services : []).forEach((service, i) => {
        const field = `needs.services[${i}]`;
        if (service === "internet") {
            problems.add(field, `"internet" is not a service; set needs.internet: true.`);
        } else if (typeof service !== "string" || !SERVICE_NAME.test(service)) {
            problems.add(field, `${show(service)} is not a service name such as "sts" or "ecr.api" (lowercase letters, digits, dots and dashes).`);
        } else if (service.startsWith("com.amazonaws.")) {
            problems.add(field, `${show(service)} is a full endpoint service name; write only the service, e.g. ${show(service.split(".").slice(3).join("."))}.`);
        } else if (needs.services.includes(service)) {
            problems.add(field, `${show(service)} is listed twice; list each once.`);
        } else {
            needs.services.push(service);
        }
    });
    if (value.securityGroups !== undefined && !Array.isArray(value.securityGroups)) {
        problems.add("needs.securityGroups", `${show(value.securityGroups)} is not a list such as [{ securityGroupId: db.securityGroupId, port: 5432 }].`);
    }
    (Array.isArray(value.securityGroups) ? value.securityGroups : []).forEach((entry, i) => {
        const field = `needs.securityGroups[${i}]`;
        if (!isPlainObject(entry)) {
            problems.add(field, `${show(entry)} is not an object such as { securityGroupId, port: 5432 }.`);
            return;
        }
        checkKnownKeys(problems, field, entry, ["securityGroupId", "port"]);
        let valid = true;
        if (!isIdInput(entry.securityGroupId, "sg")) {
            problems.add(`${field}.securityGroupId`, `${show(entry.securityGroupId)} is not a security group id such as "sg-0123456789abcdef0".`);
            valid = false;
        }
        if (!isIntegerIn(entry.port, 1, 65535)) {
            problems.add(`${field}.port`, `${show(entry.port)} is not a TCP port (an integer from 1 to 65535).`);
            valid = false;
        }
        if (valid && needs.securityGroups.some((g) => g.securityGroupId === entry.securityGroupId && g.port === entry.port)) {
            problems.add(field, `repeats ${typeof entry.securityGroupId === "string" ? entry.securityGroupId : "that security group"} on port ${entry.port}; list each once.`);
            valid = false;
        }
        if (valid) {
            needs.securityGroups.push({ securityGroupId: entry.securityGroupId as pulumi.Input<string>, port: entry.port as number });
        }
    });
    const longest = tagLengthAtMost(needs);
    if (longest > AWS_LIMITS.tagValueMaxLength) {
        problems.add(
            "needs",
            `adds up to ${longest} characters in the ${NEEDS_TAG} tag that carries it to the policy pack (at most, with security group ids not known yet); AWS allows ${AWS_LIMITS.tagValueMaxLength}. Declare fewer needs.`,
        );
    }
    return needs;
}

/** The longest the needs tag can be once every security group id is known. */
function tagLengthAtMost(needs: ValidatedNeeds): number {
    const tokens = [
        ...(needs.internet ? ["internet"] : []),
        ...needs.services,
        ...needs.securityGroups.map((g) => `${typeof g.securityGroupId === "string" ? g.securityGroupId : "x".repeat(AWS_LIMITS.securityGroupIdMaxLength)}:${g.port}`),
    ];
    return tokens.join(" ").length;
}
