// Preloaded (`node --require dist/bench/max-rss.js ...`) into every process the bench measures,
// plan and floor alike: at exit, writes to the file named by VPC_LAMBDA_BENCH_USAGE_FILE the
// process's peak resident set size in KB (as the OS counts it, getrusage's ru_maxrss) and the
// CPU time it used (user + system, ms), which a busy machine disturbs less than wall time.
import * as fs from "fs";

const target = process.env.VPC_LAMBDA_BENCH_USAGE_FILE;
if (target) {
    process.on("exit", () => {
        const usage = process.resourceUsage();
        fs.writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
    });
}
