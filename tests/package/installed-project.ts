import { execFile, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";

// A new project with the packed package installed in it, as a user makes one: `npm pack` here
// (its `prepare` script builds what ships), then `npm install` of the tarball beside
// @pulumi/pulumi and @pulumi/aws, and typescript, as a Pulumi TypeScript project has. Versions
// are the ones this repository tests with, so that npm's cache answers.

export const ROOT = path.resolve(__dirname, "..", "..", "..");

const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    version: string;
    devDependencies: Record<string, string>;
};

export const PACKAGE_VERSION = rootPackage.version;

/** The packages a user installs beside this one, at the versions this repository tests. */
export const BESIDE = ["@pulumi/pulumi", "@pulumi/aws", "typescript"].map((name) => `${name}@${rootPackage.devDependencies[name]}`);

export interface Run {
    /** The exit code; null when the process was killed (it ran past its time). */
    code: number | null;
    stdout: string;
    stderr: string;
}

/**
 * The environment of a user's shell. `npm test` and `npx` export npm_* variables about this
 * repository (npm_config_local_prefix would send a child npm back here); only the user's own
 * cache, registry and npmrc are kept. VPC_LAMBDA_DEBUG is dropped: the runs check what users see.
 */
export function userEnvironment(): NodeJS.ProcessEnv {
    const keep = new Set(["npm_config_cache", "npm_config_registry", "npm_config_userconfig"]);
    return Object.fromEntries(Object.entries(process.env).filter(([key]) => (!key.startsWith("npm_") || keep.has(key)) && key !== "VPC_LAMBDA_DEBUG"));
}

export function run(command: string, args: string[], cwd: string, timeoutMs = 180_000): Promise<Run> {
    return new Promise((resolve) => {
        execFile(command, args, { cwd, env: userEnvironment(), timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
        });
    });
}

/** A run that must succeed: its output, or an error carrying everything it printed. */
async function mustRun(command: string, args: string[], cwd: string, timeoutMs?: number): Promise<string> {
    const result = await run(command, args, cwd, timeoutMs);
    if (result.code !== 0) {
        throw new Error(`${command} ${args.join(" ")} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
    }
    return result.stdout;
}

export interface Tarball {
    file: string;
    /** Every path in the tarball, relative to the package root. */
    files: string[];
    size: number;
    unpackedSize: number;
}

/** `npm pack` of this repository into `destination`: what `npm publish` would upload. */
export async function packRepository(destination: string): Promise<Tarball> {
    const stdout = await mustRun("npm", ["pack", "--json", "--pack-destination", destination], ROOT, 300_000);
    // `prepare` prints through npm's own output: the JSON report is the last thing on stdout.
    const [report] = JSON.parse(stdout.slice(stdout.lastIndexOf("\n[") + 1)) as Array<{ filename: string; files: Array<{ path: string }>; size: number; unpackedSize: number }>;
    return { file: path.join(destination, report.filename), files: report.files.map((f) => f.path), size: report.size, unpackedSize: report.unpackedSize };
}

/** A new npm project in `dir` with the tarball installed beside the BESIDE packages. */
export async function installProject(dir: string, tarball: string): Promise<void> {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: "user-project", private: true }, null, 2)}\n`);
    await mustRun("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel", "error", tarball, ...BESIDE], dir, 300_000);
}

/** The installed package's folder in the project. */
export function installedPackage(project: string): string {
    return path.join(project, "node_modules", "pulumi-vpc-lambda");
}

/** Runs `action` with `packageName` moved out of the project's node_modules, then puts it back. */
export async function withoutPackage<T>(project: string, packageName: string, action: () => Promise<T>): Promise<T> {
    const installed = path.join(project, "node_modules", packageName);
    const aside = path.join(project, `hidden-${packageName.replace("/", "+")}`);
    fs.renameSync(installed, aside);
    try {
        return await action();
    } finally {
        fs.renameSync(aside, installed);
    }
}

/**
 * Starts a policy pack the way `pulumi preview --policy-pack <dir>` does: Pulumi's analyzer
 * plugin resolves @pulumi/pulumi/cmd/run-policy-pack from the pack's folder and runs it there,
 * with the engine's address and the folder. The pack is up when it prints its gRPC port; the
 * result is that port, or the pack's error output when it exits first.
 */
export function startPolicyPack(packDir: string): Promise<{ port?: number; runner: string; stderr: string }> {
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    return new Promise((resolve) => {
        const pack = spawn(process.execPath, [runner, "127.0.0.1:0", "."], { cwd: packDir, env: userEnvironment(), stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        const timer = setTimeout(() => pack.kill(), 120_000);
        pack.stderr.on("data", (chunk) => (stderr += chunk));
        pack.stdout.on("data", (chunk) => {
            stdout += chunk;
            const port = /^(\d+)\n/.exec(stdout)?.[1];
            if (port) {
                clearTimeout(timer);
                pack.kill();
                resolve({ port: Number(port), runner, stderr });
            }
        });
        pack.once("exit", () => {
            clearTimeout(timer);
            resolve({ runner, stderr: `${stderr}${stdout}` });
        });
    });
}
