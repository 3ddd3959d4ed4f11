import * as pulumi from "@pulumi/pulumi";
import { AWS_LIMITS } from "../aws/limits";
import { NEEDS_TAG } from "../network/needs";
import { isPlainObject, ProblemList, show } from "./problems";

export function validateTags(problems: ProblemList, value: unknown): Record<string, pulumi.Input<string>> {
    if (value === undefined) {
        return {};
    }
    if (!isPlainObject(value)) {
        problems.add("tags", `${show(value)} is not an object of tag names to values.`);
        return {};
    }
    for (const [key, tagValue] of Object.entries(value)) {
        const field = `tags.${key}`;
        if (key === "Name") {
            problems.add(field, `is set by the component on each resource (e.g. "<name>-lambda-subnet-1"); use another key.`);
        } else if (key === NEEDS_TAG) {
            problems.add(field, `is written by the component on its Lambda security group, from the needs argument; declare needs instead.`);
        } else if (key.toLowerCase().startsWith("aws:")) {
            problems.add(field, `uses the "aws:" prefix, which AWS reserves for its own tags.`);
        } else if (key.length === 0 || key.length > AWS_LIMITS.tagKeyMaxLength) {
            problems.add(field, `has a ${key.length}-character key; AWS allows 1 to ${AWS_LIMITS.tagKeyMaxLength}.`);
        }
        if (typeof tagValue === "string") {
            if (tagValue.length > AWS_LIMITS.tagValueMaxLength) {
                problems.add(field, `has a ${tagValue.length}-character value; AWS allows up to ${AWS_LIMITS.tagValueMaxLength}.`);
            }
        } else if (!pulumi.Output.isInstance(tagValue) && !(tagValue instanceof Promise)) {
            problems.add(field, `${show(tagValue)} is not a string.`);
        }
    }
    return { ...(value as Record<string, pulumi.Input<string>>) };
}
