import type { MockStack } from "../../sdk/testing/mock-stack";

/**
 * Runs a program under the installed mocks until every registration is answered, or until the
 * first error, and returns what failed: an error it threw, and errors inside `apply`s, which
 * surface as unhandled rejections rather than throws (and would otherwise fail whichever test
 * runs next). A resource whose input failed is never registered and its outputs never resolve,
 * so the mocked engine's queue never drains: like Pulumi's language host, stop at the first
 * error, and install the mocks afresh before the next program.
 */
export async function failuresOf(stack: MockStack, program: () => void): Promise<unknown[]> {
    const failures: unknown[] = [];
    let failed: () => void = () => undefined;
    const firstFailure = new Promise<void>((resolve) => (failed = resolve));
    const onRejection = (reason: unknown) => {
        failures.push(reason);
        failed();
    };
    process.on("unhandledRejection", onRejection);
    try {
        program();
        await Promise.race([stack.settle(), firstFailure]);
        // Rejections are reported after the microtask queue drains, and after a failure what does
        // not depend on it still registers: wait turns of the event loop until one records nothing.
        for (let seen = -1; seen !== stack.resources.length; ) {
            seen = stack.resources.length;
            await new Promise((resolve) => setImmediate(resolve));
        }
    } catch (error) {
        failures.push(error);
    } finally {
        process.off("unhandledRejection", onRejection);
    }
    return failures;
}
