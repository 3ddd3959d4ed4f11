import { expect } from "chai";
import { createdLogGroupArn, createdVpcIpv6Block } from "../../../sdk/checks/created-outputs";
import { MOCKSTACK_ADVICE, refusal } from "../../helpers/generic-mocks";

// Two outputs of the resources the component makes that it computes with. Mocks whose
// `newResource` answers a resource's inputs as its state (Pulumi's documented generic mocks)
// give neither.

describe("validation: the new VPC's IPv6 block, as the engine gave it", () => {
    it("gives the /56 AWS gave", () => {
        expect(createdVpcIpv6Block("app", "app-vpc", "2600:1f18:abcd:ef00::/56")).to.equal("2600:1f18:abcd:ef00::/56");
    });

    it("refuses a VPC that came back without one, naming the resource, the field and newResource", () => {
        expect(refusal(() => createdVpcIpv6Block("app", "app-vpc", undefined))).to.equal(
            'VpcLambdaNetwork "app": the aws.ec2.Vpc "app-vpc" it made came back with no ipv6CidrBlock, but AWS always gives ipv6CidrBlock as a /56 such as ' +
                `"2600:1f18:abcd:ef00::/56" when asked for one; ${MOCKSTACK_ADVICE} newResource for aws:ec2/vpc:Vpc with ipv6CidrBlock in its state.`,
        );
    });

    it("refuses the empty block of a VPC without IPv6, and a value that is not a string", () => {
        expect(refusal(() => createdVpcIpv6Block("app", "app-vpc", ""))).to.contain('came back with ipv6CidrBlock "", but');
        expect(refusal(() => createdVpcIpv6Block("app", "app-vpc", 56))).to.contain("came back with ipv6CidrBlock 56, but");
    });
});

describe("validation: a log group's ARN, as the engine gave it", () => {
    it("gives the ARN AWS gave", () => {
        const arn = "arn:aws:logs:us-east-1:123456789012:log-group:app-flow-log-group-1a2b3c4";
        expect(createdLogGroupArn("app", "app-flow-log-group", arn)).to.equal(arn);
    });

    it("refuses a log group that came back without one, rather than granting undefined:*", () => {
        expect(refusal(() => createdLogGroupArn("app", "app-flow-log-group", undefined))).to.equal(
            'VpcLambdaNetwork "app": the aws.cloudwatch.LogGroup "app-flow-log-group" it made came back with no arn, but AWS always gives arn as ' +
                `"arn:<partition>:logs:<region>:<account>:log-group:<name>"; ${MOCKSTACK_ADVICE} newResource for aws:cloudwatch/logGroup:LogGroup with arn in its state.`,
        );
    });

    it("refuses a value that is not an ARN, such as the log group's name", () => {
        expect(refusal(() => createdLogGroupArn("app", "app-flow-log-group", "app-flow-log-group-1a2b3c4"))).to.contain('came back with arn "app-flow-log-group-1a2b3c4", but');
    });
});
