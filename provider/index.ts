// The plugin's entry: Pulumi runs this file (PulumiPlugin.yaml, runtime nodejs) to serve
// VpcLambdaNetwork to programs in other languages over gRPC.
import { componentProviderHost } from "@pulumi/pulumi/provider/experimental";
import { componentProviderOptions } from "./component-provider";

componentProviderHost(componentProviderOptions()).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
