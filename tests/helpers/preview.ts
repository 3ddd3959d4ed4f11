import * as pulumi from "@pulumi/pulumi";
import { MockAws } from "../../sdk/testing/aws-mocks";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings");

/**
 * Runs `program` as `pulumi preview` sees a first deployment: every new resource's id and
 * outputs are unknown (nothing but an empty id and state is answered), while invokes answer
 * as AWS would. Returns `type::name` of each registration, sorted: a resource created inside
 * an `apply` on another resource's output is missing from it.
 */
export async function registeredInPreview(program: () => void): Promise<string[]> {
    const aws = new MockAws();
    const registered: string[] = [];
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                registered.push(`${args.type}::${args.name}`);
                return { id: undefined, state: {} };
            },
            call: (args) => aws.call(args),
        },
        "project",
        "stack",
        true,
    );
    pulumi.runtime.setAllConfig({ "aws:region": aws.region });
    program();
    await settings.waitForRPCs();
    return registered.sort();
}
