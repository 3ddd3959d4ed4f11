import Mocha from "mocha";

/**
 * Mocha's dot reporter, then one plain line with the run's own counts, for CI logs and for
 * anyone comparing two runs: `998 passed, 0 failed` (and `, N pending` when tests are skipped).
 * A failing hook counts as a failure, as in mocha's own summary.
 */
class SummaryReporter extends Mocha.reporters.Dot {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
        super(runner, options);
        // Registered after the dot reporter's end handler, so the line follows its summary.
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const { passes, failures, pending } = this.stats;
            process.stdout.write(`${passes} passed, ${failures} failed${pending > 0 ? `, ${pending} pending` : ""}\n`);
        });
    }
}

export = SummaryReporter;
