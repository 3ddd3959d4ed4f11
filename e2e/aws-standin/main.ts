// The executable of the AWS stand-in (a test double: see README.md beside this file). The engine
// starts it as `pulumi-resource-aws` with its own address as the argument, and it answers on a
// port it prints, like every resource plugin.
import * as fs from "fs";
import type * as grpcTypes from "@grpc/grpc-js";
import { main } from "@pulumi/pulumi/provider";
import { AwsStandIn } from "./aws-standin";

// The very gRPC module @pulumi/pulumi's provider server uses (not a copy of it elsewhere).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const grpc: typeof grpcTypes = require(require.resolve("@grpc/grpc-js", { paths: [require.resolve("@pulumi/pulumi")] }));

// Written beside the plugin's executable by `make e2e-tools` (schema.ts), which names it here.
const SCHEMA_FILE = process.env.PULUMI_AWS_STANDIN_SCHEMA;

const standIn = new AwsStandIn(process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION, () => {
    if (!SCHEMA_FILE) {
        throw new Error("PULUMI_AWS_STANDIN_SCHEMA is not set: start the stand-in through the pulumi-resource-aws that `make e2e-tools` installs");
    }
    return fs.readFileSync(SCHEMA_FILE, "utf8");
});

// @pulumi/pulumi's provider server leaves CheckConfig unimplemented and does not hand Configure's
// variables to the provider; the real AWS provider checks its configuration and takes the region
// from it. So, before the server registers its handlers, check the provider's configuration as a
// resource check (CheckConfig takes the same messages as Check) and read the region Configure gets.
const addService = grpc.Server.prototype.addService;
grpc.Server.prototype.addService = function (this: grpcTypes.Server, service: grpcTypes.ServiceDefinition, implementation: any) {
    implementation.checkConfig = (call: any, callback: any) => {
        const { region } = call.request.getNews().toJavaScript();
        if (region !== undefined && (typeof region !== "string" || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))) {
            callback({ code: grpc.status.INVALID_ARGUMENT, details: `aws:region must be a region name such as "us-east-1"; got ${JSON.stringify(region)}` });
            return;
        }
        implementation.check(call, callback);
    };
    const configure = implementation.configure.bind(implementation);
    implementation.configure = (call: any, callback: any) => {
        const region = call.request.getVariablesMap().get("aws:config:region") ?? call.request.getArgs()?.toJavaScript().region;
        if (typeof region === "string" && region !== "") {
            standIn.configure(region);
        }
        configure(call, callback);
    };
    return addService.call(this, service, implementation);
};

main(standIn, process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
});
