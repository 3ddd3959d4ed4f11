// A network spec as a deployed stack's resources: every id known, the way a program of plain
// `aws.*` resources records them after `pulumi up` (inputs as given, a few computed outputs).
// Layout: VPC 10.0.0.0/16 (and 2600:1f18:abcd:1200::/56 with IPv6); subnet i is 10.0.i.0/24
// (and 2600:1f18:abcd:12i::/64 when dual-stack).
import type { NetworkResource } from "../../../../sdk/network/network-resource";
import { GATEWAY_SERVICES, REGION } from "./public-addresses";
import type { AclRuleSpec, Cidr4, Cidr6, GroupRuleSpec, GroupSpec, NeedSpec, NetworkSpec, PeerSpec, RouteSpec } from "./network-arbitraries";

const VPC_ID = "vpc-0a1";
const VPC_IPV6 = "2600:1f18:abcd:1200::/56";
const DEFAULT_ACL_ID = "acl-0default";
const MAIN_TABLE_ID = "rtb-0main";
const CUSTOMER_PREFIX_LIST_ID = "pl-0c0ffee";
const DEFAULT_GROUP_ID = "sg-0d";
const NEEDS_TAG = "vpc-lambda:needs";
/** One action of each service an execution role may allow. */
const ROLE_ACTIONS: Record<string, string> = { s3: "GetObject", dynamodb: "GetItem", secretsmanager: "GetSecretValue", sts: "AssumeRole", sqs: "SendMessage" };

interface AclRuleInputs {
    number: number;
    allow: boolean;
    protocol: string;
    fromPort: number;
    toPort: number;
    cidr: { cidrBlock: string } | { ipv6CidrBlock: string };
}

export function stackOf(spec: NetworkSpec): NetworkResource[] {
    return new StackBuilder(spec).build();
}

class StackBuilder {
    private readonly resources: NetworkResource[] = [];
    private readonly subnetCount: number;
    private readonly functionGroupIds: string[];
    private readonly targetGroupIds: string[];
    private readonly natIds: string[];

    constructor(private readonly spec: NetworkSpec) {
        this.subnetCount = spec.subnets.length;
        this.functionGroupIds = spec.functionGroups.map((_, i) => `sg-f${i}`);
        this.targetGroupIds = spec.targetGroups.map((_, i) => `sg-a${i}`);
        this.natIds = spec.natGateways.map((_, i) => `nat-0${i}`);
    }

    build(): NetworkResource[] {
        const s = this.spec;
        this.add("aws:ec2/vpc:Vpc", "vpc", VPC_ID, {
            cidrBlock: "10.0.0.0/16",
            ...(s.dnsSupport === undefined ? {} : { enableDnsSupport: s.dnsSupport }),
            ...(s.dnsHostnames === undefined ? {} : { enableDnsHostnames: s.dnsHostnames }),
            ...(s.ipv6 ? { assignGeneratedIpv6CidrBlock: true, ipv6CidrBlock: VPC_IPV6 } : {}),
        }, { defaultNetworkAclId: DEFAULT_ACL_ID, defaultRouteTableId: MAIN_TABLE_ID, mainRouteTableId: MAIN_TABLE_ID, defaultSecurityGroupId: DEFAULT_GROUP_ID });
        if (s.internetGateway) {
            this.add("aws:ec2/internetGateway:InternetGateway", "igw", "igw-0a1", { vpcId: VPC_ID });
        }
        if (s.ipv6 && s.egressOnlyGateway) {
            this.add("aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway", "eigw", "eigw-0a1", { vpcId: VPC_ID });
        }
        s.subnets.forEach((subnet, i) =>
            this.add("aws:ec2/subnet:Subnet", `subnet${i}`, subnetId(i), {
                vpcId: VPC_ID,
                cidrBlock: `10.0.${i}.0/24`,
                availabilityZone: `${REGION}${"abc"[subnet.zone % s.zones]}`,
                ...(s.ipv6 && subnet.dualStack ? { ipv6CidrBlock: subnetIpv6(i), assignIpv6AddressOnCreation: true } : {}),
            }),
        );
        if (s.prefixList) {
            this.add("aws:ec2/managedPrefixList:ManagedPrefixList", "corporate", CUSTOMER_PREFIX_LIST_ID, { addressFamily: "IPv4", maxEntries: 5, entries: s.prefixList.map((c) => ({ cidr: this.cidr4(c) })) });
        }
        s.natGateways.forEach((nat, i) => {
            if (nat.connectivity === "public") {
                this.add("aws:ec2/eip:Eip", `nat${i}-eip`, `eipalloc-0${i}`, { domain: "vpc" });
            }
            this.add("aws:ec2/natGateway:NatGateway", `nat${i}`, this.natIds[i], {
                subnetId: subnetId(nat.subnet % this.subnetCount),
                connectivityType: nat.connectivity,
                ...(nat.connectivity === "public" ? { allocationId: `eipalloc-0${i}` } : {}),
            });
        });
        this.buildRouteTables();
        this.buildGroups();
        this.buildEndpoints();
        this.buildAcls();
        this.buildWearers();
        return this.resources;
    }

    private buildRouteTables(): void {
        const s = this.spec;
        s.tables.forEach((table, i) => {
            const routes = this.routes(table.routes);
            this.add("aws:ec2/routeTable:RouteTable", `rt${i}`, tableId(i), { vpcId: VPC_ID, ...(table.inline ? { routes: routes.map(inlineRoute) } : {}) });
            if (!table.inline) {
                routes.forEach((route, k) => this.add("aws:ec2/route:Route", `rt${i}-route${k}`, `r-${i}-${k}`, { routeTableId: tableId(i), ...route }));
            }
        });
        if (typeof s.main === "object" && "associated" in s.main) {
            this.add("aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation", "main-rt", "rtbassoc-main", { vpcId: VPC_ID, routeTableId: tableId(s.main.associated % s.tables.length) });
        } else if (typeof s.main === "object") {
            this.add("aws:ec2/defaultRouteTable:DefaultRouteTable", "main-rt", MAIN_TABLE_ID, { defaultRouteTableId: MAIN_TABLE_ID, routes: this.routes(s.main.adopted).map(inlineRoute) });
        }
        s.subnets.forEach((subnet, i) => {
            if (subnet.table !== "main") {
                this.add("aws:ec2/routeTableAssociation:RouteTableAssociation", `subnet${i}-rt`, `rtbassoc-${i}`, { subnetId: subnetId(i), routeTableId: tableId(subnet.table % s.tables.length) });
            }
        });
    }

    /** A table's routes as aws.ec2.Route inputs: one per destination (AWS keeps one), each to a target the stack has and the family takes. */
    private routes(specs: RouteSpec[]): Record<string, string>[] {
        const s = this.spec;
        const byDestination = new Map<string, Record<string, string>>();
        for (const route of specs) {
            const ipv6 = route.destination === "::/0" || route.destination === "fd00::/8";
            if ((ipv6 && !s.ipv6) || (route.destination === "prefixList" && !s.prefixList) || byDestination.has(route.destination)) {
                continue;
            }
            const destination: Record<string, string> =
                route.destination === "prefixList" ? { destinationPrefixListId: CUSTOMER_PREFIX_LIST_ID } : ipv6 ? { destinationIpv6CidrBlock: route.destination } : { destinationCidrBlock: route.destination };
            const target: Record<string, string> | false =
                route.target === "internetGateway"
                    ? s.internetGateway && { gatewayId: "igw-0a1" }
                    : route.target === "egressOnlyGateway"
                      ? ipv6 && s.egressOnlyGateway && { egressOnlyGatewayId: "eigw-0a1" }
                      : this.natIds.length > 0 && { natGatewayId: this.natIds[route.target.nat % this.natIds.length] };
            if (target) {
                byDestination.set(route.destination, { ...destination, ...target });
            }
        }
        return [...byDestination.values()];
    }

    private buildGroups(): void {
        const groups: [string, string, GroupSpec, "egress" | "ingress"][] = [
            ...this.spec.functionGroups.map((g, i): [string, string, GroupSpec, "egress"] => [this.functionGroupIds[i], `fn-sg${i}`, g, "egress"]),
            ...this.spec.targetGroups.map((g, i): [string, string, GroupSpec, "ingress"] => [this.targetGroupIds[i], `target-sg${i}`, g, "ingress"]),
        ];
        for (const [id, name, group, direction] of groups) {
            const rules = group.rules.map((rule) => this.groupRule(rule, id, direction));
            this.add("aws:ec2/securityGroup:SecurityGroup", name, id, { vpcId: VPC_ID, ...(group.style === "inline" ? { [direction]: rules.map((r) => r.inline) } : {}) });
            rules.forEach((rule, k) => {
                if (group.style === "vpcRule") {
                    const type = direction === "egress" ? "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule" : "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
                    this.add(type, `${name}-${direction}${k}`, `sgr-${id}-${k}`, rule.vpcRule);
                } else if (group.style === "securityGroupRule") {
                    this.add("aws:ec2/securityGroupRule:SecurityGroupRule", `${name}-${direction}${k}`, `sgrule-${id}-${k}`, rule.securityGroupRule);
                }
            });
        }
    }

    /** One rule in the three shapes @pulumi/aws takes it in (aws.vpc.SecurityGroup*Rule, aws.ec2.SecurityGroupRule, inline). */
    private groupRule(rule: GroupRuleSpec, ownId: string, direction: "egress" | "ingress"): { vpcRule: Record<string, unknown>; securityGroupRule: Record<string, unknown>; inline: Record<string, unknown> } {
        const all = rule.protocol === "-1";
        const icmp = rule.protocol === "icmp" || rule.protocol === "58";
        const [fromPort, toPort] = all ? [0, 0] : icmp ? [-1, -1] : rule.ports;
        const peer = this.peer(rule.peer, ownId, direction);
        const vpcPorts = all ? {} : { fromPort, toPort };
        const vpcPeer =
            "cidr4" in peer ? { cidrIpv4: peer.cidr4 } : "cidr6" in peer ? { cidrIpv6: peer.cidr6 } : "prefixList" in peer ? { prefixListId: peer.prefixList } : { referencedSecurityGroupId: peer.group };
        const listPeer = "cidr4" in peer ? { cidrBlocks: [peer.cidr4] } : "cidr6" in peer ? { ipv6CidrBlocks: [peer.cidr6] } : "prefixList" in peer ? { prefixListIds: [peer.prefixList] } : undefined;
        const selfPeer = "group" in peer && peer.group === ownId;
        return {
            vpcRule: { securityGroupId: ownId, ipProtocol: rule.protocol, ...vpcPorts, ...vpcPeer },
            securityGroupRule: { type: direction, securityGroupId: ownId, protocol: rule.protocol, fromPort, toPort, ...(listPeer ?? (selfPeer ? { self: true } : { sourceSecurityGroupId: (peer as { group: string }).group })) },
            inline: { protocol: rule.protocol, fromPort, toPort, ...(listPeer ?? (selfPeer ? { self: true } : { securityGroups: [(peer as { group: string }).group] })) },
        };
    }

    /** A rule's peer, resolved: a function group's egress goes to target groups; a target group's ingress comes from any group, or itself. */
    private peer(peer: PeerSpec, ownId: string, direction: "egress" | "ingress"): { cidr4: string } | { cidr6: string } | { prefixList: string } | { group: string } {
        if (peer === "self") {
            return { group: ownId };
        }
        if ("cidr4" in peer) {
            return { cidr4: this.cidr4(peer.cidr4) };
        }
        if ("cidr6" in peer) {
            return { cidr6: this.cidr6(peer.cidr6) };
        }
        if ("prefixList" in peer) {
            // An AWS-managed list is named only when the stack's gateway endpoint shows it; the
            // customer list only when the stack has it; otherwise the rule names the VPC's block.
            const service = peer.prefixList === "customer" ? undefined : peer.prefixList;
            if (service && this.spec.gatewayEndpoints.some((e) => e.service === service)) {
                return { prefixList: GATEWAY_SERVICES[service].prefixListId };
            }
            return this.spec.prefixList && !service ? { prefixList: CUSTOMER_PREFIX_LIST_ID } : { cidr4: "10.0.0.0/16" };
        }
        const candidates = direction === "egress" ? this.targetGroupIds : [...this.functionGroupIds, ...this.targetGroupIds];
        return { group: candidates[peer.group % candidates.length] };
    }

    private buildEndpoints(): void {
        const s = this.spec;
        const natTables = new Set(s.natGateways.map((nat) => this.tableOfSubnet(nat.subnet % this.subnetCount)));
        s.gatewayEndpoints.forEach((endpoint, i) => {
            const tables = [...new Set(endpoint.tables.map((t) => tableId(t % s.tables.length)))].filter((t) => !natTables.has(t));
            const id = `vpce-0g${i}`;
            this.add(
                "aws:ec2/vpcEndpoint:VpcEndpoint",
                `${endpoint.service}-endpoint`,
                id,
                { vpcId: VPC_ID, serviceName: `com.amazonaws.${REGION}.${endpoint.service}`, vpcEndpointType: "Gateway", ...(endpoint.viaAssociation ? {} : { routeTableIds: tables }) },
                { prefixListId: GATEWAY_SERVICES[endpoint.service].prefixListId },
            );
            if (endpoint.viaAssociation) {
                tables.forEach((table, k) => this.add("aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation", `${endpoint.service}-endpoint-rt${k}`, `a-${id}-${k}`, { vpcEndpointId: id, routeTableId: table }));
            }
        });
        s.interfaceEndpoints.forEach((endpoint, i) =>
            this.add("aws:ec2/vpcEndpoint:VpcEndpoint", `${endpoint.service}-endpoint`, `vpce-0i${i}`, {
                vpcId: VPC_ID,
                serviceName: `com.amazonaws.${REGION}.${endpoint.service}`,
                vpcEndpointType: "Interface",
                privateDnsEnabled: endpoint.privateDns,
                subnetIds: unique(endpoint.subnets.map((k) => subnetId(k % this.subnetCount))),
                ...(endpoint.defaultGroup ? {} : { securityGroupIds: unique(endpoint.groups.map((k) => this.targetGroupIds[k % this.targetGroupIds.length])) }),
            }),
        );
        if (s.interfaceEndpoints.some((e) => e.defaultGroup)) {
            const rules = s.defaultSecurityGroup.map((rule) => this.groupRule(rule, DEFAULT_GROUP_ID, "ingress").inline);
            this.add("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default-sg", DEFAULT_GROUP_ID, { vpcId: VPC_ID, ingress: rules });
        }
    }

    /** The table a subnet's traffic uses: its association, else the main table (undefined for the VPC's own). */
    private tableOfSubnet(k: number): string | undefined {
        const s = this.spec;
        const table = s.subnets[k].table;
        if (table !== "main") {
            return tableId(table % s.tables.length);
        }
        return typeof s.main === "object" && "associated" in s.main ? tableId(s.main.associated % s.tables.length) : undefined;
    }

    private buildAcls(): void {
        const s = this.spec;
        s.acls.forEach((acl, i) => {
            const members = s.subnets.map((subnet, k) => ({ subnet, k })).filter(({ subnet }) => subnet.acl !== "default" && subnet.acl % s.acls.length === i);
            const viaSubnetIds = members.filter(({ subnet }) => subnet.aclVia === "subnetIds").map(({ k }) => subnetId(k));
            this.add("aws:ec2/networkAcl:NetworkAcl", `acl${i}`, aclId(i), {
                vpcId: VPC_ID,
                ...(viaSubnetIds.length > 0 ? { subnetIds: viaSubnetIds } : {}),
                ...(acl.inline ? { ingress: this.aclRules(acl.ingress).map(inlineAclRule), egress: this.aclRules(acl.egress).map(inlineAclRule) } : {}),
            });
            if (!acl.inline) {
                for (const [direction, rules] of [["ingress", acl.ingress], ["egress", acl.egress]] as const) {
                    this.aclRules(rules).forEach((rule) =>
                        this.add("aws:ec2/networkAclRule:NetworkAclRule", `acl${i}-${direction}${rule.number}`, `aclr-${i}-${direction}-${rule.number}`, {
                            networkAclId: aclId(i),
                            ruleNumber: rule.number,
                            egress: direction === "egress",
                            ruleAction: rule.allow ? "allow" : "deny",
                            protocol: rule.protocol,
                            fromPort: rule.fromPort,
                            toPort: rule.toPort,
                            ...rule.cidr,
                        }),
                    );
                }
            }
            members.filter(({ subnet }) => subnet.aclVia === "association").forEach(({ k }) => this.add("aws:ec2/networkAclAssociation:NetworkAclAssociation", `subnet${k}-acl`, `aclassoc-${k}`, { networkAclId: aclId(i), subnetId: subnetId(k) }));
        });
        if (s.defaultAcl) {
            this.add("aws:ec2/defaultNetworkAcl:DefaultNetworkAcl", "default-acl", DEFAULT_ACL_ID, {
                defaultNetworkAclId: DEFAULT_ACL_ID,
                ingress: this.aclRules(s.defaultAcl.ingress).map(inlineAclRule),
                egress: this.aclRules(s.defaultAcl.egress).map(inlineAclRule),
            });
        }
    }

    /** One direction's rules: one per number (AWS keeps one), ports 0 for all protocols (the provider's rule for -1). */
    private aclRules(specs: AclRuleSpec[]): AclRuleInputs[] {
        const seen = new Set<number>();
        return specs
            .filter((r) => !seen.has(r.number) && seen.add(r.number))
            .map((r) => {
                const all = r.protocol === "-1" || r.protocol === "all";
                return {
                    number: r.number,
                    allow: r.allow,
                    protocol: r.protocol,
                    fromPort: all ? 0 : r.ports[0],
                    toPort: all ? 0 : r.ports[1],
                    cidr: "cidr4" in r.cidr ? { cidrBlock: this.cidr4(r.cidr.cidr4) } : { ipv6CidrBlock: this.cidr6(r.cidr.cidr6) },
                };
            });
    }

    private buildWearers(): void {
        const s = this.spec;
        s.targetGroups.forEach((group, i) => {
            const subnets = unique(group.wornBy.subnets.map((k) => subnetId(k % this.subnetCount)));
            const also = group.wornBy.alsoWears;
            const groups = unique([this.targetGroupIds[i], ...(also === undefined ? [] : [this.targetGroupIds[also % this.targetGroupIds.length]])]);
            if (group.wornBy.kind === "database") {
                this.add("aws:rds/subnetGroup:SubnetGroup", `db${i}-subnets`, `db${i}-subnets`, { subnetIds: subnets });
                this.add("aws:rds/instance:Instance", `db${i}`, `db${i}`, { engine: "postgres", dbSubnetGroupName: `db${i}-subnets`, vpcSecurityGroupIds: groups });
            } else {
                this.add("aws:ec2/instance:Instance", `instance${i}`, `i-0${i}`, { subnetId: subnets[0], vpcSecurityGroupIds: groups });
            }
        });
        s.functions.forEach((fn, i) => {
            const needs = fn.needs.map((n) => this.needToken(n)).join(" ");
            const roleArn = `arn:aws:iam::123456789012:role/fn${i}-role`;
            if (fn.roleServices.length > 0) {
                this.add("aws:iam/role:Role", `fn${i}-role`, `fn${i}-role`, { assumeRolePolicy: "{}" }, { arn: roleArn });
                const statements = fn.roleServices.map((service) => ({ Effect: "Allow", Action: `${service}:${ROLE_ACTIONS[service]}`, Resource: "*" }));
                this.add("aws:iam/rolePolicy:RolePolicy", `fn${i}-calls`, `fn${i}-calls`, { role: `fn${i}-role`, policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) });
            }
            this.add("aws:lambda/function:Function", `fn${i}`, `fn${i}`, {
                ...(fn.roleServices.length > 0 ? { role: roleArn } : {}),
                vpcConfig: {
                    subnetIds: unique(fn.subnets.map((k) => subnetId(k % this.subnetCount))),
                    securityGroupIds: unique(fn.groups.map((k) => this.functionGroupIds[k % this.functionGroupIds.length])),
                    ipv6AllowedForDualStack: fn.ipv6AllowedForDualStack,
                },
                ...(needs ? { tags: { [NEEDS_TAG]: needs } } : {}),
            });
        });
    }

    private needToken(need: NeedSpec): string {
        return typeof need === "string" ? need : `${this.targetGroupIds[need.group % this.targetGroupIds.length]}:${need.port}`;
    }

    private cidr4(cidr: Cidr4): string {
        if (typeof cidr === "string") {
            return cidr === "vpc" ? "10.0.0.0/16" : cidr;
        }
        const k = cidr.subnet % this.subnetCount;
        return cidr.half === undefined ? `10.0.${k}.0/24` : cidr.half === "low" ? `10.0.${k}.0/25` : `10.0.${k}.128/25`;
    }

    private cidr6(cidr: Cidr6): string {
        return typeof cidr === "string" ? (cidr === "vpc" ? VPC_IPV6 : cidr) : subnetIpv6(cidr.subnet % this.subnetCount);
    }

    private add(type: string, name: string, id: string, inputs: Record<string, unknown>, outputs?: Record<string, unknown>): void {
        this.resources.push({ urn: `urn:pulumi:oracle::net::${type}::${name}`, type, name, id, inputs, ...(outputs ? { outputs } : {}), propertyDependencies: {} });
    }
}

function subnetId(i: number): string {
    return `subnet-0${i}`;
}

function subnetIpv6(i: number): string {
    return `2600:1f18:abcd:12${i.toString(16).padStart(2, "0")}::/64`;
}

function tableId(i: number): string {
    return `rtb-0${i}`;
}

function aclId(i: number): string {
    return `acl-0${i}`;
}

/** An aws.ec2.Route's inputs as an inline route of a RouteTable (`cidrBlock`, `ipv6CidrBlock`). */
function inlineRoute(route: Record<string, string>): Record<string, string> {
    const { destinationCidrBlock, destinationIpv6CidrBlock, ...rest } = route;
    return { ...(destinationCidrBlock ? { cidrBlock: destinationCidrBlock } : {}), ...(destinationIpv6CidrBlock ? { ipv6CidrBlock: destinationIpv6CidrBlock } : {}), ...rest };
}

function inlineAclRule(rule: AclRuleInputs): Record<string, unknown> {
    return { ruleNo: rule.number, action: rule.allow ? "allow" : "deny", protocol: rule.protocol, fromPort: rule.fromPort, toPort: rule.toPort, ...rule.cidr };
}

function unique<T>(items: T[]): T[] {
    return [...new Set(items)];
}
