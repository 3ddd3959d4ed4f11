import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { parse } from "yaml";

// Found by running the examples under the Pulumi engine (make e2e): Pulumi's TypeScript runner
// reads the tsconfig.json of the program's folder only, and without one its ts-node fails on the
// import of `pulumi-vpc-lambda` (this repository, through package.json exports) with TS2209.
const REPOSITORY = path.resolve(__dirname, "..", "..", "..");
const EXAMPLES = path.join(REPOSITORY, "examples");

const typeScriptExamples = fs
    .readdirSync(EXAMPLES)
    .filter((name) => fs.existsSync(path.join(EXAMPLES, name, "Pulumi.yaml")))
    .filter((name) => parse(fs.readFileSync(path.join(EXAMPLES, name, "Pulumi.yaml"), "utf8")).runtime?.options?.typescript === true);

describe("the TypeScript examples compile under Pulumi's own TypeScript runner", () => {
    it("finds the TypeScript examples", () => {
        expect(typeScriptExamples).to.include.members(["nat-rds", "endpoints-dynamodb", "isolated-rds", "existing-awsx-vpc"]);
    });

    for (const example of typeScriptExamples) {
        it(`${example} has a tsconfig.json whose rootDir is the repository's, so pulumi-vpc-lambda resolves`, () => {
            const file = path.join(EXAMPLES, example, "tsconfig.json");
            const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
            expect(error, `${file} must exist and parse`).to.equal(undefined);
            const { options } = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(file));
            expect(options.rootDir).to.equal(REPOSITORY);
        });
    }
});
