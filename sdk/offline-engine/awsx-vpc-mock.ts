/** The type token of awsx's VPC, a remote (multi-language) component. */
export const AWSX_VPC_TYPE = "awsx:ec2:Vpc";

/** A subnet awsx would create, as `getSubnet` and `getRouteTable` should then describe it. */
export interface MockedAwsxSubnet {
    id: string;
    vpcId: string;
    availabilityZone: string;
    /** awsx gives every subnet a route table of its own. */
    routeTableId: string;
    type: "Public" | "Private" | "Isolated";
}

type IdFor = (type: string, name: string) => string;

// awsx's defaults (v2 and v3): three zones, a public and a private subnet in each.
const AWSX_DEFAULT_ZONE_COUNT = 3;
const AWSX_DEFAULT_SUBNET_TYPES = ["Private", "Public"] as const;
// awsx passes its DNS arguments to the aws.ec2.Vpc it makes, unset when unset: DNS support on,
// DNS hostnames off, as @pulumi/awsx 3.9.0 documents them ("Defaults to true", "Defaults false").
const AWSX_DEFAULT_DNS = { enableDnsSupport: true, enableDnsHostnames: false };

/** A VPC's DNS attributes, as `getVpc` reports them. */
export interface MockedVpcDns {
    enableDnsSupport: boolean;
    enableDnsHostnames: boolean;
}

/** A subnet of an `awsx.ec2.Vpc`'s layout: its name (its route table's too), zone and type. */
export interface AwsxSubnetLayout {
    name: string;
    availabilityZone: string;
    type: MockedAwsxSubnet["type"];
    /** Its zone's position in the VPC's zones, from 0. */
    zoneIndex: number;
}

/**
 * The subnets `awsx.ec2.Vpc` makes for these inputs, type by type, and the DNS attributes its VPC
 * gets: what the mocks answer with, and what the awsx stand-in of
 * `make e2e` (e2e/awsx-standin) builds through the real engine.
 */
export function awsxVpcLayout(name: string, inputs: Record<string, any>, regionZones: string[]): { subnets: AwsxSubnetLayout[]; dns: MockedVpcDns } {
    const zones: string[] = Array.isArray(inputs.availabilityZoneNames)
        ? inputs.availabilityZoneNames
        : regionZones.slice(0, inputs.numberOfAvailabilityZones ?? AWSX_DEFAULT_ZONE_COUNT);
    const types: string[] = Array.isArray(inputs.subnetSpecs) ? inputs.subnetSpecs.map((spec: { type: string }) => spec.type) : [...AWSX_DEFAULT_SUBNET_TYPES];
    const subnets: AwsxSubnetLayout[] = [];
    for (const type of types.filter((t): t is MockedAwsxSubnet["type"] => t === "Public" || t === "Private" || t === "Isolated")) {
        zones.forEach((availabilityZone, zoneIndex) => {
            // awsx names each subnet, and its route table, `<vpc>-<type>-<zone number>`.
            subnets.push({ name: `${name}-${type.toLowerCase()}-${zoneIndex + 1}`, availabilityZone, type, zoneIndex });
        });
    }
    return {
        subnets,
        dns: {
            enableDnsSupport: inputs.enableDnsSupport ?? AWSX_DEFAULT_DNS.enableDnsSupport,
            enableDnsHostnames: inputs.enableDnsHostnames ?? AWSX_DEFAULT_DNS.enableDnsHostnames,
        },
    };
}

/**
 * What `awsx.ec2.Vpc` reports once deployed. Under Pulumi mocks a remote component is a single
 * opaque registration (its children are built by the awsx plugin, which mocks never run), so
 * without these answers a program built on it would see no VPC id and no subnets at all.
 *
 * Only the id outputs are answered. The resource-typed ones (`subnets`, `routeTables`,
 * `natGateways`...) are left out: a mock cannot hand back live resource objects, and a program
 * should look its route tables up by subnet (`aws.ec2.getRouteTable`), which these mocks answer.
 */
export function mockAwsxVpc(
    name: string,
    inputs: Record<string, any>,
    regionZones: string[],
    idFor: IdFor,
): { outputs: Record<string, unknown>; subnets: MockedAwsxSubnet[]; dns: MockedVpcDns } {
    const layout = awsxVpcLayout(name, inputs, regionZones);
    const vpcId = idFor("aws:ec2/vpc:Vpc", name);
    const subnets: MockedAwsxSubnet[] = layout.subnets.map((subnet) => ({
        id: idFor("aws:ec2/subnet:Subnet", subnet.name),
        vpcId,
        availabilityZone: subnet.availabilityZone,
        routeTableId: idFor("aws:ec2/routeTable:RouteTable", subnet.name),
        type: subnet.type,
    }));
    const idsOf = (type: MockedAwsxSubnet["type"]) => subnets.filter((s) => s.type === type).map((s) => s.id);
    return {
        outputs: {
            vpcId,
            publicSubnetIds: idsOf("Public"),
            privateSubnetIds: idsOf("Private"),
            isolatedSubnetIds: idsOf("Isolated"),
        },
        subnets,
        dns: layout.dns,
    };
}
