import { hasTool } from "./pulumi-cli";

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

export const NODEJS_HOST_MISSING = hasTool("pulumi-language-nodejs")
    ? undefined
    : "pulumi-language-nodejs is not in .e2e/bin: the Go module proxy here refuses github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 (see e2e/README.md)";
