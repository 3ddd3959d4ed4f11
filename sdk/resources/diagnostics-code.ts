import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import * as path from "path";

/**
 * The diagnostics handler's folder, sdk/diagnostics/handler: CommonJS files using Node's
 * built-ins only, one per probe, at the same place in the sources and in the compiled package.
 */
export const DIAGNOSTICS_HANDLER_DIRECTORY = path.join(__dirname, "..", "diagnostics", "handler");

/** The handler's entry, `index.handler`. */
export const DIAGNOSTICS_HANDLER_FILE = path.join(DIAGNOSTICS_HANDLER_DIRECTORY, "index.js");

/**
 * The handler's files, by name: every `.js` file of the folder (the compiled package also holds
 * their `.d.ts` declarations, which the function does not need).
 */
export function diagnosticsHandlerFiles(): string[] {
    return fs
        .readdirSync(DIAGNOSTICS_HANDLER_DIRECTORY)
        .filter((name) => name.endsWith(".js"))
        .sort();
}

/** The function's code: the handler's files at the archive's root (handler `index.handler`). */
export function diagnosticsCode(): pulumi.asset.AssetArchive {
    return new pulumi.asset.AssetArchive(Object.fromEntries(diagnosticsHandlerFiles().map((name) => [name, new pulumi.asset.FileAsset(path.join(DIAGNOSTICS_HANDLER_DIRECTORY, name))])));
}
