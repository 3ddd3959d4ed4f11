import { expect } from "chai";
import { MockAws } from "../../../sdk/offline-engine/mock-aws";

describe("MockAws", () => {
    // Found by `make e2e`: the YAML example passes the queue's url to its function, and with no
    // url the real engine saw a value missing after `up` and unknown in every later preview.
    it("gives an SQS queue the URL, ARN and name AWS gives it", () => {
        const { state } = new MockAws({ region: "eu-west-1" }).newResource({ type: "aws:sqs/queue:Queue", name: "queue", inputs: { name: "orders" } });
        expect(state).to.include({
            url: "https://sqs.eu-west-1.amazonaws.com/123456789012/orders",
            arn: "arn:aws:sqs:eu-west-1:123456789012:orders",
            name: "orders",
        });
    });

    it("answers getSubnet with the VPC the subnet was made in", () => {
        const aws = new MockAws();
        const { id } = aws.newResource({ type: "aws:ec2/subnet:Subnet", name: "app-private-1", inputs: { vpcId: "vpc-0123456789abcdef0", availabilityZone: "us-east-1b", cidrBlock: "10.0.0.0/20" } });
        const subnet = aws.call({ token: "aws:ec2/getSubnet:getSubnet", inputs: { id }, provider: "" });
        expect(subnet).to.include({ vpcId: "vpc-0123456789abcdef0", availabilityZone: "us-east-1b" });
    });

    // The component reads a VPC's blocks for its diagnostics function and refuses an answer without
    // them (issue 19): a VPC made elsewhere, whose blocks the mocks cannot know, is answered with none.
    it("answers getVpc for a VPC made elsewhere with no address blocks, in the fields AWS always fills", () => {
        const vpc = new MockAws().call({ token: "aws:ec2/getVpc:getVpc", inputs: { id: "vpc-0aaaaaaaaaaaaaaaa" }, provider: "" });
        expect(vpc).to.deep.include({ cidrBlockAssociations: [], ipv6CidrBlock: "" });
    });

    it("answers getVpc for a VPC made under the mocks with its own blocks", () => {
        const aws = new MockAws();
        const { id } = aws.newResource({ type: "aws:ec2/vpc:Vpc", name: "own", inputs: { cidrBlock: "10.1.0.0/16" } });
        const vpc = aws.call({ token: "aws:ec2/getVpc:getVpc", inputs: { id }, provider: "" });
        expect((vpc.cidrBlockAssociations as { cidrBlock: string }[]).map((a) => a.cidrBlock)).to.deep.equal(["10.1.0.0/16"]);
        expect(vpc.ipv6CidrBlock).to.equal("");
    });

    it("names a FIFO queue with the .fifo suffix AWS requires", () => {
        const { state } = new MockAws().newResource({ type: "aws:sqs/queue:Queue", name: "jobs", inputs: { fifoQueue: true } });
        expect(String(state.name)).to.match(/^jobs-[0-9a-f]{7}\.fifo$/);
        expect(String(state.url)).to.equal(`https://sqs.us-east-1.amazonaws.com/123456789012/${state.name}`);
    });
});
