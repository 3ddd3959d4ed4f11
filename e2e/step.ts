import * as path from "path";
import { REPOSITORY, toolVersion } from "./pulumi-cli";

/** One check of `make e2e`. */
export interface Step {
    name: string;
    /** Why it cannot run on this machine, if it cannot: it is then listed as not run. */
    blockedBy?: string;
    /** Throws when the check fails; may return a line on what the engine did, printed under it. */
    run: () => void | string;
}

export const PULUMI_VERSION = "v3.274.1";
export const COMPONENT = "vpc-lambda:index:VpcLambdaNetwork";

// What `make e2e-tools` could build for Node.js: the v3.274.1 host is refused by the module
// proxy, the v3.67.1 one (inside sdk/v3 then) is served. That one runs programs (Run) but not
// plugins or policy packs from source (it has no RunPlugin).
const NODEJS_HOST = toolVersion("pulumi-language-nodejs");

/** Why Node.js programs cannot run here, if they cannot. */
export const NODEJS_PROGRAMS_BLOCKED = NODEJS_HOST
    ? undefined
    : "pulumi-language-nodejs is not in .e2e/bin (run make e2e-tools): the Go module proxy here refuses github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3";

/**
 * Whether the engine can run provider/ and policy/ from their folders (PulumiPlugin.yaml and
 * PulumiPolicy.yaml, runtime nodejs): only through a Node.js host with RunPlugin.
 */
export const NODEJS_PLUGINS_FROM_SOURCE = NODEJS_HOST !== undefined && !NODEJS_HOST.includes("sdk/v3@v3.67.1");

// The engine runs a policy pack folder (PulumiPolicy.yaml, runtime nodejs) through the Node.js
// language host's RunPlugin; without it, the same pack as an executable analyzer plugin.
export const POLICY_PACK = NODEJS_PLUGINS_FROM_SOURCE ? path.join(REPOSITORY, "policy") : path.join(REPOSITORY, "e2e", "policy-plugin", "vpc-lambda-guard");

/** The self-contained pack `make policy-pack` bundles for `pulumi policy publish` (make e2e builds it first). */
export const BUNDLED_POLICY_PACK_DIR = path.join(REPOSITORY, "build", "policy-pack");

/** `--policy-pack` and the environment that run the bundled pack: its folder, or the executable analyzer serving it. */
export function bundledPolicyPack(): { pack: string; env: NodeJS.ProcessEnv } {
    return NODEJS_PLUGINS_FROM_SOURCE
        ? { pack: BUNDLED_POLICY_PACK_DIR, env: process.env }
        : { pack: POLICY_PACK, env: { ...process.env, VPC_LAMBDA_POLICY_PACK_DIR: BUNDLED_POLICY_PACK_DIR } };
}
