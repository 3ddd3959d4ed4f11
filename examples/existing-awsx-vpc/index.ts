// A VPC made with awsx (often by a platform team, in another stack) and the Lambda network built
// into it: the component adds the Lambda security group, S3/DynamoDB gateway endpoints on the
// private route tables, the ENI policy and flow logs, and creates no VPC, subnet or NAT gateway.
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { NetworkPattern, VpcLambdaNetwork } from "pulumi-vpc-lambda";

// The network needs each subnet as its own value when it is constructed, so the number of
// zones is fixed here rather than read back from awsx's (list-valued) outputs.
const zoneCount = 2;
const vpc = new awsx.ec2.Vpc("shared", {
    cidrBlock: "10.20.0.0/16",
    numberOfAvailabilityZones: zoneCount,
    // Private subnets reach the internet through awsx's NAT gateway: that is PrivateWithNat.
    natGateways: { strategy: awsx.ec2.NatGatewayStrategy.OnePerAz },
});
// In another stack, the same three values would come from a StackReference:
//   new pulumi.StackReference("org/network/prod").getOutput("privateSubnetIds")
const privateSubnetIds = Array.from({ length: zoneCount }, (_, zone) => vpc.privateSubnetIds.apply((ids) => ids[zone]));
// awsx gives every subnet a route table of its own; the gateway endpoints go on those.
const privateRouteTableIds = privateSubnetIds.map((subnetId) => aws.ec2.getRouteTableOutput({ subnetId }).routeTableId);

const net = new VpcLambdaNetwork("app", {
    pattern: NetworkPattern.PrivateWithNat,
    existingVpc: { vpcId: vpc.vpcId, subnetIds: privateSubnetIds, routeTableIds: privateRouteTableIds },
    tags: { project: "existing-awsx-vpc" },
});

const role = new aws.iam.Role("fn-role", {
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
});
new aws.iam.RolePolicyAttachment("fn-logs", { role: role.name, policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole });
// The function depends on this attachment: on destroy, Lambda still needs these permissions to
// delete the function's network interfaces.
const eniAccess = new aws.iam.RolePolicyAttachment("fn-eni", { role: role.name, policyArn: net.eniPolicyArn });

const fn = new aws.lambda.Function(
    "fn",
    {
        runtime: aws.lambda.Runtime.NodeJS24dX,
        handler: "index.handler",
        role: role.arn,
        timeout: 10,
        code: new pulumi.asset.AssetArchive({ ".": new pulumi.asset.FileArchive(path.join(__dirname, "handler")) }),
        vpcConfig: net.vpcConfig,
        replaceSecurityGroupsOnDestroy: true,
        replacementSecurityGroupIds: [net.replacementSecurityGroupId],
        environment: { variables: { CHECK_URL: "https://checkip.amazonaws.com" } },
    },
    { dependsOn: [eniAccess] },
);

export const vpcId = vpc.vpcId;
export const lambdaSubnetIds = net.lambdaSubnetIds;
export const lambdaSecurityGroupId = net.lambdaSecurityGroupId;
export const functionName = fn.name;
