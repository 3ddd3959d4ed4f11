import { AWS_RESOURCE_TYPES } from "../aws/resource-types";
import { isKnownString, isUnknown, knownString } from "./known-values";
import { NetworkResource, value } from "./network-resource";

/** Where a reference led: the resources of the stack found, and whether some of it could not be followed. */
export interface Reference {
    resources: NetworkResource[];
    /**
     * Part of the reference leads outside the stack (an id of something not managed here) or is
     * unknown with no dependency to follow: a reader cannot see everything it refers to.
     */
    incomplete: boolean;
}

/**
 * A stack's resources, indexed so that every reader follows references between them the way
 * they appear in any program, with or without the component. Resources refer to each other as
 * AWS does, by id (a route's `natGatewayId`), ARN (a function's `role`, a flow log's
 * `logDestination`) or name (a role policy's `role`). In a preview the ids and ARNs of new
 * resources are unknown; the engine still records which resources each input came from, so a
 * reference is then followed through the property's dependencies, and a resource is known by its
 * URN instead of its id. Two ways of following serve two questions:
 *
 * - `refs`: which resources (by identity) a reference names, ids outside the stack included, as
 *   the reachability model and the reports ask (a subnet of an existing VPC is still a subnet);
 * - `follow`: which of the stack's own resources it leads to, and whether all of it led
 *   somewhere, as the policies ask (what they cannot see, they do not judge).
 */
export class ResourceIndex {
    /** Every resource by URN and by id; an Elastic IP also by its allocation id. */
    private readonly byIdentity = new Map<string, NetworkResource>();
    private readonly byType = new Map<string, NetworkResource[]>();
    /** Answers computed once: the resources never change after construction. */
    private readonly cache = new Map<string, unknown>();

    constructor(readonly resources: readonly NetworkResource[]) {
        for (const resource of resources) {
            this.byIdentity.set(resource.urn, resource);
            if (isKnownString(resource.id)) {
                this.byIdentity.set(resource.id, resource);
            }
            // A NAT gateway names its Elastic IP by allocation id, which is not always the Eip's id.
            const allocationId = resource.outputs?.allocationId;
            if (resource.type === AWS_RESOURCE_TYPES.eip && isKnownString(allocationId)) {
                this.byIdentity.set(allocationId, resource);
            }
            pushTo(this.byType, resource.type, resource);
        }
    }

    /** `compute()` the first time `key` is asked for, the same answer after. */
    memo<T>(key: string, compute: () => T): T {
        const known = this.cache.get(key);
        if (known !== undefined || this.cache.has(key)) {
            return known as T;
        }
        const answer = compute();
        this.cache.set(key, answer);
        return answer;
    }

    /** The resources of these types, type by type in the stack's order. */
    ofType(...types: readonly string[]): NetworkResource[] {
        return types.length === 1 ? (this.byType.get(types[0]) ?? []) : types.flatMap((type) => this.byType.get(type) ?? []);
    }

    /** The resource with that id, or URN. */
    resource(id: string | undefined): NetworkResource | undefined {
        return id === undefined ? undefined : this.byIdentity.get(id);
    }

    /** How the model names a resource: its id once known, else (in a preview) its URN. */
    identity(resource: NetworkResource): string {
        return isKnownString(resource.id) ? resource.id : resource.urn;
    }

    /** A resource's display name: its Pulumi name, or the id when the stack did not create it. */
    nameOf(id: string): string {
        return this.byIdentity.get(id)?.name ?? id;
    }

    /**
     * The resources (by identity) a reference property names: known ids as they are; unknown
     * ones through the property's dependencies, kept to the expected `types`. `at` is the value
     * inside the property when the reference is nested (`vpcConfig.subnetIds`).
     */
    refs(resource: NetworkResource, property: string, types: readonly string[], at: unknown = value(resource, property)): string[] {
        const values = Array.isArray(at) ? at : at === undefined || at === null ? [] : [at];
        const known = values.filter(isKnownString);
        if (known.length === values.length && values.length > 0) {
            return known;
        }
        const followed = this.dependenciesOf(resource, property, types).map((r) => this.identity(r));
        return [...new Set([...known, ...followed])];
    }

    ref(resource: NetworkResource, property: string, types: readonly string[]): string | undefined {
        return this.refs(resource, property, types)[0];
    }

    /**
     * The resources of `types` that `at` (found at `from`'s `property`, or inside it) names.
     * Known ids, ARNs and names are looked up; unknown ones, and known ones that match nothing,
     * are followed through the property's dependencies, which the engine records even when
     * values are unknown.
     */
    follow(from: NetworkResource, property: string, at: unknown, types: readonly string[]): Reference {
        const found = new Set<NetworkResource>();
        let incomplete = false;
        let followDependencies = false;
        for (const element of Array.isArray(at) ? at : [at]) {
            const identifier = knownString(element);
            if (identifier !== undefined) {
                const match = this.named(identifier, types);
                if (match) {
                    found.add(match);
                } else {
                    // Outside the stack, or a resource whose properties do not carry this identifier:
                    // the dependencies still say which resources of the stack the value came from.
                    incomplete = true;
                    followDependencies = true;
                }
            } else if (isUnknown(element)) {
                followDependencies = true;
            }
        }
        if (followDependencies) {
            const dependencies = this.dependenciesOf(from, property, types);
            dependencies.forEach((r) => found.add(r));
            incomplete ||= dependencies.length === 0;
        }
        return { resources: [...found], incomplete };
    }

    /** `follow` for the common case: the reference is the whole top-level property. */
    followProperty(from: NetworkResource, property: string, types: readonly string[]): Reference {
        return this.follow(from, property, value(from, property), types);
    }

    /** The resources of `type` whose `property` refers to `target`: e.g. the flow logs of a VPC. */
    referrers(target: NetworkResource, type: string, property: string): NetworkResource[] {
        const byTarget = this.memo(`referrers:${type}|${property}|${target.type}`, () => {
            const referred = new Map<string, NetworkResource[]>();
            for (const candidate of this.ofType(type)) {
                for (const resource of this.followProperty(candidate, property, [target.type]).resources) {
                    pushTo(referred, resource.urn, candidate);
                }
            }
            return referred;
        });
        return byTarget.get(target.urn) ?? [];
    }

    /** The stack's resources of `types` the property's value came from, as the engine recorded. */
    dependenciesOf(resource: NetworkResource, property: string, types: readonly string[]): NetworkResource[] {
        return (resource.propertyDependencies?.[property] ?? [])
            .map((urn) => this.byIdentity.get(urn))
            .filter((r): r is NetworkResource => r !== undefined && types.includes(r.type));
    }

    /**
     * The resource of the first of `types` that has this id, ARN or name. A log group's ARN is
     * also found with the `:*` suffix that some APIs (and older provider versions) append.
     */
    private named(identifier: string, types: readonly string[]): NetworkResource | undefined {
        const normalised = identifier.endsWith(":*") ? identifier.slice(0, -2) : identifier;
        for (const type of types) {
            const identifiers = this.identifiersOf(type);
            const match = identifiers.get(identifier) ?? identifiers.get(normalised);
            if (match) {
                return match;
            }
        }
        return undefined;
    }

    /** The resources of `type` by every identifier another resource may give them: id, ARN, name. */
    private identifiersOf(type: string): Map<string, NetworkResource> {
        return this.memo(`identifiers:${type}`, () => {
            const identifiers = new Map<string, NetworkResource>();
            for (const resource of this.ofType(type)) {
                const own = [resource.id, resource.inputs.arn, resource.outputs?.arn, resource.inputs.name, resource.outputs?.name].map(knownString);
                for (const identifier of own) {
                    if (identifier !== undefined && !identifiers.has(identifier)) {
                        identifiers.set(identifier, resource);
                    }
                }
            }
            return identifiers;
        });
    }
}

/** Appends to the list kept under `key`, making it on first use. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, item: V): void {
    const list = map.get(key);
    if (list) {
        list.push(item);
    } else {
        map.set(key, [item]);
    }
}
