import { expect } from "chai";
import { dualStackSubnetProblem } from "../../../sdk/checks/existing-subnet-ipv6";
import { privateDnsProblem } from "../../../sdk/checks/existing-vpc-dns";

const vpcId = "vpc-0123456789abcdef0";
const problemWith = (enableDnsSupport: boolean, enableDnsHostnames: boolean, services = ["sqs"]) =>
    privateDnsProblem("app", vpcId, services, { enableDnsSupport, enableDnsHostnames });

describe("validation: an existing VPC's DNS, for interface endpoints with private DNS", () => {
    it("finds nothing wrong with DNS support and DNS hostnames both on", () => {
        expect(problemWith(true, true)).to.equal(undefined);
    });

    it("names the component, the VPC and enableDnsHostnames when DNS hostnames are off", () => {
        expect(problemWith(true, false)).to.contain(`VpcLambdaNetwork "app": existingVpc "${vpcId}" has enableDnsHostnames off;`);
    });

    it("names enableDnsSupport alone when DNS support is off", () => {
        expect(problemWith(false, true)).to.contain(`existingVpc "${vpcId}" has enableDnsSupport off;`);
    });

    it("names both flags when both are off", () => {
        expect(problemWith(false, false)).to.contain("has enableDnsSupport and enableDnsHostnames off;");
    });

    it("says which endpoints were not created, and how to turn the flags on with aws and awsx", () => {
        const message = problemWith(true, false, ["sqs", "ecr.api"]);
        expect(message).to.contain("the interface endpoints (sqs, ecr.api) were not created");
        expect(message).to.contain("enableDnsSupport: true and enableDnsHostnames: true on its aws.ec2.Vpc");
        expect(message).to.contain("enableDnsHostnames: true on an awsx.ec2.Vpc");
    });
});

describe("validation: an existing VPC's DNS, the message for one endpoint", () => {
    it("names the one interface endpoint that was not created, in the singular", () => {
        expect(problemWith(false, true, ["sqs"])).to.contain("so the interface endpoint (sqs) was not created.");
    });
});

describe("validation: an existing subnet for dual-stack functions", () => {
    const subnetId = "subnet-0123456789abcdef0";

    it("finds nothing wrong with a subnet that has an IPv6 block beside its IPv4 one", () => {
        expect(dualStackSubnetProblem("app", subnetId, { ipv6CidrBlock: "2600:1f18:abcd:1200::/64", ipv6Native: false })).to.equal(undefined);
    });

    it("refuses an IPv6-only subnet, which Lambda does not support", () => {
        expect(dualStackSubnetProblem("app", subnetId, { ipv6CidrBlock: "2600:1f18:abcd:1200::/64", ipv6Native: true })).to.equal(
            `VpcLambdaNetwork "app": dualStack is on, but existingVpc subnet "${subnetId}" is IPv6-only; Lambda does not support IPv6-only subnets. Give dual-stack subnets (an IPv4 and an IPv6 block) instead.`,
        );
    });

    it("refuses a subnet with no IPv6 block, saying how to give it one", () => {
        expect(dualStackSubnetProblem("app", subnetId, { ipv6CidrBlock: "", ipv6Native: false })).to.equal(
            `VpcLambdaNetwork "app": dualStack is on, but existingVpc subnet "${subnetId}" has no IPv6 block, so functions could not use IPv6 there. ` +
                "Give the VPC an IPv6 block and the subnet a /64 of it (assignGeneratedIpv6CidrBlock on the aws.ec2.Vpc, ipv6CidrBlock on the aws.ec2.Subnet), or turn dualStack off.",
        );
    });
});
