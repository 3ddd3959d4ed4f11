// Where an offline plan spends its time: `node dist/bench/profile.js <size|program-dir|file.cpuprofile> [top]`.
// Runs `vpc-lambda plan <dir> --format json` under `node --cpu-prof` (or reads a profile made
// elsewhere) and prints self time by package (ours by dist/ folder), the top functions by self
// time, and our functions by total time (a function counted once per sample, even recursive).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

interface ProfileNode {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
}

interface CpuProfile {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
}

const ROOT = path.resolve(__dirname, "..", "..");

/** Who a script belongs to: a package under node_modules, one of our dist/ folders, or Node. */
export function ownerOf(url: string): string {
    if (!url) {
        return "(native)";
    }
    const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
    if (pkg) {
        return pkg[1];
    }
    const ours = /\/dist\/(.+)\/[^/]+\.js$/.exec(url);
    if (ours) {
        return `ours:${ours[1]}`;
    }
    return url.startsWith("node:") ? "node" : url;
}

function frameName(node: ProfileNode): string {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url ? `${ownerOf(url)}/${path.basename(url)}:${lineNumber + 1}` : "";
    return `${functionName || "(anonymous)"} ${file}`.trim();
}

export function summarise(profile: CpuProfile, top: number): string {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parentOf = new Map<number, number>();
    for (const node of profile.nodes) {
        for (const child of node.children ?? []) {
            parentOf.set(child, node.id);
        }
    }
    const selfByNode = new Map<number, number>();
    profile.samples.forEach((id, i) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
    const byOwner = new Map<string, number>();
    const selfByFrame = new Map<string, number>();
    const totalByFrame = new Map<string, number>();
    let total = 0;
    for (const [id, us] of selfByNode) {
        total += us;
        const node = byId.get(id)!;
        const special = /^\((garbage collector|program|idle)\)$/.test(node.callFrame.functionName);
        add(byOwner, special ? node.callFrame.functionName : ownerOf(node.callFrame.url), us);
        add(selfByFrame, frameName(node), us);
        const seen = new Set<string>();
        for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
            const name = frameName(byId.get(at)!);
            if (!seen.has(name)) {
                seen.add(name);
                add(totalByFrame, name, us);
            }
        }
    }
    const ms = (us: number) => (us / 1000).toFixed(1).padStart(8);
    const list = (map: Map<string, number>, keep: (key: string) => boolean = () => true) =>
        [...map]
            .filter(([key]) => keep(key))
            .sort((a, b) => b[1] - a[1])
            .slice(0, top)
            .map(([key, us]) => `${ms(us)}  ${key}`)
            .join("\n");
    return [
        `sampled ${ms(total).trim()} ms`,
        "self time by owner (ms):",
        list(byOwner),
        "self time by function (ms):",
        list(selfByFrame),
        "total time of our functions (ms):",
        list(totalByFrame, (key) => / ours:/.test(key)),
    ].join("\n");
}

function main(): void {
    const [target = "large", topArg] = process.argv.slice(2);
    const top = Number(topArg ?? 25);
    let file = target;
    if (!target.endsWith(".cpuprofile")) {
        const dir = fs.existsSync(path.join(ROOT, "bench", "programs", target)) ? path.join(ROOT, "bench", "programs", target) : path.resolve(target);
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-profile-"));
        const run = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", out, path.join(ROOT, "dist", "cli", "main.js"), "plan", dir, "--format", "json"], {
            cwd: ROOT,
            encoding: "utf8",
            maxBuffer: 256 * 2 ** 20,
        });
        if (run.status !== 0) {
            throw new Error(`the plan of ${dir} exited ${run.status}: ${run.stderr}`);
        }
        file = path.join(out, fs.readdirSync(out)[0]);
        process.stdout.write(`profile of ${path.relative(ROOT, dir)}: ${file}\n`);
    }
    process.stdout.write(`${summarise(JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile, top)}\n`);
}

if (require.main === module) {
    main();
}
