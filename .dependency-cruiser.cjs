// The floors of the code, as rules `make architecture` checks (and `make test` before the suite):
// each folder of sdk/ imports only the folders below it, type imports included, and the pure
// floors import neither Pulumi nor the file system at run time. docs/architecture.md draws them.
// A folder missing from FLOORS may import nothing of sdk/ but what a rule below allows.

/** Each folder of sdk/ (or file at its root), and what it may import from sdk/ besides itself. */
const FLOORS = {
    "sdk/aws": [],
    "sdk/args.ts": [],
    "sdk/diagnostics/handler": [],
    "sdk/addresses": ["sdk/aws"],
    "sdk/network": ["sdk/aws", "sdk/addresses"],
    "sdk/reachability": ["sdk/aws", "sdk/addresses", "sdk/network"],
    "sdk/arguments": ["sdk/aws", "sdk/addresses", "sdk/args.ts", "sdk/network"],
    "sdk/plan": ["sdk/aws", "sdk/addresses", "sdk/args.ts", "sdk/arguments"],
    "sdk/diagnostics": ["sdk/aws", "sdk/args.ts", "sdk/plan", "sdk/reachability", "sdk/diagnostics/handler"],
    "sdk/checks": ["sdk/aws", "sdk/addresses", "sdk/args.ts", "sdk/arguments", "sdk/plan", "sdk/network", "sdk/reachability", "sdk/diagnostics"],
    "sdk/resources": ["sdk/aws", "sdk/addresses", "sdk/args.ts", "sdk/arguments", "sdk/plan", "sdk/network", "sdk/checks", "sdk/diagnostics"],
    "sdk/component.ts": ["sdk/args.ts", "sdk/arguments", "sdk/plan", "sdk/checks", "sdk/resources"],
    "sdk/offline-engine": ["sdk/aws", "sdk/addresses"],
    "sdk/testing": ["sdk/offline-engine"],
    "sdk/index.ts": ["sdk/args.ts", "sdk/aws", "sdk/arguments", "sdk/plan", "sdk/checks", "sdk/component.ts"],
};

/** The floors that are plain data in, plain data out: no Pulumi, no file system, at run time. */
const PURE = ["sdk/aws", "sdk/args.ts", "sdk/addresses", "sdk/network", "sdk/reachability", "sdk/plan", "sdk/diagnostics/[^/]+\\.ts$", "sdk/checks"];

/** `sdk/plan` as a path pattern: the folder (`sdk/plan/...`) or the file (`sdk/args.ts`). */
const pathOf = (floor) => (floor.endsWith(".ts") ? `^${floor.replace(/\./g, "\\.")}$` : `^${floor}/`);

// sdk/diagnostics holds sdk/diagnostics/handler: its own rule is on its .ts files only.
const fromPathOf = (floor) => (floor === "sdk/diagnostics" ? "^sdk/diagnostics/[^/]+\\.ts$" : pathOf(floor));

module.exports = {
    forbidden: [
        {
            name: "no-circular",
            severity: "error",
            comment: "A loop between modules makes every floor depend on every other: data flows one way.",
            from: {},
            to: { circular: true },
        },
        ...Object.entries(FLOORS).map(([floor, below]) => ({
            name: `floor-${floor.replace(/[/.]/g, "-")}`,
            severity: "error",
            comment: `${floor} may import ${below.length ? below.join(", ") : "nothing else of sdk/"} (docs/architecture.md).`,
            from: { path: fromPathOf(floor) },
            to: { path: "^sdk/", pathNot: [fromPathOf(floor), ...below.map(pathOf)] },
        })),
        {
            name: "handler-node-built-ins-only",
            severity: "error",
            comment: "The diagnostics handler is shipped to Lambda as its own files: Node's built-ins only.",
            from: { path: "^sdk/diagnostics/handler/" },
            to: { pathNot: ["^sdk/diagnostics/handler/"], dependencyTypesNot: ["core"] },
        },
        {
            name: "pure-floors-no-pulumi-or-file-system",
            severity: "error",
            comment: "The planner, the network model, the reachability model and the checks are plain data: no Pulumi and no file system at run time (type imports are fine).",
            from: { path: PURE.map((p) => (p.endsWith("$") ? `^${p}` : pathOf(p))) },
            to: { path: ["(^|/)node_modules/@pulumi/", "^(fs|path|child_process|os)$"], dependencyTypesNot: ["type-only"] },
        },
        {
            name: "sdk-is-the-ground",
            severity: "error",
            comment: "sdk/ is the package's ground: nothing in it imports the CLI, the policy pack, the provider, the tests or the tools.",
            from: { path: "^sdk/" },
            to: { path: "^(cli|policy|provider|tests|e2e|bench|examples)/" },
        },
        {
            name: "policy-pack-on-the-model",
            severity: "error",
            comment: "The policy pack is bundled alone (make policy-pack): it reads the network model, and nothing that builds resources.",
            from: { path: "^policy/" },
            to: { path: "^(sdk/(?!aws/|addresses/|network/|reachability/)|cli/|provider/|tests/|e2e/)" },
        },
    ],
    options: {
        doNotFollow: { path: "node_modules" },
        tsPreCompilationDeps: true,
        tsConfig: { fileName: "tsconfig.json" },
        exclude: { path: "^dist/" },
    },
};
