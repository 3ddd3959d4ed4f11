import { expect } from "chai";
import { privateDnsProblem } from "../../sdk/validation/existing-vpc-dns";

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
