// Hand-built stacks for the reachability model: plain NetworkResources, written the way a program
// with plain `aws.*` resources records them. `natStack()` is a network where everything is
// reachable; each spec breaks one hop of it.
import { reachabilityMatrix } from "../../../sdk/reachability/model";
import type { Destination, Reachability } from "../../../sdk/reachability/types";
import { AWS_RESOURCE_TYPES } from "../../../sdk/aws/resource-types";
import type { NetworkResource } from "../../../sdk/network/network-resource";
import { UNKNOWN } from "../../../sdk/network/known-values";

export { UNKNOWN };

export const T = AWS_RESOURCE_TYPES;

/** A stack under construction: resources by name, each with id `<name>-id` unless told. */
export class Stack {
    readonly resources: NetworkResource[] = [];

    add(type: string, name: string, inputs: Record<string, unknown>, options: { id?: string | null; outputs?: Record<string, unknown>; dependencies?: Record<string, string[]> } = {}): this {
        const id = options.id === null ? undefined : (options.id ?? `${name}-id`);
        this.resources.push({
            urn: urnOf(type, name),
            type,
            name,
            ...(id ? { id } : {}),
            inputs,
            ...(options.outputs ? { outputs: options.outputs } : {}),
            propertyDependencies: options.dependencies ?? {},
        });
        return this;
    }

    get(name: string): NetworkResource {
        const found = this.resources.find((r) => r.name === name);
        if (!found) {
            throw new Error(`no resource "${name}" in the stack; there are ${this.resources.map((r) => r.name).join(", ")}`);
        }
        return found;
    }

    /** Removes a resource. */
    without(name: string): this {
        this.resources.splice(this.resources.indexOf(this.get(name)), 1);
        return this;
    }

    /** Changes some inputs of a resource. */
    set(name: string, inputs: Record<string, unknown>): this {
        const resource = this.get(name);
        resource.inputs = { ...resource.inputs, ...inputs };
        return this;
    }

    matrix(): Reachability[] {
        return reachabilityMatrix(this.resources);
    }

    /** The cell of `fn` for a destination. */
    cell(destination: Destination, fn = "fn"): Reachability {
        const found = this.matrix().find((r) => r.function === fn && sameDestination(r.destination, destination));
        if (!found) {
            throw new Error(`no cell for ${fn} -> ${JSON.stringify(destination)}; the matrix has ${this.matrix().map((r) => `${r.function} -> ${JSON.stringify(r.destination)}`).join("; ")}`);
        }
        return found;
    }
}

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:test::reach::${type}::${name}`;
}

function sameDestination(a: Destination, b: Destination): boolean {
    return a.kind === b.kind && JSON.stringify({ ...a, name: undefined }) === JSON.stringify({ ...b, name: undefined });
}

export const INTERNET_4: Destination = { kind: "internet", ipVersion: 4 };
export const INTERNET_6: Destination = { kind: "internet", ipVersion: 6 };
export const service = (name: string): Destination => ({ kind: "service", service: name });
export const DB: Destination = { kind: "securityGroup", securityGroupId: "db-sg-id", port: 5432 };

/**
 * A VPC (10.0.0.0/16, DNS support and hostnames on) with a public subnet (10.0.0.0/24, routed to
 * an internet gateway) holding a NAT gateway; the function's private subnet (10.0.1.0/24, routed
 * to the NAT gateway); a database subnet (10.0.2.0/24) with a PostgreSQL instance whose group
 * admits the function's group on 5432. The function's group lets everything out; its role may
 * read secrets (secretsmanager). Every destination is reachable.
 */
export function natStack(): Stack {
    return new Stack()
        .add(T.vpc, "vpc", { cidrBlock: "10.0.0.0/16", enableDnsSupport: true, enableDnsHostnames: true })
        .add(T.internetGateway, "igw", { vpcId: "vpc-id" })
        .add(T.subnet, "public", { vpcId: "vpc-id", cidrBlock: "10.0.0.0/24", availabilityZone: "us-east-1a" })
        .add(T.routeTable, "public-rt", { vpcId: "vpc-id" })
        .add(T.route, "public-default", { routeTableId: "public-rt-id", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-id" })
        .add(T.routeTableAssociation, "public-assoc", { subnetId: "public-id", routeTableId: "public-rt-id" })
        .add(T.eip, "nat-eip", { domain: "vpc" })
        .add(T.natGateway, "nat", { subnetId: "public-id", allocationId: "nat-eip-id" })
        .add(T.subnet, "private", { vpcId: "vpc-id", cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" })
        .add(T.routeTable, "private-rt", { vpcId: "vpc-id" })
        .add(T.route, "private-default", { routeTableId: "private-rt-id", destinationCidrBlock: "0.0.0.0/0", natGatewayId: "nat-id" })
        .add(T.routeTableAssociation, "private-assoc", { subnetId: "private-id", routeTableId: "private-rt-id" })
        .add(T.subnet, "data", { vpcId: "vpc-id", cidrBlock: "10.0.2.0/24", availabilityZone: "us-east-1a" })
        .add(T.securityGroup, "fn-sg", { vpcId: "vpc-id" })
        .add(T.egressRule, "fn-sg-out", { securityGroupId: "fn-sg-id", ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" })
        .add(T.securityGroup, "db-sg", { vpcId: "vpc-id" })
        .add(T.ingressRule, "db-from-fn", { securityGroupId: "db-sg-id", referencedSecurityGroupId: "fn-sg-id", ipProtocol: "tcp", fromPort: 5432, toPort: 5432 })
        .add(T.dbSubnetGroup, "db-subnets", { subnetIds: ["data-id"] }, { id: "db-subnets" })
        .add(T.dbInstance, "db", { engine: "postgres", dbSubnetGroupName: "db-subnets", vpcSecurityGroupIds: ["db-sg-id"] })
        .add(T.role, "fn-role", { assumeRolePolicy: "{}" }, { outputs: { arn: "arn:aws:iam::123456789012:role/fn-role" } })
        .add(T.rolePolicy, "fn-secrets", { role: "fn-role-id", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }] }) })
        .add(T.function, "fn", { role: "arn:aws:iam::123456789012:role/fn-role", vpcConfig: { subnetIds: ["private-id"], securityGroupIds: ["fn-sg-id"] } });
}

/** A dual-stack version: the VPC's /56, a /64 on the private subnet, ::/0 to an egress-only gateway, the group open to ::/0, the function opted in. */
export function dualStackNatStack(): Stack {
    return natStack()
        .set("vpc", { assignGeneratedIpv6CidrBlock: true, ipv6CidrBlock: "2600:1f18:abcd:1200::/56" })
        .set("private", { ipv6CidrBlock: "2600:1f18:abcd:1201::/64", assignIpv6AddressOnCreation: true })
        .add(T.egressOnlyInternetGateway, "eigw", { vpcId: "vpc-id" })
        .add(T.route, "private-default-v6", { routeTableId: "private-rt-id", destinationIpv6CidrBlock: "::/0", egressOnlyGatewayId: "eigw-id" })
        .add(T.egressRule, "fn-sg-out-v6", { securityGroupId: "fn-sg-id", ipProtocol: "-1", cidrIpv6: "::/0" })
        .set("fn", { vpcConfig: { subnetIds: ["private-id"], securityGroupIds: ["fn-sg-id"], ipv6AllowedForDualStack: true } });
}

/** A secretsmanager interface endpoint in `subnet`, behind a group admitting the function's group on 443. */
export function withSecretsEndpoint(stack: Stack, privateDns: boolean, subnet = "private"): Stack {
    return stack
        .add(T.securityGroup, "endpoint-sg", { vpcId: "vpc-id" })
        .add(T.ingressRule, "endpoint-from-fn", { securityGroupId: "endpoint-sg-id", referencedSecurityGroupId: "fn-sg-id", ipProtocol: "tcp", fromPort: 443, toPort: 443 })
        .add(T.vpcEndpoint, "secrets-endpoint", {
            vpcId: "vpc-id",
            serviceName: "com.amazonaws.us-east-1.secretsmanager",
            vpcEndpointType: "Interface",
            privateDnsEnabled: privateDns,
            subnetIds: [`${subnet}-id`],
            securityGroupIds: ["endpoint-sg-id"],
        });
}

/** A network ACL rule as `aws.ec2.NetworkAcl` takes it inline; `all` for every protocol and port. */
export function aclRule(ruleNo: number, action: "allow" | "deny", cidrBlock: string, ports: [number, number] | "all" = "all"): Record<string, unknown> {
    return { ruleNo, action, cidrBlock, ...(ports === "all" ? { protocol: "-1", fromPort: 0, toPort: 0 } : { protocol: "tcp", fromPort: ports[0], toPort: ports[1] }) };
}

/** A custom network ACL on one subnet (`<subnet>-acl`), with these rules each way. */
export function withAcl(stack: Stack, subnet: string, ingress: Record<string, unknown>[], egress: Record<string, unknown>[]): Stack {
    return stack.add(T.networkAcl, `${subnet}-acl`, { vpcId: "vpc-id", subnetIds: [`${subnet}-id`], ingress, egress });
}
