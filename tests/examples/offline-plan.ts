import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { promisify } from "util";
import { parse as parseYaml } from "yaml";

/** The repository root, from dist/tests/examples. */
export const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli", "main.js");

/** A resource as `vpc-lambda plan --format json` reports it. */
export interface PlannedResource {
    type: string;
    name: string;
    urn: string;
    id?: string;
    parent?: string;
    inputs: Record<string, any>;
    dependencies?: string[];
}

/** The offline plan of one program, read back like a reviewer's tool would. */
export class OfflinePlan {
    constructor(
        readonly region: string,
        readonly resources: PlannedResource[],
        /** The Mermaid diagram the plan draws of the network. */
        readonly diagram = "",
    ) {}

    ofType(type: string): PlannedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** The resource of that type and name; throws with the names there are. */
    get(type: string, name: string): PlannedResource {
        const found = this.resources.find((r) => r.type === type && r.name === name);
        if (!found) {
            throw new Error(`no ${type} named "${name}"; planned: ${this.ofType(type).map((r) => r.name).join(", ") || "none"}`);
        }
        return found;
    }

    /** The resources parented to `parent`. */
    childrenOf(parent: PlannedResource): PlannedResource[] {
        return this.resources.filter((r) => r.parent === parent.urn);
    }

    dependsOn(resource: PlannedResource, on: PlannedResource): boolean {
        return (resource.dependencies ?? []).includes(on.urn);
    }
}

const plans = new Map<string, Promise<OfflinePlan>>();

/**
 * Runs `vpc-lambda plan <dir> --format json` in its own process, as a user or CI would; once per
 * program in a test run, whichever spec asks first.
 */
export function planProgram(programDir: string): Promise<OfflinePlan> {
    if (!plans.has(programDir)) {
        plans.set(programDir, runPlan(programDir));
    }
    return plans.get(programDir)!;
}

async function runPlan(programDir: string): Promise<OfflinePlan> {
    try {
        const { stdout } = await promisify(execFile)(process.execPath, [CLI, "plan", programDir, "--format", "json"], {
            cwd: ROOT,
            maxBuffer: 64 * 1024 * 1024,
        });
        const document = JSON.parse(stdout) as { region: string; resources: PlannedResource[]; diagram: string };
        return new OfflinePlan(document.region, document.resources, document.diagram);
    } catch (error) {
        const { stderr, message } = error as { stderr?: string; message: string };
        throw new Error(`vpc-lambda plan ${programDir} failed: ${stderr || message}`);
    }
}

/** The example folders whose Pulumi.yaml names a nodejs program: the ones the offline plan runs. */
export function typescriptExamples(): string[] {
    const examples = path.join(ROOT, "examples");
    return fs
        .readdirSync(examples)
        .filter((name) => fs.existsSync(path.join(examples, name, "Pulumi.yaml")))
        .filter((name) => {
            const project = parseYaml(fs.readFileSync(path.join(examples, name, "Pulumi.yaml"), "utf8")) as { runtime: string | { name: string } };
            return (typeof project.runtime === "string" ? project.runtime : project.runtime.name) === "nodejs";
        })
        .sort();
}
