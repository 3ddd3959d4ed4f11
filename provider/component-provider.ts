import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import * as fs from "fs";
import * as path from "path";
import { INTEGER_ARGUMENTS } from "../sdk/args";
import { VpcLambdaNetwork } from "../sdk/component";

/** The package name other languages see: `vpc-lambda:index:VpcLambdaNetwork`, `pulumi_vpc_lambda`... */
export const PACKAGE_NAME = "vpc-lambda";

/**
 * The folder holding PulumiPlugin.yaml, package.json and tsconfig.json. The schema analyzer
 * reads the TypeScript *sources* from there, starting at package.json's `exports` (this file).
 * Pulumi loads this file in place (through index.js); the repository's build and tests run the
 * compiled copy in dist/provider, two levels below the root.
 */
export const PLUGIN_DIR = fs.existsSync(path.join(__dirname, "PulumiPlugin.yaml")) ? __dirname : path.resolve(__dirname, "..", "..", "provider");

/** The options both the plugin host and the in-process schema writer give Pulumi's component provider. */
export function componentProviderOptions() {
    // The plugin's version is the package's: one number for the npm package and every SDK.
    const { version } = JSON.parse(fs.readFileSync(path.join(PLUGIN_DIR, "..", "package.json"), "utf8")) as { version: string };
    return { name: PACKAGE_NAME, version, dirname: PLUGIN_DIR, components: [VpcLambdaNetwork] };
}

interface SchemaProperty {
    type?: string;
}
interface PackageSchema {
    language?: Record<string, Record<string, unknown> | undefined>;
    resources?: Record<string, { isComponent?: boolean; inputProperties?: Record<string, SchemaProperty> }>;
    types?: Record<string, { properties?: Record<string, SchemaProperty> }>;
}

/**
 * The properties of the interface `name` in `schema`: a component's inputs when `name` is
 * `<Component>Args` (the analyzer's convention for a component's arguments), else the properties
 * of the object type it is named after.
 */
function propertiesOf(schema: PackageSchema, packageName: string, name: string): Record<string, SchemaProperty> | undefined {
    const component = /^(.+)Args$/.exec(name)?.[1];
    const resource = component === undefined ? undefined : schema.resources?.[`${packageName}:index:${component}`];
    if (resource?.isComponent) {
        return resource.inputProperties;
    }
    return schema.types?.[`${packageName}:index:${name}`]?.properties;
}

/**
 * Declares the listed properties `"type": "integer"` in a schema the analyzer wrote (which has
 * `"number"` for every TypeScript `number`), in place, and returns the schema. Throws, naming
 * the property, when a listed property is not in the schema or is not a `number` there: a
 * renamed argument must not silently become a float again in other languages' SDKs.
 */
export function declareIntegers<S extends PackageSchema>(schema: S, packageName: string, integers: Readonly<Record<string, readonly string[] | undefined>>): S {
    for (const [name, properties] of Object.entries(integers)) {
        const schemaProperties = propertiesOf(schema, packageName, name);
        for (const property of properties ?? []) {
            const spec = schemaProperties?.[property];
            if (spec?.type !== "number") {
                const found = spec === undefined ? "the schema has no such property" : `its schema type is ${JSON.stringify(spec.type ?? spec)}, not "number"`;
                throw new Error(`${name}.${property} is listed as an integer (INTEGER_ARGUMENTS in sdk/args.ts), but ${found}: was it renamed or retyped?`);
            }
            spec.type = "integer";
        }
    }
    return schema;
}

/**
 * Asks Pulumi's Go code generator for the `...Args` type of every object type, in place, and
 * returns the schema. Without it the Go SDK does not compile: the generator (pkg/codegen/go,
 * v3.274.1) makes `AllowToTargetArgs` only for an object type a property names directly or
 * inside an input, and `allowTo` is a plain array of plain `AllowToTarget`s, yet
 * `VpcLambdaNetworkArgs.AllowTo` is typed `[]AllowToTargetArgs` ("undefined: AllowToTargetArgs",
 * found by `make e2e`, which builds a Go program on the generated SDK).
 */
export function generateGoArgsTypes<S extends PackageSchema>(schema: S): S {
    schema.language = { ...schema.language, go: { ...schema.language?.go, generateExtraInputTypes: true } };
    return schema;
}

/**
 * Pulumi's component provider, serving a schema where the whole-number arguments
 * (`INTEGER_ARGUMENTS`) are `integer`, so that Go, Java and .NET SDKs take `int`s for them, and
 * where the Go SDK gets an `...Args` type for every object type (`generateGoArgsTypes`).
 * The plugin (index.js) serves it; `make schema` writes its schema.
 */
export class VpcLambdaComponentProvider extends ComponentProvider {
    private integerSchema?: Promise<string>;

    constructor(options: ConstructorParameters<typeof ComponentProvider>[0], private readonly integers: Readonly<Record<string, readonly string[] | undefined>> = INTEGER_ARGUMENTS) {
        super(options);
    }

    override getSchema(): Promise<string> {
        this.integerSchema ??= super
            .getSchema()
            .then((text) => JSON.stringify(generateGoArgsTypes(declareIntegers(JSON.parse(text) as PackageSchema, this.options.name, this.integers))));
        return this.integerSchema;
    }
}

/** The plugin's component provider for `VpcLambdaNetwork`, for use in this process (schema, tests). */
export function createComponentProvider(): VpcLambdaComponentProvider {
    return new VpcLambdaComponentProvider(componentProviderOptions());
}
