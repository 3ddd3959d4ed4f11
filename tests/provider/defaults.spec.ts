import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { ComponentSchema, inputTypeTokens, PropertySpec } from "../../provider/write-reference";
import { SCHEMA_FILE } from "../../provider/write-schema";

// Every optional argument says what happens when it is left out, in the TypeScript doc comment
// (`@default`, which IDEs show) and in the schema (the "Default: ..." sentence, which every
// other language's SDK and docs/reference.md show): a reader never has to guess from the code.

const ARGS_FILE = path.join(__dirname, "..", "..", "..", "sdk", "args.ts");
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")) as ComponentSchema;
const component = schema.resources["vpc-lambda:index:VpcLambdaNetwork"];

/** The argument interfaces' names: the members of `ArgumentInterfaces` in sdk/args.ts. */
function argumentInterfaceNames(source: ts.SourceFile): string[] {
    const list = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "ArgumentInterfaces");
    if (!list) {
        throw new Error("sdk/args.ts has no ArgumentInterfaces interface listing the argument interfaces");
    }
    return list.members.map((member) => (member.name as ts.Identifier).text);
}

/** `Interface.property` for every optional property of the argument interfaces without a `@default` tag. */
function optionalPropertiesWithoutDefaultTag(): { checked: number; missing: string[] } {
    const source = ts.createSourceFile(ARGS_FILE, fs.readFileSync(ARGS_FILE, "utf8"), ts.ScriptTarget.ES2022, true);
    const names = argumentInterfaceNames(source);
    const interfaces = source.statements.filter((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && names.includes(s.name.text));
    expect(interfaces.map((i) => i.name.text)).to.have.members(names);
    const optional = interfaces.flatMap((i) =>
        i.members.filter((m): m is ts.PropertySignature => ts.isPropertySignature(m) && m.questionToken !== undefined).map((m) => ({ owner: i.name.text, member: m })),
    );
    const missing = optional
        .filter(({ member }) => !ts.getJSDocTags(member).some((tag) => tag.tagName.text === "default" && ts.getTextOfJSDocComment(tag.comment)?.trim()))
        .map(({ owner, member }) => `${owner}.${(member.name as ts.Identifier).text}`);
    return { checked: optional.length, missing };
}

describe("defaults of optional arguments", () => {
    it("gives every optional property of every argument interface in sdk/args.ts a @default tag", () => {
        const { checked, missing } = optionalPropertiesWithoutDefaultTag();
        expect(checked).to.be.greaterThan(20);
        expect(missing, "write `@default <value>`, or `@default - none (what absence means)`").to.deep.equal([]);
    });

    it("states a default (\"Default: ...\") in the schema for every optional input of the component and of every type its inputs use", () => {
        const optional = [
            ...Object.entries<PropertySpec>(component.inputProperties).map(([name, spec]) => ({ at: `inputs.${name}`, spec })),
            ...inputTypeTokens(schema).flatMap((token) => Object.entries<PropertySpec>(schema.types[token].properties ?? {}).map(([name, spec]) => ({ at: `${token}.${name}`, spec }))),
        ].filter(({ spec }) => spec.optional === true);
        expect(optional.length).to.be.greaterThan(20);
        expect(optional.filter(({ spec }) => !/(^|\s)Default: \S/.test(spec.description ?? "")).map(({ at }) => at)).to.deep.equal([]);
    });
});
