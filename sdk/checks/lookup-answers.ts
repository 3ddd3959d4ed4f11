import type { ExistingEndpoint } from "./existing-endpoints";
import type { SubnetIpv6Attributes } from "./existing-subnet-ipv6";
import type { VpcDnsAttributes } from "./existing-vpc-dns";
import { show } from "../arguments/problems";

// What the lookups answered, read field by field. A real AWS answer always has the fields read
// here (the provider's Get...Result types declare none of them optional), so these checks fire
// only under mocks that answer less: Pulumi's documented generic mocks answer every invoke with
// its own inputs (`call: (a) => a.inputs`). Where the arguments settle the answer, a missing field
// falls back to what AWS would say; otherwise the lookup fails with one sentence naming the
// lookup, the field, the answer and the way out, instead of a TypeError deep in the component
// or an ARN with `undefined` in it.

/** An invoke the component makes: the function users know it by, and the token mocks are asked with. */
export interface Lookup {
    call: string;
    token: string;
}

export const LOOKUPS = {
    availabilityZones: { call: "aws.getAvailabilityZones", token: "aws:index/getAvailabilityZones:getAvailabilityZones" },
    region: { call: "aws.getRegion", token: "aws:index/getRegion:getRegion" },
    partition: { call: "aws.getPartition", token: "aws:index/getPartition:getPartition" },
    callerIdentity: { call: "aws.getCallerIdentity", token: "aws:index/getCallerIdentity:getCallerIdentity" },
    endpointService: { call: "aws.ec2.getVpcEndpointService", token: "aws:ec2/getVpcEndpointService:getVpcEndpointService" },
    subnet: { call: "aws.ec2.getSubnet", token: "aws:ec2/getSubnet:getSubnet" },
    vpc: { call: "aws.ec2.getVpc", token: "aws:ec2/getVpc:getVpc" },
    vpcEndpoint: { call: "aws.ec2.getVpcEndpoint", token: "aws:ec2/getVpcEndpoint:getVpcEndpoint" },
} as const satisfies Record<string, Lookup>;

/** The way out every message ends with: the mocks that answer as AWS does, or the answer to give. */
export function mockStackAdvice(answerWith: string): string {
    return `if this is a unit test with generic mocks, install MockStack from pulumi-vpc-lambda/testing, which answers as AWS does, or make the mocks answer ${answerWith}`;
}

/** One lookup's answer, whose fields are read or refused with the sentence above. */
class Answer {
    private readonly fields: Record<string, unknown>;

    constructor(
        private readonly component: string,
        private readonly lookup: Lookup,
        answer: object,
        /** What was looked up, when the lookup takes an argument: `"subnet-0123..."`. */
        private readonly about?: string,
        /** An argument that spares the lookup, offered in the message: `give availabilityZoneNames`. */
        private readonly instead?: string,
    ) {
        this.fields = answer as Record<string, unknown>;
    }

    /** Absent or null: how a mock that leaves a field out answers it. */
    lacks(field: string): boolean {
        return this.fields[field] === undefined || this.fields[field] === null;
    }

    string(field: string, expected: string, wellFormed: (value: string) => boolean = (value) => value.length > 0): string {
        const value = this.fields[field];
        return typeof value === "string" && wellFormed(value) ? value : this.refuse(field, expected);
    }

    /** A string AWS answers even when empty (`""` for a subnet with no IPv6 block). */
    possiblyEmptyString(field: string, expected: string): string {
        return this.string(field, expected, () => true);
    }

    boolean(field: string, expected: string): boolean {
        const value = this.fields[field];
        return typeof value === "boolean" ? value : this.refuse(field, expected);
    }

    strings(field: string, expected: string): string[] {
        const value = this.fields[field];
        return Array.isArray(value) && value.every((item) => typeof item === "string") ? [...value] : this.refuse(field, expected);
    }

    /** A map of strings: a resource's tags. */
    stringMap(field: string, expected: string): Record<string, string> {
        const value = this.fields[field];
        const isMap = typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === "string");
        return isMap ? { ...(value as Record<string, string>) } : this.refuse(field, expected);
    }

    /** A list of objects each holding the string `item`: a VPC's `cidrBlockAssociations`. */
    stringsWithin(field: string, item: string, expected: string): string[] {
        const value = this.fields[field];
        const holds = (entry: unknown) => typeof entry === "object" && entry !== null && typeof (entry as Record<string, unknown>)[item] === "string";
        return Array.isArray(value) && value.every(holds) ? value.map((entry) => (entry as Record<string, string>)[item]) : this.refuse(field, expected);
    }

    refuse(field: string, expected: string): never {
        const got = this.lacks(field) ? `no ${field}` : `${field} ${show(this.fields[field])}`;
        const about = this.about === undefined ? "" : ` for ${this.about}`;
        const held = Object.keys(this.fields);
        throw new Error(
            `VpcLambdaNetwork "${this.component}": ${this.lookup.call}${about} answered ${got}, but AWS always answers ${field} with ${expected} ` +
                `(the answer held ${held.length > 0 ? `only ${held.join(", ")}` : "nothing"}); ${mockStackAdvice(`${this.lookup.token} with ${field}`)}${this.instead ? `, or ${this.instead}` : ""}.`,
        );
    }
}

/** `aws.getAvailabilityZones`: the Region's zone names, for zones chosen by count. */
export function availabilityZoneNames(component: string, answer: object): string[] {
    return new Answer(component, LOOKUPS.availabilityZones, answer, undefined, "give availabilityZoneNames").strings("names", "the Region's zone names");
}

/**
 * `aws.getRegion`: the provider's Region. `name` is the same value under its deprecated name
 * (@pulumi/aws 7 answers both), which mocks written for older providers give.
 */
export function regionName(component: string, answer: object): string {
    const read = new Answer(component, LOOKUPS.region, answer);
    return read.lacks("region") && !read.lacks("name") ? read.string("name", "the Region's name, such as \"us-east-1\"") : read.string("region", "the Region's name, such as \"us-east-1\"");
}

/** `aws.getPartition`: `aws`, `aws-cn`, `aws-us-gov`..., for ARNs. */
export function partitionName(component: string, answer: object): string {
    return new Answer(component, LOOKUPS.partition, answer).string("partition", "the partition, such as \"aws\"");
}

/** `aws.getCallerIdentity`: the deploying account, for ARNs and the flow log's trust policy. */
export function accountId(component: string, answer: object): string {
    return new Answer(component, LOOKUPS.callerIdentity, answer).string("accountId", "the account's 12 digits", (value) => /^\d{12}$/.test(value));
}

/**
 * `aws.ec2.getVpcEndpointService`: the service's full name in the Region. Outside the China
 * Regions it is always `com.amazonaws.<region>.<service>` (the other of the two names the lookup
 * asks for is China's; shared/AWS-FACTS.md), so an answer without it falls back to that; in a
 * China Region the name varies by service, and only the answer can tell.
 */
export function endpointServiceName(component: string, answer: object, service: string, region: string): string {
    const read = new Answer(component, LOOKUPS.endpointService, answer, JSON.stringify(service));
    if (read.lacks("serviceName") && !region.startsWith("cn-")) {
        return `com.amazonaws.${region}.${service}`;
    }
    return read.string("serviceName", `the service's full name, such as "com.amazonaws.${region}.${service}"`);
}

/**
 * `aws.ec2.getVpcEndpointService`: the zones an interface endpoint's service is offered in. An
 * answer without them (only a mock's) falls back to the network's own zones, as if every zone
 * offered the service, as nearly every zone does; a list, even an empty one, is taken as AWS's.
 */
export function endpointServiceZones(component: string, answer: object, service: string, networkZones: readonly string[]): string[] {
    const read = new Answer(component, LOOKUPS.endpointService, answer, JSON.stringify(service));
    return read.lacks("availabilityZones") ? [...networkZones] : read.strings("availabilityZones", "the zones the service is offered in");
}

/**
 * `aws.ec2.getVpcEndpointService`: whether the service's endpoints take a policy, read only when
 * one is to be written. An answer without it (only a mock's) is taken as support, which every
 * gateway endpoint has and nearly every interface endpoint service has ("All Gateway and some
 * Interface endpoints support policies", @pulumi/aws ec2/vpcEndpoint.d.ts); a boolean is AWS's.
 */
export function endpointPolicySupported(component: string, answer: object, service: string): boolean {
    const read = new Answer(component, LOOKUPS.endpointService, answer, JSON.stringify(service));
    return read.lacks("vpcEndpointPolicySupported") ? true : read.boolean("vpcEndpointPolicySupported", "true or false");
}

/** `aws.ec2.getSubnet`: the zone of a subnet of the user's VPC, for one interface endpoint subnet per zone. */
export function subnetZone(component: string, answer: object, subnetId: string): string {
    return new Answer(component, LOOKUPS.subnet, answer, JSON.stringify(subnetId)).string("availabilityZone", "the subnet's zone name");
}

/** `aws.ec2.getSubnet`: a subnet's IPv6 set-up, for a dual-stack network in the user's VPC. */
export function subnetIpv6(component: string, answer: object, subnetId: string): SubnetIpv6Attributes {
    const read = new Answer(component, LOOKUPS.subnet, answer, JSON.stringify(subnetId));
    return {
        ipv6CidrBlock: read.possiblyEmptyString("ipv6CidrBlock", 'the subnet\'s IPv6 block ("" when it has none)'),
        ipv6Native: read.boolean("ipv6Native", "true or false (true for an IPv6-only subnet)"),
    };
}

/** `aws.ec2.getVpc`: the user's VPC's DNS attributes, which interface endpoints with private DNS need on. */
export function vpcDns(component: string, answer: object, vpcId: string): VpcDnsAttributes {
    const read = new Answer(component, LOOKUPS.vpc, answer, JSON.stringify(vpcId));
    return {
        enableDnsSupport: read.boolean("enableDnsSupport", "true or false"),
        enableDnsHostnames: read.boolean("enableDnsHostnames", "true or false"),
    };
}

/** `aws.ec2.getVpc`: the user's VPC's IPv4 blocks and IPv6 block, which the diagnostics function calls private. */
export function vpcCidrBlocks(component: string, answer: object, vpcId: string): string[] {
    const read = new Answer(component, LOOKUPS.vpc, answer, JSON.stringify(vpcId));
    const ipv4 = read.stringsWithin("cidrBlockAssociations", "cidrBlock", "the VPC's IPv4 blocks, as a list of { cidrBlock }");
    const ipv6 = read.possiblyEmptyString("ipv6CidrBlock", 'the VPC\'s IPv6 block ("" when it has none)');
    return [...ipv4, ipv6].filter((block) => block.length > 0);
}

/** What `aws.ec2.getVpcEndpoint` found, and its `Name` tag: the network's own endpoints carry their name there. */
export interface FoundEndpoint extends ExistingEndpoint {
    nameTag?: string;
}

/**
 * `aws.ec2.getVpcEndpoint`: an endpoint of the service already in the user's VPC. A gateway
 * endpoint's route tables and an interface endpoint's private DNS decide what the network may
 * build beside it; the security groups only name the endpoint to use instead, and an answer
 * without them leaves that sentence to say "its security group".
 */
export function foundEndpoint(component: string, answer: object, serviceName: string, vpcEndpointType: "Gateway" | "Interface"): FoundEndpoint {
    const read = new Answer(component, LOOKUPS.vpcEndpoint, answer, JSON.stringify(serviceName));
    const id = read.string("id", 'the endpoint\'s id, such as "vpce-0123456789abcdef0"');
    const { Name: nameTag } = read.stringMap("tags", "the endpoint's tags ({} when it has none)");
    const gateway = vpcEndpointType === "Gateway";
    return {
        id,
        routeTableIds: gateway ? read.strings("routeTableIds", "the route tables the endpoint is on") : [],
        privateDnsEnabled: gateway ? false : read.boolean("privateDnsEnabled", "true or false"),
        securityGroupIds: gateway || read.lacks("securityGroupIds") ? [] : read.strings("securityGroupIds", "the endpoint's security groups"),
        ...(nameTag === undefined ? {} : { nameTag }),
    };
}
