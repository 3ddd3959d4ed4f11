import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { ROOT } from "./offline-plan";
import { conformanceProblems, objectProblems, PackageSchema, PropertySpec } from "./schema-conformance";

// The offline plan runs nodejs programs only, so the YAML example is checked the way Pulumi YAML
// would type-check it: against the schema the plugin serves (provider/schema.json).

const EXAMPLE_DIR = path.join(ROOT, "examples", "yaml");
const COMPONENT = "vpc-lambda:index:VpcLambdaNetwork";

interface YamlResource {
    type: string;
    properties?: Record<string, unknown>;
    options?: { dependsOn?: string[] };
}

const program = parseYaml(fs.readFileSync(path.join(EXAMPLE_DIR, "Pulumi.yaml"), "utf8")) as {
    runtime: string;
    packages?: Record<string, string>;
    resources: Record<string, YamlResource>;
    outputs?: Record<string, unknown>;
};
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "provider", "schema.json"), "utf8")) as PackageSchema & {
    resources: Record<string, { inputProperties: Record<string, PropertySpec>; requiredInputs: string[]; properties: Record<string, PropertySpec> }>;
};
const component = schema.resources[COMPONENT];

/** `vpc-lambda:VpcLambdaNetwork` is YAML's short form of `vpc-lambda:index:VpcLambdaNetwork`. */
function isComponent(resource: YamlResource): boolean {
    return resource.type === COMPONENT || resource.type === "vpc-lambda:VpcLambdaNetwork";
}

const networks = Object.entries(program.resources).filter(([, resource]) => isComponent(resource));

/** Every `${name.path}` in the program, wherever it appears. */
function references(value: unknown): string[] {
    if (typeof value === "string") {
        return [...value.matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1].trim());
    }
    if (Array.isArray(value)) {
        return value.flatMap(references);
    }
    if (typeof value === "object" && value !== null) {
        return Object.values(value).flatMap(references);
    }
    return [];
}

describe("examples/yaml against provider/schema.json", () => {
    it("is a Pulumi YAML program that uses the component", () => {
        expect(program.runtime).to.equal("yaml");
        expect(networks.map(([name]) => name)).to.have.length.greaterThan(0);
    });

    it("takes the vpc-lambda package from the plugin folder of this repository", () => {
        const source = program.packages?.["vpc-lambda"];
        expect(source, "packages.vpc-lambda").to.be.a("string");
        expect(fs.existsSync(path.join(EXAMPLE_DIR, source!, "PulumiPlugin.yaml"))).to.equal(true);
    });

    it("sets only properties the schema declares, each of the declared type, plain where the schema says so", () => {
        const problems = networks.flatMap(([name, resource]) =>
            objectProblems(resource.properties ?? {}, component.inputProperties, component.requiredInputs, schema, `resources.${name}.properties`),
        );
        expect(problems).to.deep.equal([]);
    });

    it("reads only outputs the schema declares", () => {
        const names = new Set(networks.map(([name]) => name));
        const read = references(program)
            .map((reference) => reference.split("."))
            .filter(([resource]) => names.has(resource));
        expect(read.filter(([, output]) => !(output in component.properties)).map((parts) => parts.join("."))).to.deep.equal([]);
        expect(read.length).to.be.greaterThan(0);
    });

    it("attaches the network's ENI policy to the function's role, and makes the function depend on that attachment", () => {
        const [network] = networks.map(([name]) => name);
        const attachments = Object.entries(program.resources).filter(
            ([, r]) => r.type === "aws:iam:RolePolicyAttachment" && r.properties?.policyArn === `\${${network}.eniPolicyArn}`,
        );
        const functions = Object.entries(program.resources).filter(([, r]) => r.type === "aws:lambda:Function");
        expect(attachments).to.have.length(1);
        for (const [name, fn] of functions) {
            expect(fn.options?.dependsOn, name).to.include(`\${${attachments[0][0]}}`);
        }
    });
});

describe("schema conformance checker", () => {
    // The checker is what stands between the YAML example and a silent mismatch: it must fail.
    const spec = { pattern: component.inputProperties.pattern, allowTo: component.inputProperties.allowTo };

    it("rejects a value outside an enum", () => {
        expect(objectProblems({ pattern: "PrivateWithNAT" }, spec, [], schema, "p")).to.have.length(1);
    });

    it("rejects a property the schema does not declare", () => {
        expect(objectProblems({ pattern: "Isolated", natGateway: {} }, spec, [], schema, "p")[0]).to.match(/natGateway: is not a property/);
    });

    it("rejects an expression where the schema wants a plain value, and accepts one where it does not", () => {
        expect(conformanceProblems("${config.pattern}", component.inputProperties.pattern, schema, "p")).to.have.length(1);
        expect(objectProblems({ allowTo: [{ securityGroupId: "${db.id}", port: 5432 }] }, spec, [], schema, "p")).to.deep.equal([]);
    });

    it("rejects a nested value of the wrong type", () => {
        expect(objectProblems({ allowTo: [{ securityGroupId: "sg-1", port: "5432" }] }, spec, [], schema, "p")[0]).to.match(/port: "5432" is not an integer/);
    });

    it("rejects a fraction where the schema wants an integer", () => {
        expect(objectProblems({ allowTo: [{ securityGroupId: "sg-1", port: 5432.5 }] }, spec, [], schema, "p")).to.deep.equal(["p.allowTo[0].port: 5432.5 is not an integer"]);
        expect(objectProblems({ flowLogs: { retentionInDays: 30, maxAggregationInterval: 60 } }, component.inputProperties, [], schema, "p")).to.deep.equal([]);
        expect(objectProblems({ numberOfAvailabilityZones: 2.5 }, component.inputProperties, [], schema, "p")).to.deep.equal(["p.numberOfAvailabilityZones: 2.5 is not an integer"]);
    });
});
