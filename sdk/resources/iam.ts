import * as aws from "@pulumi/aws";
import { BuildContext } from "./context";

/**
 * The policy to attach to every function's execution role. It is a managed policy of its own
 * (not inline on a role the user owns) so that one network serves many functions, and so that
 * the attachment can outlive the function: Lambda needs these permissions to delete its ENIs.
 */
export function buildEniPolicy(ctx: BuildContext): aws.iam.Policy {
    const { eniPolicy } = ctx.plan;
    return new aws.iam.Policy(
        ctx.name(eniPolicy.key),
        { description: eniPolicy.description, policy: JSON.stringify(eniPolicy.document), tags: ctx.tags(eniPolicy.key) },
        ctx.options,
    );
}
