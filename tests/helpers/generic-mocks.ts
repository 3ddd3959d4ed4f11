import { expect } from "chai";

/**
 * How every sentence about an answer that generic mocks left short ends (issue 19): the mocks
 * that answer as AWS does, or the answer to give, which follows this.
 */
export const MOCKSTACK_ADVICE = "if this is a unit test with generic mocks, install MockStack from pulumi-vpc-lambda/testing, which answers as AWS does, or make the mocks answer";

/** The message a reader refuses an answer with; fails the test when it accepts it. */
export function refusal(read: () => unknown): string {
    try {
        read();
    } catch (error) {
        return (error as Error).message;
    }
    expect.fail("the answer was accepted");
}
