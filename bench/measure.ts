// How the bench measures a process: wall time from spawn to exit, seen from the parent; peak
// RSS and CPU time as the child's own OS counters report them (bench/max-rss.ts, preloaded with
// `--require`), so that it works on any machine Node runs on, with no `/usr/bin/time`.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface ProcessRun {
    wallMs: number;
    cpuMs: number;
    maxRssMb: number;
    status: number | null;
    stdout: string;
    stderr: string;
}

const RSS_HOOK = path.join(__dirname, "max-rss.js");

/** Runs `node <args>` once in `cwd` and measures it. */
export function measureNode(args: string[], cwd: string): ProcessRun {
    const rssFile = path.join(os.tmpdir(), `vpc-lambda-bench-usage-${process.pid}`);
    fs.rmSync(rssFile, { force: true });
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ["--require", RSS_HOOK, ...args], {
        cwd,
        encoding: "utf8",
        maxBuffer: 256 * 2 ** 20,
        env: { ...process.env, VPC_LAMBDA_BENCH_USAGE_FILE: rssFile },
    });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const usage = fs.existsSync(rssFile) ? (JSON.parse(fs.readFileSync(rssFile, "utf8")) as { maxRssKb: number; cpuMs: number }) : { maxRssKb: NaN, cpuMs: NaN };
    fs.rmSync(rssFile, { force: true });
    return { wallMs, cpuMs: usage.cpuMs, maxRssMb: usage.maxRssKb / 1024, status: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

/** Several runs of one figure, and what summarises them. */
export interface Sample {
    runs: number[];
    median: number;
    min: number;
    max: number;
}

export function sample(values: number[]): Sample {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return { runs: values.map((v) => round(v)), median: round(median), min: round(sorted[0]), max: round(sorted[sorted.length - 1]) };
}

export function round(value: number, digits = 1): number {
    const scale = 10 ** digits;
    return Math.round(value * scale) / scale;
}
