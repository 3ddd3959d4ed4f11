import * as fs from "fs";
import Module from "module";
import { MissingPackageError } from "./missing-package";

/**
 * Lets `require()` load `.ts` files by transpiling them (no type-check: `tsc` does that), the
 * way `pulumi preview` runs TypeScript programs, without ts-node. The program's own
 * `typescript` is preferred, so its language version is the one used.
 */
export function registerTypeScript(programDir: string): void {
    const extensions = (Module as unknown as { _extensions: Record<string, (m: NodeModule, file: string) => void> })._extensions;
    if (extensions[".ts"]) {
        return;
    }
    const ts = loadTypeScript(programDir);
    extensions[".ts"] = (module, filename) => {
        const source = fs.readFileSync(filename, "utf8");
        const { outputText } = ts.transpileModule(source, {
            fileName: filename,
            compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false, inlineSourceMap: true },
        });
        (module as unknown as { _compile(code: string, file: string): void })._compile(outputText, filename);
    };
}

/**
 * The program's own `typescript` (resolved from its folder), else the one beside this package
 * (a devDependency in this repository; an installed package has none of its own: `typescript`
 * is an optional peer, needed only for TypeScript programs).
 */
function loadTypeScript(programDir: string): typeof import("typescript") {
    for (const paths of [[programDir], [__dirname]]) {
        let resolved: string;
        try {
            resolved = require.resolve("typescript", { paths });
        } catch {
            continue;
        }
        const ts: typeof import("typescript") = require(resolved);
        if (typeof ts.transpileModule !== "function") {
            throw new MissingPackageError("typescript", `this program is TypeScript and the typescript ${ts.version} found from ${programDir} has no transpileModule to run it with; install one that has: npm install --save-dev typescript@5`);
        }
        return ts;
    }
    throw new MissingPackageError("typescript", `this program is TypeScript and no typescript package was found from ${programDir}: npm install --save-dev typescript`);
}
