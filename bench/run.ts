// `npm run bench`: figures and ratios for the planner, the component under mocks, and the
// offline plan end to end. Numbers, not pass/fail: speed goals are tracked here, not in tests.
import { spawnSync } from "child_process";
import * as path from "path";

const root = path.resolve(__dirname, "../..");

function runJson(script: string, args: string[]): Record<string, number> {
    const result = spawnSync(process.execPath, [path.join(__dirname, script), ...args], { cwd: root, encoding: "utf8" });
    if (result.status !== 0) {
        throw new Error(`${script} failed: ${result.stderr}`);
    }
    return JSON.parse(result.stdout.trim().split("\n").pop()!);
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

function timeCommand(args: string[], runs: number): number {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        const result = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
        if (result.status !== 0) {
            throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
        }
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return median(times);
}

const planner = runJson("planner-bench.js", ["20000"]);
console.log(`planner: ${planner.plans} plans in ${planner.seconds.toFixed(2)} s = ${((planner.seconds / planner.plans) * 1e6).toFixed(1)} us/plan, heap ${planner.heapMb.toFixed(0)} MB`);

const short = runJson("component-bench.js", ["20", "10"]);
const full = runJson("component-bench.js", ["20", "Infinity"]);
const perResource = (r: Record<string, number>) => (r.seconds * 1000) / r.resources;
console.log(`component under mocks: ${short.resources} resources, ${perResource(short).toFixed(2)} ms/resource with stackTraceLimit 10 (rss ${short.rssMb.toFixed(0)} MB)`);
console.log(`                       ${perResource(full).toFixed(2)} ms/resource with stackTraceLimit Infinity (rss ${full.rssMb.toFixed(0)} MB): ratio ${(perResource(full) / perResource(short)).toFixed(2)}x`);

const planMs = timeCommand([path.join(root, "dist/cli/main.js"), "plan", "."], 5);
const nodeMs = timeCommand(["-e", "require('@pulumi/pulumi'); require('@pulumi/aws')"], 5);
console.log(`offline plan of the root program: median ${planMs.toFixed(0)} ms over 5 runs; loading @pulumi/pulumi + @pulumi/aws alone: ${nodeMs.toFixed(0)} ms (${((nodeMs / planMs) * 100).toFixed(0)}% of it)`);
