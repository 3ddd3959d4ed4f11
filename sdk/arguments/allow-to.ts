import * as pulumi from "@pulumi/pulumi";
import { AWS_LIMITS } from "../aws/limits";
import { isIdInput } from "./network-fields";
import { checkKnownKeys, isIntegerIn, isPlainObject, ProblemList, show } from "./problems";
import type { ValidatedAllowTo } from "./validated-args";

// What EC2 accepts in a security-group rule description.
const RULE_DESCRIPTION = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]{0,255}$/;
// Egress rules the component may add beside the allowTo ones (all/endpoints/two prefix lists).
const RESERVED_EGRESS_RULES = 3;

export function validateAllowTo(problems: ProblemList, value: unknown): ValidatedAllowTo[] {
    if (value === undefined) {
        return [];
    }
    if (!Array.isArray(value)) {
        problems.add("allowTo", `${show(value)} is not a list such as [{ securityGroupId: db.securityGroupId, port: 3306 }].`);
        return [];
    }
    const room = AWS_LIMITS.rulesPerSecurityGroupDirection - RESERVED_EGRESS_RULES;
    if (value.length > room) {
        problems.add("allowTo", `lists ${value.length} targets; a security group holds ${AWS_LIMITS.rulesPerSecurityGroupDirection} egress rules and the component needs up to ${RESERVED_EGRESS_RULES}, so at most ${room}.`);
    }
    const result: ValidatedAllowTo[] = [];
    const seen = new Set<string>();
    value.forEach((entry, i) => {
        const field = `allowTo[${i}]`;
        if (!isPlainObject(entry)) {
            problems.add(field, `${show(entry)} is not an object such as { securityGroupId, port: 3306 }.`);
            return;
        }
        checkKnownKeys(problems, field, entry, ["securityGroupId", "port", "description"]);
        const { securityGroupId, port, description } = entry;
        let valid = true;
        if (!isIdInput(securityGroupId, "sg")) {
            problems.add(`${field}.securityGroupId`, `${show(securityGroupId)} is not a security group id such as "sg-0123456789abcdef0".`);
            valid = false;
        }
        if (!isIntegerIn(port, 1, 65535)) {
            problems.add(`${field}.port`, `${show(port)} is not a TCP port (an integer from 1 to 65535).`);
            valid = false;
        }
        if (description !== undefined && (typeof description !== "string" || !RULE_DESCRIPTION.test(description))) {
            problems.add(`${field}.description`, `${show(description)} is not a rule description EC2 accepts: up to 255 of a-z A-Z 0-9 space and ._-:/()#,@[]+=&;{}!$*`);
            valid = false;
        }
        if (typeof securityGroupId === "string") {
            const pair = `${securityGroupId}:${port}`;
            if (seen.has(pair)) {
                problems.add(field, `repeats ${securityGroupId} on port ${show(port)}; list each target once.`);
                valid = false;
            }
            seen.add(pair);
        }
        if (valid) {
            result.push({
                securityGroupId: securityGroupId as pulumi.Input<string>,
                port: port as number,
                description: (description as string | undefined) ?? `Lambda to port ${port}`,
            });
        }
    });
    return result;
}
