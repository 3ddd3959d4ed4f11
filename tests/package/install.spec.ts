import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BESIDE, installedPackage, installProject, PACKAGE_VERSION, packRepository, ROOT, Run, run, startPolicyPack, Tarball, withoutPackage } from "./installed-project";

// The package as a user gets it, which the repository's own node_modules would hide: packed
// once (`npm pack`, whose `prepare` builds what ships), installed into a new project beside
// @pulumi/pulumi, @pulumi/aws and typescript, then used there as the README says. Every
// process runs once, in `before`, side by side where they can; the cases read their results.

const FIXTURES = path.join(ROOT, "tests", "package", "fixtures");
const NODE = process.execPath;
const MOCHA = path.join(ROOT, "node_modules", "mocha", "bin", "mocha.js");

/** The README's Quickstart program: the first TypeScript block under "## Quickstart". */
function readmeQuickstart(): string {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.split(/^## Quickstart.*$/m)[1]?.split(/^## /m)[0] ?? "";
    const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    if (!block) {
        throw new Error("README.md has no ```ts block under its Quickstart heading");
    }
    return block;
}

/** Every file under `dir`, relative to it, with forward slashes. */
function filesUnder(dir: string): string[] {
    return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

/** Relative `require`, `import` and `from` specifiers in a JavaScript or declaration file. */
function relativeSpecifiers(source: string): string[] {
    return [...source.matchAll(/(?:require\(|import\(|from )\s*["'](\.{1,2}\/[^"']*)["']/g)].map((m) => m[1]);
}

/** Asserts a run failed with `code`, one line on stderr that includes `fragments`, and no stack trace. */
function expectOneLineFailure(result: Run, code: number, ...fragments: string[]): void {
    expect(result.code, result.stderr).to.equal(code);
    expect(result.stderr.trimEnd().split("\n"), result.stderr).to.have.length(1);
    expect(result.stderr).to.match(/^vpc-lambda: /);
    fragments.forEach((fragment) => expect(result.stderr).to.include(fragment));
}

describe("install: the packed package in a new project, as a user installs it", function () {
    // Packing builds, and installing fetches from npm's cache or the registry: minutes on a busy machine.
    this.timeout(900_000);
    let work: string;
    let tarball: Tarball;
    let project: string;
    let installed: string;
    const runs: Record<string, Run> = {};
    let shippedPack: Awaited<ReturnType<typeof startPolicyPack>>;
    let ownPack: Awaited<ReturnType<typeof startPolicyPack>>;

    before(async () => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-install-"));
        tarball = await packRepository(work);
        project = path.join(work, "project");
        await installProject(project, tarball.file);
        installed = installedPackage(project);
        fs.cpSync(FIXTURES, project, { recursive: true });
        fs.writeFileSync(path.join(project, "quickstart", "index.ts"), readmeQuickstart());

        const npx = (...args: string[]) => run("npx", ["--no", "--", "vpc-lambda", ...args], project);
        const probe = (script: string) => run(NODE, ["-e", script], project);
        const [javascript, typescript, quickstartTypes, userTest, policies, handler, version, help, throwing, noProject, shipped, own] = await Promise.all([
            npx("plan", "js-program", "--format", "json"),
            npx("plan", "quickstart"),
            run(NODE, [path.join(project, "node_modules", "typescript", "bin", "tsc"), "-p", "quickstart"], project),
            run(NODE, [MOCHA, "--reporter", "dot", "test"], project),
            probe(`process.stdout.write(JSON.stringify(require("pulumi-vpc-lambda/policy").policies.map((p) => p.name)))`),
            probe(
                `const code = require(${JSON.stringify(path.join(installed, "dist", "sdk", "resources", "diagnostics-code.js"))}); ` +
                    `process.stdout.write(JSON.stringify({ entry: code.DIAGNOSTICS_HANDLER_FILE, directory: code.DIAGNOSTICS_HANDLER_DIRECTORY, files: code.diagnosticsHandlerFiles() }))`,
            ),
            npx("--version"),
            npx("--help"),
            npx("plan", "throws"),
            npx("plan", "test"),
            startPolicyPack(path.join(installed, "policy")),
            startPolicyPack(path.join(project, "own-policy-pack")),
        ]);
        Object.assign(runs, { javascript, typescript, quickstartTypes, userTest, policies, handler, version, help, throwing, noProject });
        [shippedPack, ownPack] = [shipped, own];

        // One package hidden at a time: the plan must name the first one it misses.
        runs.withoutTypeScript = await withoutPackage(project, "typescript", () => npx("plan", "quickstart"));
        runs.withoutPolicy = await withoutPackage(project, "@pulumi/policy", () => npx("plan", "js-program"));
        runs.withoutPulumi = await withoutPackage(project, "@pulumi/pulumi", () => npx("plan", "js-program"));
        runs.withoutAws = await withoutPackage(project, "@pulumi/aws", () => npx("plan", "js-program"));
    });

    after(() => {
        if (work) {
            fs.rmSync(work, { recursive: true, force: true });
        }
    });

    describe("the tarball npm pack makes", () => {
        it("ships the SDK with its types, testing, the CLI, the diagnostics handler, the policy pack and its folder, README, LICENSE and CHANGELOG", () => {
            expect(tarball.files).to.include.members([
                "package.json",
                "README.md",
                "LICENSE",
                "CHANGELOG.md",
                "dist/sdk/index.js",
                "dist/sdk/index.d.ts",
                "dist/sdk/testing/index.js",
                "dist/sdk/testing/index.d.ts",
                "dist/cli/main.js",
                "dist/sdk/diagnostics/handler/index.js",
                "dist/policy/policies.js",
                "dist/policy/policies.d.ts",
                "dist/policy/index.js",
                "policy/PulumiPolicy.yaml",
                "policy/package.json",
            ]);
        });

        it("ships no tests, bench, examples, provider, build state or source maps", () => {
            const unwanted = tarball.files.filter((file) => /^(dist\/)?(tests|bench|examples|provider)\//.test(file) || /\.tsbuildinfo$|\.map$/.test(file) || /(^|\/)node_modules\//.test(file));
            expect(unwanted).to.deep.equal([]);
        });

        it("ships every file its package.json points at: main, types, bin and exports", () => {
            const manifest = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8"));
            const exportTargets = Object.values(manifest.exports as Record<string, string | Record<string, string>>).flatMap((target) => (typeof target === "string" ? [target] : Object.values(target)));
            const targets = [manifest.main, manifest.types, ...Object.values(manifest.bin as Record<string, string>), ...exportTargets].map((file: string) => path.posix.normalize(file));
            expect(targets.filter((file) => !tarball.files.includes(file))).to.deep.equal([]);
        });

        it("ships every module its own files load by a relative path", () => {
            const shipped = new Set(filesUnder(installed));
            const unresolved: string[] = [];
            for (const file of [...shipped].filter((f) => /\.(js|d\.ts)$/.test(f))) {
                for (const specifier of relativeSpecifiers(fs.readFileSync(path.join(installed, file), "utf8"))) {
                    const base = path.posix.join(path.posix.dirname(file), specifier);
                    const candidates = file.endsWith(".d.ts") ? [`${base}.d.ts`, `${base}/index.d.ts`, base] : [`${base}.js`, `${base}/index.js`, base];
                    if (!candidates.some((candidate) => shipped.has(candidate))) {
                        unresolved.push(`${file}: ${specifier}`);
                    }
                }
            }
            expect(unresolved).to.deep.equal([]);
        });
    });

    describe(`in a project beside ${BESIDE.join(", ")}`, () => {
        it("plans a JavaScript program with npx vpc-lambda plan, exits 0 and lists the component's resources", () => {
            expect(runs.javascript.code, runs.javascript.stderr).to.equal(0);
            const types = (JSON.parse(runs.javascript.stdout).resources as Array<{ type: string }>).map((r) => r.type);
            expect(types).to.include.members(["vpc-lambda:index:VpcLambdaNetwork", "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/securityGroup:SecurityGroup", "aws:lambda/function:Function"]);
        });

        it("plans the README's TypeScript Quickstart with the project's own typescript, exits 0 and lists its resources", () => {
            expect(runs.typescript.code, runs.typescript.stderr).to.equal(0);
            for (const line of ["vpc-lambda:index:VpcLambdaNetwork", "aws:ec2/natGateway:NatGateway", "aws:lambda/function:Function", "fn-eni"]) {
                expect(runs.typescript.stdout).to.include(line);
            }
        });

        it("type-checks the README's Quickstart against the package's shipped types (tsc --strict)", () => {
            expect(runs.quickstartTypes.code, runs.quickstartTypes.stdout + runs.quickstartTypes.stderr).to.equal(0);
        });

        it("runs a user's own mocha test written with pulumi-vpc-lambda/testing, and it passes", () => {
            expect(runs.userTest.code, runs.userTest.stdout + runs.userTest.stderr).to.equal(0);
            expect(runs.userTest.stdout).to.include("1 passing");
        });

        it("loads require('pulumi-vpc-lambda/policy').policies: the vpc-lambda-guard policies", async () => {
            expect(runs.policies.code, runs.policies.stderr).to.equal(0);
            const { policies } = await import("../../policy/policies");
            expect(JSON.parse(runs.policies.stdout)).to.deep.equal(policies.map((p) => p.name));
        });

        it("reads the diagnostics handler's files from inside the installed package, every one the source folder has", () => {
            expect(runs.handler.code, runs.handler.stderr).to.equal(0);
            const { entry, directory, files } = JSON.parse(runs.handler.stdout) as { entry: string; directory: string; files: string[] };
            expect(entry.startsWith(installed + path.sep)).to.equal(true);
            expect(fs.existsSync(entry)).to.equal(true);
            const sources = fs.readdirSync(path.join(ROOT, "sdk", "diagnostics", "handler")).filter((name) => name.endsWith(".js"));
            expect(files).to.have.members(sources);
            for (const name of files) {
                expect(fs.existsSync(path.join(directory, name)), name).to.equal(true);
            }
        });

        it("serves the shipped pack folder as pulumi preview --policy-pack node_modules/pulumi-vpc-lambda/policy starts it", () => {
            expect(shippedPack.port, shippedPack.stderr).to.be.a("number");
            expect(shippedPack.runner.startsWith(path.join(project, "node_modules") + path.sep)).to.equal(true);
        });

        it("serves a user's own pack that puts the package's policies beside its own", () => {
            expect(ownPack.port, ownPack.stderr).to.be.a("number");
        });

        it("prints its version with --version", () => {
            expect(runs.version.code).to.equal(0);
            expect(runs.version.stdout.trim()).to.equal(PACKAGE_VERSION);
        });

        it("lists every flag of plan in --help, one line each", () => {
            expect(runs.help.code).to.equal(0);
            for (const flag of ["--version", "--help", "--stack <name>", "--format <format>", "--out <file>", "--traffic-gb <gb>", "--policy-config <file>", "--no-fail-on-policy", "--timeout <seconds>"]) {
                const lines = runs.help.stdout.split("\n").filter((line) => line.trimStart().startsWith("-") && line.includes(flag));
                expect(lines, flag).to.have.length.at.least(1);
                lines.forEach((line) => expect(line, flag).to.match(/\S\s{2,}\S/));
            }
        });
    });

    describe("failing as the README says", () => {
        it("reports a program's own error in one line, without a stack trace, and exits 1", () => {
            expectOneLineFailure(runs.throwing, 1, "the program failed: DATABASE_URL is not set");
        });

        it("says where it looked for Pulumi.yaml when there is none, in one line, and exits 2", () => {
            expectOneLineFailure(runs.noProject, 2, "no Pulumi.yaml in", path.join(project, "test"));
        });
    });

    describe("with a package it needs missing", () => {
        it("names typescript for a TypeScript program when the project has none, in one line, and exits 2", () => {
            expectOneLineFailure(runs.withoutTypeScript, 2, "this program is TypeScript", "npm install --save-dev typescript");
        });

        it("names @pulumi/policy, which the plan's verdicts need, in one line, and exits 2", () => {
            expectOneLineFailure(runs.withoutPolicy, 2, "policy verdicts need @pulumi/policy", "npm install @pulumi/policy");
        });

        it("names @pulumi/pulumi, which runs the program, in one line, and exits 2", () => {
            expectOneLineFailure(runs.withoutPulumi, 2, "@pulumi/pulumi", "npm install @pulumi/pulumi");
        });

        it("names a package the program imports, in one line, and exits 2", () => {
            expectOneLineFailure(runs.withoutAws, 2, "needs @pulumi/aws", "npm install @pulumi/aws");
        });
    });
});
