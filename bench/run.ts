// `npm run bench` (= build, then `node dist/bench/run.js [options]`): the offline plan against
// the bare Pulumi floor, on three networks, in one run on this machine; the reachability matrix
// on the large network and on 1,000 generated functions; the test suite and schema generation;
// a PASS/MISS line per goal, computed from the numbers measured here.
// Speed goals live here, never in timed tests.
//
//   --runs <n>       runs per measurement, reported as median [min-max] (default 7)
//   --sizes <list>   which networks, e.g. small,large (default small,medium,large)
//   --skip-suite     do not time `npx mocha` (the rest takes about a minute)
//   --skip-schema    do not time schema generation
//   --out <file>     where the results go (default bench/results.json)
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { FloorResource } from "./floor";
import { measureNode, ProcessRun, round, sample, Sample } from "./measure";

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(ROOT, "dist", "cli", "main.js");
const FLOOR = path.join(__dirname, "floor.js");
const PROGRAMS = path.join(ROOT, "bench", "programs");

const SIZES: Record<string, string> = {
    small: "Isolated, 1 AZ",
    medium: "PrivateWithNat (default NAT), 2 AZ, 3 interface endpoints",
    large: "PrivateWithNat, 6 AZ OnePerAz, 20 interface endpoints, dual stack, diagnostics",
};

/** The plan may cost at most this much more than the floor, at every size. */
const RATIO_GOAL = 1.5;
/** What we aim for. */
const RATIO_AIM = 1.1;

interface Options {
    runs: number;
    sizes: string[];
    skipSuite: boolean;
    skipSchema: boolean;
    out: string;
}

function parseOptions(argv: string[]): Options {
    const options: Options = { runs: 7, sizes: Object.keys(SIZES), skipSuite: false, skipSchema: false, out: path.join(ROOT, "bench", "results.json") };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--runs") {
            options.runs = Number(argv[++i]);
            if (!Number.isInteger(options.runs) || options.runs < 1) {
                throw new Error("--runs takes a whole number above 0");
            }
        } else if (arg === "--sizes") {
            options.sizes = argv[++i].split(",");
            const unknown = options.sizes.filter((s) => !(s in SIZES));
            if (unknown.length > 0) {
                throw new Error(`--sizes: no network named ${unknown.join(", ")}; there are ${Object.keys(SIZES).join(", ")}`);
            }
        } else if (arg === "--skip-suite") {
            options.skipSuite = true;
        } else if (arg === "--skip-schema") {
            options.skipSchema = true;
        } else if (arg === "--out") {
            options.out = path.resolve(argv[++i]);
        } else {
            throw new Error(`unknown option ${arg}; see the top of bench/run.ts`);
        }
    }
    return options;
}

function check(run: ProcessRun, what: string): ProcessRun {
    if (run.status !== 0) {
        throw new Error(`${what} exited ${run.status}:\n${run.stderr}`);
    }
    return run;
}

/** One process's figures over the runs. */
interface Figures {
    wallMs: Sample;
    cpuMs: Sample;
    maxRssMb: Sample;
}

interface SizeResult {
    size: string;
    network: string;
    resources: number;
    plan: Figures;
    /** The floor under Pulumi's and Node's defaults, as `pulumi preview` runs a program. */
    floor: Figures;
    /** The floor under the plan's runtime settings (no stack traces captured). */
    floorPlanSettings: Figures;
    /** Median plan wall time over median floor wall time. */
    ratio: number;
    /** The same against the floor with the plan's settings: our cost alone. */
    ratioPlanSettings: number;
    /** Median plan CPU time over median floor CPU time. */
    cpuRatio: number;
    rssRatio: number;
    /** (plan - floor) / resources, ms: what we add per resource. */
    addedMsPerResource: number;
    /** (plan - floor with the plan's settings) / resources, ms. */
    addedMsPerResourcePlanSettings: number;
    /** plan / resources, ms. */
    totalMsPerResource: number;
}

function figures(runs: ProcessRun[]): Figures {
    return { wallMs: sample(runs.map((r) => r.wallMs)), cpuMs: sample(runs.map((r) => r.cpuMs)), maxRssMb: sample(runs.map((r) => r.maxRssMb)) };
}

function measureSize(size: string, runs: number): SizeResult {
    const dir = path.join(PROGRAMS, size);
    const planArgs = [CLI, "plan", dir, "--format", "json"];
    // A first run, unmeasured, warms the file cache and gives the resources the floor registers.
    const first = check(measureNode(planArgs, ROOT), `vpc-lambda plan ${size}`);
    const resources = (JSON.parse(first.stdout) as { resources: FloorResource[] }).resources;
    const list = path.join(os.tmpdir(), `vpc-lambda-bench-floor-${size}-${process.pid}.json`);
    fs.writeFileSync(list, JSON.stringify(resources.map(({ type, name, urn, parent, inputs }) => ({ type, name, urn, parent, custom: type.startsWith("aws:"), inputs }))));
    const floorArgs = [FLOOR, list];
    const floorPlanSettingsArgs = [FLOOR, list, "--plan-settings"];
    for (const args of [floorArgs, floorPlanSettingsArgs]) {
        const count = (JSON.parse(check(measureNode(args, ROOT), `floor ${size}`).stdout) as { resources: number }).resources;
        if (count !== resources.length) {
            throw new Error(`the floor of ${size} registered ${count} resources, the plan ${resources.length}`);
        }
    }
    const plan: ProcessRun[] = [];
    const floor: ProcessRun[] = [];
    const floorPlanSettings: ProcessRun[] = [];
    // Interleaved, so that a slow spell of the machine falls on all three.
    for (let i = 0; i < runs; i++) {
        plan.push(check(measureNode(planArgs, ROOT), `vpc-lambda plan ${size}`));
        floor.push(check(measureNode(floorArgs, ROOT), `floor ${size}`));
        floorPlanSettings.push(check(measureNode(floorPlanSettingsArgs, ROOT), `floor ${size} --plan-settings`));
        process.stderr.write(".");
    }
    fs.rmSync(list, { force: true });
    const p = figures(plan);
    const f = figures(floor);
    const s = figures(floorPlanSettings);
    const n = resources.length;
    return {
        size,
        network: SIZES[size],
        resources: n,
        plan: p,
        floor: f,
        floorPlanSettings: s,
        ratio: round(p.wallMs.median / f.wallMs.median, 3),
        ratioPlanSettings: round(p.wallMs.median / s.wallMs.median, 3),
        cpuRatio: round(p.cpuMs.median / f.cpuMs.median, 3),
        rssRatio: round(p.maxRssMb.median / f.maxRssMb.median, 3),
        addedMsPerResource: round((p.wallMs.median - f.wallMs.median) / n, 2),
        addedMsPerResourcePlanSettings: round((p.wallMs.median - s.wallMs.median) / n, 2),
        totalMsPerResource: round(p.wallMs.median / n, 2),
    };
}

/**
 * The plan transpiles a TypeScript program and does not type-check it: a program with a
 * deliberate type error (a string where the component wants a number) must still plan.
 */
function checkTranspileOnly(): { planned: boolean; resources: number; detail: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-bench-type-error-"));
    const sdk = path.join(ROOT, "dist", "sdk", "index.js");
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: type-error\nruntime: nodejs\nmain: index.ts\n");
    fs.writeFileSync(
        path.join(dir, "index.ts"),
        [
            `import { VpcLambdaNetwork } from ${JSON.stringify(sdk)};`,
            `const zones: number = "1"; // a type error tsc would reject`,
            `const net = new VpcLambdaNetwork("typed-wrong", { pattern: "Isolated", numberOfAvailabilityZones: Number(zones) });`,
            `export const vpcId: number = net.vpcId; // another`,
            "",
        ].join("\n"),
    );
    const run = measureNode([CLI, "plan", dir, "--format", "json"], ROOT);
    fs.rmSync(dir, { recursive: true, force: true });
    if (run.status !== 0) {
        return { planned: false, resources: 0, detail: run.stderr.trim().split("\n")[0] ?? `exit ${run.status}` };
    }
    const resources = (JSON.parse(run.stdout) as { resources: unknown[] }).resources.length;
    return { planned: true, resources, detail: `a program with two type errors planned ${resources} resources` };
}

function timeSuite(): { wallMs: number; passing: number; failing: number; status: number | null } {
    const mocha = path.join(ROOT, "node_modules", "mocha", "bin", "mocha.js");
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [mocha], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(result.stdout)?.[1] ?? 0);
    return { wallMs: round(wallMs), passing: count("passing"), failing: count("failing"), status: result.status };
}

function timeSchema(runs: number): { wallMs: Sample; upToDate: boolean } {
    // renderSchema is what `node dist/provider/write-schema.js` runs before it writes the file:
    // timed without the write, so that provider/schema.json is never touched.
    const script = `require(${JSON.stringify(path.join(ROOT, "dist", "provider", "write-schema.js"))}).renderSchema().then((text) => process.stdout.write(text))`;
    const times: number[] = [];
    let text = "";
    for (let i = 0; i < runs; i++) {
        const run = check(measureNode(["-e", script], ROOT), "schema generation");
        times.push(run.wallMs);
        text = run.stdout;
    }
    const committed = fs.readFileSync(path.join(ROOT, "provider", "schema.json"), "utf8");
    return { wallMs: sample(times), upToDate: text === committed };
}

/** The reachability matrix alone: the large stack, and 250 / 500 / 1,000 generated functions (bench/reachability-bench.ts). */
interface ReachabilityFigures {
    large: { resources: number; ms: number; cpuMs: number; cells: number };
    generated: { functions: number; ms: number; cpuMs: number; cells: number }[];
}

/** Under this, on the large stack. */
const REACHABILITY_LARGE_GOAL_MS = 100;
/** Linear: the time per function at the largest size at most this much the time per function at the smallest. */
const REACHABILITY_LINEAR_RATIO = 1.5;

function reachabilityFigures(runs: number): ReachabilityFigures {
    const run = check(measureNode([path.join(__dirname, "reachability-bench.js"), String(runs)], ROOT), "reachability bench");
    return JSON.parse(run.stdout.trim().split("\n").pop()!) as ReachabilityFigures;
}

function plannerFigures(): { plans: number; usPerPlan: number } {
    const run = check(measureNode([path.join(__dirname, "planner-bench.js"), "20000"], ROOT), "planner bench");
    const { plans, seconds } = JSON.parse(run.stdout.trim().split("\n").pop()!) as { plans: number; seconds: number };
    return { plans, usPerPlan: round((seconds / plans) * 1e6, 1) };
}

function machine(): Record<string, unknown> {
    const cpus = os.cpus();
    return {
        cpu: cpus[0]?.model.trim() ?? "unknown",
        cores: cpus.length,
        memoryGb: round(os.totalmem() / 2 ** 30, 1),
        platform: `${os.platform()} ${os.release()} ${os.arch()}`,
        node: process.version,
        date: new Date().toISOString(),
    };
}

const pad = (text: string | number, width: number) => String(text).padStart(width);
const span = (s: Sample, digits = 0) => `${s.median.toFixed(digits)} [${s.min.toFixed(digits)}-${s.max.toFixed(digits)}]`;

function main(): void {
    const options = parseOptions(process.argv.slice(2));
    const host = machine();
    console.log(`vpc-lambda bench on ${host.cpu}, ${host.cores} cores, ${host.memoryGb} GB, Node ${host.node}, ${host.date}`);
    console.log(
        `Each figure: median [min-max] of ${options.runs} runs of a fresh \`node\` process, plan and floor interleaved. Wall time: spawn to exit, ` +
            "from the parent. Peak memory and CPU time: the child's own process.resourceUsage() at exit (bench/max-rss.js, preloaded with --require).",
    );
    console.log(
        "Plan: `node dist/cli/main.js plan bench/programs/<size> --format json` (the real CLI: TypeScript program transpiled, component, policies, reports). " +
            "Floor: `node dist/bench/floor.js` - loads @pulumi/pulumi and @pulumi/aws, installs the same MockStack/MockAws, registers the same number of " +
            "resources (same AWS types, literal inputs, same parents) in a stack and waits for them; no CLI, no transpiling (Pulumi loads the TypeScript compiler either way), " +
            "no component, no policies, no reports.",
    );

    const sizes: SizeResult[] = [];
    for (const size of options.sizes) {
        process.stderr.write(`${size} `);
        sizes.push(measureSize(size, options.runs));
        process.stderr.write("\n");
    }

    console.log("");
    const header = ["network", "res", "plan ms", "floor ms", "ratio", "floor* ms", "ratio*", "ours ms/res", "ours* ms/res", "total ms/res", "cpu ratio", "plan MB", "floor MB", "MB ratio"];
    const rows = sizes.map((r) => [
        r.size,
        String(r.resources),
        span(r.plan.wallMs),
        span(r.floor.wallMs),
        `${r.ratio.toFixed(2)}x`,
        span(r.floorPlanSettings.wallMs),
        `${r.ratioPlanSettings.toFixed(2)}x`,
        r.addedMsPerResource.toFixed(2),
        r.addedMsPerResourcePlanSettings.toFixed(2),
        r.totalMsPerResource.toFixed(2),
        `${r.cpuRatio.toFixed(2)}x`,
        span(r.plan.maxRssMb),
        span(r.floor.maxRssMb),
        `${r.rssRatio.toFixed(2)}x`,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    for (const row of [header, ...rows]) {
        console.log(row.map((cell, i) => pad(cell, widths[i])).join("  "));
    }
    console.log("ratio = plan / floor (wall-time medians); ours ms/res = (plan - floor) / resources; total ms/res = plan / resources.");
    console.log("floor* = the floor under the plan's runtime settings (no stack traces captured; Pulumi's defaults capture one per promise): ratio* and ours* are our cost alone.");
    console.log("cpu ratio = the same ratio on CPU time (user + system), which other work on the machine disturbs less.");
    if (sizes.length >= 2) {
        const [a, b] = [sizes[0], sizes[sizes.length - 1]];
        const marginal = (b.plan.wallMs.median - a.plan.wallMs.median) / (b.resources - a.resources);
        const marginalFloor = (b.floor.wallMs.median - a.floor.wallMs.median) / (b.resources - a.resources);
        const marginalFloorSettings = (b.floorPlanSettings.wallMs.median - a.floorPlanSettings.wallMs.median) / (b.resources - a.resources);
        console.log(
            `each resource added from ${a.size} to ${b.size}: plan +${marginal.toFixed(2)} ms, floor +${marginalFloor.toFixed(2)} ms, floor* +${marginalFloorSettings.toFixed(2)} ms.`,
        );
    }

    const transpile = checkTranspileOnly();
    const planner = plannerFigures();
    console.log(`planner alone (validate + plan, no Pulumi): ${planner.usPerPlan} us per configuration over ${planner.plans}.`);
    process.stderr.write("reachability ");
    const reachability = reachabilityFigures(options.runs);
    process.stderr.write("\n");
    const perFunction = reachability.generated.map((g) => ({ ...g, cpuMsPerFunction: round(g.cpuMs / g.functions, 3) }));
    console.log(
        `reachability matrix alone (sdk/reachability, one process, medians of ${options.runs} over a fresh graph, CPU ms [wall ms]): large network ${reachability.large.cpuMs} [${reachability.large.ms}] ms ` +
            `(${reachability.large.resources} resources, ${reachability.large.cells} cells); ` +
            perFunction.map((g) => `${g.functions.toLocaleString("en-US")} generated functions ${g.cpuMs} [${g.ms}] ms (${g.cells} cells, ${g.cpuMsPerFunction} CPU ms/function)`).join(", ") +
            ". Each generated function has its own role and security group, so no two share a cached path; goals are judged on CPU time, which other jobs on a shared machine disturb less.",
    );

    let schema: ReturnType<typeof timeSchema> | undefined;
    if (!options.skipSchema) {
        process.stderr.write("schema ");
        schema = timeSchema(3);
        process.stderr.write("\n");
        console.log(`schema generation (renderSchema of dist/provider/write-schema.js, file not written): ${span(schema.wallMs)} ms over 3 runs; provider/schema.json ${schema.upToDate ? "is up to date" : "DIFFERS from what it generates (run make schema)"}.`);
    } else {
        console.log("schema generation: skipped (--skip-schema).");
    }
    let suite: ReturnType<typeof timeSuite> | undefined;
    if (!options.skipSuite) {
        process.stderr.write("test suite (npx mocha)...\n");
        suite = timeSuite();
        console.log(`test suite (npx mocha, 1 run): ${(suite.wallMs / 1000).toFixed(1)} s, ${suite.passing} passing, ${suite.failing} failing${suite.status === 0 ? "" : ` (exit ${suite.status})`}.`);
    } else {
        console.log("test suite: skipped (--skip-suite).");
    }

    const goals: { goal: string; met: boolean; detail: string }[] = [];
    if (sizes.length > 0) {
        const worst = (key: "ratio" | "ratioPlanSettings") => sizes.reduce((w, r) => (r[key] > w[key] ? r : w));
        const list = (key: "ratio" | "ratioPlanSettings") => sizes.map((r) => `${r.size} ${r[key].toFixed(2)}x`).join(", ");
        goals.push({ goal: `plan <= ${RATIO_GOAL}x the floor at every size`, met: sizes.every((r) => r.ratio <= RATIO_GOAL), detail: `worst ${worst("ratio").ratio.toFixed(2)}x (${worst("ratio").size})` });
        goals.push({ goal: `aim: plan <= ${RATIO_AIM}x the floor at every size`, met: sizes.every((r) => r.ratio <= RATIO_AIM), detail: list("ratio") });
        goals.push({
            goal: `plan <= ${RATIO_GOAL}x the floor* (same runtime settings) at every size`,
            met: sizes.every((r) => r.ratioPlanSettings <= RATIO_GOAL),
            detail: `worst ${worst("ratioPlanSettings").ratioPlanSettings.toFixed(2)}x (${worst("ratioPlanSettings").size})`,
        });
        goals.push({ goal: `aim: plan <= ${RATIO_AIM}x the floor* at every size`, met: sizes.every((r) => r.ratioPlanSettings <= RATIO_AIM), detail: list("ratioPlanSettings") });
    }
    if (sizes.length >= 2) {
        // Fixed costs (loading, the CLI) make cost per resource fall with size whatever happens
        // per resource; what must stay flat is the cost of each resource added, against the floor's.
        const [a, b] = [sizes[0], sizes[sizes.length - 1]];
        const added = (pick: (r: SizeResult) => number) => (pick(b) - pick(a)) / (b.resources - a.resources);
        const plan = added((r) => r.plan.wallMs.median);
        const floor = added((r) => r.floor.wallMs.median);
        goals.push({
            goal: `cost per resource flat from ${a.size} to ${b.size}: each resource added costs the plan <= ${RATIO_GOAL}x what it costs the floor, and total ms/res does not grow`,
            met: plan <= RATIO_GOAL * Math.max(floor, 0.05) && b.totalMsPerResource <= a.totalMsPerResource,
            detail: `per resource added: plan ${plan.toFixed(2)} ms, floor ${floor.toFixed(2)} ms; total ${a.totalMsPerResource.toFixed(2)} -> ${b.totalMsPerResource.toFixed(2)} ms/res`,
        });
    }
    goals.push({ goal: "user programs are transpiled, not type-checked", met: transpile.planned, detail: transpile.detail });
    goals.push({
        goal: `reachability matrix of the large stack under ${REACHABILITY_LARGE_GOAL_MS} ms`,
        met: reachability.large.cpuMs < REACHABILITY_LARGE_GOAL_MS,
        detail: `${reachability.large.cpuMs} ms CPU (${reachability.large.ms} ms wall)`,
    });
    const [fewest, most] = [perFunction[0], perFunction[perFunction.length - 1]];
    goals.push({
        goal: `reachability matrix grows linearly with functions: CPU ms/function at ${most.functions.toLocaleString("en-US")} <= ${REACHABILITY_LINEAR_RATIO}x at ${fewest.functions}`,
        met: most.cpuMsPerFunction <= REACHABILITY_LINEAR_RATIO * fewest.cpuMsPerFunction,
        detail: perFunction.map((g) => `${g.functions}: ${g.cpuMsPerFunction} ms/function`).join(", "),
    });
    console.log("");
    for (const g of goals) {
        console.log(`${g.met ? "PASS" : "MISS"}  ${g.goal}: ${g.detail}`);
    }

    const results = {
        machine: host,
        method: {
            runs: options.runs,
            wallTime: "spawn to exit of a fresh node process, measured by the parent (process.hrtime)",
            peakMemory: "the child's process.resourceUsage().maxRSS at exit (bench/max-rss.js, preloaded with --require)",
            plan: "node dist/cli/main.js plan bench/programs/<size> --format json",
            floor: "node dist/bench/floor.js <resources>: @pulumi/pulumi + @pulumi/aws + MockStack, the plan's resources registered flat with literal inputs",
            floorPlanSettings: "the floor with --plan-settings: the plan's runtime settings (Error.stackTraceLimit 0 while the program runs)",
            cpuTime: "the child's process.resourceUsage() user + system CPU time at exit",
        },
        sizes,
        transpileOnly: transpile,
        planner,
        reachability: { ...reachability, generated: perFunction },
        schema: schema ?? { skipped: true },
        suite: suite ?? { skipped: true },
        goals,
    };
    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwrote ${path.relative(process.cwd(), options.out)}`);
}

main();
