// The reachability model, mutated on its own: scored, not yet gated, and not run by CI. Its
// ~2,900 mutants take the type checker about an hour and a half on two shared cores, so it keeps
// its own incremental file and reports, and the gated run of sdk/plan and sdk/validation (the
// default configuration, which CI runs) stays a matter of minutes. CONTRIBUTING.md, "Mutation testing".
import base from "./stryker.config.mjs";

export default {
    ...base,
    mutate: ["sdk/reachability/**/*.ts"],
    incrementalFile: "reports/stryker-incremental-reachability.json",
    jsonReporter: { fileName: "reports/mutation-reachability/mutation.json" },
    htmlReporter: { fileName: "reports/mutation-reachability/mutation.html" },
};
