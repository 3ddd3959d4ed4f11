import { expect } from "chai";
import { networkCapacity, SubnetAddresses } from "../../../sdk/network/capacity";
import { NetworkGraph } from "../../../sdk/network/network-graph";
import { Stack, T, UNKNOWN } from "../reachability/stack";

// What takes a subnet's addresses, as plain resources record it: AWS reserves 5 of every subnet
// (a /28 has 11 usable), an interface endpoint takes one in each subnet it is placed in, and
// Lambda one Hyperplane ENI per unique (subnet, security-group set) (shared/AWS-FACTS.md).

/** A VPC with a /28 subnet, `app`, in one zone. */
function vpcWithSubnet(cidrBlock = "10.0.0.0/28"): Stack {
    return new Stack()
        .add(T.vpc, "vpc", { cidrBlock: "10.0.0.0/16" })
        .add(T.subnet, "app", { vpcId: "vpc-id", cidrBlock, availabilityZone: "us-east-1a" })
        .add(T.subnet, "other", { vpcId: "vpc-id", cidrBlock: "10.0.1.0/28", availabilityZone: "us-east-1b" });
}

/** A function in `subnets` wearing `groups`. */
function withFunction(stack: Stack, name: string, subnets: string[], groups: string[]): Stack {
    return stack.add(T.function, name, { vpcConfig: { subnetIds: subnets, securityGroupIds: groups } });
}

function capacityOf(stack: Stack) {
    return networkCapacity(new NetworkGraph(stack.resources));
}

function subnetOf(stack: Stack, id = "app-id"): SubnetAddresses {
    return capacityOf(stack).subnets.get(id)!;
}

/** Each kind's addresses in the subnet, and the names of what takes them. */
function takersOf(subnet: SubnetAddresses): Record<string, [number, string[]]> {
    return Object.fromEntries(Object.entries(subnet.takers).filter(([, t]) => t.addresses > 0).map(([kind, t]) => [kind, [t.addresses, t.resources.map((r) => r.name)]]));
}

describe("network: subnet capacity", () => {
    describe("what takes a subnet's addresses", () => {
        it("counts an interface endpoint once in each subnet it is placed in, and a gateway endpoint in none", () => {
            const stack = vpcWithSubnet()
                .add(T.vpcEndpoint, "sqs", { vpcId: "vpc-id", serviceName: "com.amazonaws.us-east-1.sqs", vpcEndpointType: "Interface", subnetIds: ["app-id", "other-id"] })
                .add(T.vpcEndpoint, "s3", { vpcId: "vpc-id", serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway", routeTableIds: [] });
            expect([takersOf(subnetOf(stack)), takersOf(subnetOf(stack, "other-id"))]).to.deep.equal([{ interfaceEndpoint: [1, ["sqs"]] }, { interfaceEndpoint: [1, ["sqs"]] }]);
        });

        it("counts a NAT gateway's primary private address and the secondary ones it asks for", () => {
            const stack = vpcWithSubnet().add(T.natGateway, "nat", { subnetId: "app-id", connectivityType: "private", secondaryPrivateIpAddressCount: 2 });
            expect(takersOf(subnetOf(stack))).to.deep.equal({ natGateway: [3, ["nat"]] });
        });

        it("counts a private address for each secondary Elastic IP of a public NAT gateway", () => {
            const stack = vpcWithSubnet()
                .add(T.eip, "primary", { domain: "vpc" })
                .add(T.eip, "second", { domain: "vpc" })
                .add(T.natGateway, "nat", { subnetId: "app-id", allocationId: "primary-id", secondaryAllocationIds: ["second-id"] });
            expect(takersOf(subnetOf(stack))).to.deep.equal({ natGateway: [2, ["nat"]] });
        });

        it("counts an EC2 instance as one address", () => {
            const stack = vpcWithSubnet().add(T.instance, "bastion", { subnetId: "app-id", instanceType: "t4g.nano" });
            expect(takersOf(subnetOf(stack))).to.deep.equal({ instance: [1, ["bastion"]] });
        });

        it("counts a network interface's primary address and its privateIpsCount secondary ones", () => {
            const stack = vpcWithSubnet().add(T.networkInterface, "eni", { subnetId: "app-id", privateIpsCount: 3 });
            expect(takersOf(subnetOf(stack))).to.deep.equal({ networkInterface: [4, ["eni"]] });
        });

        it("counts an EFS mount target as one address", () => {
            const stack = vpcWithSubnet().add(T.efsMountTarget, "files-a", { subnetId: "app-id", fileSystemId: "fs-0123" });
            expect(takersOf(subnetOf(stack))).to.deep.equal({ efsMountTarget: [1, ["files-a"]] });
        });

        it("leaves usable less everything taken free, with its share of the usable as headroom", () => {
            const stack = withFunction(vpcWithSubnet(), "fn", ["app-id"], ["sg-a"])
                .add(T.vpcEndpoint, "sqs", { vpcId: "vpc-id", serviceName: "com.amazonaws.us-east-1.sqs", vpcEndpointType: "Interface", subnetIds: ["app-id"] })
                .add(T.efsMountTarget, "files-a", { subnetId: "app-id", fileSystemId: "fs-0123" });
            expect(subnetOf(stack)).to.deep.include({ prefixLength: 28, size: 16, usable: 11, taken: 3, free: 8, headroom: 8 / 11 });
        });

        it("goes below zero free when the takers need more than the usable addresses", () => {
            const stack = vpcWithSubnet().add(T.networkInterface, "eni", { subnetId: "app-id", privateIpsCount: 11 });
            expect(subnetOf(stack)).to.deep.include({ taken: 12, free: -1 });
        });
    });

    describe("Lambda's Hyperplane ENIs", () => {
        it("takes one address per unique security-group set, whatever the order of the groups, shared by the functions that have it", () => {
            const stack = withFunction(withFunction(vpcWithSubnet(), "orders", ["app-id"], ["sg-a", "sg-b"]), "billing", ["app-id"], ["sg-b", "sg-a"]);
            expect(takersOf(subnetOf(stack))).to.deep.equal({ lambda: [1, ["orders", "billing"]] });
        });

        it("takes another address for a function wearing another set", () => {
            const stack = withFunction(withFunction(vpcWithSubnet(), "orders", ["app-id"], ["sg-a"]), "billing", ["app-id"], ["sg-b"]);
            expect(takersOf(subnetOf(stack))).to.deep.equal({ lambda: [2, ["orders", "billing"]] });
        });

        it("takes an address in each of the function's subnets", () => {
            const stack = withFunction(vpcWithSubnet(), "orders", ["app-id", "other-id"], ["sg-a"]);
            expect([subnetOf(stack).takers.lambda.addresses, subnetOf(stack, "other-id").takers.lambda.addresses]).to.deep.equal([1, 1]);
        });
    });

    describe("sizes", () => {
        it("counts a dual-stack subnet by its IPv4 block, whatever its IPv6 /64 holds", () => {
            const stack = vpcWithSubnet().set("app", { ipv6CidrBlock: "2600:1f18:abcd:1201::/64" });
            expect(subnetOf(stack)).to.deep.include({ size: 16, usable: 11 });
        });

        it("leaves the size and free addresses of a subnet whose block is unknown in a preview unknown, and still counts its takers", () => {
            const stack = withFunction(vpcWithSubnet().set("app", { cidrBlock: UNKNOWN }), "fn", ["app-id"], ["sg-a"]);
            const subnet = subnetOf(stack);
            expect([subnet.size, subnet.usable, subnet.free, subnet.headroom, subnet.taken]).to.deep.equal([undefined, undefined, undefined, undefined, 1]);
        });

        it("gives an IPv6-only subnet no size: no IPv4 block holds its takers", () => {
            const stack = vpcWithSubnet().set("app", { cidrBlock: undefined, ipv6CidrBlock: "2600:1f18:abcd:1201::/64", ipv6Native: true });
            expect(subnetOf(stack).size).to.equal(undefined);
        });

        it("lists a subnet outside the stack that a function is placed in, after the stack's own, with no size and no resource", () => {
            const stack = withFunction(vpcWithSubnet(), "fn", ["subnet-0aaaaaaaaaaaaaaaa"], ["sg-a"]);
            const capacity = capacityOf(stack);
            const outside = capacity.subnets.get("subnet-0aaaaaaaaaaaaaaaa")!;
            expect([[...capacity.subnets.keys()], outside.size, outside.resource, outside.takers.lambda.addresses]).to.deep.equal([
                ["app-id", "other-id", "subnet-0aaaaaaaaaaaaaaaa"],
                undefined,
                undefined,
                1,
            ]);
        });

        it("follows a preview's unknown subnet ids through the property's dependencies", () => {
            const stack = vpcWithSubnet();
            stack.add(T.efsMountTarget, "files-a", { subnetId: UNKNOWN }, { dependencies: { subnetId: [stack.get("app").urn] } });
            expect(takersOf(subnetOf(stack))).to.deep.equal({ efsMountTarget: [1, ["files-a"]] });
        });
    });

    describe("DB subnet groups", () => {
        /** The /28 holding 10 addresses of network interfaces, a DB subnet group on it, and the given instances. */
        function dbGroupWith(...instances: Record<string, unknown>[]): Stack {
            const stack = vpcWithSubnet()
                .add(T.networkInterface, "eni", { subnetId: "app-id", privateIpsCount: 9 })
                .add(T.dbSubnetGroup, "db-subnets", { name: "db-subnets", subnetIds: ["app-id"] }, { id: "db-subnets" });
            instances.forEach((inputs, i) => stack.add(T.dbInstance, `db-${i + 1}`, { engine: "postgres", dbSubnetGroupName: "db-subnets", ...inputs }));
            return stack;
        }

        it("needs one address per DB instance, from what its subnets have left", () => {
            const [group] = capacityOf(dbGroupWith({})).dbSubnetGroups;
            expect([group.needed, group.free, group.fits, group.instances.map((db) => db.name), group.subnets.map((s) => s.subnet.name)]).to.deep.equal([1, 1, true, ["db-1"], ["app"]]);
        });

        it("needs two addresses for a Multi-AZ instance, its standby in a second zone", () => {
            const [group] = capacityOf(dbGroupWith({ multiAz: true })).dbSubnetGroups;
            expect([group.needed, group.fits]).to.deep.equal([2, false]);
        });

        it("finds the instances of a group whose id is not known yet by the group's name", () => {
            const stack = dbGroupWith({});
            delete stack.get("db-subnets").id;
            expect(capacityOf(stack).dbSubnetGroups[0].instances.map((db) => db.name)).to.deep.equal(["db-1"]);
        });

        it("counts no subnet below zero free: an overfull subnet gives the group nothing, not less", () => {
            const stack = dbGroupWith({}).set("db-subnets", { subnetIds: ["app-id", "other-id"] }).set("eni", { privateIpsCount: 20 });
            const [group] = capacityOf(stack).dbSubnetGroups;
            expect([group.free, group.fits]).to.deep.equal([11, true]);
        });

        it("does not judge a group whose subnet list is unknown as a whole in a preview", () => {
            const stack = dbGroupWith({ multiAz: true }).set("db-subnets", { subnetIds: UNKNOWN });
            stack.get("db-subnets").propertyDependencies = { subnetIds: [stack.get("app").urn] };
            const [group] = capacityOf(stack).dbSubnetGroups;
            expect([group.subnets.length, group.fits]).to.deep.equal([1, undefined]);
        });
    });

    describe("Lambda ENIs per VPC", () => {
        /** `sets` functions, each wearing its own group, in `subnets` subnets of one VPC. */
        function pairs(subnets: number, sets: number): Stack {
            const stack = new Stack().add(T.vpc, "vpc", { cidrBlock: "10.2.0.0/16" });
            const ids = Array.from({ length: subnets }, (_, i) => {
                stack.add(T.subnet, `subnet-${i}`, { vpcId: "vpc-id", cidrBlock: `10.2.${i}.0/24` });
                return `subnet-${i}-id`;
            });
            Array.from({ length: sets }, (_, i) => withFunction(stack, `fn-${i}`, ids, [`sg-${i}`]));
            return stack;
        }

        it("counts 16 subnets x 24 security-group sets as 384 ENIs, within the 500 per VPC", () => {
            expect(capacityOf(pairs(16, 24)).vpcs).to.deep.equal([{ vpcId: "vpc-id", name: "vpc", lambdaEnis: 384, quota: 500, quotaUse: "within" }]);
        });

        it("is near the quota from 80% of it: 16 x 25 = 400", () => {
            expect(capacityOf(pairs(16, 25)).vpcs[0]).to.include({ lambdaEnis: 400, quotaUse: "near" });
        });

        it("is over the quota once it reaches it: 10 x 50 = 500", () => {
            expect(capacityOf(pairs(10, 50)).vpcs[0]).to.include({ lambdaEnis: 500, quotaUse: "over" });
        });

        it("puts the ENIs of subnets outside the stack in a VPC it cannot name", () => {
            const stack = withFunction(new Stack(), "fn", ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"], ["sg-a"]);
            expect(capacityOf(stack).vpcs.map((v) => [v.vpcId, v.name, v.lambdaEnis])).to.deep.equal([["(VPC not in this stack)", "(VPC not in this stack)", 2]]);
        });
    });
});
