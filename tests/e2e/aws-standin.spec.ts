import { expect } from "chai";
import { AwsStandIn, typeAndName } from "../../e2e/aws-standin/aws-standin";

// The AWS stand-in is what the real engine talks to in `make e2e`; these pin the answers the
// engine's diff and the programs' lookups depend on, without starting a plugin.
const SUBNET_URN = "urn:pulumi:dev::vpc-lambda-yaml::vpc-lambda:index:VpcLambdaNetwork$aws:ec2/subnet:Subnet::network-lambda-a";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const noSchema = () => "{}";

describe("the AWS stand-in (a test double of the aws plugin for `make e2e`)", () => {
    it("reads the resource type and name from a child's URN", () => {
        expect(typeAndName(SUBNET_URN)).to.deep.equal({ type: "aws:ec2/subnet:Subnet", name: "network-lambda-a" });
    });

    it("creates a subnet with an id of AWS's form and the outputs MockAws gives", async () => {
        const created = await new AwsStandIn("us-east-1", noSchema).create(SUBNET_URN, { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/20", availabilityZone: "us-east-1a" });
        expect(created.id).to.match(/^subnet-[0-9a-f]{17}$/);
        expect(created.outs.arn).to.equal(`arn:aws:ec2:us-east-1:123456789012:subnet/${created.id}`);
    });

    it("leaves out the outputs a resource does not have, which a gRPC Struct cannot carry (an interface endpoint's prefix list)", async () => {
        const urn = "urn:pulumi:dev::p::aws:ec2/vpcEndpoint:VpcEndpoint::network-sqs-endpoint";
        const created = await new AwsStandIn("us-east-1", noSchema).create(urn, { vpcId: "vpc-1", serviceName: "com.amazonaws.us-east-1.sqs", vpcEndpointType: "Interface", subnetIds: ["subnet-1"] });
        expect(Object.values(created.outs)).to.not.include(undefined);
        expect(created.outs).to.not.have.property("prefixListId");
    });

    it("replaces a subnet whose CIDR block changes, as the replace-on-change table says", async () => {
        const olds = { vpcId: "vpc-1", cidrBlock: "10.0.0.0/20", arn: "arn:aws:ec2:us-east-1:123456789012:subnet/subnet-1" };
        const diff = await new AwsStandIn("us-east-1", noSchema).diff("subnet-1", SUBNET_URN, olds, { vpcId: "vpc-1", cidrBlock: "10.0.16.0/20" });
        expect(diff).to.deep.equal({ changes: true, replaces: ["cidrBlock"] });
    });

    it("updates a subnet in place when only its tags change", async () => {
        const diff = await new AwsStandIn("us-east-1", noSchema).diff("subnet-1", SUBNET_URN, { cidrBlock: "10.0.0.0/20", tags: { a: "1" } }, { cidrBlock: "10.0.0.0/20", tags: { a: "2" } });
        expect(diff).to.deep.equal({ changes: true, replaces: [] });
    });

    it("reports no change when the inputs are the old ones and outputs AWS computed are left out", async () => {
        const diff = await new AwsStandIn("us-east-1", noSchema).diff("subnet-1", SUBNET_URN, { cidrBlock: "10.0.0.0/20", arn: "arn:aws:ec2:::subnet/subnet-1" }, { cidrBlock: "10.0.0.0/20" });
        expect(diff.changes).to.equal(false);
    });

    it("plans a replacement when a replace-on-change input is not known yet in a preview (a new VPC's id)", async () => {
        const diff = await new AwsStandIn("us-east-1", noSchema).diff("subnet-1", SUBNET_URN, { vpcId: "vpc-1", cidrBlock: "10.0.0.0/20" }, { vpcId: UNKNOWN, cidrBlock: "10.0.0.0/20" });
        expect(diff.replaces).to.deep.equal(["vpcId"]);
    });

    it("answers getAvailabilityZones with the zones of the region Configure gave", async () => {
        const standIn = new AwsStandIn(undefined, noSchema);
        standIn.configure("eu-west-1");
        const { outputs } = await standIn.invoke("aws:index/getAvailabilityZones:getAvailabilityZones", { state: "available" });
        expect(outputs.names.slice(0, 2)).to.deep.equal(["eu-west-1a", "eu-west-1b"]);
    });

    // Found by `make e2e`: a plugin process lives for one command, so in the second preview of
    // examples/existing-awsx-vpc the stand-in had forgotten awsx's route table associations and
    // answered getRouteTable with a made-up table, and the engine planned to move the gateway
    // endpoints onto it. The engine diffs every resource it registers again, with its last state.
    it("answers getRouteTable for a subnet an earlier run associated, once the engine's diff has shown it the association", async () => {
        const standIn = new AwsStandIn("us-east-1", noSchema);
        const association = { subnetId: "subnet-5d6020805f9675b72", routeTableId: "rtb-2df86091ec3135511" };
        await standIn.diff("rtbassoc-1", "urn:pulumi:dev::p::aws:ec2/routeTableAssociation:RouteTableAssociation::shared-private-1", association, association);
        const { outputs } = await standIn.invoke("aws:ec2/getRouteTable:getRouteTable", { subnetId: "subnet-5d6020805f9675b72" });
        expect(outputs.routeTableId).to.equal("rtb-2df86091ec3135511");
    });

    it("answers getSubnet with the zone and VPC of a subnet an earlier run made, once the engine's diff has shown it the subnet", async () => {
        const standIn = new AwsStandIn("us-east-1", noSchema);
        const subnet = { vpcId: "vpc-1ea12ef13889adc2d", cidrBlock: "10.20.64.0/18", availabilityZone: "us-east-1b", arn: "arn:aws:ec2:us-east-1:123456789012:subnet/subnet-93bb2c4bb1281c2c1" };
        await standIn.diff("subnet-93bb2c4bb1281c2c1", SUBNET_URN, subnet, { vpcId: subnet.vpcId, cidrBlock: subnet.cidrBlock, availabilityZone: subnet.availabilityZone });
        const { outputs } = await standIn.invoke("aws:ec2/getSubnet:getSubnet", { id: "subnet-93bb2c4bb1281c2c1" });
        expect(outputs).to.include({ availabilityZone: "us-east-1b", vpcId: "vpc-1ea12ef13889adc2d" });
    });

    it("refuses a function MockAws does not model instead of answering with made-up data", async () => {
        const invoking = new AwsStandIn("us-east-1", noSchema).invoke("aws:ec2/getAmi:getAmi", { mostRecent: true });
        await invoking.then(
            () => expect.fail("getAmi was answered"),
            (error: Error) => expect(error.message).to.contain("does not answer aws:ec2/getAmi:getAmi"),
        );
    });
});
