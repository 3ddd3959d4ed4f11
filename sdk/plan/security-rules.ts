import { NetworkPattern } from "../args";
import type { ValidatedAllowTo } from "../arguments/validated-args";
import { ENDPOINT_SECURITY_GROUP_KEY } from "./endpoints";
import { ANY_IPV4, ANY_IPV6 } from "./routing";
import type { GatewayEndpointPlan, InterfaceEndpointPlan, Ref, RulePeer, SecurityGroupPlan, SecurityGroupRulePlan } from "./types";

export const LAMBDA_SECURITY_GROUP_KEY = "lambda-sg";
export const REPLACEMENT_SECURITY_GROUP_KEY = "lambda-replacement-sg";
const HTTPS = 443;

export interface SecurityPlan {
    securityGroups: SecurityGroupPlan[];
    securityGroupRules: SecurityGroupRulePlan[];
}

/**
 * The Lambda security group admits nothing (Lambda never needs inbound connections) and lets
 * out only what the pattern needs. The endpoint security group admits HTTPS from the Lambda
 * group alone, never from the VPC's whole range as CDK's endpoints do. Traffic to the VPC's DNS
 * resolver is not filtered by security groups, so no DNS rule is needed.
 */
export function planSecurity(
    componentName: string,
    pattern: NetworkPattern,
    gatewayEndpoints: GatewayEndpointPlan[],
    interfaceEndpoints: InterfaceEndpointPlan[],
    allowTo: ValidatedAllowTo[],
    dualStack: boolean,
): SecurityPlan {
    const lambda: SecurityGroupPlan = {
        key: LAMBDA_SECURITY_GROUP_KEY,
        role: "lambda",
        // A group's description cannot change in place (EC2 has no API for it; the provider marks
        // it ForceNew): it names no pattern, so switching patterns never replaces the group.
        description: `Lambda functions of ${componentName}: no ingress, egress only as the network pattern needs`,
    };
    const securityGroups = [lambda, replacementGroup(componentName)];
    const rules: SecurityGroupRulePlan[] = [];
    const egress = (rule: Omit<SecurityGroupRulePlan, "securityGroupKey" | "direction">) =>
        rules.push({ ...rule, securityGroupKey: lambda.key, direction: "egress" });

    if (pattern === NetworkPattern.PrivateWithNat) {
        egress({
            key: `${lambda.key}-egress-all`,
            description: "Lambda to anywhere through the NAT gateway",
            ipProtocol: "-1",
            peer: { kind: "cidr", cidrIpv4: ANY_IPV4 },
        });
        if (dualStack) {
            // The same reach over IPv6, through the egress-only internet gateway; nothing else
            // widens with dual stack.
            egress({
                key: `${lambda.key}-egress-all-ipv6`,
                description: "Lambda to anywhere over IPv6 through the egress-only internet gateway",
                ipProtocol: "-1",
                peer: { kind: "cidrIpv6", cidrIpv6: ANY_IPV6 },
            });
        }
    } else {
        // Without a NAT gateway there is nothing to reach outside the VPC but the endpoints.
        for (const endpoint of gatewayEndpoints) {
            egress({
                key: `${lambda.key}-egress-${endpoint.service}-https`,
                description: `Lambda to the ${endpoint.service} gateway endpoint over HTTPS`,
                ipProtocol: "tcp",
                fromPort: HTTPS,
                toPort: HTTPS,
                peer: { kind: "gatewayEndpointPrefixList", endpointKey: endpoint.key, service: endpoint.service },
            });
        }
    }

    if (interfaceEndpoints.length > 0) {
        const endpointGroup: SecurityGroupPlan = {
            key: ENDPOINT_SECURITY_GROUP_KEY,
            role: "endpoint",
            description: `Interface endpoints of ${componentName}: HTTPS from its Lambda security group only`,
        };
        securityGroups.push(endpointGroup);
        rules.push({
            key: `${endpointGroup.key}-ingress-lambda-https`,
            securityGroupKey: endpointGroup.key,
            direction: "ingress",
            description: "HTTPS from the Lambda security group",
            ipProtocol: "tcp",
            fromPort: HTTPS,
            toPort: HTTPS,
            peer: { kind: "securityGroup", ref: { key: lambda.key } },
        });
        if (pattern !== NetworkPattern.PrivateWithNat) {
            egress({
                key: `${lambda.key}-egress-endpoints-https`,
                description: "Lambda to the interface endpoints over HTTPS",
                ipProtocol: "tcp",
                fromPort: HTTPS,
                toPort: HTTPS,
                peer: { kind: "securityGroup", ref: { key: endpointGroup.key } },
            });
        }
    }

    allowToRuleKeys(allowTo).forEach((key, i) => {
        const target = allowTo[i];
        egress({
            key: `${lambda.key}-egress-${key}`,
            description: target.description,
            ipProtocol: "tcp",
            fromPort: target.port,
            toPort: target.port,
            peer: { kind: "securityGroup", ref: { id: target.securityGroupId } },
        });
    });
    return { securityGroups, securityGroupRules: rules };
}

/**
 * The group functions switch to just before they are deleted (`replaceSecurityGroupsOnDestroy`
 * with `replacementSecurityGroupIds`). Lambda keeps a deleted function's ENIs for up to ~20
 * minutes (seen: an hour) and, until they go, no group they carry can be deleted; swapped onto
 * this group, they hold it instead of the Lambda group, whose rules (and the rules in other
 * groups that name it, such as a database's ingress) can then be deleted at once. It has no
 * rules at all: no ingress, and no egress either, since the provider removes the allow-all
 * egress rule AWS adds to every new group.
 */
function replacementGroup(componentName: string): SecurityGroupPlan {
    return {
        key: REPLACEMENT_SECURITY_GROUP_KEY,
        role: "replacement",
        description: `Replaces the Lambda security group of ${componentName} on functions being deleted: no rules, no traffic`,
    };
}

/**
 * A rule's peer as the provider's rule arguments name it, with `group` and `prefixList` giving
 * the id of a planned or given group and of a gateway endpoint's prefix list: one mapping for
 * the resources the component registers and for the plan the reachability model reads.
 */
export function rulePeerArgs<Id>(
    peer: RulePeer,
    group: (ref: Ref) => Id,
    prefixList: (endpointKey: string) => Id,
): { cidrIpv4: string } | { cidrIpv6: string } | { referencedSecurityGroupId: Id } | { prefixListId: Id } {
    switch (peer.kind) {
        case "cidr":
            return { cidrIpv4: peer.cidrIpv4 };
        case "cidrIpv6":
            return { cidrIpv6: peer.cidrIpv6 };
        case "securityGroup":
            return { referencedSecurityGroupId: group(peer.ref) };
        case "gatewayEndpointPrefixList":
            return { prefixListId: prefixList(peer.endpointKey) };
    }
}

/**
 * Rule names keyed by port (`to-3306`, then `to-3306-2` for a second target on that port), not
 * by list position: removing one `allowTo` entry then leaves the others' rules untouched,
 * instead of shifting them and tripping AWS's duplicate-rule error on replacement.
 */
function allowToRuleKeys(allowTo: ValidatedAllowTo[]): string[] {
    const seen = new Map<number, number>();
    return allowTo.map(({ port }) => {
        const count = (seen.get(port) ?? 0) + 1;
        seen.set(port, count);
        return count === 1 ? `to-${port}` : `to-${port}-${count}`;
    });
}
