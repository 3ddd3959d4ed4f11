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

// What `componentProviderHost` from @pulumi/pulumi/provider/experimental does, with the provider
// subclass that declares the whole-number arguments `integer` in the schema: it passes the
// engine's address (the arguments after the script) to `main`, the provider server's entry, which
// guards against serving twice. Left out: finding `dirname` from the call stack (given here) and
// the warning for `components` that are not ComponentResource classes (ours is fixed, and tested).
const { main } = require("@pulumi/pulumi/provider");
const { componentProviderOptions, VpcLambdaComponentProvider } = require("./component-provider.ts");

Promise.resolve()
    .then(() => main(new VpcLambdaComponentProvider(componentProviderOptions()), process.argv.slice(2)))
    .catch((error) => {
        console.error(error);
        process.exit(1);
    });
