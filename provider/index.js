// The plugin's entry: Pulumi runs it (PulumiPlugin.yaml, runtime nodejs) to serve
// VpcLambdaNetwork to programs in other languages over gRPC.
//
// Plain JavaScript on purpose. Pulumi's plugin runner compiles TypeScript with ts-node, using
// the tsconfig.json of the directory `pulumi` runs in: the consumer's project, not this one (a
// YAML or Python project has none, and the SDK then fails to type-check under the defaults).
// So this entry compiles the repository's own .ts files itself, with the repository's
// tsconfig.json, transpiling only: `make build` and the tests do the type-checking.
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const REPOSITORY = path.resolve(__dirname, "..");
const { options } = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(REPOSITORY, "tsconfig.json"), ts.sys.readFile).config, ts.sys, REPOSITORY);
const compilerOptions = { ...options, module: ts.ModuleKind.CommonJS, noEmit: false, declaration: false, incremental: false, sourceMap: false, inlineSourceMap: true };

const compileOthers = require.extensions[".ts"];
require.extensions[".ts"] = (module, filename) => {
    const ours = filename.startsWith(REPOSITORY + path.sep) && !filename.includes(`${path.sep}node_modules${path.sep}`);
    if (!ours && compileOthers) {
        return compileOthers(module, filename);
    }
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), { fileName: filename, compilerOptions });
    module._compile(outputText, filename);
};

const { componentProviderHost } = require("@pulumi/pulumi/provider/experimental");
const { componentProviderOptions } = require("./component-provider.ts");

componentProviderHost(componentProviderOptions()).catch((error) => {
    console.error(error);
    process.exit(1);
});
