import { InvalidArgumentError } from "commander";

/**
 * How long `vpc-lambda plan` waits for a program by default. A network program plans in a few
 * seconds; one still running after two minutes waits on something that will never come (a
 * promise never settled, a deferred output never resolved, a call to a real service).
 */
export const DEFAULT_TIMEOUT_SECONDS = 120;

/** The exit code of a plan that timed out, as GNU `timeout` uses. */
export const TIMEOUT_EXIT_CODE = 124;

/** The program did not finish within `--timeout`. */
export class PlanTimeoutError extends Error {
    constructor(readonly seconds: number) {
        super(
            `the program did not finish within ${seconds} s (--timeout ${seconds}): it may wait on a promise or a deferred output ` +
                `that is never resolved, or on a real network call; fix that, or raise --timeout if the program is only slow.`,
        );
        this.name = "PlanTimeoutError";
    }
}

/** Parses `--timeout <seconds>` for commander: a number of seconds above zero. */
export function parseTimeoutSeconds(value: string): number {
    const seconds = Number(value);
    if (value.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
        throw new InvalidArgumentError("Give a number of seconds above 0, e.g. --timeout 300.");
    }
    return seconds;
}

/**
 * Settles with `work`, or rejects with a `PlanTimeoutError` after `seconds`. The timer keeps
 * the process alive on purpose: a program awaiting a promise nothing will resolve leaves Node
 * with nothing to do, and Node would otherwise exit 0 as if the plan had succeeded.
 */
export async function withTimeout<T>(work: Promise<T>, seconds: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PlanTimeoutError(seconds)), seconds * 1000);
    });
    try {
        return await Promise.race([work, expired]);
    } finally {
        clearTimeout(timer);
    }
}
