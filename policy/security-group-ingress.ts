import { AWS, describe } from "./aws-types";
import { elementsOf, isUnknown, knownNumber, knownString, UNKNOWN, Unknown } from "./known-values";
import type { StackIndex, StackResource } from "./stack-index";

/** One way into a security group, wherever it is declared. */
export interface IngressRule {
    /** The resource that declares the rule: the group itself (inline rules) or a rule resource. */
    declaredBy: StackResource;
    /** `"all"`, `"tcp"`, `"udp"`, `"icmp"`... or `UNKNOWN`. */
    protocol: string | Unknown;
    fromPort: number | undefined | Unknown;
    toPort: number | undefined | Unknown;
    /** The IPv4 and IPv6 ranges admitted (known ones only). */
    cidrs: string[];
}

/**
 * Every ingress rule of a security group: inline `ingress` blocks, `aws.vpc.SecurityGroupIngressRule`
 * and `aws.ec2.SecurityGroupRule` of type `ingress`, the three ways a program can open a group.
 * After a deployment the provider also reports standalone rules among the group's inline ones,
 * so a rule may be seen twice; callers report each opening once.
 */
export function ingressRulesOf(index: StackIndex, group: StackResource): IngressRule[] {
    const inline = elementsOf(group.props.ingress).map((block: any) =>
        rule(group, block?.protocol, block?.fromPort, block?.toPort, [block?.cidrBlocks, block?.ipv6CidrBlocks]),
    );
    const standalone = index
        .referrers(group, AWS.ingressRule, "securityGroupId")
        .map((r) => rule(r, r.props.ipProtocol, r.props.fromPort, r.props.toPort, [r.props.cidrIpv4, r.props.cidrIpv6]));
    const legacy = index
        .referrers(group, AWS.securityGroupRule, "securityGroupId")
        .filter((r) => knownString(r.props.type) === "ingress")
        .map((r) => rule(r, r.props.protocol, r.props.fromPort, r.props.toPort, [r.props.cidrBlocks, r.props.ipv6CidrBlocks]));
    return [...inline, ...standalone, ...legacy];
}

/** The admitted ranges that are the whole Internet: `0.0.0.0/0`, `::/0` (any /0 is everything). */
export function worldRanges(rule: IngressRule): string[] {
    return rule.cidrs.filter((cidr) => cidr.trim().endsWith("/0"));
}

/** Whether the rule admits TCP on `port`; `UNKNOWN` when its protocol or ports are not known yet. */
export function admitsTcpPort(rule: IngressRule, port: number): boolean | Unknown {
    if (isUnknown(rule.protocol)) {
        return UNKNOWN;
    }
    if (rule.protocol === "all") {
        // Protocol -1 admits every protocol and port; AWS ignores the port range.
        return true;
    }
    if (rule.protocol !== "tcp") {
        return false;
    }
    if (isUnknown(rule.fromPort) || isUnknown(rule.toPort) || rule.fromPort === undefined || rule.toPort === undefined) {
        return UNKNOWN;
    }
    return rule.fromPort <= port && port <= rule.toPort;
}

/** `tcp 443`, `tcp 0-65535`, `all traffic`: what a rule lets in, for messages. */
export function describeTraffic(rule: IngressRule): string {
    if (rule.protocol === "all") {
        return "all traffic";
    }
    const protocol = isUnknown(rule.protocol) ? "traffic" : rule.protocol;
    if (typeof rule.fromPort !== "number" || typeof rule.toPort !== "number") {
        return protocol;
    }
    return rule.fromPort === rule.toPort ? `${protocol} ${rule.fromPort}` : `${protocol} ${rule.fromPort}-${rule.toPort}`;
}

function rule(declaredBy: StackResource, protocol: unknown, fromPort: unknown, toPort: unknown, ranges: unknown[]): IngressRule {
    const cidrs = ranges.flatMap((range) => {
        const single = knownString(range);
        if (single !== undefined) {
            return [single];
        }
        return elementsOf(range).map(knownString).filter((c): c is string => c !== undefined);
    });
    return { declaredBy, protocol: normaliseProtocol(protocol), fromPort: knownNumber(fromPort), toPort: knownNumber(toPort), cidrs };
}

/** AWS accepts names or IANA numbers; `-1` (and the provider's `all`) mean every protocol. */
function normaliseProtocol(protocol: unknown): string | Unknown {
    if (isUnknown(protocol)) {
        return UNKNOWN;
    }
    const value = String(protocol ?? "").toLowerCase();
    const byNumber: Record<string, string> = { "-1": "all", all: "all", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6" };
    return byNumber[value] ?? value;
}

/** A security group open to the Internet, the resources it guards, and how it is open. */
export interface WorldOpening {
    group: StackResource;
    /** `"fn"`: the functions or endpoints the group is attached to. */
    guarded: string[];
    /** `tcp 22 from 0.0.0.0/0 (ingress rule "ssh")`, each opening once. */
    openings: string[];
}

/**
 * The groups among `attachments` with rules that `admits` and that are open to 0.0.0.0/0 or
 * ::/0, one entry per group however many resources share it.
 */
export function worldOpenings(
    index: StackIndex,
    attachments: { guarded: StackResource; groups: StackResource[] }[],
    admits: (rule: IngressRule) => boolean,
): WorldOpening[] {
    const byGroup = new Map<StackResource, { guarded: Set<string>; openings: Set<string> }>();
    for (const { guarded, groups } of attachments) {
        for (const group of groups) {
            for (const rule of ingressRulesOf(index, group).filter(admits)) {
                for (const range of worldRanges(rule)) {
                    const where = rule.declaredBy === group ? "an inline rule" : describe(rule.declaredBy);
                    const entry = byGroup.get(group) ?? { guarded: new Set<string>(), openings: new Set<string>() };
                    entry.guarded.add(`"${guarded.name}"`);
                    entry.openings.add(`${describeTraffic(rule)} from ${range} (${where})`);
                    byGroup.set(group, entry);
                }
            }
        }
    }
    return [...byGroup].map(([group, { guarded, openings }]) => ({ group, guarded: [...guarded], openings: [...openings] }));
}
