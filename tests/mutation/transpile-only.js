// Lets mocha `require()` the TypeScript specs and sources directly, transpiled file by file with
// typescript's own `transpileModule` and never type-checked: the mutation run (Stryker) changes
// one line at a time and reruns the specs, and a `tsc` build per change would cost more than
// the specs themselves. `tsc` (make lint, make test) is what type-checks; Stryker's typescript
// checker discards the mutants that would not compile.
//
// Plain JavaScript, because it is what makes TypeScript loadable. Node's CommonJS resolver tries
// every registered extension, so `require("../../sdk/args")` finds `sdk/args.ts` once `.ts` is here.
"use strict";
const fs = require("fs");
const Module = require("module");
const ts = require("typescript");

const compilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    // Stack traces of a failing spec point at the TypeScript line (node --enable-source-maps).
    inlineSourceMap: true,
};

if (!Module._extensions[".ts"]) {
    Module._extensions[".ts"] = (module, filename) => {
        const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), { fileName: filename, compilerOptions });
        module._compile(outputText, filename);
    };
}
