import * as fs from "fs";
import Module from "module";

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

function loadTypeScript(programDir: string): typeof import("typescript") {
    for (const paths of [[programDir], [__dirname]]) {
        try {
            return require(require.resolve("typescript", { paths }));
        } catch {
            // try the next place
        }
    }
    throw new Error("this program is TypeScript and no `typescript` package was found; install it in the program's folder (npm install --save-dev typescript).");
}
