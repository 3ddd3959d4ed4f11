// Whether a network interface's security groups let a TCP connection out or in. A group only
// allows; the rules of all the groups an interface wears add up, and a connection they allow gets
// its replies through whatever the rules of the other direction say: groups are stateful
// (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html). A rule names its
// peer by block, prefix list, or security group; a group as the peer stands for the private
// addresses of what wears it (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html,
// "Security group referencing"), so it never matches an address outside the VPC.
import { Address, contains } from "./addresses";
import type { DeployedNetwork, GroupRule } from "./deployed-network";

/** The other end of the connection as the rules see it: its address, and the groups it wears if it is in the VPC. */
export interface RulePeer {
    address: Address;
    groupIds: readonly string[];
}

export function groupsAllow(network: DeployedNetwork, groupIds: readonly string[], direction: "ingress" | "egress", peer: RulePeer, port: number): boolean {
    return groupIds.some((id) => (network.groups.get(id)?.[direction] ?? []).some((rule) => allowsTcp(rule, port) && peerMatches(network, rule, peer)));
}

/** -1 is every protocol and port (node_modules/@pulumi/aws/vpc/securityGroupEgressRule.d.ts, `ipProtocol`); tcp or 6 its port range; any other protocol is not TCP. */
function allowsTcp(rule: GroupRule, port: number): boolean {
    if (rule.protocol === "-1" || rule.protocol === "all") {
        return true;
    }
    return (rule.protocol === "tcp" || rule.protocol === "6") && rule.fromPort! <= port && port <= rule.toPort!;
}

function peerMatches(network: DeployedNetwork, rule: GroupRule, peer: RulePeer): boolean {
    switch (rule.peer.kind) {
        case "block":
            return contains(rule.peer.block, peer.address);
        case "group":
            return peer.groupIds.includes(rule.peer.id);
        case "prefixList":
            return (network.prefixLists.get(rule.peer.id) ?? []).some((block) => contains(block, peer.address));
    }
}
