import * as pulumi from "@pulumi/pulumi";
import { privateDnsProblem } from "../checks/existing-vpc-dns";
import type { BuildContext } from "./context";
import { vpcDns } from "../checks/lookup-answers";

/**
 * The user's VPC id, passed on only once a lookup shows the VPC's DNS support and DNS hostnames
 * on; otherwise it fails with a sentence saying which is off and what to do. The interface
 * endpoints take their `vpcId` through it, so they fail with that sentence (in `pulumi preview`
 * already, when the id is known) instead of with AWS's error at `pulumi up`; they are declared
 * as ever, outside any apply, so a preview registers the same resources. While the id is unknown
 * (a preview of a VPC made in the same program) the lookup is unknown too, and nothing fails.
 */
export function vpcIdWithPrivateDns(ctx: BuildContext, vpcId: pulumi.Input<string>, services: readonly string[]): pulumi.Output<string> {
    const vpc = ctx.lookUpExistingVpc(vpcId);
    return pulumi.all([vpcId, vpc]).apply(([id, answer]) => {
        const problem = privateDnsProblem(ctx.plan.name, id, services, vpcDns(ctx.plan.name, answer, id));
        if (problem) {
            throw new Error(problem);
        }
        return id;
    });
}
