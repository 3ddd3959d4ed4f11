import { expect } from "chai";
import {
    accountId,
    availabilityZoneNames,
    endpointPolicySupported,
    endpointServiceName,
    endpointServiceZones,
    foundEndpoint,
    partitionName,
    regionName,
    subnetIpv6,
    subnetZone,
    vpcCidrBlocks,
    vpcDns,
} from "../../../sdk/checks/lookup-answers";
import { MOCKSTACK_ADVICE, refusal } from "../../helpers/generic-mocks";

// Each lookup's answer as AWS gives it, and as mocks that answer less give it: Pulumi's documented
// generic mocks answer an invoke with its own inputs (`call: (a) => a.inputs`).

describe("validation: the answer of aws.getAvailabilityZones", () => {
    const asked = { state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] };

    it("gives the zone names AWS answers", () => {
        expect(availabilityZoneNames("app", { ...asked, names: ["us-east-1a", "us-east-1b"] })).to.deep.equal(["us-east-1a", "us-east-1b"]);
    });

    it("takes an empty list as AWS's, for the zone count check to judge", () => {
        expect(availabilityZoneNames("app", { names: [] })).to.deep.equal([]);
    });

    it("refuses an answer without names in one sentence: the lookup, the field, the answer, MockStack, and availabilityZoneNames", () => {
        expect(refusal(() => availabilityZoneNames("app", asked))).to.equal(
            'VpcLambdaNetwork "app": aws.getAvailabilityZones answered no names, but AWS always answers names with the Region\'s zone names ' +
                '(the answer held only state, filters); ' +
                `${MOCKSTACK_ADVICE} aws:index/getAvailabilityZones:getAvailabilityZones with names, or give availabilityZoneNames.`,
        );
    });

    it("refuses names that are not a list of strings, quoting them", () => {
        expect(refusal(() => availabilityZoneNames("app", { names: "us-east-1a" }))).to.contain('answered names "us-east-1a", but AWS always answers names with');
        expect(refusal(() => availabilityZoneNames("app", { names: [1, 2] }))).to.contain("answered names [1,2], but");
    });

    it("reads a null as a missing field, as a mock that leaves it out answers it", () => {
        expect(refusal(() => availabilityZoneNames("app", { names: null }))).to.contain("answered no names,");
    });
});

describe("validation: the answer of aws.getRegion", () => {
    it("gives the region AWS answers", () => {
        expect(regionName("app", { region: "eu-west-1", name: "eu-west-1" })).to.equal("eu-west-1");
    });

    it("reads the deprecated name when region is missing, as mocks written for older providers answer", () => {
        expect(regionName("app", { name: "eu-west-1" })).to.equal("eu-west-1");
    });

    it("prefers region to name when both are there", () => {
        expect(regionName("app", { region: "eu-west-1", name: "us-east-1" })).to.equal("eu-west-1");
    });

    it("refuses an answer with neither, naming region", () => {
        expect(refusal(() => regionName("app", {}))).to.equal(
            'VpcLambdaNetwork "app": aws.getRegion answered no region, but AWS always answers region with the Region\'s name, such as "us-east-1" ' +
                `(the answer held nothing); ${MOCKSTACK_ADVICE} aws:index/getRegion:getRegion with region.`,
        );
    });

    it("refuses an empty region, and a name that is not a string", () => {
        expect(refusal(() => regionName("app", { region: "" }))).to.contain('answered region "", but');
        expect(refusal(() => regionName("app", { name: 7 }))).to.contain("answered name 7, but AWS always answers name with");
    });
});

describe("validation: the answer of aws.getPartition", () => {
    it("gives the partition AWS answers", () => {
        expect(partitionName("app", { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" })).to.equal("aws-cn");
    });

    it("refuses an answer without it, naming the lookup's token", () => {
        expect(refusal(() => partitionName("app", {}))).to.equal(
            'VpcLambdaNetwork "app": aws.getPartition answered no partition, but AWS always answers partition with the partition, such as "aws" ' +
                `(the answer held nothing); ${MOCKSTACK_ADVICE} aws:index/getPartition:getPartition with partition.`,
        );
    });

    it("refuses a partition that is not a string", () => {
        expect(refusal(() => partitionName("app", { partition: ["aws"] }))).to.contain('answered partition ["aws"], but');
    });
});

describe("validation: the answer of aws.getCallerIdentity", () => {
    it("gives the account AWS answers", () => {
        expect(accountId("app", { accountId: "123456789012", arn: "arn:aws:iam::123456789012:user/ci" })).to.equal("123456789012");
    });

    it("refuses an answer without it", () => {
        expect(refusal(() => accountId("app", {}))).to.equal(
            'VpcLambdaNetwork "app": aws.getCallerIdentity answered no accountId, but AWS always answers accountId with the account\'s 12 digits ' +
                `(the answer held nothing); ${MOCKSTACK_ADVICE} aws:index/getCallerIdentity:getCallerIdentity with accountId.`,
        );
    });

    it("refuses an account id that is not 12 digits, which no ARN could hold", () => {
        expect(refusal(() => accountId("app", { accountId: "12345" }))).to.contain('answered accountId "12345", but');
        expect(refusal(() => accountId("app", { accountId: 123456789012 }))).to.contain("answered accountId 123456789012, but");
    });
});

describe("validation: the answer of aws.ec2.getVpcEndpointService, the service's name", () => {
    const asked = { serviceType: "Gateway", filters: [{ name: "service-name", values: ["com.amazonaws.us-east-1.s3", "cn.com.amazonaws.us-east-1.s3"] }] };

    it("gives the name AWS answers", () => {
        expect(endpointServiceName("app", { serviceName: "cn.com.amazonaws.cn-north-1.ecr.api" }, "ecr.api", "cn-north-1")).to.equal("cn.com.amazonaws.cn-north-1.ecr.api");
    });

    it("falls back to com.amazonaws.<region>.<service> outside the China Regions, the one name AWS has there", () => {
        expect(endpointServiceName("app", asked, "s3", "us-east-1")).to.equal("com.amazonaws.us-east-1.s3");
        expect(endpointServiceName("app", {}, "ecr.api", "us-gov-west-1")).to.equal("com.amazonaws.us-gov-west-1.ecr.api");
    });

    it("refuses an answer without it in a China Region, where the name varies by service", () => {
        expect(refusal(() => endpointServiceName("app", {}, "ecr.api", "cn-north-1"))).to.equal(
            'VpcLambdaNetwork "app": aws.ec2.getVpcEndpointService for "ecr.api" answered no serviceName, but AWS always answers serviceName with ' +
                `the service's full name, such as "com.amazonaws.cn-north-1.ecr.api" (the answer held nothing); ${MOCKSTACK_ADVICE} aws:ec2/getVpcEndpointService:getVpcEndpointService with serviceName.`,
        );
    });

    it("refuses a name that is not a string, or is empty, even where it could fall back", () => {
        expect(refusal(() => endpointServiceName("app", { serviceName: 3 }, "s3", "us-east-1"))).to.contain("answered serviceName 3, but");
        expect(refusal(() => endpointServiceName("app", { serviceName: "" }, "s3", "us-east-1"))).to.contain('answered serviceName "", but');
    });
});

describe("validation: the answer of aws.ec2.getVpcEndpointService, the zones", () => {
    const networkZones = ["us-east-1a", "us-east-1b"];

    it("gives the zones AWS answers, which may leave out some of the network's", () => {
        expect(endpointServiceZones("app", { availabilityZones: ["us-east-1a", "us-east-1c"] }, "lambda", networkZones)).to.deep.equal(["us-east-1a", "us-east-1c"]);
    });

    it("takes an empty list as AWS's: the service is offered nowhere", () => {
        expect(endpointServiceZones("app", { availabilityZones: [] }, "lambda", networkZones)).to.deep.equal([]);
    });

    it("falls back to the network's own zones when the answer has none", () => {
        expect(endpointServiceZones("app", { serviceName: "com.amazonaws.us-east-1.sqs" }, "sqs", networkZones)).to.deep.equal(networkZones);
    });

    it("refuses zones that are not a list of strings", () => {
        expect(refusal(() => endpointServiceZones("app", { availabilityZones: "us-east-1a" }, "sqs", networkZones))).to.equal(
            'VpcLambdaNetwork "app": aws.ec2.getVpcEndpointService for "sqs" answered availabilityZones "us-east-1a", but AWS always answers availabilityZones with ' +
                `the zones the service is offered in (the answer held only availabilityZones); ${MOCKSTACK_ADVICE} aws:ec2/getVpcEndpointService:getVpcEndpointService with availabilityZones.`,
        );
    });
});

describe("validation: the answer of aws.ec2.getSubnet, the zone", () => {
    const subnetId = "subnet-0aaaaaaaaaaaaaaa1";

    it("gives the zone AWS answers", () => {
        expect(subnetZone("app", { id: subnetId, availabilityZone: "us-east-1b" }, subnetId)).to.equal("us-east-1b");
    });

    it("refuses an answer without it, naming the subnet", () => {
        expect(refusal(() => subnetZone("app", { id: subnetId }, subnetId))).to.equal(
            `VpcLambdaNetwork "app": aws.ec2.getSubnet for "${subnetId}" answered no availabilityZone, but AWS always answers availabilityZone with the subnet's zone name ` +
                `(the answer held only id); ${MOCKSTACK_ADVICE} aws:ec2/getSubnet:getSubnet with availabilityZone.`,
        );
    });

    it("refuses a zone that is not a string", () => {
        expect(refusal(() => subnetZone("app", { availabilityZone: false }, subnetId))).to.contain("answered availabilityZone false, but");
    });
});

describe("validation: the answer of aws.ec2.getSubnet, the IPv6 set-up", () => {
    const subnetId = "subnet-0aaaaaaaaaaaaaaa1";

    it("gives the IPv6 block and whether the subnet is IPv6-only", () => {
        expect(subnetIpv6("app", { ipv6CidrBlock: "2600:1f18:abcd:1200::/64", ipv6Native: false }, subnetId)).to.deep.equal({ ipv6CidrBlock: "2600:1f18:abcd:1200::/64", ipv6Native: false });
    });

    it("takes the empty block AWS answers for a subnet without IPv6", () => {
        expect(subnetIpv6("app", { ipv6CidrBlock: "", ipv6Native: false }, subnetId)).to.deep.equal({ ipv6CidrBlock: "", ipv6Native: false });
    });

    it("refuses an answer without the block, rather than calling the subnet IPv4-only", () => {
        expect(refusal(() => subnetIpv6("app", { id: subnetId }, subnetId))).to.equal(
            `VpcLambdaNetwork "app": aws.ec2.getSubnet for "${subnetId}" answered no ipv6CidrBlock, but AWS always answers ipv6CidrBlock with ` +
                `the subnet's IPv6 block ("" when it has none) (the answer held only id); ${MOCKSTACK_ADVICE} aws:ec2/getSubnet:getSubnet with ipv6CidrBlock.`,
        );
    });

    it("refuses an answer without ipv6Native, or with one that is not a boolean", () => {
        expect(refusal(() => subnetIpv6("app", { ipv6CidrBlock: "" }, subnetId))).to.contain("answered no ipv6Native, but AWS always answers ipv6Native with true or false");
        expect(refusal(() => subnetIpv6("app", { ipv6CidrBlock: "", ipv6Native: "false" }, subnetId))).to.contain('answered ipv6Native "false", but');
    });

    it("refuses a block that is not a string", () => {
        expect(refusal(() => subnetIpv6("app", { ipv6CidrBlock: 64, ipv6Native: false }, subnetId))).to.contain("answered ipv6CidrBlock 64, but");
    });
});

describe("validation: the answer of aws.ec2.getVpc, the DNS attributes", () => {
    const vpcId = "vpc-0aaaaaaaaaaaaaaaa";

    it("gives both flags as AWS answers them", () => {
        expect(vpcDns("app", { enableDnsSupport: true, enableDnsHostnames: false }, vpcId)).to.deep.equal({ enableDnsSupport: true, enableDnsHostnames: false });
    });

    it("refuses an answer without DNS support, rather than calling it off", () => {
        expect(refusal(() => vpcDns("app", { id: vpcId }, vpcId))).to.equal(
            `VpcLambdaNetwork "app": aws.ec2.getVpc for "${vpcId}" answered no enableDnsSupport, but AWS always answers enableDnsSupport with true or false ` +
                `(the answer held only id); ${MOCKSTACK_ADVICE} aws:ec2/getVpc:getVpc with enableDnsSupport.`,
        );
    });

    it("refuses an answer without DNS hostnames, or with a flag that is not a boolean", () => {
        expect(refusal(() => vpcDns("app", { enableDnsSupport: true }, vpcId))).to.contain("answered no enableDnsHostnames, but");
        expect(refusal(() => vpcDns("app", { enableDnsSupport: 1, enableDnsHostnames: true }, vpcId))).to.contain("answered enableDnsSupport 1, but");
    });
});

describe("validation: the answer of aws.ec2.getVpc, the address blocks", () => {
    const vpcId = "vpc-0aaaaaaaaaaaaaaaa";
    const associations = [{ associationId: "vpc-cidr-assoc-1", cidrBlock: "10.1.0.0/16", state: "associated" }, { associationId: "vpc-cidr-assoc-2", cidrBlock: "100.64.0.0/16", state: "associated" }];

    it("gives every IPv4 block and the IPv6 block", () => {
        expect(vpcCidrBlocks("app", { cidrBlockAssociations: associations, ipv6CidrBlock: "2600:1f18:abcd:ef00::/56" }, vpcId)).to.deep.equal([
            "10.1.0.0/16",
            "100.64.0.0/16",
            "2600:1f18:abcd:ef00::/56",
        ]);
    });

    it("leaves out the empty IPv6 block AWS answers for a VPC without one", () => {
        expect(vpcCidrBlocks("app", { cidrBlockAssociations: associations, ipv6CidrBlock: "" }, vpcId)).to.deep.equal(["10.1.0.0/16", "100.64.0.0/16"]);
    });

    it("refuses an answer without the IPv4 blocks, rather than telling the diagnostics function of none", () => {
        expect(refusal(() => vpcCidrBlocks("app", { id: vpcId }, vpcId))).to.equal(
            `VpcLambdaNetwork "app": aws.ec2.getVpc for "${vpcId}" answered no cidrBlockAssociations, but AWS always answers cidrBlockAssociations with ` +
                `the VPC's IPv4 blocks, as a list of { cidrBlock } (the answer held only id); ${MOCKSTACK_ADVICE} aws:ec2/getVpc:getVpc with cidrBlockAssociations.`,
        );
    });

    it("refuses blocks given as plain strings, which are not associations", () => {
        expect(refusal(() => vpcCidrBlocks("app", { cidrBlockAssociations: ["10.1.0.0/16"], ipv6CidrBlock: "" }, vpcId))).to.contain('answered cidrBlockAssociations ["10.1.0.0/16"], but');
    });

    it("refuses an answer without the IPv6 block", () => {
        expect(refusal(() => vpcCidrBlocks("app", { cidrBlockAssociations: associations }, vpcId))).to.contain('answered no ipv6CidrBlock, but AWS always answers ipv6CidrBlock with the VPC\'s IPv6 block ("" when it has none)');
    });
});

describe("validation: the answer of aws.ec2.getVpcEndpoint", () => {
    const serviceName = "com.amazonaws.us-east-1.s3";
    const gateway = { id: "vpce-0aaaaaaaaaaaaaaa1", routeTableIds: ["rtb-0aaaaaaaaaaaaaaa1"], privateDnsEnabled: false, securityGroupIds: [], tags: { Name: "other-s3" } };
    const iface = { id: "vpce-0aaaaaaaaaaaaaaa2", routeTableIds: [], privateDnsEnabled: true, securityGroupIds: ["sg-0aaaaaaaaaaaaaaa1"], tags: {} };

    it("gives a gateway endpoint's id, route tables and Name tag", () => {
        expect(foundEndpoint("app", gateway, serviceName, "Gateway")).to.deep.equal({ id: gateway.id, routeTableIds: gateway.routeTableIds, privateDnsEnabled: false, securityGroupIds: [], nameTag: "other-s3" });
    });

    it("gives an interface endpoint's id, private DNS and security groups, and no Name tag when it has none", () => {
        expect(foundEndpoint("app", iface, "com.amazonaws.us-east-1.sqs", "Interface")).to.deep.equal({ id: iface.id, routeTableIds: [], privateDnsEnabled: true, securityGroupIds: ["sg-0aaaaaaaaaaaaaaa1"] });
    });

    it("refuses an answer without an id, as generic mocks answer with the lookup's own inputs", () => {
        const asked = { vpcId: "vpc-0aaaaaaaaaaaaaaaa", serviceName, vpcEndpointType: "Gateway" };
        expect(refusal(() => foundEndpoint("app", asked, serviceName, "Gateway"))).to.equal(
            `VpcLambdaNetwork "app": aws.ec2.getVpcEndpoint for "${serviceName}" answered no id, but AWS always answers id with the endpoint's id, such as "vpce-0123456789abcdef0" ` +
                `(the answer held only vpcId, serviceName, vpcEndpointType); ${MOCKSTACK_ADVICE} aws:ec2/getVpcEndpoint:getVpcEndpoint with id.`,
        );
    });

    it("refuses an answer without tags, which tell the network's own endpoint from another", () => {
        const { tags: _tags, ...untagged } = gateway;
        expect(refusal(() => foundEndpoint("app", untagged, serviceName, "Gateway"))).to.contain("answered no tags, but AWS always answers tags with the endpoint's tags ({} when it has none)");
        expect(refusal(() => foundEndpoint("app", { ...gateway, tags: ["other-s3"] }, serviceName, "Gateway"))).to.contain('answered tags ["other-s3"], but');
    });

    it("refuses a gateway endpoint without route tables, which decide where the network's own may go", () => {
        const { routeTableIds: _routeTableIds, ...without } = gateway;
        expect(refusal(() => foundEndpoint("app", without, serviceName, "Gateway"))).to.contain("answered no routeTableIds, but AWS always answers routeTableIds with the route tables the endpoint is on");
    });

    it("refuses an interface endpoint without its private DNS flag, which decides whether the network's own conflicts", () => {
        const { privateDnsEnabled: _privateDnsEnabled, ...without } = iface;
        expect(refusal(() => foundEndpoint("app", without, "com.amazonaws.us-east-1.sqs", "Interface"))).to.contain("answered no privateDnsEnabled, but AWS always answers privateDnsEnabled with true or false");
    });

    it("reads an interface endpoint without security groups as naming none, and refuses groups that are not a list", () => {
        const { securityGroupIds: _securityGroupIds, ...without } = iface;
        expect(foundEndpoint("app", without, "com.amazonaws.us-east-1.sqs", "Interface").securityGroupIds).to.deep.equal([]);
        expect(refusal(() => foundEndpoint("app", { ...iface, securityGroupIds: "sg-0aaaaaaaaaaaaaaa1" }, "com.amazonaws.us-east-1.sqs", "Interface"))).to.contain('answered securityGroupIds "sg-0aaaaaaaaaaaaaaa1", but');
    });

    it("needs no private DNS flag of a gateway endpoint, and no route tables of an interface endpoint", () => {
        expect(foundEndpoint("app", { id: gateway.id, routeTableIds: gateway.routeTableIds, tags: {} }, serviceName, "Gateway").privateDnsEnabled).to.equal(false);
        expect(foundEndpoint("app", { id: iface.id, privateDnsEnabled: true, tags: {} }, "com.amazonaws.us-east-1.sqs", "Interface").routeTableIds).to.deep.equal([]);
    });
});

describe("validation: the answer of aws.ec2.getVpcEndpointService, for an endpoint policy", () => {
    it("gives vpcEndpointPolicySupported as AWS answers it", () => {
        expect(endpointPolicySupported("app", { serviceName: "com.amazonaws.us-east-1.sqs", vpcEndpointPolicySupported: false }, "sqs")).to.equal(false);
        expect(endpointPolicySupported("app", { vpcEndpointPolicySupported: true }, "sqs")).to.equal(true);
    });

    it("takes an answer without it, as generic mocks give, as support", () => {
        expect(endpointPolicySupported("app", { serviceType: "Interface" }, "sqs")).to.equal(true);
    });

    it("refuses a value that is not a boolean, naming the service and the field", () => {
        expect(refusal(() => endpointPolicySupported("app", { vpcEndpointPolicySupported: "yes" }, "sqs"))).to.contain(
            'aws.ec2.getVpcEndpointService for "sqs" answered vpcEndpointPolicySupported "yes", but AWS always answers vpcEndpointPolicySupported with true or false',
        );
    });
});
