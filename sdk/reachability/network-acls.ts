// Network ACLs filter what crosses a subnet's edge, each way, and remember nothing: the reply to
// a connection must be allowed on its own, to the client's ephemeral port. Rules are read in
// ascending rule number; the first that matches decides (a rule for part of the addresses the
// traffic may use decides for those only); nothing matched is denied. A subnet with
// no association uses its VPC's default network ACL, which allows everything (IPv6 too once the
// VPC has an IPv6 block) until someone changes it; a new custom ACL denies everything until rules
// are added. Lambda functions and NAT gateways take their ephemeral ports from 1024-65535. Traffic
// within one subnet crosses no ACL. Facts: the VPC user guide, "Network ACLs", "Default network
// ACL", "Custom network ACLs" and "Ephemeral ports".
import { isUnknown } from "../network/known-values";
import { AWS_RESOURCE_TYPES, NETWORK_ACL_TYPES } from "../aws/resource-types";
import { isPlainObject, NetworkGraph, value } from "../network/network-graph";
import type { NetworkResource } from "../network/network-resource";
import { AddressBlock, isEverything, parseBlock, remainderOf } from "./address-blocks";
import type { Hop } from "./types";

/** The client ports a reply goes back to: what Lambda and NAT gateways use. */
export const EPHEMERAL_PORTS: PortRange = [1024, 65535];

export type PortRange = readonly [number, number];

/** Who is on the other side of a crossing. */
export type Peer =
    /** Any address of the family: the internet. Only a rule for the whole family (`/0`) speaks for all of it. */
    | { kind: "any"; family: "ipv4" | "ipv6" }
    /** Addresses within these blocks. */
    | { kind: "blocks"; blocks: readonly AddressBlock[] }
    /** Addresses of the family not known yet. */
    | { kind: "unknown"; family: "ipv4" | "ipv6" };

/** TCP traffic crossing one subnet's edge: leaving it (`egress`) towards `peer`, or entering it (`ingress`) from `peer`. */
export interface Crossing {
    subnetId: string;
    direction: "ingress" | "egress";
    peer: Peer;
    ports: PortRange;
    /** `the reply`: which leg of the connection, for the hop's sentence. */
    leg: string;
}

interface AclRule {
    /** -1 when not known yet: it may come before any known rule. */
    number: number;
    allow: boolean | "unknown";
    /** `tcp` (or all protocols) carries our traffic; other protocols never match. */
    protocol: "all" | "tcp" | "other" | "unknown";
    ports: PortRange | "unknown";
    block: AddressBlock | "unknown" | undefined;
}

interface Acl {
    /** The resource's name, or what stands for it. */
    name: string;
    /** How a sentence names it: `network ACL app-acl`, `the default network ACL of VPC app-vpc`. */
    title: string;
    rules: { ingress: AclRule[]; egress: AclRule[] } | "unknown";
}

/** The hop of every network ACL the traffic crosses, there and back. */
export function networkAclHop(graph: NetworkGraph, crossings: readonly Crossing[]): Hop {
    const edges = crossings.filter((c) => c.ports[0] <= c.ports[1]);
    let unknown: string | undefined;
    let unknownAcl: string | undefined;
    const names = new Set<string>();
    const titles = new Set<string>();
    for (const crossing of edges) {
        const acl = aclOf(graph, crossing.subnetId);
        const subnet = graph.subnet(crossing.subnetId).name;
        if (!acl) {
            if (unknown === undefined) {
                unknown = `the network ACL of subnet ${subnet} (not created by this stack) cannot be read here`;
                unknownAcl = subnet;
            }
            continue;
        }
        names.add(acl.name);
        titles.add(acl.title);
        const outcome = evaluate(acl, crossing);
        if (outcome.result === "denies") {
            const to = crossing.direction === "egress" ? "out of" : "into";
            const ports = portText(crossing.ports);
            const peer = peerText(crossing.peer);
            return {
                hop: "networkAcl",
                status: "denies",
                resource: acl.name,
                says: `${acl.title} of subnet ${subnet} stops ${crossing.leg} (TCP ${ports} ${crossing.direction === "egress" ? "to" : "from"} ${peer}) going ${to} the subnet${outcome.rule === undefined ? ": no rule allows it" : ` at rule ${outcome.rule}`}.`,
                fix: `Add an ${crossing.direction === "egress" ? "outbound" : "inbound"} rule to ${acl.title} allowing TCP ${ports} ${crossing.direction === "egress" ? "to" : "from"} ${peer}${outcome.rule === undefined ? "" : `, numbered below ${outcome.rule}`}.`,
            };
        }
        if (outcome.result === "unknown" && unknown === undefined) {
            unknown = `${acl.title} of subnet ${subnet} may stop ${crossing.leg}: ${outcome.why}`;
            unknownAcl = acl.name;
        }
    }
    const resource = [...names].join(", ") || undefined;
    if (unknown) {
        return { hop: "networkAcl", status: "unknown", ...(unknownAcl ? { resource: unknownAcl } : {}), says: `${unknown}.` };
    }
    return {
        hop: "networkAcl",
        status: "allows",
        ...(resource ? { resource } : {}),
        says: edges.length === 0 ? "the traffic stays within one subnet: no network ACL filters it." : `${[...titles].join(", ")} ${titles.size === 1 ? "lets" : "let"} the traffic and its reply through.`,
    };
}

/** The ACL a subnet uses; undefined when the stack cannot tell. */
function aclOf(graph: NetworkGraph, subnetId: string): Acl | undefined {
    return graph.memo(`networkAcl:${subnetId}`, () => {
        const associated = associationsOf(graph).get(subnetId);
        if (associated !== undefined) {
            return aclNamed(graph, associated);
        }
        const subnet = graph.subnet(subnetId);
        if (!subnet.inStack || subnet.vpcId === undefined) {
            return undefined;
        }
        return defaultAclOf(graph, subnet.vpcId);
    });
}

/** Subnet -> the ACL associated with it, by any of the provider's three ways. */
function associationsOf(graph: NetworkGraph): Map<string, string> {
    return graph.memo("networkAclAssociations", () => {
        const bySubnet = new Map<string, string>();
        for (const association of graph.ofType(AWS_RESOURCE_TYPES.networkAclAssociation)) {
            const subnet = graph.ref(association, "subnetId", [AWS_RESOURCE_TYPES.subnet]);
            const acl = graph.ref(association, "networkAclId", NETWORK_ACL_TYPES);
            if (subnet !== undefined && acl !== undefined) {
                bySubnet.set(subnet, acl);
            }
        }
        for (const acl of graph.ofType(...NETWORK_ACL_TYPES)) {
            for (const subnet of graph.refs(acl, "subnetIds", [AWS_RESOURCE_TYPES.subnet])) {
                bySubnet.set(subnet, graph.identity(acl));
            }
        }
        return bySubnet;
    });
}

/** A VPC's default ACL: adopted by a DefaultNetworkAcl (its rules then are the inline ones), else AWS's allow-all one. */
function defaultAclOf(graph: NetworkGraph, vpcId: string): Acl | undefined {
    const vpc = graph.resource(vpcId);
    if (!vpc || vpc.type !== AWS_RESOURCE_TYPES.vpc) {
        return undefined;
    }
    const defaultId = value(vpc, "defaultNetworkAclId");
    const adopted = graph.ofType(AWS_RESOURCE_TYPES.defaultNetworkAcl).find((acl) => {
        const id = value(acl, "defaultNetworkAclId");
        return typeof id === "string" && !isUnknown(id) ? id === defaultId : (acl.propertyDependencies.defaultNetworkAclId ?? []).includes(vpc.urn);
    });
    if (adopted) {
        return aclNamed(graph, graph.identity(adopted));
    }
    const everything = (family: "ipv4" | "ipv6"): AclRule => ({ number: family === "ipv4" ? 100 : 101, allow: true, protocol: "all", ports: [0, 65535], block: parseBlock(family === "ipv4" ? "0.0.0.0/0" : "::/0") });
    const rules = [everything("ipv4"), everything("ipv6")];
    return { name: `${vpc.name} default network ACL`, title: `the default network ACL of VPC ${vpc.name}`, rules: { ingress: rules, egress: rules } };
}

function aclNamed(graph: NetworkGraph, id: string): Acl {
    const resource = graph.resource(id);
    if (!resource || (resource.type !== AWS_RESOURCE_TYPES.networkAcl && resource.type !== AWS_RESOURCE_TYPES.defaultNetworkAcl)) {
        return { name: graph.nameOf(id), title: `network ACL ${graph.nameOf(id)}`, rules: "unknown" };
    }
    const ingress = inlineRules(resource, "ingress");
    const egress = inlineRules(resource, "egress");
    if (ingress === "unknown" || egress === "unknown") {
        return { name: resource.name, title: `network ACL ${resource.name}`, rules: "unknown" };
    }
    const rules = { ingress, egress };
    if (resource.type === AWS_RESOURCE_TYPES.networkAcl) {
        for (const rule of graph.ofType(AWS_RESOURCE_TYPES.networkAclRule).filter((r) => graph.ref(r, "networkAclId", [AWS_RESOURCE_TYPES.networkAcl]) === id)) {
            const egress = value(rule, "egress");
            const entry = aclRule(value(rule, "ruleNumber"), value(rule, "ruleAction"), value(rule, "protocol"), value(rule, "fromPort"), value(rule, "toPort"), value(rule, "cidrBlock"), value(rule, "ipv6CidrBlock"));
            if (isUnknown(egress)) {
                rules.ingress.push({ ...entry, allow: "unknown" });
                rules.egress.push({ ...entry, allow: "unknown" });
            } else {
                rules[egress === true ? "egress" : "ingress"].push(entry);
            }
        }
    }
    const byNumber = (a: AclRule, b: AclRule) => a.number - b.number;
    return { name: resource.name, title: `network ACL ${resource.name}`, rules: { ingress: rules.ingress.sort(byNumber), egress: rules.egress.sort(byNumber) } };
}

function inlineRules(acl: NetworkResource, direction: "ingress" | "egress"): AclRule[] | "unknown" {
    const entries = value(acl, direction);
    if (isUnknown(entries)) {
        return "unknown";
    }
    return (Array.isArray(entries) ? entries : []).map((e) =>
        isPlainObject(e) ? aclRule(e.ruleNo, e.action, e.protocol, e.fromPort, e.toPort, e.cidrBlock, e.ipv6CidrBlock) : { number: 0, allow: "unknown", protocol: "unknown", ports: "unknown", block: "unknown" },
    );
}

function aclRule(number: unknown, action: unknown, protocol: unknown, fromPort: unknown, toPort: unknown, cidr: unknown, ipv6Cidr: unknown): AclRule {
    const text = typeof protocol === "number" ? String(protocol) : typeof protocol === "string" && !isUnknown(protocol) ? protocol.toLowerCase() : undefined;
    const kind: AclRule["protocol"] = text === undefined ? "unknown" : text === "-1" || text === "all" ? "all" : text === "tcp" || text === "6" ? "tcp" : "other";
    const given = [cidr, ipv6Cidr].find((c) => c !== undefined && c !== null && c !== "");
    return {
        // An unknown number sorts first: it may decide before every known rule.
        number: typeof number === "number" ? number : -1,
        allow: isUnknown(action) || typeof action !== "string" ? "unknown" : action.toLowerCase() === "allow",
        protocol: kind,
        // All protocols, and TCP with from 0 to 0, cover every port.
        ports: kind === "all" ? [0, 65535] : isUnknown(fromPort) || isUnknown(toPort) ? "unknown" : typeof fromPort === "number" && typeof toPort === "number" && !(fromPort === 0 && toPort === 0) ? [fromPort, toPort] : [0, 65535],
        block: given === undefined ? undefined : typeof given === "string" && !isUnknown(given) ? parseBlock(given) : "unknown",
    };
}

type Outcome = { result: "allows" } | { result: "denies"; rule?: number } | { result: "unknown"; why: string };

/**
 * Judges the crossing over its ports and the peer's addresses. A peer of several blocks (a
 * group's members in several subnets) is judged block by block: each must get through. Denied
 * if any port is certainly denied (a reply to that port would be dropped); unknown if any port's
 * answer cannot be told; allowed otherwise.
 */
function evaluate(acl: Acl, crossing: Crossing): Outcome {
    if (acl.rules === "unknown") {
        return { result: "unknown", why: "its rules are not known yet" };
    }
    if (crossing.peer.kind === "blocks" && crossing.peer.blocks.length > 1) {
        const each = crossing.peer.blocks.map((block) => evaluate(acl, { ...crossing, peer: { kind: "blocks", blocks: [block] } }));
        return each.find((o) => o.result === "denies") ?? each.find((o) => o.result === "unknown") ?? each[0];
    }
    const rules = acl.rules[crossing.direction];
    // The answer only changes where a rule's port range starts or ends: one port stands for each stretch.
    const starts = new Set([crossing.ports[0]]);
    for (const rule of rules) {
        for (const edge of rule.ports === "unknown" ? [] : [rule.ports[0], rule.ports[1] + 1]) {
            if (edge > crossing.ports[0] && edge <= crossing.ports[1]) {
                starts.add(edge);
            }
        }
    }
    const outcomes = [...starts].sort((a, b) => a - b).map((port) => evaluatePort(rules, crossing.peer, port));
    return outcomes.find((o) => o.result === "denies") ?? outcomes.find((o) => o.result === "unknown") ?? { result: "allows" };
}

/**
 * One port, rule by rule in order. A rule that matches every address of the peer decides; one
 * that matches some of them decides for those, and the others go on to the next rules; nothing
 * matched is denied. The answer is certain when every address gets the same one. A rule not
 * known yet may decide first: the answer cannot be told.
 */
function evaluatePort(rules: readonly AclRule[], peer: Peer, port: number): Outcome {
    const family = peer.kind === "blocks" ? peer.blocks[0]?.family ?? "ipv4" : peer.family;
    const answers = new Set<boolean>();
    let denyingRule: number | undefined;
    let decided = false;
    /** The blocks of the rules that decided for some of the peer's addresses: later rules judge the others only. */
    const matched: AddressBlock[] = [];
    for (const rule of rules) {
        if (rule.protocol === "other" || (rule.block !== "unknown" && rule.block !== undefined && rule.block.family !== family) || rule.block === undefined) {
            continue;
        }
        const address = rule.block === "unknown" ? "maybe" : addressMatch(rule.block, peer, matched);
        const ports: PortRange = rule.ports === "unknown" ? [0, 65535] : rule.ports;
        if (address === "no" || port < ports[0] || ports[1] < port) {
            continue;
        }
        if (rule.block === "unknown" || rule.number < 0 || rule.protocol === "unknown" || rule.ports === "unknown" || rule.allow === "unknown") {
            return { result: "unknown", why: "a rule not known yet may decide first" };
        }
        answers.add(rule.allow);
        matched.push(rule.block);
        if (!rule.allow) {
            denyingRule ??= rule.number;
        }
        if (address === "yes") {
            decided = true;
            break;
        }
    }
    if (!decided) {
        answers.add(false);
    }
    if (answers.size > 1) {
        return { result: "unknown", why: "it allows some of the addresses the traffic may use and denies others" };
    }
    return answers.has(true) ? { result: "allows" } : { result: "denies", rule: denyingRule };
}

/** Whether a rule's block speaks for every address of the peer that earlier rules (`matched`) left undecided, some, or none. */
function addressMatch(block: AddressBlock, peer: Peer, matched: readonly AddressBlock[]): "yes" | "maybe" | "no" {
    if (peer.kind === "any") {
        // A rule for part of the internet decides only for that part.
        return isEverything(block) ? "yes" : "no";
    }
    if (peer.kind === "unknown") {
        return isEverything(block) ? "yes" : "maybe";
    }
    const [lo, hi] = [block.first, block.first + block.size - 1n];
    const left = peer.blocks.filter((b) => b.family === block.family).flatMap((b) => remainderOf(b, matched));
    const inside = left.filter(([a, z]) => lo <= a && z <= hi);
    if (left.length > 0 && inside.length === left.length) {
        return "yes";
    }
    return left.some(([a, z]) => a <= hi && lo <= z) ? "maybe" : "no";
}

function portText([lo, hi]: PortRange): string {
    return lo === hi ? String(lo) : `${lo}-${hi}`;
}

function peerText(peer: Peer): string {
    if (peer.kind === "any") {
        return peer.family === "ipv4" ? "0.0.0.0/0" : "::/0";
    }
    if (peer.kind === "unknown") {
        return "addresses not known yet";
    }
    return peer.blocks.map((b) => b.cidr).join(", ");
}
