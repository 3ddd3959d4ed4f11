import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import { ipv6SubnetBlock } from "../addresses/cidr";
import { awsServiceOf } from "../aws/resource-types";
import { AWSX_VPC_TYPE, MockedAwsxSubnet, mockAwsxVpc, MockedVpcDns } from "./awsx-vpc-mock";

/** Where the mocked AWS account lives. */
export interface MockAwsOptions {
    /** @default "us-east-1" */
    region?: string;
    /** @default "123456789012" */
    accountId?: string;
    /**
     * Answer as `pulumi preview` does for a first deployment: a new resource's id and computed
     * outputs are unknown (only its inputs are known), while invokes still answer.
     * @default false
     */
    preview?: boolean;
    /**
     * Zones an endpoint service is not offered in, by short service name: `{ lambda: ["us-east-1c"] }`.
     * `getVpcEndpointService` leaves them out of the service's `availabilityZones`, as AWS does for a
     * zone that lacks the service. Every other service is offered in every zone.
     */
    zonesWithoutEndpointService?: Record<string, string[]>;
    /**
     * Services whose endpoints take no policy, by short service name: `getVpcEndpointService`
     * answers `vpcEndpointPolicySupported: false` for them, as AWS does for such a service. Every
     * other service supports endpoint policies.
     */
    servicesWithoutEndpointPolicy?: string[];
    /** VPC endpoints that exist already, made outside the program (another stack's, say), for `getVpcEndpoint`. */
    existingEndpoints?: MockedVpcEndpoint[];
}

/** A VPC endpoint as `getVpcEndpoint` reports it. */
export interface MockedVpcEndpoint {
    id: string;
    vpcId: string;
    /** The full name, e.g. `com.amazonaws.us-east-1.s3`. */
    serviceName: string;
    vpcEndpointType: "Gateway" | "Interface";
    routeTableIds?: string[];
    privateDnsEnabled?: boolean;
    securityGroupIds?: string[];
    tags?: Record<string, string>;
}

// The services whose endpoint service name starts with `cn.com.amazonaws.` in the China Regions,
// as far as shared/AWS-FACTS.md lists them; AWS has others. The component does not rely on this
// list: it asks for both forms, and these mocks answer with one.
const CHINA_PREFIXED_SERVICES = ["ecr.api", "ecr.dkr", "execute-api", "ec2"];
// The services that have gateway endpoints (AWS_LIMITS.gatewayEndpointServices).
const GATEWAY_SERVICES = ["s3", "dynamodb"];

// EC2 id prefixes by resource type; anything else gets an ARN-derived id.
const EC2_ID_PREFIX: Record<string, string> = {
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway": "eigw",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/eip:Eip": "eipalloc",
    "aws:ec2/routeTable:RouteTable": "rtb",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "rtbassoc",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce",
    "aws:ec2/flowLog:FlowLog": "fl",
    "aws:ec2/networkInterface:NetworkInterface": "eni",
};

// A new aws.ec2.Vpc's DNS attributes when the program leaves them unset, as AWS and the provider
// default them: DNS support on, DNS hostnames off.
const VPC_DEFAULT_DNS: MockedVpcDns = { enableDnsSupport: true, enableDnsHostnames: false };

// What `getVpc` answers for a VPC these mocks did not see made: one the program only names by id,
// made elsewhere. The mocks cannot know its settings; they answer it set up as interface
// endpoints need, so that a literal `existingVpc` id stands for a VPC ready for them, and a test
// wanting a flag off makes that VPC (with the flag off) under the mocks.
const UNSEEN_VPC_DNS: MockedVpcDns = { enableDnsSupport: true, enableDnsHostnames: true };

// The real us-east-1 managed prefix lists of the gateway endpoint services.
const GATEWAY_PREFIX_LISTS: Record<string, string> = { s3: "pl-63a5400a", dynamodb: "pl-02cd2c6b" };

/**
 * Pulumi mocks that answer the way AWS would: ids of the right form (`vpc-`, `subnet-`, `sg-`
 * with 17 hex digits), ARNs in the mocked account and region, the region's zones, gateway
 * endpoints' prefix lists, a VPC's DNS attributes, and outputs such as a security group's name
 * or an RDS endpoint.
 * Ids are derived from the resource's type and name, so they are stable from run to run.
 */
export class MockAws implements pulumi.runtime.Mocks {
    readonly region: string;
    readonly accountId: string;
    readonly preview: boolean;
    /** Subnet id to zone, for `getSubnet` lookups of subnets created under these mocks. */
    private readonly subnetZones = new Map<string, string>();
    /** Subnet id to its VPC, for `getSubnet` lookups of subnets created under these mocks. */
    private readonly subnetVpcs = new Map<string, string>();
    /** Subnet id to its IPv6 set-up, for `getSubnet` lookups of subnets created under these mocks. */
    private readonly subnetIpv6 = new Map<string, { ipv6CidrBlock: string; ipv6Native: boolean }>();
    /** VPC id to its address blocks, for `getVpc` lookups of VPCs created under these mocks. */
    private readonly vpcBlocks = new Map<string, { cidrBlock: string; ipv6CidrBlock: string }>();
    /** The subnets an `awsx.ec2.Vpc` would have created, for `getSubnet` and `getRouteTable`. */
    private readonly awsxSubnets = new Map<string, MockedAwsxSubnet>();
    /** Subnet id to route table id, from the route table associations registered. */
    private readonly subnetRouteTables = new Map<string, string>();
    /** VPC id to its DNS attributes, for `getVpc` lookups of VPCs made under these mocks (awsx's included). */
    private readonly vpcDns = new Map<string, MockedVpcDns>();
    /** The VPC endpoints made under these mocks, by id, for `getVpcEndpoint`. */
    private readonly endpoints = new Map<string, MockedVpcEndpoint>();
    private readonly zonesWithoutEndpointService: Record<string, string[]>;
    private readonly servicesWithoutEndpointPolicy: string[];
    private readonly existingEndpoints: MockedVpcEndpoint[];

    constructor(options: MockAwsOptions = {}) {
        this.region = options.region ?? "us-east-1";
        this.accountId = options.accountId ?? "123456789012";
        this.preview = options.preview ?? false;
        this.zonesWithoutEndpointService = options.zonesWithoutEndpointService ?? {};
        this.servicesWithoutEndpointPolicy = options.servicesWithoutEndpointPolicy ?? [];
        this.existingEndpoints = options.existingEndpoints ?? [];
    }

    /** The partition of the mocked region: `aws-cn` in China, `aws-us-gov` in GovCloud, else `aws`. */
    get partition(): string {
        return this.region.startsWith("cn-") ? "aws-cn" : this.region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** Forgets the endpoints made so far, as a new stack would not see those of an earlier test case. */
    forgetEndpoints(): void {
        this.endpoints.clear();
    }

    /** The region's zones, as `getAvailabilityZones` reports them (six, like us-east-1). */
    get zoneNames(): string[] {
        return ["a", "b", "c", "d", "e", "f"].map((letter) => `${this.region}${letter}`);
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
        if (this.preview && !args.id) {
            // The SDK takes a missing id or output in a preview as unknown, as the engine sends it.
            return { id: undefined, state: { ...args.inputs } };
        }
        const id = args.id || this.idFor(args.type, args.name);
        if (args.type === AWSX_VPC_TYPE) {
            const vpc = mockAwsxVpc(args.name, args.inputs, this.zoneNames, (type, name) => this.idFor(type, name));
            vpc.subnets.forEach((subnet) => this.awsxSubnets.set(subnet.id, subnet));
            this.vpcDns.set(String(vpc.outputs.vpcId), vpc.dns);
            return { id, state: { ...args.inputs, ...vpc.outputs } };
        }
        const state = { ...args.inputs, ...this.computedOutputs(args.type, args.name, id, args.inputs) };
        this.remember(args.type, id, state);
        return { id, state };
    }

    /**
     * Keeps what the lookups (`getVpc`, `getSubnet`, `getRouteTable`, `getVpcEndpoint`) answer
     * about a resource that exists: one made under these mocks, or, under the real engine, one an
     * earlier run made, whose state the engine shows the AWS stand-in (e2e/aws-standin), as AWS
     * itself would remember it.
     */
    remember(type: string, id: string, state: Record<string, any>): void {
        if (type === "aws:ec2/vpc:Vpc") {
            this.vpcDns.set(id, { enableDnsSupport: state.enableDnsSupport === true, enableDnsHostnames: state.enableDnsHostnames === true });
            this.vpcBlocks.set(id, { cidrBlock: String(state.cidrBlock ?? ""), ipv6CidrBlock: String(state.ipv6CidrBlock ?? "") });
        }
        if (type === "aws:ec2/subnet:Subnet") {
            if (typeof state.availabilityZone === "string") {
                this.subnetZones.set(id, state.availabilityZone);
            }
            if (typeof state.vpcId === "string") {
                this.subnetVpcs.set(id, state.vpcId);
            }
            const ipv6CidrBlock = typeof state.ipv6CidrBlock === "string" ? state.ipv6CidrBlock : "";
            this.subnetIpv6.set(id, { ipv6CidrBlock, ipv6Native: state.ipv6Native === true });
        }
        if (type === "aws:ec2/vpcEndpoint:VpcEndpoint" && typeof state.vpcId === "string") {
            this.endpoints.set(id, {
                id,
                vpcId: state.vpcId,
                serviceName: String(state.serviceName ?? ""),
                vpcEndpointType: state.vpcEndpointType === "Interface" ? "Interface" : "Gateway",
                routeTableIds: (state.routeTableIds as string[] | undefined) ?? [],
                privateDnsEnabled: state.privateDnsEnabled === true,
                securityGroupIds: (state.securityGroupIds as string[] | undefined) ?? [],
                tags: (state.tags as Record<string, string> | undefined) ?? {},
            });
        }
        if (type === "aws:ec2/routeTableAssociation:RouteTableAssociation" && typeof state.subnetId === "string") {
            this.subnetRouteTables.set(state.subnetId, state.routeTableId);
        }
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        const { region, accountId } = this;
        switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones":
                return {
                    id: region,
                    names: this.zoneNames,
                    zoneIds: this.zoneNames.map((_, i) => `${region.replace(/-/g, "").slice(0, 3)}-az${i + 1}`),
                    groupNames: this.zoneNames.map(() => region),
                    region,
                    state: args.inputs.state,
                };
            case "aws:index/getRegion:getRegion":
                return { id: region, name: region, region, endpoint: `ec2.${region}.amazonaws.com`, description: region };
            case "aws:index/getPartition:getPartition": {
                const china = this.partition === "aws-cn";
                return { id: this.partition, partition: this.partition, dnsSuffix: china ? "amazonaws.com.cn" : "amazonaws.com", reverseDnsPrefix: china ? "cn.com.amazonaws" : "com.amazonaws" };
            }
            case "aws:ec2/getVpcEndpointService:getVpcEndpointService":
                return this.endpointService(args.inputs);
            case "aws:ec2/getVpcEndpoint:getVpcEndpoint":
                return this.vpcEndpoint(args.inputs);
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return { id: accountId, accountId, arn: `arn:${this.partition}:iam::${accountId}:user/mock`, userId: "AIDAMOCKUSER" };
            case "aws:ec2/getSubnet:getSubnet": {
                const subnetId = String(args.inputs.id);
                const awsxSubnet = this.awsxSubnets.get(subnetId);
                if (awsxSubnet) {
                    // awsx's subnets are IPv4-only.
                    return { ...args.inputs, id: subnetId, availabilityZone: awsxSubnet.availabilityZone, vpcId: awsxSubnet.vpcId, ipv6CidrBlock: "", ipv6Native: false };
                }
                const zone = this.subnetZones.get(subnetId) ?? this.zoneNames[hashNumber(subnetId) % 2];
                // A subnet these mocks did not see made stands for one ready for anything: dual-stack,
                // with a /64 of the /56 of the VPC it is reported in.
                const ipv6 = this.subnetIpv6.get(subnetId) ?? { ipv6CidrBlock: ipv6SubnetBlock(mockIpv6VpcBlock("existing"), hashNumber(subnetId) % 256), ipv6Native: false };
                const vpcId = this.subnetVpcs.get(subnetId) ?? this.idFor("aws:ec2/vpc:Vpc", "existing");
                return { ...args.inputs, id: subnetId, availabilityZone: zone, vpcId, ...ipv6 };
            }
            case "aws:ec2/getVpc:getVpc": {
                const vpcId = String(args.inputs.id);
                const dns = this.vpcDns.get(vpcId) ?? UNSEEN_VPC_DNS;
                const blocks = this.vpcBlocks.get(vpcId);
                // A VPC made elsewhere has blocks these mocks cannot know: they answer none (the
                // diagnostics function is then told of no VPC range), in the fields AWS always fills.
                const addresses = blocks
                    ? { cidrBlock: blocks.cidrBlock, cidrBlockAssociations: [{ associationId: `vpc-cidr-assoc-${hex(vpcId).slice(0, 17)}`, cidrBlock: blocks.cidrBlock, state: "associated" }], ipv6CidrBlock: blocks.ipv6CidrBlock }
                    : { cidrBlockAssociations: [], ipv6CidrBlock: "" };
                return { ...args.inputs, id: vpcId, arn: this.arn("ec2", `vpc/${vpcId}`), ownerId: accountId, state: "available", default: false, ...dns, ...addresses };
            }
            case "aws:ec2/getRouteTable:getRouteTable": {
                // The table the subnet is explicitly associated with, as AWS answers for a subnet id.
                const subnetId = String(args.inputs.subnetId);
                const awsxSubnet = this.awsxSubnets.get(subnetId);
                const routeTableId = awsxSubnet?.routeTableId ?? this.subnetRouteTables.get(subnetId) ?? this.idFor("aws:ec2/routeTable:RouteTable", `${subnetId}-table`);
                return {
                    ...args.inputs,
                    id: routeTableId,
                    routeTableId,
                    ...(awsxSubnet ? { vpcId: awsxSubnet.vpcId } : {}),
                    ownerId: accountId,
                    associations: [{ subnetId, routeTableId, main: false, routeTableAssociationId: this.idFor("aws:ec2/routeTableAssociation:RouteTableAssociation", subnetId) }],
                };
            }
            case "aws:iam/getPolicyDocument:getPolicyDocument":
                return { ...args.inputs, id: "policy", json: JSON.stringify(policyDocumentJson(args.inputs)) };
            default:
                return args.inputs;
        }
    }

    /**
     * What DescribeVpcEndpointServices answers for the names asked (`serviceName`, `service`, or a
     * `service-name` filter): the one the region has, `cn.com.amazonaws.` for the China-prefixed
     * services in a China Region, and the zones the service is offered in. The provider's error when
     * none matches.
     */
    private endpointService(inputs: Record<string, any>): Record<string, unknown> {
        const filtered = (inputs.filters ?? []).find((f: { name: string }) => f.name === "service-name")?.values as string[] | undefined;
        const asked: string[] = filtered ?? (inputs.serviceName ? [inputs.serviceName] : inputs.service ? [`com.amazonaws.${this.region}.${inputs.service}`] : []);
        const serviceType = inputs.serviceType ?? "Interface";
        const offered = asked.find((name) => {
            const service = awsServiceOf(name);
            if (!service || !name.includes(`.${this.region}.`)) {
                return false;
            }
            const china = this.partition === "aws-cn" && CHINA_PREFIXED_SERVICES.includes(service);
            return name.startsWith("cn.") === china && (serviceType !== "Gateway" || GATEWAY_SERVICES.includes(service));
        });
        if (!offered) {
            throw invokeError("no matching EC2 VPC Endpoint Service found");
        }
        const service = awsServiceOf(offered)!;
        const missing = this.zonesWithoutEndpointService[service] ?? [];
        return {
            id: offered,
            serviceName: offered,
            service,
            serviceType,
            serviceId: `vpce-svc-${hex(offered).slice(0, 17)}`,
            owner: "amazon",
            availabilityZones: serviceType === "Gateway" ? [] : this.zoneNames.filter((zone) => !missing.includes(zone)),
            privateDnsName: serviceType === "Gateway" ? "" : `${service}.${this.region}.amazonaws.com`,
            vpcEndpointPolicySupported: !this.servicesWithoutEndpointPolicy.includes(service),
            acceptanceRequired: false,
            managesVpcEndpoints: false,
        };
    }

    /**
     * The one VPC endpoint matching `vpcId`, `serviceName` and `vpcEndpointType`, among those made
     * under these mocks and the existing ones given; the provider's errors for none and for several.
     */
    private vpcEndpoint(inputs: Record<string, any>): Record<string, unknown> {
        const matches = [...this.existingEndpoints, ...this.endpoints.values()].filter(
            (e) =>
                (inputs.vpcId === undefined || e.vpcId === inputs.vpcId) &&
                (inputs.serviceName === undefined || e.serviceName === inputs.serviceName) &&
                (inputs.vpcEndpointType === undefined || e.vpcEndpointType === inputs.vpcEndpointType),
        );
        if (matches.length === 0) {
            throw invokeError("no matching EC2 VPC Endpoint found");
        }
        if (matches.length > 1) {
            throw invokeError("multiple EC2 VPC Endpoints matched; use additional constraints to reduce matches to a single EC2 VPC Endpoint");
        }
        const [found] = matches;
        return { ...found, routeTableIds: found.routeTableIds ?? [], securityGroupIds: found.securityGroupIds ?? [], privateDnsEnabled: found.privateDnsEnabled ?? false, tags: found.tags ?? {}, state: "available", ownerId: this.accountId };
    }

    /** A stable id of the form AWS uses for the type: `vpc-0a1b2c3d4e5f60718` and so on. */
    idFor(type: string, name: string): string {
        const prefix = EC2_ID_PREFIX[type];
        const digest = hex(`${type}::${name}`);
        return prefix ? `${prefix}-${digest.slice(0, 17)}` : `${name}-${digest.slice(0, 8)}`;
    }

    private arn(service: string, resource: string, regional = true): string {
        return `arn:${this.partition}:${service}:${regional ? this.region : ""}:${this.accountId}:${resource}`;
    }

    private computedOutputs(type: string, name: string, id: string, inputs: Record<string, any>): Record<string, unknown> {
        const physicalName = inputs.name ?? `${name}-${hex(name).slice(0, 7)}`;
        switch (type) {
            case "aws:ec2/vpc:Vpc":
                return {
                    arn: this.arn("ec2", `vpc/${id}`),
                    ownerId: this.accountId,
                    defaultSecurityGroupId: this.idFor("aws:ec2/securityGroup:SecurityGroup", `${name}-default`),
                    mainRouteTableId: this.idFor("aws:ec2/routeTable:RouteTable", `${name}-main`),
                    enableDnsSupport: inputs.enableDnsSupport ?? VPC_DEFAULT_DNS.enableDnsSupport,
                    enableDnsHostnames: inputs.enableDnsHostnames ?? VPC_DEFAULT_DNS.enableDnsHostnames,
                    // AWS gives an Amazon-provided /56 when asked; without it the provider reports "".
                    ipv6CidrBlock: inputs.assignGeneratedIpv6CidrBlock ? mockIpv6VpcBlock(name) : "",
                };
            case "aws:ec2/subnet:Subnet":
                return { arn: this.arn("ec2", `subnet/${id}`), ownerId: this.accountId, mapPublicIpOnLaunch: inputs.mapPublicIpOnLaunch ?? false };
            case "aws:ec2/eip:Eip":
                return { allocationId: id, publicIp: `203.0.113.${hashNumber(name) % 254 + 1}`, domain: inputs.domain };
            case "aws:ec2/natGateway:NatGateway":
                return { publicIp: `203.0.113.${hashNumber(name) % 254 + 1}`, connectivityType: inputs.connectivityType ?? "public" };
            case "aws:ec2/securityGroup:SecurityGroup":
            case "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup":
                return { arn: this.arn("ec2", `security-group/${id}`), ownerId: this.accountId, name: physicalName, ingress: inputs.ingress ?? [], egress: inputs.egress ?? [] };
            case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule":
            case "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule":
                return { arn: this.arn("ec2", `security-group-rule/${id}`), securityGroupRuleId: id };
            case "aws:ec2/vpcEndpoint:VpcEndpoint": {
                const service = awsServiceOf(String(inputs.serviceName ?? "")) ?? String(inputs.serviceName ?? "");
                const gateway = (inputs.vpcEndpointType ?? "Gateway") === "Gateway";
                return {
                    arn: this.arn("ec2", `vpc-endpoint/${id}`),
                    vpcEndpointType: inputs.vpcEndpointType ?? "Gateway",
                    state: "available",
                    prefixListId: gateway ? (GATEWAY_PREFIX_LISTS[service] ?? `pl-${hex(service).slice(0, 8)}`) : undefined,
                    networkInterfaceIds: gateway ? [] : (inputs.subnetIds ?? []).map((s: string) => this.idFor("aws:ec2/networkInterface:NetworkInterface", `${id}-${s}`)),
                    dnsEntries: gateway ? [] : [{ dnsName: `${id}.${service}.${this.region}.vpce.amazonaws.com`, hostedZoneId: "Z7HUB22UULQXV" }],
                };
            }
            case "aws:ec2/flowLog:FlowLog":
                return { arn: this.arn("ec2", `vpc-flow-log/${id}`) };
            case "aws:iam/policy:Policy":
                return { arn: this.arn("iam", `policy/${physicalName}`, false), name: physicalName, policyId: `ANPA${hex(name).slice(0, 17).toUpperCase()}` };
            case "aws:iam/role:Role":
                return { arn: this.arn("iam", `role/${physicalName}`, false), name: physicalName, uniqueId: `AROA${hex(name).slice(0, 17).toUpperCase()}` };
            case "aws:iam/rolePolicy:RolePolicy":
                return { name: physicalName };
            case "aws:cloudwatch/logGroup:LogGroup":
                return { arn: this.arn("logs", `log-group:${physicalName}`), name: physicalName };
            case "aws:lambda/function:Function": {
                const arn = this.arn("lambda", `function:${physicalName}`);
                return { arn, name: physicalName, qualifiedArn: `${arn}:$LATEST`, version: "$LATEST", invokeArn: `arn:${this.partition}:apigateway:${this.region}:lambda:path/2015-03-31/functions/${arn}/invocations` };
            }
            case "aws:rds/instance:Instance": {
                const address = `${physicalName}.${hex(this.accountId).slice(0, 12)}.${this.region}.rds.amazonaws.com`;
                const port = inputs.port ?? (String(inputs.engine ?? "").includes("postgres") ? 5432 : 3306);
                const digest = hex(`rds::${name}`);
                // With manageMasterUserPassword, RDS keeps the password in a secret of its own, named `rds!db-<uuid>`.
                const uuid = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`;
                const masterUserSecrets = inputs.manageMasterUserPassword
                    ? [{ secretArn: this.arn("secretsmanager", `secret:rds!db-${uuid}-${digest.slice(40, 46)}`), secretStatus: "active", kmsKeyId: this.arn("kms", "alias/aws/secretsmanager") }]
                    : [];
                return {
                    arn: this.arn("rds", `db:${physicalName}`),
                    identifier: physicalName,
                    // The id IAM database authentication names in `rds-db:connect` ARNs.
                    resourceId: `db-${digest.slice(46, 64).toUpperCase()}`,
                    address,
                    port,
                    endpoint: `${address}:${port}`,
                    masterUserSecrets,
                };
            }
            case "aws:rds/subnetGroup:SubnetGroup":
                return { arn: this.arn("rds", `subgrp:${physicalName}`), name: physicalName };
            case "aws:s3/bucket:Bucket":
            case "aws:s3/bucketV2:BucketV2": {
                // A bucket's ARN names neither region nor account; its id is its name.
                const bucket = inputs.bucket ?? id;
                return { arn: `arn:${this.partition}:s3:::${bucket}`, bucket, bucketDomainName: `${bucket}.s3.amazonaws.com`, region: this.region };
            }
            case "aws:dynamodb/table:Table":
                return { arn: this.arn("dynamodb", `table/${physicalName}`), name: physicalName };
            case "aws:sqs/queue:Queue": {
                // A FIFO queue's name ends in .fifo (SQS API Reference, CreateQueue: QueueName); its URL,
                // https://sqs.<region>.amazonaws.com/<account>/<name> (GetQueueUrl), is what senders get.
                const queueName = inputs.name ?? `${physicalName}${inputs.fifoQueue ? ".fifo" : ""}`;
                return { arn: this.arn("sqs", queueName), name: queueName, url: `https://sqs.${this.region}.amazonaws.com/${this.accountId}/${queueName}` };
            }
            case "aws:secretsmanager/secret:Secret":
                return { arn: this.arn("secretsmanager", `secret:${physicalName}-${hex(name).slice(0, 6)}`), name: physicalName };
            default:
                return type.startsWith("aws:") ? { arn: this.arn(type.split(/[:/]/)[1], `${name}/${id}`) } : {};
        }
    }
}

/**
 * An invoke's failure as the engine reports it: the SDK rejects the invoke with the gRPC error's
 * `details`, which carry the provider's message.
 */
function invokeError(message: string): Error {
    return Object.assign(new Error(message), { details: message });
}

function hex(text: string): string {
    return createHash("sha256").update(text).digest("hex");
}

/** A stable Amazon-provided-looking IPv6 /56 (AWS allocates from 2600:1f00::/24 in us-east-1, among others). */
function mockIpv6VpcBlock(name: string): string {
    const digest = hex(`ipv6::${name}`);
    return `2600:1f18:${digest.slice(0, 4)}:${digest.slice(4, 6)}00::/56`;
}

function hashNumber(text: string): number {
    return parseInt(hex(text).slice(0, 8), 16);
}

/** Enough of `getPolicyDocument` for programs that build their trust policies with it. */
function policyDocumentJson(inputs: Record<string, any>): unknown {
    const statements = (inputs.statements ?? []).map((s: Record<string, any>) => ({
        ...(s.sid ? { Sid: s.sid } : {}),
        Effect: s.effect ?? "Allow",
        ...(s.actions ? { Action: s.actions } : {}),
        ...(s.resources ? { Resource: s.resources } : {}),
        ...(s.principals ? { Principal: Object.fromEntries(s.principals.map((p: any) => [p.type, p.identifiers])) } : {}),
    }));
    return { Version: "2012-10-17", Statement: statements };
}
