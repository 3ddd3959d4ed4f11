import { ProblemList, show } from "./problems";

export function validateDualStack(problems: ProblemList, value: unknown): boolean {
    if (value === undefined) {
        return false;
    }
    if (typeof value !== "boolean") {
        problems.add("dualStack", `${show(value)} is not a boolean; write true for IPv6 beside IPv4, or leave it out.`);
        return false;
    }
    return value;
}
