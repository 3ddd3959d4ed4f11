/**
 * A resource of a stack as the network graph and the reachability model read it: the part that
 * the offline plan's recorded stack (`RecordedResource`, which already has this shape) and the
 * policy engine's resources (adapted in policy/network-resources.ts) have in common. Plain data:
 * no Pulumi object, so that the same model serves the CLI, the policy pack and the component.
 *
 * Unknown values (a preview, before the resources exist) may appear anywhere in `inputs` and
 * `outputs`, in any of the forms `isUnknown` recognises; references to resources whose ids are
 * not known yet are followed through `propertyDependencies`.
 */
export interface NetworkResource {
    urn: string;
    /** The Pulumi type token, e.g. `aws:ec2/subnet:Subnet`. */
    type: string;
    /** The Pulumi resource name. */
    name: string;
    /** The provider's id, once known. */
    id?: string;
    /** The properties as the program gave them (for a policy: the props the engine sends). */
    inputs: Record<string, any>;
    /** What the provider returned besides, when known (ids, ARNs, computed blocks). */
    outputs?: Record<string, any>;
    /** For each input property, the URNs of the resources its value came from. */
    propertyDependencies: Record<string, string[]>;
}

/** A property as the program gave it, else the provider's output. */
export function value(resource: NetworkResource, key: string): unknown {
    return resource.inputs[key] ?? resource.outputs?.[key];
}
