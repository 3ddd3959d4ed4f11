import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type * as provider from "@pulumi/pulumi/provider";
import { nthSubBlock, parseIpv4Block } from "../../sdk/addresses/cidr";
import { AWSX_VPC_TYPE, AwsxSubnetLayout, awsxVpcLayout } from "../../sdk/offline-engine/awsx-vpc-mock";

/** The @pulumi/awsx version in package-lock: the engine asks for the awsx plugin at that version. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const AWSX_PROVIDER_VERSION: string = require("@pulumi/awsx/package.json").version;

// awsx's own defaults (pulumi-awsx, awsx/ec2/vpc.ts): 10.0.0.0/16 when no block is given, and a NAT
// gateway in each zone's public subnet.
const AWSX_DEFAULT_CIDR_BLOCK = "10.0.0.0/16";
const AWSX_DEFAULT_NAT_STRATEGY = "OnePerAz";
const NAT_STRATEGIES = ["None", "Single", "OnePerAz"];
const ANY_IPV4 = "0.0.0.0/0";

/**
 * A TEST DOUBLE of the awsx provider plugin (pulumi-resource-awsx), for running
 * examples/existing-awsx-vpc under the real Pulumi engine where the real plugin (a release
 * download) is not to be had. It constructs `awsx:ec2:Vpc` only, and builds its children through
 * the engine (and so through the AWS stand-in): the VPC, a subnet, route table and association per
 * zone and type, the internet gateway, the NAT gateways and their addresses, and the routes, with
 * awsx's names and parents. The layout (zones, subnet types and names, DNS defaults) is
 * `awsxVpcLayout`'s, the one the unit tests' mocks answer with, so the ids under the engine are the
 * ones the mocks give. Not awsx's: the subnets' address blocks (equal blocks here, not awsx's
 * allocators), subnetSpecs' sizes and tags, vpcEndpointSpecs, IPAM, and the resource-typed outputs
 * (`subnets`, `routeTables`...), which the mocks do not answer either.
 */
export class AwsxStandIn implements provider.Provider {
    readonly version = AWSX_PROVIDER_VERSION;

    async construct(name: string, type: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions): Promise<provider.ConstructResult> {
        if (type !== AWSX_VPC_TYPE) {
            throw new Error(`the awsx stand-in constructs ${AWSX_VPC_TYPE} only, not ${type}`);
        }
        // The region's zones, as the AWS provider (here the AWS stand-in) reports them, as awsx asks.
        const { names: regionZones } = await aws.getAvailabilityZones({ state: "available" });
        const vpc = new StandInVpc(name, plainInputs(inputs), regionZones, options);
        return { urn: vpc.urn, state: vpc.outputs };
    }
}

/** The VPC, its subnets and their routing, as awsx.ec2.Vpc builds them. */
class StandInVpc extends pulumi.ComponentResource {
    private readonly vpc: aws.ec2.Vpc;
    private readonly subnets: { layout: AwsxSubnetLayout; subnet: aws.ec2.Subnet }[] = [];

    constructor(name: string, inputs: Record<string, any>, regionZones: string[], options: pulumi.ComponentResourceOptions) {
        super(AWSX_VPC_TYPE, name, {}, options);
        const strategy: string = inputs.natGateways?.strategy ?? AWSX_DEFAULT_NAT_STRATEGY;
        if (!NAT_STRATEGIES.includes(strategy)) {
            throw new Error(`natGateways.strategy is ${JSON.stringify(strategy)}; awsx allows ${NAT_STRATEGIES.join(", ")}`);
        }
        const block = parseIpv4Block(inputs.cidrBlock ?? AWSX_DEFAULT_CIDR_BLOCK);
        if ("problem" in block) {
            throw new Error(`cidrBlock ${JSON.stringify(inputs.cidrBlock)} ${block.problem}`);
        }
        const sharedTags: Record<string, string> = { Name: name, ...inputs.tags };
        this.vpc = new aws.ec2.Vpc(
            name,
            { cidrBlock: block.cidr, enableDnsSupport: inputs.enableDnsSupport, enableDnsHostnames: inputs.enableDnsHostnames, instanceTenancy: inputs.instanceTenancy, tags: sharedTags },
            { parent: this },
        );
        // awsx makes the internet gateway whatever the subnets (AWS does not charge for one).
        const internetGateway = new aws.ec2.InternetGateway(name, { vpcId: this.vpc.id, tags: sharedTags }, { parent: this.vpc });

        const { subnets } = awsxVpcLayout(name, inputs, regionZones);
        // Equal blocks, as many as the subnets need (awsx's allocators size them otherwise).
        const prefixLength = block.prefixLength + Math.ceil(Math.log2(Math.max(subnets.length, 1)));
        const routeTables: { layout: AwsxSubnetLayout; routeTable: aws.ec2.RouteTable }[] = [];
        subnets.forEach((subnetLayout, index) => {
            const subnet = new aws.ec2.Subnet(
                subnetLayout.name,
                {
                    vpcId: this.vpc.id,
                    availabilityZone: subnetLayout.availabilityZone,
                    cidrBlock: nthSubBlock(block, prefixLength, index).cidr,
                    mapPublicIpOnLaunch: subnetLayout.type === "Public",
                    tags: { ...sharedTags, Name: subnetLayout.name, SubnetType: subnetLayout.type },
                },
                { parent: this.vpc },
            );
            const routeTable = new aws.ec2.RouteTable(subnetLayout.name, { vpcId: this.vpc.id, tags: { ...sharedTags, Name: subnetLayout.name, SubnetType: subnetLayout.type } }, { parent: subnet });
            new aws.ec2.RouteTableAssociation(subnetLayout.name, { routeTableId: routeTable.id, subnetId: subnet.id }, { parent: routeTable });
            this.subnets.push({ layout: subnetLayout, subnet });
            routeTables.push({ layout: subnetLayout, routeTable });
        });

        const natGateways = this.subnets
            .filter(({ layout: { type, zoneIndex } }) => type === "Public" && (strategy === "OnePerAz" || (strategy === "Single" && zoneIndex === 0)))
            .map(({ layout: { zoneIndex }, subnet }) => {
                const eip = new aws.ec2.Eip(`${name}-${zoneIndex + 1}`, { tags: { ...inputs.tags, Name: `${name}-${zoneIndex + 1}` } }, { parent: subnet });
                return new aws.ec2.NatGateway(`${name}-${zoneIndex + 1}`, { subnetId: subnet.id, allocationId: eip.allocationId, tags: { ...inputs.tags, Name: `${name}-${zoneIndex + 1}` } }, { parent: subnet });
            });
        const hasPrivate = this.subnets.some(({ layout: { type } }) => type === "Private");
        if (hasPrivate && strategy !== "None" && natGateways.length === 0) {
            throw new Error(`natGateways.strategy ${strategy} needs a public subnet for its NAT gateway; awsx refuses private subnets without one`);
        }
        for (const { layout: subnetLayout, routeTable } of routeTables) {
            if (subnetLayout.type === "Public") {
                new aws.ec2.Route(subnetLayout.name, { routeTableId: routeTable.id, gatewayId: internetGateway.id, destinationCidrBlock: ANY_IPV4 }, { parent: routeTable });
            } else if (subnetLayout.type === "Private" && strategy !== "None") {
                const natGateway = strategy === "Single" ? natGateways[0] : natGateways[subnetLayout.zoneIndex];
                new aws.ec2.Route(subnetLayout.name, { routeTableId: routeTable.id, natGatewayId: natGateway.id, destinationCidrBlock: ANY_IPV4 }, { parent: routeTable });
            }
            // Isolated subnets have no route out.
        }
        this.registerOutputs(this.outputs);
    }

    /** awsx.ec2.Vpc's id outputs. */
    get outputs(): Record<string, pulumi.Output<unknown>> {
        const idsOf = (type: AwsxSubnetLayout["type"]) => pulumi.all(this.subnets.filter((s) => s.layout.type === type).map((s) => s.subnet.id));
        return { vpcId: this.vpc.id, publicSubnetIds: idsOf("Public"), privateSubnetIds: idsOf("Private"), isolatedSubnetIds: idsOf("Isolated") };
    }
}

/**
 * The construct request's inputs as plain values. awsx reads its layout arguments when it is
 * constructed; one that is not known yet (an output of another resource) cannot lay out a VPC.
 */
function plainInputs(inputs: pulumi.Inputs): Record<string, any> {
    for (const [key, value] of Object.entries(inputs)) {
        if (pulumi.Output.isInstance(value)) {
            throw new Error(`the awsx stand-in needs ${key} as a plain value when the VPC is constructed, not an output of another resource`);
        }
    }
    return inputs as Record<string, any>;
}

