/**
 * The Pulumi package schema the AWS stand-in serves (GetSchema), for the resources Pulumi YAML
 * programs here use. Pulumi YAML asks the aws plugin for its schema to resolve `type: aws:sqs:Queue`
 * and to type-check properties; the real pulumi-aws 7.48.0 schema is not to be had on this
 * machine, so this one is reconstructed from what @pulumi/aws 7.48.0 ships: each resource's
 * `<Name>Args` interface (its inputs, required when not optional), the class's outputs, and the
 * object types of `types/input.d.ts` they name. Only names and types are kept; documentation,
 * enums and defaults are not.
 *
 * Run as a script it writes the schema to the path given (`make e2e-tools` puts it beside the
 * stand-in's executable).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { AWS_PROVIDER_VERSION } from "./aws-standin";

/** The resources the YAML programs of this repository and of `make e2e` use. Add a token here to use one more. */
export const SCHEMA_RESOURCES = [
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ec2/subnet:Subnet",
    "aws:ec2/vpc:Vpc",
    "aws:iam/role:Role",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:lambda/function:Function",
    "aws:sqs/queue:Queue",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
] as const;

type TypeSpec = Record<string, unknown>;
interface ObjectSpec {
    type: "object";
    properties: Record<string, TypeSpec>;
    required?: string[];
}

const ANY: TypeSpec = { $ref: "pulumi.json#/Any" };

/** Reads @pulumi/aws's declarations from `awsPackageDir` and builds the schema for `resources`. */
export function awsSchema(awsPackageDir: string, resources: readonly string[] = SCHEMA_RESOURCES): Record<string, unknown> {
    const objectTypes = new Map<string, ObjectSpec>();
    const inputTypes = interfacesByModule(parse(path.join(awsPackageDir, "types", "input.d.ts")));

    function objectType(module: string, name: string): TypeSpec {
        const token = `aws:${module}/${name}:${name}`;
        if (!objectTypes.has(token)) {
            const declaration = inputTypes.get(`${module}.${name}`);
            if (!declaration) {
                return ANY;
            }
            objectTypes.set(token, { type: "object", properties: {} });
            objectTypes.set(token, objectSpec(declaration.members));
        }
        return { $ref: `#/types/${token}` };
    }

    function objectSpec(members: ts.NodeArray<ts.TypeElement>): ObjectSpec {
        const properties: Record<string, TypeSpec> = {};
        const required: string[] = [];
        for (const member of members) {
            if (ts.isPropertySignature(member) && member.type) {
                const name = member.name.getText();
                properties[name] = typeSpec(member.type);
                if (!member.questionToken) {
                    required.push(name);
                }
            }
        }
        return { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
    }

    function typeSpec(node: ts.TypeNode): TypeSpec {
        if (ts.isParenthesizedTypeNode(node)) {
            return typeSpec(node.type);
        }
        if (ts.isUnionTypeNode(node)) {
            const present = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
            // `string | PolicyDocument`, `string | enums.x.Y`: a string is what every language sends.
            const string = present.find((t) => t.kind === ts.SyntaxKind.StringKeyword || (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)));
            return string ? { type: "string" } : present.length === 1 ? typeSpec(present[0]) : ANY;
        }
        if (ts.isArrayTypeNode(node)) {
            return { type: "array", items: typeSpec(node.elementType) };
        }
        if (ts.isTypeLiteralNode(node)) {
            const index = node.members.find(ts.isIndexSignatureDeclaration);
            return index ? { type: "object", additionalProperties: typeSpec(index.type) } : ANY;
        }
        switch (node.kind) {
            case ts.SyntaxKind.StringKeyword:
                return { type: "string" };
            case ts.SyntaxKind.NumberKeyword:
                return { type: "number" };
            case ts.SyntaxKind.BooleanKeyword:
                return { type: "boolean" };
        }
        if (ts.isTypeReferenceNode(node)) {
            const name = node.typeName.getText();
            if ((name === "pulumi.Input" || name === "pulumi.Output") && node.typeArguments?.length === 1) {
                return typeSpec(node.typeArguments[0]);
            }
            if (name === "pulumi.asset.Archive") {
                return { $ref: "pulumi.json#/Archive" };
            }
            if (name === "pulumi.asset.Asset" || name === "pulumi.asset.AssetOrArchive") {
                return { $ref: "pulumi.json#/Asset" };
            }
            const nested = /^(?:inputs|outputs)\.([A-Za-z0-9]+)\.([A-Za-z0-9]+)$/.exec(name);
            if (nested) {
                return objectType(nested[1], nested[2]);
            }
            // Aliases of string in @pulumi/aws (`ARN`, enum types): sent as strings.
            if (/^(ARN|enums\..+)$/.test(name)) {
                return { type: "string" };
            }
        }
        return ANY;
    }

    const resourceSpecs: Record<string, unknown> = {};
    for (const token of resources) {
        const [, module, file, className] = /^aws:([^/]+)\/([^:]+):(.+)$/.exec(token) ?? [];
        if (!className) {
            throw new Error(`${token} is not a resource token of the form aws:<module>/<file>:<Class>`);
        }
        const source = parse(path.join(awsPackageDir, module, `${file}.d.ts`));
        const args = findDeclaration(source, `${className}Args`, ts.isInterfaceDeclaration);
        const resourceClass = findDeclaration(source, className, ts.isClassDeclaration);
        const inputs = objectSpec(args.members);
        const outputs: Record<string, TypeSpec> = {};
        for (const member of resourceClass.members) {
            const isStatic = ts.getModifiers(member as ts.PropertyDeclaration)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
            if (ts.isPropertyDeclaration(member) && member.type && !isStatic) {
                outputs[member.name.getText()] = typeSpec(member.type);
            }
        }
        resourceSpecs[token] = { inputProperties: inputs.properties, requiredInputs: inputs.required ?? [], properties: outputs };
    }

    return {
        name: "aws",
        version: AWS_PROVIDER_VERSION,
        description: "A SUBSET of the pulumi-aws schema, reconstructed from @pulumi/aws's type declarations for the AWS stand-in (a test double).",
        meta: { moduleFormat: "(.*)(?:/[^/]*)" },
        config: { variables: { region: { type: "string" } } },
        provider: { inputProperties: { region: { type: "string" } } },
        resources: resourceSpecs,
        types: Object.fromEntries(objectTypes),
    };
}

function parse(file: string): ts.SourceFile {
    return ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
}

function findDeclaration<T extends ts.Node>(source: ts.SourceFile, name: string, is: (node: ts.Node) => node is T): T {
    const found = source.statements.find((s): s is T & ts.Statement => is(s) && (s as unknown as { name?: ts.Identifier }).name?.text === name);
    if (!found) {
        throw new Error(`${source.fileName} declares no ${name}`);
    }
    return found;
}

/** `module.Interface` for every interface in the `declare namespace <module>` blocks of a types file. */
function interfacesByModule(source: ts.SourceFile): Map<string, ts.InterfaceDeclaration> {
    const found = new Map<string, ts.InterfaceDeclaration>();
    const visit = (statements: readonly ts.Statement[], prefix: string) => {
        for (const statement of statements) {
            if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body)) {
                visit(statement.body.statements, `${prefix}${statement.name.getText()}.`);
            } else if (ts.isInterfaceDeclaration(statement)) {
                found.set(`${prefix}${statement.name.text}`, statement);
            }
        }
    };
    visit(source.statements, "");
    return found;
}

if (require.main === module) {
    const [out] = process.argv.slice(2);
    if (!out) {
        console.error("usage: node schema.js <schema.json to write>");
        process.exit(2);
    }
    const awsPackageDir = path.dirname(require.resolve("@pulumi/aws/package.json"));
    fs.writeFileSync(out, JSON.stringify(awsSchema(awsPackageDir), null, 1) + "\n");
}
