import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { NetworkPlan, Ref } from "../plan/types";
import { regionName } from "../checks/lookup-answers";

/**
 * What every materialiser needs: the plan, the component to parent resources to, and the
 * naming and tagging rules, so that each file only decides which resources to build.
 */
export class BuildContext {
    constructor(
        readonly plan: NetworkPlan,
        readonly parent: pulumi.ComponentResource,
    ) {}

    /** `<component name>-<key>`: unique in the stack, readable in `pulumi preview`. */
    name(key: string): string {
        return `${this.plan.name}-${key}`;
    }

    /** The user's tags, plus a `Name` so the console shows what each resource is. */
    tags(key: string): Record<string, pulumi.Input<string>> {
        return { ...this.plan.tags, Name: this.name(key) };
    }

    get options(): pulumi.CustomResourceOptions {
        return { parent: this.parent };
    }

    private existingVpc?: pulumi.Output<aws.ec2.GetVpcResult>;
    private region?: pulumi.Output<string>;
    private callerIdentity?: pulumi.Output<aws.GetCallerIdentityResult>;

    /** The user's VPC (`existingVpc`), looked up once however many checks read it. */
    lookUpExistingVpc(vpcId: pulumi.Input<string>): pulumi.Output<aws.ec2.GetVpcResult> {
        this.existingVpc ??= aws.ec2.getVpcOutput({ id: vpcId }, { parent: this.parent });
        return this.existingVpc;
    }

    /** The provider's Region, looked up once for the endpoints' service names and the flow log's ARNs. */
    lookUpRegion(): pulumi.Output<string> {
        this.region ??= aws.getRegionOutput({}, { parent: this.parent }).apply((answer) => regionName(this.plan.name, answer));
        return this.region;
    }

    /**
     * The deploying identity, looked up once for the flow log's guards and the endpoints'
     * SameAccount policy; each reads `accountId` from it (checks/lookup-answers.ts) where it needs
     * it, so that under generic mocks the lookups fail in the order they are read.
     */
    lookUpCallerIdentity(): pulumi.Output<aws.GetCallerIdentityResult> {
        this.callerIdentity ??= aws.getCallerIdentityOutput({}, { parent: this.parent });
        return this.callerIdentity;
    }
}

/** Resolves a plan reference: a planned resource's id from `built`, or an existing id as given. */
export function resolveRef(ref: Ref, built: ReadonlyMap<string, pulumi.Output<string>>): pulumi.Input<string> {
    return "id" in ref ? ref.id : builtId(built, ref.key);
}

/** A planned resource's id; asking for one that was not built is a bug in the plan. */
export function builtId(built: ReadonlyMap<string, pulumi.Output<string>>, key: string): pulumi.Output<string> {
    const id = built.get(key);
    if (!id) {
        throw new Error(`internal: the plan refers to "${key}", which was not built`);
    }
    return id;
}
