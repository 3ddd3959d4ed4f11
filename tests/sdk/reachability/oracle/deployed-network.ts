// The oracle's own reading of a stack: the network as AWS would hold it once deployed, read
// straight from the recorded resources (type tokens and property names as @pulumi/aws gives them)
// and from nothing in sdk/. Only what a packet meets is read: subnets, route tables and their
// routes, network ACLs and their rules, gateways, endpoints, security groups and their rules,
// prefix lists, and what wears each group.
import { AWS_RESOURCE_TYPES } from "../../../../sdk/aws/resource-types";
import type { NetworkResource } from "../../../../sdk/network/network-resource";
import { Block, parseBlock } from "./addresses";
import { GATEWAY_SERVICES } from "./public-addresses";

// Pulumi's type tokens: the table the policy pack uses (plain names, no model logic), and the
// ones only the network reads.
const TYPE = {
    ...AWS_RESOURCE_TYPES,
    egressOnlyInternetGateway: "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
    vpcEndpointRouteTableAssociation: "aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation",
    managedPrefixList: "aws:ec2/managedPrefixList:ManagedPrefixList",
    networkAcl: "aws:ec2/networkAcl:NetworkAcl",
    defaultNetworkAcl: "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
    networkAclRule: "aws:ec2/networkAclRule:NetworkAclRule",
    networkAclAssociation: "aws:ec2/networkAclAssociation:NetworkAclAssociation",
} as const;

export interface Subnet {
    id: string;
    name: string;
    block: Block;
    ipv6?: Block;
}

export type RouteTarget = { kind: "local" } | { kind: "internetGateway" | "egressOnlyInternetGateway" | "natGateway" | "vpcEndpoint"; id: string };

export interface Route {
    destination: { kind: "block"; block: Block } | { kind: "prefixList"; id: string };
    target: RouteTarget;
}

export interface RouteTable {
    name: string;
    routes: Route[];
}

export interface AclRule {
    number: number;
    allow: boolean;
    protocol: string;
    fromPort: number;
    toPort: number;
    block: Block;
}

export interface NetworkAcl {
    name: string;
    ingress: AclRule[];
    egress: AclRule[];
}

export type Peer = { kind: "block"; block: Block } | { kind: "group"; id: string } | { kind: "prefixList"; id: string };

export interface GroupRule {
    protocol: string;
    fromPort?: number;
    toPort?: number;
    peer: Peer;
}

export interface SecurityGroup {
    id: string;
    name: string;
    egress: GroupRule[];
    ingress: GroupRule[];
}

export interface NatGateway {
    id: string;
    name: string;
    subnetId: string;
    isPublic: boolean;
    hasElasticIp: boolean;
}

export interface InterfaceEndpoint {
    name: string;
    service: string;
    subnetIds: string[];
    /** The groups it wears: those it names, else its VPC's default group. */
    groupIds: string[];
    /** The groups it names. */
    namedGroupIds: string[];
    privateDns: boolean;
}

export interface GatewayEndpoint {
    id: string;
    name: string;
    service: string;
    prefixListId: string;
}

export interface LambdaFunction {
    name: string;
    subnetIds: string[];
    groupIds: string[];
    ipv6AllowedForDualStack: boolean;
}

/** Something wearing security groups, with every subnet its network interface may be placed in. */
export interface Wearer {
    name: string;
    groupIds: string[];
    subnetIds: string[];
}

export class DeployedNetwork {
    readonly vpcBlock: Block;
    readonly vpcIpv6?: Block;
    readonly dnsSupport: boolean;
    readonly dnsHostnames: boolean;
    readonly subnets = new Map<string, Subnet>();
    readonly natGateways = new Map<string, NatGateway>();
    readonly internetGateways = new Set<string>();
    readonly egressOnlyGateways = new Set<string>();
    readonly groups = new Map<string, SecurityGroup>();
    readonly prefixLists = new Map<string, Block[]>();
    readonly interfaceEndpoints: InterfaceEndpoint[] = [];
    readonly gatewayEndpoints = new Map<string, GatewayEndpoint>();
    readonly functions: LambdaFunction[] = [];
    readonly wearers: Wearer[] = [];
    /** Every block a rule or a prefix list names: where an ENI's address may start to matter. */
    readonly ruleBlocks: Block[] = [];
    private readonly tables = new Map<string, RouteTable>();
    private readonly tableOfSubnet = new Map<string, string>();
    private readonly mainTable: RouteTable;
    private readonly acls = new Map<string, NetworkAcl>();
    private readonly aclOfSubnet = new Map<string, string>();
    private readonly defaultAcl: NetworkAcl;

    constructor(private readonly resources: readonly NetworkResource[]) {
        const vpcs = this.ofType(TYPE.vpc);
        if (vpcs.length !== 1) {
            throw new Error(`the oracle reads networks of one VPC; this stack has ${vpcs.length}`);
        }
        const vpc = vpcs[0];
        this.vpcBlock = parseBlock(prop(vpc, "cidrBlock"));
        const ipv6 = prop(vpc, "ipv6CidrBlock");
        this.vpcIpv6 = ipv6 ? parseBlock(ipv6) : undefined;
        // aws.ec2.Vpc: enableDnsSupport defaults to true, enableDnsHostnames to false (node_modules/@pulumi/aws/ec2/vpc.d.ts).
        this.dnsSupport = prop(vpc, "enableDnsSupport") ?? true;
        this.dnsHostnames = prop(vpc, "enableDnsHostnames") ?? false;

        for (const r of this.ofType(TYPE.subnet)) {
            const v6 = prop(r, "ipv6CidrBlock");
            this.subnets.set(r.id!, { id: r.id!, name: r.name, block: parseBlock(prop(r, "cidrBlock")), ...(v6 ? { ipv6: parseBlock(v6) } : {}) });
        }
        this.readGateways();
        this.readPrefixLists();
        this.readEndpoints();
        this.mainTable = this.readRouteTables(vpc);
        this.defaultAcl = this.readAcls(vpc);
        this.readGroups();
        this.readWearers();
    }

    /** The table that routes a subnet: its own association, else the VPC's main route table (https://docs.aws.amazon.com/vpc/latest/userguide/RouteTables.html, "Main route table"). */
    routeTableOf(subnetId: string): RouteTable {
        const id = this.tableOfSubnet.get(subnetId);
        return id === undefined ? this.mainTable : this.tables.get(id)!;
    }

    /** A subnet's network ACL: its association, else the VPC's default ACL (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html, "Network ACL basics"). */
    aclOf(subnetId: string): NetworkAcl {
        const id = this.aclOfSubnet.get(subnetId);
        return id === undefined ? this.defaultAcl : this.acls.get(id)!;
    }

    private ofType(type: string): NetworkResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    private readGateways(): void {
        for (const r of this.ofType(TYPE.internetGateway)) {
            if (prop(r, "vpcId") !== undefined) {
                this.internetGateways.add(r.id!);
            }
        }
        for (const r of this.ofType(TYPE.egressOnlyInternetGateway)) {
            this.egressOnlyGateways.add(r.id!);
        }
        for (const r of this.ofType(TYPE.natGateway)) {
            // connectivityType defaults to public (node_modules/@pulumi/aws/ec2/natGateway.d.ts).
            const isPublic = (prop(r, "connectivityType") ?? "public") === "public";
            this.natGateways.set(r.id!, { id: r.id!, name: r.name, subnetId: prop(r, "subnetId"), isPublic, hasElasticIp: prop(r, "allocationId") !== undefined });
        }
    }

    private readPrefixLists(): void {
        for (const r of this.ofType(TYPE.managedPrefixList)) {
            const blocks = (prop<{ cidr: string }[]>(r, "entries") ?? []).map((e) => parseBlock(e.cidr));
            this.prefixLists.set(r.id!, blocks);
            this.ruleBlocks.push(...blocks);
        }
        for (const [, service] of Object.entries(GATEWAY_SERVICES)) {
            this.prefixLists.set(service.prefixListId, service.ranges);
        }
    }

    private readEndpoints(): void {
        // An interface endpoint that names no group wears its VPC's default group
        // (https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html).
        const defaultGroup = this.ofType(TYPE.defaultSecurityGroup)[0]?.id;
        for (const r of this.ofType(TYPE.vpcEndpoint)) {
            const service = String(prop(r, "serviceName")).split(".").slice(3).join(".");
            // vpcEndpointType defaults to Gateway; privateDnsEnabled to false (node_modules/@pulumi/aws/ec2/vpcEndpoint.d.ts).
            if ((prop(r, "vpcEndpointType") ?? "Gateway") === "Interface") {
                const named: string[] = prop(r, "securityGroupIds") ?? [];
                const groupIds = named.length > 0 ? named : defaultGroup ? [defaultGroup] : [];
                this.interfaceEndpoints.push({ name: r.name, service, subnetIds: prop(r, "subnetIds") ?? [], groupIds, namedGroupIds: named, privateDns: prop(r, "privateDnsEnabled") ?? false });
            } else {
                this.gatewayEndpoints.set(r.id!, { id: r.id!, name: r.name, service, prefixListId: prop(r, "prefixListId") ?? GATEWAY_SERVICES[service].prefixListId });
            }
        }
    }

    private readRouteTables(vpc: NetworkResource): RouteTable {
        const local: Route[] = [this.vpcBlock, ...(this.vpcIpv6 ? [this.vpcIpv6] : [])].map((block) => ({ destination: { kind: "block", block }, target: { kind: "local" } }));
        for (const r of [...this.ofType(TYPE.routeTable), ...this.ofType(TYPE.defaultRouteTable)]) {
            const inline = (prop<Record<string, string>[]>(r, "routes") ?? []).map((entry) => routeOf({ ...entry, destinationCidrBlock: entry.cidrBlock, destinationIpv6CidrBlock: entry.ipv6CidrBlock }));
            this.tables.set(r.id!, { name: r.name, routes: [...local, ...inline] });
        }
        for (const r of this.ofType(TYPE.route)) {
            this.tables.get(prop(r, "routeTableId"))!.routes.push(routeOf(r.inputs));
        }
        // A gateway endpoint adds a route for its service's prefix list to each of its route tables.
        const endpointTables: [string, string][] = [
            ...this.ofType(TYPE.vpcEndpoint).flatMap((r) => (prop<string[]>(r, "routeTableIds") ?? []).map((t): [string, string] => [r.id!, t])),
            ...this.ofType(TYPE.vpcEndpointRouteTableAssociation).map((r): [string, string] => [prop(r, "vpcEndpointId"), prop(r, "routeTableId")]),
        ];
        for (const [endpointId, tableId] of endpointTables) {
            const endpoint = this.gatewayEndpoints.get(endpointId)!;
            this.tables.get(tableId)!.routes.push({ destination: { kind: "prefixList", id: endpoint.prefixListId }, target: { kind: "vpcEndpoint", id: endpointId } });
        }
        for (const r of this.ofType(TYPE.routeTableAssociation)) {
            this.tableOfSubnet.set(prop(r, "subnetId"), prop(r, "routeTableId"));
        }
        const chosen = this.ofType(TYPE.mainRouteTableAssociation)[0];
        if (chosen) {
            return this.tables.get(prop(chosen, "routeTableId"))!;
        }
        const adopted = this.ofType(TYPE.defaultRouteTable).find((t) => prop(t, "defaultRouteTableId") === prop(vpc, "defaultRouteTableId"));
        // A new VPC's own main route table holds its local routes only.
        return adopted ? this.tables.get(adopted.id!)! : { name: `${vpc.name} main route table`, routes: local };
    }

    private readAcls(vpc: NetworkResource): NetworkAcl {
        for (const r of [...this.ofType(TYPE.networkAcl), ...this.ofType(TYPE.defaultNetworkAcl)]) {
            const inline = (direction: "ingress" | "egress") => (prop<Record<string, any>[]>(r, direction) ?? []).map((rule) => this.aclRuleOf({ ...rule, ruleNumber: rule.ruleNo, ruleAction: rule.action }));
            this.acls.set(r.id!, { name: r.name, ingress: inline("ingress"), egress: inline("egress") });
            for (const subnetId of prop<string[]>(r, "subnetIds") ?? []) {
                this.aclOfSubnet.set(subnetId, r.id!);
            }
        }
        for (const r of this.ofType(TYPE.networkAclRule)) {
            const acl = this.acls.get(prop(r, "networkAclId"))!;
            (prop(r, "egress") ? acl.egress : acl.ingress).push(this.aclRuleOf(r.inputs));
        }
        for (const r of this.ofType(TYPE.networkAclAssociation)) {
            this.aclOfSubnet.set(prop(r, "subnetId"), prop(r, "networkAclId"));
        }
        const adopted = this.ofType(TYPE.defaultNetworkAcl).find((a) => prop(a, "defaultNetworkAclId") === prop(vpc, "defaultNetworkAclId"));
        if (adopted) {
            return this.acls.get(adopted.id!)!;
        }
        // A VPC's own default ACL allows all IPv4 traffic, and all IPv6 traffic once the VPC has an
        // IPv6 block, each way (https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html).
        const everything = [parseBlock("0.0.0.0/0"), parseBlock("::/0")].map((block, i): AclRule => ({ number: 100 + i, allow: true, protocol: "-1", fromPort: 0, toPort: 0, block }));
        return { name: `${vpc.name} default network ACL`, ingress: everything, egress: everything };
    }

    private aclRuleOf(rule: Record<string, any>): AclRule {
        const block = parseBlock(rule.cidrBlock ?? rule.ipv6CidrBlock);
        this.ruleBlocks.push(block);
        return { number: rule.ruleNumber, allow: rule.ruleAction === "allow", protocol: String(rule.protocol).toLowerCase(), fromPort: rule.fromPort ?? 0, toPort: rule.toPort ?? 0, block };
    }

    private readGroups(): void {
        for (const r of [...this.ofType(TYPE.securityGroup), ...this.ofType(TYPE.defaultSecurityGroup)]) {
            // Inline rules; with none, the provider removes the default allow-all egress rule
            // AWS adds to a new group (node_modules/@pulumi/aws/ec2/securityGroup.d.ts, "NOTE on Egress rules"),
            // and the rules of a default group it adopts (defaultSecurityGroup.d.ts).
            const inline = (direction: "ingress" | "egress") => (prop<Record<string, any>[]>(r, direction) ?? []).flatMap((rule) => this.groupRulesOf(rule, r.id!, rule.securityGroups ?? []));
            this.groups.set(r.id!, { id: r.id!, name: r.name, ingress: inline("ingress"), egress: inline("egress") });
        }
        for (const r of this.ofType(TYPE.securityGroupRule)) {
            const groupId: string = prop(r, "securityGroupId");
            const rules = this.groupRulesOf(r.inputs, groupId, r.inputs.sourceSecurityGroupId ? [r.inputs.sourceSecurityGroupId] : []);
            this.groups.get(groupId)![prop<"ingress" | "egress">(r, "type")].push(...rules);
        }
        for (const [type, direction] of [[TYPE.ingressRule, "ingress"], [TYPE.egressRule, "egress"]] as const) {
            for (const r of this.ofType(type)) {
                const i = r.inputs;
                const peer: Peer = i.cidrIpv4 || i.cidrIpv6 ? this.blockPeer(i.cidrIpv4 ?? i.cidrIpv6) : i.prefixListId ? { kind: "prefixList", id: i.prefixListId } : { kind: "group", id: i.referencedSecurityGroupId };
                this.groups.get(i.securityGroupId)![direction].push({ protocol: String(i.ipProtocol).toLowerCase(), fromPort: i.fromPort, toPort: i.toPort, peer });
            }
        }
    }

    /** The rules an `aws.ec2.SecurityGroupRule` or an inline rule stands for: one per peer it names. */
    private groupRulesOf(rule: Record<string, any>, ownGroupId: string, groupPeers: string[]): GroupRule[] {
        const peers: Peer[] = [
            ...[...(rule.cidrBlocks ?? []), ...(rule.ipv6CidrBlocks ?? [])].map((cidr: string) => this.blockPeer(cidr)),
            ...(rule.prefixListIds ?? []).map((id: string): Peer => ({ kind: "prefixList", id })),
            ...groupPeers.map((id): Peer => ({ kind: "group", id })),
            ...(rule.self ? [{ kind: "group", id: ownGroupId } as Peer] : []),
        ];
        return peers.map((peer) => ({ protocol: String(rule.protocol).toLowerCase(), fromPort: rule.fromPort, toPort: rule.toPort, peer }));
    }

    private blockPeer(cidr: string): Peer {
        const block = parseBlock(cidr);
        this.ruleBlocks.push(block);
        return { kind: "block", block };
    }

    private readWearers(): void {
        for (const r of this.ofType(TYPE.function)) {
            const config = prop<Record<string, any>>(r, "vpcConfig") ?? {};
            this.functions.push({ name: r.name, subnetIds: config.subnetIds ?? [], groupIds: config.securityGroupIds ?? [], ipv6AllowedForDualStack: config.ipv6AllowedForDualStack === true });
        }
        for (const r of this.ofType(TYPE.dbInstance)) {
            // RDS places the instance in one of its subnet group's subnets: any of them may be the one.
            const subnetGroup = this.resources.find((g) => g.type === TYPE.dbSubnetGroup && g.id === prop(r, "dbSubnetGroupName"))!;
            this.wearers.push({ name: r.name, groupIds: prop(r, "vpcSecurityGroupIds") ?? [], subnetIds: prop(subnetGroup, "subnetIds") });
        }
        for (const r of this.ofType(TYPE.instance)) {
            this.wearers.push({ name: r.name, groupIds: prop(r, "vpcSecurityGroupIds") ?? [], subnetIds: [prop(r, "subnetId")] });
        }
        // A destination group's members are what names the group. Anything the VPC holds that
        // names no group wears the default one, in this stack or not, so the model does not
        // count the default group's members it cannot see named: unknown, by contract.
        for (const endpoint of this.interfaceEndpoints) {
            this.wearers.push({ name: endpoint.name, groupIds: endpoint.namedGroupIds, subnetIds: endpoint.subnetIds });
        }
    }
}

function routeOf(inputs: Record<string, any>): Route {
    const destination: Route["destination"] = inputs.destinationPrefixListId
        ? { kind: "prefixList", id: inputs.destinationPrefixListId }
        : { kind: "block", block: parseBlock(inputs.destinationCidrBlock ?? inputs.destinationIpv6CidrBlock) };
    const target: RouteTarget = inputs.natGatewayId
        ? { kind: "natGateway", id: inputs.natGatewayId }
        : inputs.egressOnlyGatewayId
          ? { kind: "egressOnlyInternetGateway", id: inputs.egressOnlyGatewayId }
          : inputs.vpcEndpointId
            ? { kind: "vpcEndpoint", id: inputs.vpcEndpointId }
            : { kind: "internetGateway", id: inputs.gatewayId };
    return { destination, target };
}

function prop<T = any>(resource: NetworkResource, name: string): T {
    return (resource.inputs[name] ?? resource.outputs?.[name]) as T;
}
