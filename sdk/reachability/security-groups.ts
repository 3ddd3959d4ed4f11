// Security groups: a connection leaves when one of the function's groups has an egress rule for
// it, and arrives when one of the target's groups has an ingress rule for it; rules only allow,
// and the groups a resource wears add up. They are stateful: the reply needs no rule. A rule's
// peer is a security group (whatever wears it), a CIDR block, or a prefix list. A group the
// stack creates has exactly the rules the stack gives it: the AWS provider removes the allow-all
// egress rule AWS adds to every new group (terraform-provider-aws, aws_security_group: "Terraform
// will remove this default rule"), and a DefaultSecurityGroup keeps only its inline rules. A group
// the stack does not create may have rules it cannot see. Facts: the VPC user guide, "Security
// group rules".
import { AWS_RESOURCE_TYPES } from "../aws/resource-types";
import { carriesTcp, NetworkGraph, SecurityGroupPermission, UNATTRIBUTED_GROUP } from "../network/network-graph";
import { AddressBlock, coverage, isEverything, isPrivate, parseBlock, remainderOf } from "./address-blocks";
import { prefixListContents } from "./prefix-lists";
import { Hop, worstHop } from "./types";

/** Where the function's traffic goes, as an egress rule sees it. */
export type EgressTarget =
    /** Any public address of the family. */
    | { kind: "internet"; family: "ipv4" | "ipv6" }
    /** An AWS service's public IPv4 addresses (those its gateway endpoint's prefix list names). */
    | { kind: "service"; service: string }
    /** Whatever wears one of `groups`, at addresses within `blocks` (`unknown` when they cannot be told). */
    | { kind: "members"; groups: readonly string[]; blocks: readonly AddressBlock[] | "unknown" };

/** Where the function's traffic comes from, as the target's ingress rule sees it. */
export interface Source {
    groups: readonly string[];
    /** The function's subnet's blocks of the family; `unknown` when not known yet. */
    blocks: readonly AddressBlock[] | "unknown";
}

type Match = "yes" | "maybe" | "no";

/** The egress hop: do the function's groups let TCP `port` out to the target? `towards` names the target in sentences. */
export function egressHop(graph: NetworkGraph, groups: readonly string[], port: number, target: EgressTarget, towards: string): Hop {
    if (target.kind === "members" && target.blocks !== "unknown" && target.blocks.length > 1) {
        // Members in several subnets: the traffic must get out to each, whichever rule lets it.
        return worstHop(target.blocks.map((block) => egressHop(graph, groups, port, { ...target, blocks: [block] }, `${towards} in ${block.cidr}`)));
    }
    const names = groupNames(graph, groups);
    const rules = groups.flatMap((g) => graph.permissionsOf(g, "egress"));
    const found = decide(graph, rules, groups, port, (peer) => peerReachesTarget(graph, peer, target), "egress", target.kind === "members" ? target.blocks : "unknown");
    if (found.allowing) {
        return { hop: "securityGroupEgress", status: "allows", resource: names, says: `security group ${graphName(graph, found.allowing.securityGroupId)} lets ${describeRule(graph, found.allowing)} out.` };
    }
    if (found.unknown) {
        return { hop: "securityGroupEgress", status: "unknown", resource: names, says: `whether security group ${names} lets TCP ${port} out to ${towards} cannot be told yet: ${found.unknown}.` };
    }
    return {
        hop: "securityGroupEgress",
        status: "denies",
        resource: names,
        says: `security group ${names} has no egress rule for TCP ${port} to ${towards}.`,
        fix: `Add an egress rule for TCP ${port} to ${egressPeerToAdd(graph, target)} to security group ${graphName(graph, groups[0])}.`,
    };
}

/** The ingress hop: do the target's groups admit TCP `port` from the function? */
export function ingressHop(graph: NetworkGraph, groups: readonly string[], port: number, source: Source, from: string): Hop {
    const names = groupNames(graph, groups);
    const rules = groups.flatMap((g) => graph.permissionsOf(g, "ingress"));
    const found = decide(graph, rules, groups, port, (peer) => peerIsSource(graph, peer, source), "ingress", source.blocks);
    if (found.allowing) {
        return { hop: "securityGroupIngress", status: "allows", resource: names, says: `security group ${graphName(graph, found.allowing.securityGroupId)} admits ${describeRule(graph, found.allowing)}.` };
    }
    if (found.unknown) {
        return { hop: "securityGroupIngress", status: "unknown", resource: names, says: `whether security group ${names} admits TCP ${port} from ${from} cannot be told yet: ${found.unknown}.` };
    }
    return {
        hop: "securityGroupIngress",
        status: "denies",
        resource: names,
        says: `security group ${names} admits no TCP ${port} from ${from}.`,
        fix: `Add an ingress rule to security group ${graphName(graph, groups[0])} for TCP ${port} from security group ${graphName(graph, source.groups[0])} (referencedSecurityGroupId).`,
    };
}

/**
 * The first rule that certainly allows, else why it cannot be told, else neither (it denies).
 * Rules add up: those that each name part of `blocks` (the addresses the peer may have) allow
 * the traffic together when between them they name all of it.
 */
function decide(
    graph: NetworkGraph,
    rules: readonly SecurityGroupPermission[],
    groups: readonly string[],
    port: number,
    peerMatches: (peer: SecurityGroupPermission["peer"]) => Match,
    direction: "egress" | "ingress",
    blocks: readonly AddressBlock[] | "unknown",
): { allowing?: SecurityGroupPermission; unknown?: string } {
    let unknown: string | undefined;
    for (const rule of rules) {
        const match = both(carriesTcp(rule, port), peerMatches(rule.peer));
        if (match === "yes") {
            return { allowing: rule };
        }
        if (match === "maybe") {
            unknown ??= `rule ${describeRule(graph, rule)} is not known yet`;
        }
    }
    const carrying = rules.filter((rule) => carriesTcp(rule, port) === "yes").map((rule) => ({ rule, named: namedBlocks(graph, rule.peer) }));
    const together = carrying.filter((c) => c.named.length > 0);
    if (blocks !== "unknown" && blocks.length > 0 && together.length > 0 && blocks.every((b) => remainderOf(b, together.flatMap((c) => c.named)).length === 0)) {
        return { allowing: together[0].rule };
    }
    for (const rule of graph.permissionsOf(UNATTRIBUTED_GROUP, direction)) {
        if (both(carriesTcp(rule, port), peerMatches(rule.peer)) !== "no") {
            unknown ??= "a rule whose security group is not known yet may be one of them";
        }
    }
    const outside = groups.filter((g) => !isManaged(graph, g));
    if (outside.length > 0) {
        unknown ??= `${groupNames(graph, outside)} ${outside.length === 1 ? "is" : "are"} not created by this stack, so its rules are not all known`;
    }
    return unknown ? { unknown } : {};
}

/** The blocks a CIDR or managed prefix list peer names; none for a group, a service's list, or a list not known. */
function namedBlocks(graph: NetworkGraph, peer: SecurityGroupPermission["peer"]): AddressBlock[] {
    if (peer.kind === "cidr") {
        const block = parseBlock(peer.cidr);
        return block ? [block] : [];
    }
    if (peer.kind === "prefixList") {
        const contents = prefixListContents(graph, peer.id);
        return contents.kind === "blocks" ? contents.blocks : [];
    }
    return [];
}


function peerReachesTarget(graph: NetworkGraph, peer: SecurityGroupPermission["peer"], target: EgressTarget): Match {
    switch (peer.kind) {
        case "unknown":
            return "maybe";
        case "securityGroup":
            return target.kind === "members" && target.groups.includes(peer.id) ? "yes" : "no";
        case "cidr":
            return blockReachesTarget(parseBlock(peer.cidr), target);
        case "prefixList": {
            const contents = prefixListContents(graph, peer.id);
            if (contents.kind === "service") {
                return target.kind === "service" && target.service === contents.service ? "yes" : "no";
            }
            if (contents.kind === "unknown") {
                return "maybe";
            }
            return strongest(contents.blocks.map((block) => blockReachesTarget(block, target)));
        }
    }
}

function blockReachesTarget(block: AddressBlock | undefined, target: EgressTarget): Match {
    if (!block) {
        return "no";
    }
    switch (target.kind) {
        // The internet is any address: a narrower block opens only part of it.
        case "internet":
            return block.family === target.family && isEverything(block) ? "yes" : "no";
        // A service's public addresses lie outside the private ranges; a narrower public block may or may not hold them.
        case "service":
            return block.family !== "ipv4" ? "no" : isEverything(block) ? "yes" : isPrivate(block) ? "no" : "maybe";
        case "members":
            return coversAll(block, target.blocks);
    }
}

function peerIsSource(graph: NetworkGraph, peer: SecurityGroupPermission["peer"], source: Source): Match {
    switch (peer.kind) {
        case "unknown":
            return "maybe";
        case "securityGroup":
            return source.groups.includes(peer.id) ? "yes" : "no";
        case "cidr": {
            const block = parseBlock(peer.cidr);
            return block ? coversAll(block, source.blocks) : "no";
        }
        case "prefixList": {
            const contents = prefixListContents(graph, peer.id);
            return contents.kind === "unknown" ? "maybe" : contents.kind === "service" ? "no" : strongest(contents.blocks.map((block) => coversAll(block, source.blocks)));
        }
    }
}

/** Whether `block` covers every address the traffic may use. */
function coversAll(block: AddressBlock, blocks: readonly AddressBlock[] | "unknown"): Match {
    if (blocks === "unknown") {
        return isEverything(block) ? "yes" : "maybe";
    }
    const each = blocks.filter((b) => b.family === block.family).map((b) => coverage(block, b));
    if (each.length === 0) {
        return "no";
    }
    return each.every((c) => c === "all") ? "yes" : each.some((c) => c !== "none") ? "maybe" : "no";
}

function both(a: Match, b: Match): Match {
    return a === "no" || b === "no" ? "no" : a === "maybe" || b === "maybe" ? "maybe" : "yes";
}

function strongest(matches: Match[]): Match {
    return matches.includes("yes") ? "yes" : matches.includes("maybe") ? "maybe" : "no";
}

/** A group whose every rule the stack shows. */
function isManaged(graph: NetworkGraph, groupId: string): boolean {
    const type = graph.resource(groupId)?.type;
    return type === AWS_RESOURCE_TYPES.securityGroup || type === AWS_RESOURCE_TYPES.defaultSecurityGroup;
}

function egressPeerToAdd(graph: NetworkGraph, target: EgressTarget): string {
    switch (target.kind) {
        case "internet":
            return target.family === "ipv4" ? "0.0.0.0/0" : "::/0";
        case "service": {
            const endpoint = graph.endpoints.find((e) => e.type === "Gateway" && e.service === target.service);
            return endpoint ? `gateway endpoint ${endpoint.name}'s prefix list` : "0.0.0.0/0";
        }
        case "members":
            return `security group ${graphName(graph, target.groups[0])}`;
    }
}

/** `tcp 443 to 0.0.0.0/0 ("Lambda to anywhere")`: a rule in words. */
function describeRule(graph: NetworkGraph, rule: SecurityGroupPermission): string {
    const protocol = rule.protocol === "-1" ? "all traffic" : rule.portsUnknown ? `${rule.protocol} (ports not known yet)` : `${rule.protocol} ${rule.fromPort === rule.toPort ? rule.fromPort : `${rule.fromPort}-${rule.toPort}`}`;
    const peer =
        rule.peer.kind === "securityGroup"
            ? `security group ${graphName(graph, rule.peer.id)}`
            : rule.peer.kind === "cidr"
              ? rule.peer.cidr
              : rule.peer.kind === "prefixList"
                ? `prefix list ${graphName(graph, rule.peer.id)}`
                : "a peer not known yet";
    return `${protocol} ${rule.direction === "egress" ? "to" : "from"} ${peer}${rule.description ? ` ("${rule.description}")` : ""}`;
}

function groupNames(graph: NetworkGraph, groups: readonly string[]): string {
    return groups.map((g) => graphName(graph, g)).join(", ");
}

function graphName(graph: NetworkGraph, id: string | undefined): string {
    return id === undefined ? "(none)" : graph.nameOf(id);
}
