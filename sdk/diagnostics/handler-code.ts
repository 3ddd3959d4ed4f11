import * as pulumi from "@pulumi/pulumi";
import * as path from "path";

/**
 * The diagnostics handler's source: one self-contained CommonJS file using Node's built-ins only,
 * which lies beside this module both in the sources and in the compiled package.
 */
export const DIAGNOSTICS_HANDLER_FILE = path.join(__dirname, "handler", "index.js");

/** The environment variable the handler reads its configuration from, as JSON. */
export const DIAGNOSTICS_CONFIG_VARIABLE = "VPC_LAMBDA_DIAGNOSTICS";

/** The function's code: the handler alone, as `index.js` (handler `index.handler`). */
export function diagnosticsCode(): pulumi.asset.AssetArchive {
    return new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.FileAsset(DIAGNOSTICS_HANDLER_FILE) });
}
