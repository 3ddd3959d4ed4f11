import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { componentProviderOptions, declareIntegers, PACKAGE_NAME, VpcLambdaComponentProvider } from "../../provider/component-provider";
import { renderSchema, SCHEMA_FILE } from "../../provider/write-schema";
import { INTEGER_ARGUMENTS } from "../../sdk/args";

// The committed schema is what `pulumi package add` users get their SDK from: these specs
// read it as a Python, Go, .NET, Java or YAML user's SDK generator would.
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"));
const COMPONENT = "vpc-lambda:index:VpcLambdaNetwork";
const component = schema.resources[COMPONENT];
const typeRef = (name: string) => `#/types/vpc-lambda:index:${name}`;

/**
 * Every `@default` in sdk/args.ts, as `{ interface, property, value }`. CDK's prose form,
 * `@default - none (what absence means)`, is the value after its "- ".
 */
function documentedDefaults(): { owner: string; property: string; value: string }[] {
    const file = path.join(__dirname, "..", "..", "..", "sdk", "args.ts");
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    const found: { owner: string; property: string; value: string }[] = [];
    source.forEachChild((node) => {
        if (!ts.isInterfaceDeclaration(node)) {
            return;
        }
        for (const member of node.members) {
            for (const tag of ts.getJSDocTags(member).filter((t) => t.tagName.text === "default")) {
                const value = ts.getTextOfJSDocComment(tag.comment)?.trim() ?? "";
                found.push({ owner: node.name.text, property: (member.name as ts.Identifier).text, value: value.replace(/^- /, "") });
            }
        }
    });
    return found;
}

describe("provider/schema.json", () => {
    it("is what the TypeScript types generate today (run `make schema` after changing sdk/args.ts or the component)", async function () {
        this.timeout(60_000); // the analyzer compiles the SDK
        expect(fs.readFileSync(SCHEMA_FILE, "utf8")).to.equal(await renderSchema());
    });

    it("names the package vpc-lambda and keeps the component's type token", () => {
        expect(schema.name).to.equal("vpc-lambda");
        expect(Object.keys(schema.resources)).to.deep.equal([COMPONENT]);
        expect(component.isComponent).to.equal(true);
    });

    it("carries the npm package's version, so SDKs and the npm package move together", () => {
        const { version } = JSON.parse(fs.readFileSync(`${__dirname}/../../../package.json`, "utf8"));
        expect(schema.version).to.equal(version);
    });

    it("declares NetworkPattern as a string enum of its three patterns", () => {
        const pattern = schema.types["vpc-lambda:index:NetworkPattern"];
        expect(pattern.type).to.equal("string");
        expect(pattern.enum.map((m: { value: string }) => m.value)).to.deep.equal(["PrivateWithNat", "PrivateWithEndpoints", "Isolated"]);
        expect(component.inputProperties.pattern.$ref).to.equal(typeRef("NetworkPattern"));
    });

    it("requires only the pattern", () => {
        expect(component.requiredInputs).to.deep.equal(["pattern"]);
    });

    it("types the nested arguments as named object types", () => {
        const inputs = component.inputProperties;
        expect(inputs.natGateways.$ref).to.equal(typeRef("NatGatewayConfiguration"));
        expect(inputs.allowTo.items.$ref).to.equal(typeRef("AllowToTarget"));
        expect(inputs.flowLogs.$ref).to.equal(typeRef("FlowLogSettings"));
        expect(inputs.existingVpc.$ref).to.equal(typeRef("ExistingVpc"));
        for (const name of ["NatGatewayConfiguration", "AllowToTarget", "FlowLogSettings", "ExistingVpc"]) {
            expect(schema.types[`vpc-lambda:index:${name}`].type, name).to.equal("object");
        }
    });

    it("declares FlowLogDestination as a string enum of cloud-watch-logs and s3, the type of flowLogs.destination", () => {
        const destination = schema.types["vpc-lambda:index:FlowLogDestination"];
        expect(destination.type).to.equal("string");
        expect(destination.enum.map((m: { value: string }) => m.value)).to.have.members(["cloud-watch-logs", "s3"]);
        expect(schema.types["vpc-lambda:index:FlowLogSettings"].properties.destination.$ref).to.equal(typeRef("FlowLogDestination"));
    });

    it("keeps the ids inside nested arguments as inputs, so they can come from other resources", () => {
        const allowTo = schema.types["vpc-lambda:index:AllowToTarget"].properties;
        const existingVpc = schema.types["vpc-lambda:index:ExistingVpc"].properties;
        expect(schema.types["vpc-lambda:index:FlowLogSettings"].properties.s3BucketArn.plain).to.equal(undefined);
        expect(allowTo.securityGroupId.plain).to.equal(undefined);
        expect(existingVpc.vpcId.plain).to.equal(undefined);
        expect(existingVpc.subnetIds.items.plain).to.equal(undefined);
    });

    it("marks every top-level argument plain: the component validates them when it is constructed", () => {
        const notPlain = Object.entries(component.inputProperties)
            .filter(([, spec]) => (spec as { plain?: boolean }).plain !== true)
            .map(([name]) => name);
        expect(notPlain).to.deep.equal([]);
    });

    it("describes every input, every output and every property of the nested types", () => {
        const undocumented: string[] = [];
        const check = (where: string, properties: Record<string, { description?: string }>) => {
            for (const [name, spec] of Object.entries(properties)) {
                if (!spec.description?.trim()) {
                    undocumented.push(`${where}.${name}`);
                }
            }
        };
        check("inputs", component.inputProperties);
        check("outputs", component.properties);
        for (const [token, type] of Object.entries<{ properties?: Record<string, { description?: string }> }>(schema.types)) {
            check(token, type.properties ?? {});
        }
        expect(undocumented).to.deep.equal([]);
    });

    it("states every documented default in the description, where other languages' SDKs can see it", () => {
        const defaults = documentedDefaults();
        const missing = defaults.filter(({ owner, property, value }) => {
            const properties = owner === "VpcLambdaNetworkArgs" ? component.inputProperties : schema.types[`vpc-lambda:index:${owner}`]?.properties;
            return !properties?.[property]?.description?.includes(`Default: ${value}.`);
        });
        expect(defaults.length).to.be.greaterThan(0);
        expect(missing.map(({ owner, property, value }) => `${owner}.${property}: @default ${value}`)).to.deep.equal([]);
    });

    it("asks the Go generator for an Args type of every object type, which the plain allowTo array's AllowToTargetArgs needs to exist", () => {
        expect(schema.language.go.generateExtraInputTypes).to.equal(true);
        expect(component.inputProperties.allowTo).to.deep.include({ type: "array", plain: true });
    });

    it("outputs vpcConfig, ready for a Lambda function's vpcConfig, and the ENI policy's ARN", () => {
        expect(component.properties.vpcConfig.$ref).to.equal(typeRef("LambdaVpcConfig"));
        expect(Object.keys(schema.types["vpc-lambda:index:LambdaVpcConfig"].properties)).to.deep.equal(["subnetIds", "securityGroupIds", "ipv6AllowedForDualStack"]);
        expect(component.properties.eniPolicyArn.type).to.equal("string");
        expect(component.required).to.include.members(["vpcConfig", "eniPolicyArn", "vpcId", "lambdaSubnetIds", "lambdaSecurityGroupId"]);
    });
});

/** The paths where two JSON values differ, with both sides. */
function differences(a: unknown, b: unknown, at = ""): { path: string; from: unknown; to: unknown }[] {
    if (typeof a === "object" && a !== null && typeof b === "object" && b !== null && Array.isArray(a) === Array.isArray(b)) {
        const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
        return keys.flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`));
    }
    return a === b ? [] : [{ path: at, from: a, to: b }];
}

describe("provider schema: whole-number arguments are integers", function () {
    this.timeout(60_000); // the analyzer compiles the SDK

    const INTEGERS = [
        `.resources.${COMPONENT}.inputProperties.numberOfAvailabilityZones`,
        ".types.vpc-lambda:index:AllowToTarget.properties.port",
        ".types.vpc-lambda:index:FlowLogSettings.properties.retentionInDays",
        ".types.vpc-lambda:index:FlowLogSettings.properties.maxAggregationInterval",
        ".types.vpc-lambda:index:DiagnosticsTarget.properties.port",
        ".types.vpc-lambda:index:NeededSecurityGroup.properties.port",
    ];
    /** The schema as Pulumi's analyzer alone writes it, where every TypeScript number is a `number`. */
    let analyzed: string;

    before(async () => {
        analyzed = await new ComponentProvider(componentProviderOptions()).getSchema();
    });

    it("declares allowTo[].port, numberOfAvailabilityZones, flowLogs.retentionInDays, flowLogs.maxAggregationInterval, diagnostics.targets[].port and needs.securityGroups[].port integer", () => {
        expect(component.inputProperties.numberOfAvailabilityZones.type).to.equal("integer");
        expect(schema.types["vpc-lambda:index:AllowToTarget"].properties.port.type).to.equal("integer");
        expect(schema.types["vpc-lambda:index:FlowLogSettings"].properties.retentionInDays.type).to.equal("integer");
        expect(schema.types["vpc-lambda:index:FlowLogSettings"].properties.maxAggregationInterval.type).to.equal("integer");
        expect(schema.types["vpc-lambda:index:DiagnosticsTarget"].properties.port.type).to.equal("integer");
        expect(schema.types["vpc-lambda:index:NeededSecurityGroup"].properties.port.type).to.equal("integer");
    });

    it("differs from the analyzer's schema in those properties only, number to integer, and in the Go generator's option: anything else, numbers included, is as inferred", () => {
        const changed = differences(JSON.parse(analyzed), schema);
        expect(changed).to.deep.equal([
            ...INTEGERS.map((at) => ({ path: `${at}.type`, from: "number", to: "integer" })),
            { path: ".language.go.generateExtraInputTypes", from: undefined, to: true },
        ]);
    });

    it("throws, naming the property, when a listed integer is not in the schema (renamed, say)", () => {
        const renamed = { ...INTEGER_ARGUMENTS, FlowLogSettings: ["retentionInDays", "maxAggregationSeconds"] };
        expect(() => declareIntegers(JSON.parse(analyzed), PACKAGE_NAME, renamed)).to.throw(/FlowLogSettings\.maxAggregationSeconds .*no such property/);
        expect(() => declareIntegers(JSON.parse(analyzed), PACKAGE_NAME, { AllowToTargets: ["port"] })).to.throw(/AllowToTargets\.port/);
        expect(() => declareIntegers(JSON.parse(analyzed), PACKAGE_NAME, { VpcLambdaNetworkArgs: ["zoneCount"] })).to.throw(/VpcLambdaNetworkArgs\.zoneCount/);
    });

    it("throws, naming the property, when a listed integer is not a number in the schema", () => {
        expect(() => declareIntegers(JSON.parse(analyzed), PACKAGE_NAME, { AllowToTarget: ["description"] })).to.throw(/AllowToTarget\.description .*"string", not "number"/);
    });

    it("makes the provider's getSchema (what the plugin serves, and construct reads) fail on a missing integer", async () => {
        const provider = new VpcLambdaComponentProvider(componentProviderOptions(), { AllowToTarget: ["portNumber"] });
        // Seeds the base class's cache so as not to analyze the SDK again (if Pulumi renames this
        // private field, the base class analyzes the sources instead: slower, the same schema).
        (provider as unknown as { cachedSchema?: string }).cachedSchema = analyzed;
        let error: Error | undefined;
        await provider.getSchema().catch((e: Error) => (error = e));
        expect(error?.message).to.match(/AllowToTarget\.portNumber/);
    });
});
