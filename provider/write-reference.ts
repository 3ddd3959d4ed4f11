// `make docs`: writes docs/reference.md, every argument and output of the component with its
// type, default, whether it is required and what it does, from provider/schema.json (what every
// language's SDK is generated from) and the interfaces' own doc comments in sdk/args.ts (which
// the schema does not carry). A test fails when the committed file differs from what this writes.
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { PLUGIN_DIR } from "./component-provider";
import { SCHEMA_FILE } from "./write-schema";

export const REFERENCE_FILE = path.join(PLUGIN_DIR, "..", "docs", "reference.md");
const ARGS_FILE = path.join(PLUGIN_DIR, "..", "sdk", "args.ts");

export interface PropertySpec {
    type?: string;
    $ref?: string;
    items?: PropertySpec;
    additionalProperties?: PropertySpec;
    plain?: boolean;
    optional?: boolean;
    description?: string;
}

interface TypeSpec {
    type: string;
    properties?: Record<string, PropertySpec>;
    required?: string[];
    enum?: { name?: string; value: string; description?: string }[];
}

export interface ComponentSchema {
    name: string;
    version: string;
    resources: Record<string, { description?: string; inputProperties: Record<string, PropertySpec>; requiredInputs?: string[]; properties: Record<string, PropertySpec>; required?: string[] }>;
    types: Record<string, TypeSpec>;
}

/** The type a `$ref` names, e.g. `vpc-lambda:index:FlowLogSettings`. */
const refToken = (spec: PropertySpec | undefined) => spec?.$ref?.replace(/^#\/types\//, "");
/** The short name of a type token: `FlowLogSettings`. */
const shortName = (token: string) => token.split(":").pop() ?? token;

/** The object types the component's inputs use, directly or through other types, in schema order. */
export function inputTypeTokens(schema: ComponentSchema): string[] {
    const found = new Set<string>();
    const visit = (spec: PropertySpec | undefined) => {
        const token = refToken(spec);
        if (token && !found.has(token)) {
            found.add(token);
            Object.values(schema.types[token]?.properties ?? {}).forEach(visit);
        }
        if (spec?.items) {
            visit(spec.items);
        }
    };
    for (const resource of Object.values(schema.resources)) {
        Object.values(resource.inputProperties).forEach(visit);
    }
    return Object.keys(schema.types).filter((token) => found.has(token) && schema.types[token].type === "object");
}

/** The "Default: ..." sentence of a description, and the description without it. */
export function splitDefault(description: string): { text: string; defaultValue?: string } {
    const match = /(^|\s)Default: ([\s\S]*?)\.(?=\s|$)/.exec(description);
    if (!match) {
        return { text: description.trim() };
    }
    return { text: (description.slice(0, match.index) + description.slice(match.index + match[0].length)).trim(), defaultValue: match[2].trim() };
}

/**
 * A doc comment's paragraphs, each one line of Markdown: its hard-wrapped lines joined, `|`
 * escaped (it would end a table cell), and `<`/`>` outside code spans escaped (GitHub would take
 * `<port>` for an HTML tag and drop it).
 */
function paragraphs(text: string): string[] {
    return text.split(/\n\s*\n/).map((paragraph) =>
        paragraph
            .split("\n")
            .map((line) => line.trim())
            .join(" ")
            .split(/(`[^`]*`)/)
            .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, "&lt;").replace(/>/g, "&gt;")))
            .join("")
            .replace(/\|/g, "\\|"),
    );
}

/** Markdown for one table cell: the paragraphs kept apart by line breaks, which a cell allows. */
function cell(text: string): string {
    return paragraphs(text).join("<br><br>");
}

/** A default: a value alone as code, `[]` say; a sentence (`none (...)`, `90 (with ...)`) as it is written. */
function defaultText(value: string): string {
    return /^(none\b|.*`)/.test(value) ? cell(value) : cell(`\`${value}\``);
}

/** A property's type, with a link to the section of a named type. */
function typeText(spec: PropertySpec): string {
    const token = refToken(spec);
    if (token) {
        return `[${shortName(token)}](#${shortName(token).toLowerCase()})`;
    }
    if (spec.type === "array") {
        return `list of ${spec.items ? typeText(spec.items) : "anything"}`;
    }
    if (spec.type === "object" && spec.additionalProperties) {
        return `map of ${typeText(spec.additionalProperties)}`;
    }
    return spec.type ?? "any";
}

/** Whether a value may be an output of another resource: not plain, or a list of such. */
const mayBeOutput = (spec: PropertySpec) => spec.plain !== true || (spec.items !== undefined && spec.items.plain !== true);

function argumentTable(owner: string, properties: Record<string, PropertySpec>, required: readonly string[]): string[] {
    const rows = Object.entries(properties).map(([name, spec]) => {
        const { text, defaultValue } = splitDefault(spec.description ?? "");
        const isRequired = required.includes(name);
        if (!isRequired && defaultValue === undefined) {
            throw new Error(`${owner}.${name} is optional but its description states no default: add "Default: ..." and @default to its doc comment in sdk/args.ts.`);
        }
        const defaultCell = isRequired ? "required" : defaultText(defaultValue ?? "");
        return `| \`${name}\` | ${typeText(spec)} | ${defaultCell} | ${mayBeOutput(spec) ? "yes" : "no"} | ${cell(text)} |`;
    });
    return ["| argument | type | default | may be an output | description |", "|---|---|---|---|---|", ...rows];
}

/** The doc comment of each interface and `const` enum object in sdk/args.ts, by name. */
function argsDocComments(): Map<string, string> {
    const source = ts.createSourceFile(ARGS_FILE, fs.readFileSync(ARGS_FILE, "utf8"), ts.ScriptTarget.ES2022, true);
    const comments = new Map<string, string>();
    const commentOf = (node: ts.Node) => (ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc).map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? "")[0] ?? "").trim();
    for (const statement of source.statements) {
        if (ts.isInterfaceDeclaration(statement)) {
            comments.set(statement.name.text, commentOf(statement));
        } else if (ts.isVariableStatement(statement)) {
            for (const declaration of statement.declarationList.declarations) {
                if (ts.isIdentifier(declaration.name)) {
                    comments.set(declaration.name.text, commentOf(statement));
                }
            }
        }
    }
    return comments;
}

/** Where a type is used: `flowLogs`, `allowTo[]`, `FlowLogSettings.destination`, the output `vpcConfig`. */
function usesOf(schema: ComponentSchema, component: ComponentSchema["resources"][string], token: string): string[] {
    const look = (properties: Record<string, PropertySpec>, label: (at: string) => string) =>
        Object.entries(properties).flatMap(([name, spec]) => {
            if (refToken(spec) === token) {
                return [label(name)];
            }
            return refToken(spec.items) === token ? [label(`${name}[]`)] : [];
        });
    return [
        ...look(component.inputProperties, (at) => `\`${at}\``),
        ...look(component.properties, (at) => `the output \`${at}\``),
        ...Object.entries(schema.types).flatMap(([other, type]) => look(type.properties ?? {}, (at) => `\`${shortName(other)}.${at}\``)),
    ];
}

/** docs/reference.md for the schema's one component. */
export function renderReference(schema: ComponentSchema, docComments: Map<string, string> = argsDocComments()): string {
    const [[token, component]] = Object.entries(schema.resources);
    const name = shortName(token);
    const inputTypes = inputTypeTokens(schema);
    const objectTypes = Object.keys(schema.types).filter((t) => schema.types[t].type === "object");
    const enums = Object.keys(schema.types).filter((t) => schema.types[t].enum);
    const typeSection = (t: string) => {
        const summary = [docComments.get(shortName(t)), `Used by ${usesOf(schema, component, t).join(", ")}.`].filter(Boolean).join(" ");
        return [`### ${shortName(t)}`, "", cell(summary), ""];
    };
    const lines = [
        "<!-- Generated by `make docs` (provider/write-reference.ts) from provider/schema.json and the doc comments in sdk/args.ts: do not edit this file. Change the doc comments in sdk/args.ts or sdk/component.ts, then run `make docs`; a test fails when this file is not what they generate. -->",
        "",
        `# ${name} reference`,
        "",
        `\`${token}\`, version ${schema.version}. ${paragraphs(component.description ?? "").join("\n\n")}`,
        "",
        "Names are the schema's, as TypeScript and YAML programs write them; each other language's SDK " +
            "follows its own conventions ([other languages](other-languages.md)). An argument that may not be an " +
            "output is read when the component is constructed: write it out. Whole numbers are `integer`.",
        "",
        "## Arguments",
        "",
        ...argumentTable(name, component.inputProperties, component.requiredInputs ?? []),
        "",
        "## Outputs",
        "",
        "| output | type | always set | description |",
        "|---|---|---|---|",
        ...Object.entries(component.properties).map(
            ([output, spec]) => `| \`${output}\` | ${typeText(spec)} | ${(component.required ?? []).includes(output) ? "yes" : "no"} | ${cell(spec.description ?? "")} |`,
        ),
        "",
        "## Argument types",
        "",
        ...inputTypes.flatMap((t) => [...typeSection(t), ...argumentTable(shortName(t), schema.types[t].properties ?? {}, schema.types[t].required ?? []), ""]),
        "## Output types",
        "",
        ...objectTypes
            .filter((t) => !inputTypes.includes(t))
            .flatMap((t) => [
                ...typeSection(t),
                "| property | type | always set | description |",
                "|---|---|---|---|",
                ...Object.entries(schema.types[t].properties ?? {}).map(
                    ([property, spec]) => `| \`${property}\` | ${typeText(spec)} | ${(schema.types[t].required ?? []).includes(property) ? "yes" : "no"} | ${cell(spec.description ?? "")} |`,
                ),
                "",
            ]),
        "## Enums",
        "",
        "Each is a string: write the value (TypeScript also takes the name, as `NetworkPattern.PrivateWithNat`).",
        "",
        ...enums.flatMap((t) => [
            ...typeSection(t),
            "| value | name | description |",
            "|---|---|---|",
            ...(schema.types[t].enum ?? []).map((member) => `| \`${member.value}\` | \`${member.name ?? member.value}\` | ${cell(member.description ?? "")} |`),
            "",
        ]),
    ];
    return `${lines.join("\n").trimEnd()}\n`;
}

/** The reference of the committed schema. */
export function renderCommittedReference(): string {
    return renderReference(JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")) as ComponentSchema);
}

if (require.main === module) {
    try {
        fs.mkdirSync(path.dirname(REFERENCE_FILE), { recursive: true });
        fs.writeFileSync(REFERENCE_FILE, renderCommittedReference());
        process.stdout.write(`wrote ${path.relative(process.cwd(), REFERENCE_FILE)}\n`);
    } catch (error: unknown) {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
    }
}
