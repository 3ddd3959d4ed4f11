import { expect } from "chai";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { parseAllDocuments } from "yaml";
import { SCHEMA_FILE } from "../../provider/write-schema";
import { objectProblems, PackageSchema, PropertySpec } from "../examples/schema-conformance";
import { CodeBlock, codeBlocks, documentationFiles, ROOT } from "./markdown-documents";

// Every fenced block in README.md, CONTRIBUTING.md and docs/*.md is checked by its language, so
// that an example in the docs cannot rot unseen (CONTRIBUTING.md, "Code blocks in the docs"):
// TypeScript is type-checked against the package's own sources, all blocks in one program; YAML
// is parsed, and a Pulumi program's VpcLambdaNetwork checked against provider/schema.json; JSON
// is parsed; Python is compiled; Go is parsed by gofmt. Shell, console output, plain text and
// Mermaid are only required to say what they are; a `text` block marked `<!-- output: vpc-lambda
// ... -->` must match what that command prints. A block of any other language, or one these
// checks cannot take, says why with `<!-- unchecked: why -->`.

/** Languages with no check: commands and their output, and diagrams (tests/cli/report/render draws every one of the docs). */
const NOT_CHECKED = new Set(["sh", "shell", "bash", "console", "text", "mermaid", "ini", "powershell"]);
const TYPESCRIPT = new Set(["ts", "typescript"]);
const CHECKED = new Set([...TYPESCRIPT, "yaml", "json", "python", "go"]);

/** What a fragment may use without importing it: the names the docs' programs import. */
const FRAGMENT_IMPORTS: { names: string[]; statement: string }[] = [
    { names: ["aws"], statement: 'import * as aws from "@pulumi/aws";' },
    { names: ["pulumi"], statement: 'import * as pulumi from "@pulumi/pulumi";' },
    { names: ["NetworkPattern", "VpcLambdaNetwork"], statement: 'import { NetworkPattern, VpcLambdaNetwork } from "pulumi-vpc-lambda";' },
];

const where = (block: CodeBlock) => `${block.file}:${block.line}`;
const allBlocks = documentationFiles()
    .filter((file) => fs.existsSync(path.join(ROOT, file)))
    .flatMap(codeBlocks);
const unchecked = allBlocks.filter((block) => block.marker?.kind === "unchecked");
const toCheck = (langs: Set<string>) => allBlocks.filter((block) => langs.has(block.lang) && block.marker?.kind !== "unchecked");
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** The names a block imports itself. */
function importedNames(source: ts.SourceFile): Set<string> {
    const names = new Set<string>();
    for (const statement of source.statements) {
        const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
        if (clause?.name) {
            names.add(clause.name.text);
        }
        const bindings = clause?.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) {
            names.add(bindings.name.text);
        } else if (bindings) {
            bindings.elements.forEach((element) => names.add(element.name.text));
        }
    }
    return names;
}

/** A TypeScript block as the module it is compiled as, and how many lines come before its own. */
export function typescriptModule(block: CodeBlock): { source: string; prefixLines: number } | { problem: string } {
    const own = ts.createSourceFile("block.ts", block.text, ts.ScriptTarget.ES2022);
    const hasImports = own.statements.some(ts.isImportDeclaration);
    if (block.marker?.kind !== "fragment") {
        return hasImports
            ? { source: block.text, prefixLines: 0 }
            : { problem: "has no imports: give it its imports, or mark it <!-- fragment --> (or <!-- fragment: declarations -->) if it is part of a program" };
    }
    const imported = importedNames(own);
    const prefix = [
        ...FRAGMENT_IMPORTS.filter(({ names }) => !names.some((name) => imported.has(name))).map(({ statement }) => statement),
        ...(block.marker.value ? [block.marker.value] : []),
        "export {};",
    ];
    return { source: `${prefix.join("\n")}\n${block.text}`, prefixLines: prefix.length };
}

let previousProgram: ts.Program | undefined;

/** Every TypeScript block type-checked in one program against sdk/ (as the package's own names): `file:line: message`. */
export function typescriptProblems(blocks: CodeBlock[]): string[] {
    const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
    const compilerOptions: ts.CompilerOptions = {
        ...options,
        noEmit: true,
        incremental: false,
        declaration: false,
        // A snippet shows a step; what it declares need not be used in the snippet itself.
        noUnusedLocals: false,
        noUnusedParameters: false,
        types: ["node", "mocha"],
        paths: { ...options.paths, "pulumi-vpc-lambda/policy": ["policy/policies.ts"] },
    };
    const problems: string[] = [];
    const modules = new Map<string, { block: CodeBlock; source: string; prefixLines: number }>();
    blocks.forEach((block, i) => {
        const module = typescriptModule(block);
        if ("problem" in module) {
            problems.push(`${where(block)}: ${module.problem}`);
        } else {
            // Beside the repository's node_modules, so that @pulumi/aws resolves as in a program.
            modules.set(path.join(ROOT, ".docs-code-blocks", `block-${i}.ts`), { block, ...module });
        }
    });
    const host = ts.createCompilerHost(compilerOptions);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language, ...rest) => {
        const module = modules.get(path.resolve(name));
        return module ? ts.createSourceFile(name, module.source, language, true) : getSourceFile(name, language, ...rest);
    };
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => modules.has(path.resolve(name)) || fileExists(name);
    // The previous program's source files (sdk/, @pulumi/aws) are reused: a second check is quick.
    const program = ts.createProgram([...modules.keys()], compilerOptions, host, previousProgram);
    previousProgram = program;
    for (const [name, { block, prefixLines }] of modules) {
        const file = program.getSourceFile(name);
        for (const diagnostic of [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]) {
            const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line : 0;
            const at = line < prefixLines ? `${where(block)} (its fragment declarations)` : `${block.file}:${block.line + 1 + line - prefixLines}`;
            problems.push(`${at}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`);
        }
    }
    return problems;
}

/** YAML parse errors, and for a Pulumi program every VpcLambdaNetwork property that does not fit the schema. */
function yamlProblems(block: CodeBlock, schema: PackageSchema & { resources: Record<string, { inputProperties: Record<string, PropertySpec>; requiredInputs: string[] }> }): string[] {
    const documents = parseAllDocuments(block.text);
    const errors = (Array.isArray(documents) ? documents : [documents]).flatMap((document) => document.errors.map((error) => `${where(block)}: ${error.message}`));
    if (errors.length > 0 || !Array.isArray(documents)) {
        return errors;
    }
    const component = schema.resources["vpc-lambda:index:VpcLambdaNetwork"];
    return documents.flatMap((document) => {
        const program = document.toJS() as { resources?: Record<string, { type?: string; properties?: unknown }> } | null;
        return Object.entries(program?.resources ?? {})
            .filter(([, resource]) => resource?.type === "vpc-lambda:index:VpcLambdaNetwork")
            .flatMap(([name, resource]) =>
                objectProblems(resource.properties ?? {}, component.inputProperties, component.requiredInputs, schema, `resources.${name}.properties`).map((problem) => `${where(block)}: ${problem}`),
            );
    });
}

/** Python syntax errors, every block compiled (as py_compile does) in one python3 process. */
function pythonProblems(blocks: CodeBlock[]): string[] {
    const script = [
        "import json, sys",
        "for block in json.load(sys.stdin):",
        "    try:",
        "        compile(block['text'], block['name'], 'exec')",
        "    except SyntaxError as error:",
        "        print(f\"{block['name']}:{block['line'] + (error.lineno or 0)}: {error.msg}\")",
    ].join("\n");
    const input = JSON.stringify(blocks.map((block) => ({ name: block.file, line: block.line, text: block.text })));
    const run = spawnSync("python3", ["-c", script], { input, encoding: "utf8" });
    if (run.error) {
        return [`python3 is needed to compile the docs' Python blocks: ${run.error.message}`];
    }
    return [...run.stdout.split("\n").filter(Boolean), ...(run.status === 0 ? [] : [`python3 exited ${run.status}: ${run.stderr}`])];
}

/** gofmt from PATH, else Go's own install folder (where make e2e-tools finds go too: not every shell has it on PATH). */
const GOFMT = spawnSync("gofmt", ["-h"]).error && fs.existsSync("/usr/local/go/bin/gofmt") ? "/usr/local/go/bin/gofmt" : "gofmt";

/** Go syntax errors from gofmt, which takes a fragment (statements, declarations) on stdin. */
function goProblems(block: CodeBlock): string[] {
    const run = spawnSync(GOFMT, ["-e"], { input: block.text, encoding: "utf8" });
    if (run.error) {
        return [`gofmt (Go) is needed to parse the docs' Go blocks: ${run.error.message}`];
    }
    return run.status === 0 ? [] : run.stderr.split("\n").filter(Boolean).map((line) => `${where(block)}: ${line.replace(/^<standard input>:/, "line ")}`);
}

/** The lines of a `<!-- output: vpc-lambda ... -->` block missing from what the command prints, in order. */
export function missingOutputLines(expected: string, printed: string): string[] {
    const lines = printed.split("\n").map((line) => line.trimEnd());
    let at = 0;
    const missing: string[] = [];
    for (const line of expected.split("\n").map((l) => l.trimEnd())) {
        if (line === "..." || line === "") {
            continue;
        }
        const found = lines.indexOf(line, at);
        if (found < 0) {
            missing.push(line);
        } else {
            at = found + 1;
        }
    }
    return missing;
}

describe("code blocks in README.md, CONTRIBUTING.md and docs/*.md", function () {
    this.timeout(180_000); // one program type-checks every TypeScript block against sdk/

    it(`says the language of every one of the ${count(allBlocks.length, "fenced block")}`, () => {
        expect(allBlocks.length).to.be.greaterThan(40);
        expect(allBlocks.filter((block) => block.lang === "").map(where)).to.deep.equal([]);
    });

    it(`checks every block it can, and the ${count(unchecked.length, "block")} it cannot say why (<!-- unchecked: why -->): ${[...new Set(unchecked.map((b) => b.lang))].join(", ")}`, () => {
        const unexplained = allBlocks.filter(
            (block) => block.lang !== "" && !CHECKED.has(block.lang) && !NOT_CHECKED.has(block.lang) && block.marker?.kind !== "unchecked" && block.marker?.kind !== "output",
        );
        expect(unexplained.map((block) => `${where(block)}: ${block.lang}`)).to.deep.equal([]);
        expect(unchecked.filter((block) => !block.marker?.value).map(where), "an unchecked block says why").to.deep.equal([]);
    });

    const typescript = toCheck(TYPESCRIPT);
    it(`type-checks the ${count(typescript.length, "TypeScript block")} as one program against the package's sources (pulumi-vpc-lambda, /testing and /policy)`, () => {
        expect(typescript.length).to.be.greaterThan(10);
        expect(typescriptProblems(typescript)).to.deep.equal([]);
    });

    const yaml = toCheck(new Set(["yaml"]));
    it(`parses the ${count(yaml.length, "YAML block")}, and checks each VpcLambdaNetwork in a Pulumi YAML program against provider/schema.json`, () => {
        const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"));
        expect(yaml.length).to.be.greaterThan(1);
        expect(yaml.flatMap((block) => yamlProblems(block, schema))).to.deep.equal([]);
    });

    const json = toCheck(new Set(["json"]));
    it(`parses the ${count(json.length, "JSON block")}`, () => {
        expect(json.length).to.be.greaterThan(1);
        const problems = json.flatMap((block) => {
            try {
                JSON.parse(block.text);
                return [];
            } catch (error) {
                return [`${where(block)}: ${(error as Error).message}`];
            }
        });
        expect(problems).to.deep.equal([]);
    });

    const python = toCheck(new Set(["python"]));
    it(`compiles the ${count(python.length, "Python block")} with python3`, () => {
        expect(python.length).to.be.greaterThan(0);
        expect(pythonProblems(python)).to.deep.equal([]);
    });

    const go = toCheck(new Set(["go"]));
    it(`parses the ${count(go.length, "Go block")} with gofmt -e`, () => {
        expect(go.length).to.be.greaterThan(0);
        expect(go.flatMap(goProblems)).to.deep.equal([]);
    });

    const outputs = allBlocks.filter((block) => block.marker?.kind === "output");
    it(`finds the lines of the ${count(outputs.length, "output block")} in what their vpc-lambda command prints today`, () => {
        expect(outputs.length).to.be.greaterThan(0);
        const problems = outputs.flatMap((block) => {
            const [command, ...args] = block.marker?.value.split(/\s+/) ?? [];
            if (command !== "vpc-lambda") {
                return [`${where(block)}: an output block names a vpc-lambda command, not ${JSON.stringify(command)}`];
            }
            const printed = execFileSync(process.execPath, [path.join(ROOT, "dist", "cli", "main.js"), ...args], { cwd: ROOT, encoding: "utf8" });
            return missingOutputLines(block.text, printed).map((line) => `${where(block)}: not printed: ${line}`);
        });
        expect(problems).to.deep.equal([]);
    });
});

describe("the docs' code-block checks", function () {
    this.timeout(180_000);
    const block = (lang: string, text: string, marker?: CodeBlock["marker"]): CodeBlock => ({ file: "sample.md", line: 10, lang, text, ...(marker ? { marker } : {}) });

    it("fail a TypeScript block that does not type-check, at the block's own line", () => {
        const wrong = block("ts", 'new VpcLambdaNetwork("app", { pattern: "PrivateWithNAT" });', { kind: "fragment", value: "" });
        const problems = typescriptProblems([wrong]);
        expect(problems).to.have.length(1);
        expect(problems[0]).to.match(/^sample\.md:11: TS\d+ .*"PrivateWithNAT"/);
    });

    it("fail a TypeScript block without imports that does not say it is a fragment", () => {
        expect(typescriptModule(block("ts", "const x = 1;"))).to.have.property("problem").that.matches(/fragment/);
    });

    it("give a fragment the docs' usual imports, except those it makes itself, and its declarations", () => {
        const module = typescriptModule(block("ts", 'import { VpcLambdaNetwork } from "pulumi-vpc-lambda";\nstack.settle();', { kind: "fragment", value: "declare const stack: { settle(): void };" }));
        expect(module).to.deep.equal({
            source: 'import * as aws from "@pulumi/aws";\nimport * as pulumi from "@pulumi/pulumi";\ndeclare const stack: { settle(): void };\nexport {};\nimport { VpcLambdaNetwork } from "pulumi-vpc-lambda";\nstack.settle();',
            prefixLines: 4,
        });
    });

    it("fail a Pulumi YAML program whose VpcLambdaNetwork has a property the schema does not", () => {
        const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"));
        const program = "resources:\n  network:\n    type: vpc-lambda:index:VpcLambdaNetwork\n    properties:\n      pattern: Isolated\n      natGateway: {}\n";
        expect(yamlProblems(block("yaml", program), schema)).to.satisfy((problems: string[]) => problems.length === 1 && /natGateway: is not a property/.test(problems[0]));
        expect(yamlProblems(block("yaml", "a: [1"), schema)).to.have.length.greaterThan(0);
    });

    it("fail Python and Go blocks that do not parse", () => {
        expect(pythonProblems([block("python", "def f(:\n    pass")])).to.have.length(1);
        expect(goProblems(block("go", "x := foo(\n"))).to.have.length.greaterThan(0);
        expect(goProblems(block("go", "net, err := f(ctx)\nif err != nil {\n\treturn err\n}\n"))).to.deep.equal([]);
    });

    it("fail an output block with a line the command does not print, and skip its ... lines", () => {
        expect(missingOutputLines("a\n...\nc", "a\nb\nc\n")).to.deep.equal([]);
        expect(missingOutputLines("c\na", "a\nb\nc\n")).to.deep.equal(["a"]);
    });
});
