// What a function declares it must reach, so that a policy can check it is reachable (and flag
// what is reachable besides). A VpcLambdaNetwork writes its `needs` argument on its Lambda
// security group; a plain stack writes the same tag on a function, or on a security group for
// every function that wears it.
//
//   tag key   vpc-lambda:needs
//   value     space-separated, each one of:
//               internet              the internet over IPv4 (and over IPv6 too, if reachable)
//               <service>             an AWS service by its endpoint name: sts, secretsmanager, ecr.api
//               <sg-id>:<port>        whatever wears that security group, on that TCP port: sg-0123abcd:5432
//   e.g.      "internet secretsmanager sg-0123456789abcdef0:5432"
//
// Spaces separate because AWS tag values allow letters, digits, spaces and + - = . _ : / @ only,
// and at most 256 characters (AWS tagging restrictions): no commas, no JSON.
import { isUnknown } from "./known-values";
import { FunctionNode, isPlainObject, NetworkGraph, value } from "./network-graph";
import { SERVICE_NAME } from "../aws/service-names";

export const NEEDS_TAG = "vpc-lambda:needs";
/** AWS's limit on a tag value. */
export const TAG_VALUE_MAX_LENGTH = 256;

export type Need = { kind: "internet" } | { kind: "service"; service: string } | { kind: "securityGroup"; securityGroupId: string; port: number };

/** A function's declared needs, from its own tag and its security groups' tags. */
export interface DeclaredNeeds {
    /** True when a needs tag was found at all: only then is anything undeclared. */
    declared: boolean;
    needs: Need[];
    /** Entries that could not be read, as sentences naming the resource and the entry. */
    problems: string[];
    /** Resources whose needs tag is not known yet (computed from ids a preview does not know). */
    unknownOn: string[];
}

const SECURITY_GROUP_NEED = /^(sg-[0-9a-f]+):(\d+)$/;

/** One tag value read: its needs, and a sentence per entry that is none of the three forms. */
export function parseNeeds(text: string): { needs: Need[]; problems: string[] } {
    const needs: Need[] = [];
    const problems: string[] = [];
    for (const token of text.split(/\s+/).filter((t) => t !== "")) {
        const group = SECURITY_GROUP_NEED.exec(token);
        if (token === "internet") {
            needs.push({ kind: "internet" });
        } else if (group) {
            const port = Number(group[2]);
            if (port >= 1 && port <= 65535) {
                needs.push({ kind: "securityGroup", securityGroupId: group[1], port });
            } else {
                problems.push(`"${token}" names port ${group[2]}; a TCP port is 1 to 65535`);
            }
        } else if (token.startsWith("sg-")) {
            problems.push(`"${token}" is not <security group id>:<port>, such as "sg-0123456789abcdef0:5432"`);
        } else if (SERVICE_NAME.test(token)) {
            needs.push({ kind: "service", service: token });
        } else {
            problems.push(`"${token}" is not "internet", a service name such as "secretsmanager", or "sg-0123456789abcdef0:5432"`);
        }
    }
    return { needs, problems };
}

/** The tag value for a list of needs: what the component writes on its Lambda security group. */
export function needsTagValue(needs: readonly Need[]): string {
    return needs.map(needToken).join(" ");
}

export function needToken(need: Need): string {
    return need.kind === "internet" ? "internet" : need.kind === "service" ? need.service : `${need.securityGroupId}:${need.port}`;
}

/** The needs a function declares: on itself, and on each security group it wears. */
export function declaredNeedsOf(graph: NetworkGraph, fn: FunctionNode): DeclaredNeeds {
    const found: DeclaredNeeds = { declared: false, needs: [], problems: [], unknownOn: [] };
    for (const id of [fn.id, ...fn.securityGroupIds]) {
        const resource = graph.resource(id);
        if (!resource) {
            continue;
        }
        const tag = tagOf(value(resource, "tags"), value(resource, "tagsAll"));
        if (tag === undefined) {
            continue;
        }
        found.declared = true;
        if (tag === "unknown") {
            found.unknownOn.push(resource.name);
            continue;
        }
        const { needs, problems } = parseNeeds(tag);
        found.needs.push(...needs.filter((need) => !found.needs.some((n) => needToken(n) === needToken(need))));
        found.problems.push(...problems.map((p) => `the ${NEEDS_TAG} tag of ${resource.name}: ${p}`));
    }
    return found;
}

/** The needs tag among a resource's `tags` (or, when it has none, the `tagsAll` its provider adds to). */
function tagOf(tags: unknown, tagsAll: unknown): string | "unknown" | undefined {
    if (isUnknown(tags)) {
        return "unknown";
    }
    const entry = isPlainObject(tags) ? tags[NEEDS_TAG] : tags === undefined && isPlainObject(tagsAll) ? tagsAll[NEEDS_TAG] : undefined;
    return isUnknown(entry) ? "unknown" : typeof entry === "string" ? entry : undefined;
}
