import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { SECRET_PLACEHOLDER } from "./secrets";
import { UsageError } from "./usage-error";

/** A Pulumi project as the offline plan needs it: where its program is and what config it gets. */
export interface PulumiProject {
    name: string;
    directory: string;
    /** The program's entry file, resolved from `main` (a file, or a folder with index.ts/index.js). */
    entry: string;
    stack: string;
    /** `project:key` / `aws:region` style keys, with structured values as JSON text. */
    config: Record<string, string>;
    /** Config keys whose values are encrypted and so cannot be read offline. */
    secretKeys: string[];
}

export function loadProject(programDir: string, stackName: string | undefined): PulumiProject {
    const directory = path.resolve(programDir);
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(directory, f)).find((f) => fs.existsSync(f));
    if (!projectFile) {
        throw new UsageError(`no Pulumi.yaml in ${directory}: pass the folder of a Pulumi project (vpc-lambda plan <program-dir>).`);
    }
    const project = readYaml(projectFile) as { name?: unknown; runtime?: unknown; main?: unknown } | null;
    if (!project || typeof project.name !== "string") {
        throw new UsageError(`${projectFile} has no project name ("name: my-project").`);
    }
    const runtime = typeof project.runtime === "object" && project.runtime ? (project.runtime as { name?: unknown }).name : project.runtime;
    if (runtime !== "nodejs") {
        throw new UsageError(`${projectFile} has runtime ${JSON.stringify(runtime)}; the offline plan runs nodejs programs (TypeScript or JavaScript).`);
    }
    const stack = stackName ?? soleStack(directory) ?? "dev";
    const { config, secretKeys } = loadStackConfig(directory, project.name, stack, stackName !== undefined);
    return { name: project.name, directory, entry: resolveEntry(directory, project.main), stack, config, secretKeys };
}

function readYaml(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
    }
    try {
        return parseYaml(text);
    } catch (e) {
        throw new UsageError(`${file} is not valid YAML: ${(e as Error).message.split("\n")[0]}`);
    }
}

/** With one `Pulumi.<stack>.yaml` beside the project, that stack is meant. */
function soleStack(directory: string): string | undefined {
    const stacks = fs.readdirSync(directory).map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1]).filter((s): s is string => !!s);
    return stacks.length === 1 ? stacks[0] : undefined;
}

function loadStackConfig(directory: string, projectName: string, stack: string, explicit: boolean): { config: Record<string, string>; secretKeys: string[] } {
    const file = [`Pulumi.${stack}.yaml`, `Pulumi.${stack}.yml`].map((f) => path.join(directory, f)).find((f) => fs.existsSync(f));
    if (!file) {
        if (explicit) {
            throw new UsageError(`stack "${stack}" has no Pulumi.${stack}.yaml in ${directory}.`);
        }
        return { config: {}, secretKeys: [] };
    }
    const content = readYaml(file);
    const entries = (content as { config?: unknown } | null)?.config ?? {};
    if (typeof entries !== "object" || entries === null || Array.isArray(entries)) {
        throw new UsageError(`${file}: "config" must be a map of keys to values.`);
    }
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries(entries)) {
        const fullKey = key.includes(":") ? key : `${projectName}:${key}`;
        if (typeof value === "object" && value !== null && "secure" in value) {
            // Encrypted values need the stack's secrets provider; offline they stay unreadable.
            secretKeys.push(fullKey);
            config[fullKey] = SECRET_PLACEHOLDER;
        } else {
            config[fullKey] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    return { config, secretKeys };
}

function resolveEntry(directory: string, main: unknown): string {
    const target = path.resolve(directory, typeof main === "string" ? main : ".");
    const candidates = fs.existsSync(target) && fs.statSync(target).isDirectory() ? ["index.ts", "index.js"].map((f) => path.join(target, f)) : [target];
    const entry = candidates.find((f) => fs.existsSync(f));
    if (!entry) {
        throw new UsageError(`the program's entry ${candidates.join(" or ")} does not exist (check "main" in Pulumi.yaml).`);
    }
    return entry;
}
