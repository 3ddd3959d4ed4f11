// The executable of the awsx stand-in (a test double: see e2e/README.md). The engine starts it as
// `pulumi-resource-awsx` with its own address as the argument, and it answers on a port it prints,
// like every resource plugin.
import { main } from "@pulumi/pulumi/provider";
import { AwsxStandIn } from "./awsx-standin";

main(new AwsxStandIn(), process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
});
