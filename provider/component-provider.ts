import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import * as fs from "fs";
import * as path from "path";
import { VpcLambdaNetwork } from "../sdk/component";

/** The package name other languages see: `vpc-lambda:index:VpcLambdaNetwork`, `pulumi_vpc_lambda`... */
export const PACKAGE_NAME = "vpc-lambda";

/**
 * The folder holding PulumiPlugin.yaml, package.json and tsconfig.json. The schema analyzer
 * reads the TypeScript *sources* from there, starting at package.json's `exports` (this file).
 * Pulumi loads this file in place (through index.js); the repository's build and tests run the
 * compiled copy in dist/provider, two levels below the root.
 */
export const PLUGIN_DIR = fs.existsSync(path.join(__dirname, "PulumiPlugin.yaml")) ? __dirname : path.resolve(__dirname, "..", "..", "provider");

/** The options both the plugin host and the in-process schema writer give Pulumi's component provider. */
export function componentProviderOptions() {
    // The plugin's version is the package's: one number for the npm package and every SDK.
    const { version } = JSON.parse(fs.readFileSync(path.join(PLUGIN_DIR, "..", "package.json"), "utf8")) as { version: string };
    return { name: PACKAGE_NAME, version, dirname: PLUGIN_DIR, components: [VpcLambdaNetwork] };
}

/** Pulumi's component provider for `VpcLambdaNetwork`, for use in this process (schema, tests). */
export function createComponentProvider(): ComponentProvider {
    return new ComponentProvider(componentProviderOptions());
}
