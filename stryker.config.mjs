// Mutation testing of the pure core: Stryker changes the code of sdk/plan and sdk/validation one
// small edit at a time (a `<` to `<=`, a string to "", a branch to `true`) and runs the specs that
// cover them; a change no spec notices is a hole in the specs. `make mutation` runs it all; CI
// runs `--incremental` against reports/stryker-incremental.json, so that only what changed since
// the committed results is mutated again. sdk/reachability has its own configuration,
// stryker.reachability.config.mjs (`make mutation-reachability`). CONTRIBUTING.md, "Mutation testing".
export default {
    mutate: ["sdk/addresses/**/*.ts", "sdk/arguments/**/*.ts", "sdk/plan/**/*.ts", "sdk/checks/**/*.ts", "sdk/diagnostics/*.ts"],
    testRunner: "mocha",
    // The pure specs only, run as TypeScript through a transpile-only require hook: no build per
    // mutant, and no Pulumi engine (tests/mutation/mocharc.json lists them). It leaves out
    // tests/sdk/reachability/floor.spec.ts, which checks the compiled modules' imports in a child
    // process: not the core's behaviour, and not runnable from the TypeScript sources.
    mochaOptions: { config: "tests/mutation/mocharc.json" },
    // Mutants that would not compile are discarded before any spec runs, not counted as killed.
    checkers: ["typescript"],
    tsconfigFile: "tests/mutation/tsconfig.json",
    // Each mutant runs only the tests that executed its code, in the same process. "all" would be
    // as correct, but all its coverage is "static", so every mutant restarts the test process: on
    // this project's 2 shared cores it had tested 618 of 1,603 mutants after 19 minutes, where
    // "perTest" tests all of them in about 30. Per-test coverage is exact only if no spec computes
    // in a before() hook (Stryker would credit that to the previous test), which
    // tests/mutation/specs-compute-in-tests.spec.ts enforces.
    coverageAnalysis: "perTest",
    // Two cores, shared: one runner beside the checker's process.
    concurrency: 2,
    incrementalFile: "reports/stryker-incremental.json",
    // The sandbox needs the sources, the specs and the configs; the rest only slows its copy.
    ignorePatterns: ["/*", "!/sdk", "!/tests", "!/package.json", "!/tsconfig.json"],
    reporters: ["clear-text", "progress", "json", "html"],
    jsonReporter: { fileName: "reports/mutation/mutation.json" },
    htmlReporter: { fileName: "reports/mutation/mutation.html" },
    clearTextReporter: { allowColor: false, reportTests: false },
    // The gate is per folder (tests/mutation/score-by-folder.ts), not Stryker's global `break`.
    thresholds: { high: 90, low: 80, break: null },
    tempDirName: ".stryker-tmp",
};
