import type { PolicyResource } from "@pulumi/policy";
import { isUnknown, knownString, toPlain } from "./known-values";

/** A resource of the stack as the policies read it: plain props, relations by URN. */
export interface StackResource {
    urn: string;
    type: string;
    name: string;
    /** The resource's outputs (during a preview, its inputs), unknown values as `UNKNOWN`. */
    props: Record<string, unknown>;
    /** For each input property, the URNs of the resources its value was computed from. */
    propertyDependencies: Record<string, string[]>;
}

/** What a StackIndex holds; shared by the indexes of one frozen stack. */
interface BuiltIndex {
    resources: StackResource[];
    byType: Map<string, StackResource[]>;
    byUrn: Map<string, StackResource>;
    byIdentifier: Map<string, Map<string, StackResource>>;
    referrersByTarget: Map<string, Map<string, StackResource[]>>;
}

const BUILT = new WeakMap<readonly PolicyResource[], BuiltIndex>();

function buildIndex(stack: readonly PolicyResource[]): BuiltIndex {
    const resources = stack.map((r) => ({
        urn: r.urn,
        type: r.type,
        name: r.name,
        props: toPlain(r.props) as Record<string, unknown>,
        propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([key, deps]) => [key, deps.map((d) => d.urn)])),
    }));
    const byType = new Map<string, StackResource[]>();
    const byUrn = new Map<string, StackResource>();
    for (const resource of resources) {
        byUrn.set(resource.urn, resource);
        const ofType = byType.get(resource.type);
        if (ofType) {
            ofType.push(resource);
        } else {
            byType.set(resource.type, [resource]);
        }
    }
    return { resources, byType, byUrn, byIdentifier: new Map(), referrersByTarget: new Map() };
}

/** Where a reference led: the resources found, and whether some of it could not be followed. */
export interface Reference {
    resources: StackResource[];
    /**
     * Part of the reference leads outside the stack (an id of something not managed here) or is
     * unknown with no dependency to follow: a policy cannot see everything it refers to.
     */
    incomplete: boolean;
}

/**
 * The stack's resources, indexed so that policies can follow references between them the way
 * they appear in any program, with or without the component: by id, ARN or name when the value
 * is known, and through the property's dependencies when it is not (a `pulumi preview` of new
 * resources, where ids and ARNs are unknown but the engine still knows where each input came from).
 */
export class StackIndex {
    readonly resources: StackResource[];
    private readonly byType: Map<string, StackResource[]>;
    private readonly byUrn: Map<string, StackResource>;
    /** Per type, each resource by every identifier it has: built on first use. */
    private readonly byIdentifier: Map<string, Map<string, StackResource>>;
    /** Per `type|property|target type`, the referrers of each target URN: built on first use. */
    private readonly referrersByTarget: Map<string, Map<string, StackResource[]>>;

    /**
     * Indexes the stack. Every stack policy builds one from the same `args.resources`; when that
     * array is frozen (the offline plan's policy runner freezes the one it hands every policy),
     * it cannot change, so the index built for the first policy serves the others.
     */
    constructor(resources: readonly PolicyResource[]) {
        const built = BUILT.get(resources) ?? buildIndex(resources);
        if (Object.isFrozen(resources)) {
            BUILT.set(resources, built);
        }
        ({ resources: this.resources, byType: this.byType, byUrn: this.byUrn, byIdentifier: this.byIdentifier, referrersByTarget: this.referrersByTarget } = built);
    }

    ofType(...types: readonly string[]): StackResource[] {
        return types.flatMap((type) => this.byType.get(type) ?? []);
    }

    /**
     * The resources of `types` that `value` (found at `from.props[property]`, or inside it)
     * names. Known ids, ARNs and names are looked up; unknown ones, and known ones that match
     * nothing, are followed through the property's dependencies, which the engine records even
     * when values are unknown.
     */
    follow(from: StackResource, property: string, value: unknown, types: readonly string[]): Reference {
        const found = new Set<StackResource>();
        let incomplete = false;
        let followDependencies = false;
        for (const element of Array.isArray(value) ? value : [value]) {
            const identifier = knownString(element);
            if (identifier !== undefined) {
                const normalised = identifier.endsWith(":*") ? identifier.slice(0, -2) : identifier;
                const match = types.map((type) => this.identifiersOf(type)).map((ids) => ids.get(identifier) ?? ids.get(normalised)).find((r) => r !== undefined);
                if (match) {
                    found.add(match);
                } else {
                    // Outside the stack, or a resource whose props do not carry this identifier:
                    // the dependencies still say which resources of the stack the value came from.
                    incomplete = true;
                    followDependencies = true;
                }
            } else if (isUnknown(element)) {
                followDependencies = true;
            }
        }
        if (followDependencies) {
            const dependencies = (from.propertyDependencies[property] ?? [])
                .map((urn) => this.byUrn.get(urn))
                .filter((r): r is StackResource => !!r && types.includes(r.type));
            dependencies.forEach((r) => found.add(r));
            incomplete ||= dependencies.length === 0;
        }
        return { resources: [...found], incomplete };
    }

    /** `follow` for the common case: the reference is the whole top-level property. */
    followProperty(from: StackResource, property: string, types: readonly string[]): Reference {
        return this.follow(from, property, from.props[property], types);
    }

    /** The resources of `type` whose `property` refers to `target`: e.g. the flow logs of a VPC. */
    referrers(target: StackResource, type: string, property: string): StackResource[] {
        const key = `${type}|${property}|${target.type}`;
        let byTarget = this.referrersByTarget.get(key);
        if (!byTarget) {
            byTarget = new Map();
            for (const candidate of this.ofType(type)) {
                for (const referred of this.followProperty(candidate, property, [target.type]).resources) {
                    byTarget.set(referred.urn, [...(byTarget.get(referred.urn) ?? []), candidate]);
                }
            }
            this.referrersByTarget.set(key, byTarget);
        }
        return byTarget.get(target.urn) ?? [];
    }

    /**
     * The resources of `type` by id, ARN and name. A log group's ARN is also found with the `:*`
     * suffix that some APIs (and older provider versions) append: callers strip it.
     */
    private identifiersOf(type: string): Map<string, StackResource> {
        let identifiers = this.byIdentifier.get(type);
        if (!identifiers) {
            identifiers = new Map();
            for (const resource of this.ofType(type)) {
                for (const key of ["id", "arn", "name"]) {
                    const own = knownString(resource.props[key]);
                    if (own !== undefined && !identifiers.has(own)) {
                        identifiers.set(own, resource);
                    }
                }
            }
            this.byIdentifier.set(type, identifiers);
        }
        return identifiers;
    }
}
