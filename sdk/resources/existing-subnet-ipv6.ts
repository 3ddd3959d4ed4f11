import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { dualStackSubnetProblem } from "../checks/existing-subnet-ipv6";
import type { BuildContext } from "./context";
import { subnetIpv6 } from "../checks/lookup-answers";

/**
 * The user's subnet id, passed on only once a lookup shows it dual-stack; otherwise it fails with
 * a sentence saying what is missing. `lambdaSubnetIds` and `vpcConfig` take the ids through it,
 * so a function given them fails in `pulumi preview` (when the ids are known) rather than at
 * `pulumi up`. While an id is unknown, so is the lookup, and nothing fails.
 */
export function dualStackSubnetId(ctx: BuildContext, subnetId: pulumi.Input<string>): pulumi.Output<string> {
    const subnet = aws.ec2.getSubnetOutput({ id: subnetId }, { parent: ctx.parent });
    return pulumi.all([subnetId, subnet]).apply(([id, answer]) => {
        const problem = dualStackSubnetProblem(ctx.plan.name, id, subnetIpv6(ctx.plan.name, answer, id));
        if (problem) {
            throw new Error(problem);
        }
        return id;
    });
}
