// A Lambda function behind VPC endpoints whose policies keep the account's data in the account:
// `endpointPolicy: "SameAccount"` lets only the account's principals reach the account's
// resources through every endpoint, so neither another account's credentials nor a bucket or
// queue of another account can be used from these subnets. The S3 endpoint gets a policy of its
// own (`endpointPolicies.s3`): SameAccount's statement, and one exception, reading NOAA's public
// data set (a bucket of another account). No NAT gateway or internet gateway exists.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { EndpointPolicy, NetworkPattern, VpcLambdaNetwork } from "pulumi-vpc-lambda";

/** NOAA's Global Historical Climatology Network daily data, an open data set in us-east-1. */
const DATASET_BUCKET = "noaa-ghcn-pds";

const account = aws.getCallerIdentityOutput().accountId;
const s3Policy = pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
        {
            Sid: "RequestsByThisAccountToThisAccount",
            Effect: "Allow",
            Principal: "*",
            Action: "*",
            Resource: "*",
            Condition: { StringEquals: { "aws:PrincipalAccount": account, "aws:ResourceAccount": account } },
        },
        {
            // The exception: this account's principals may read the data set, and do nothing else there.
            Sid: "ReadTheOpenDataSet",
            Effect: "Allow",
            Principal: "*",
            Action: "s3:GetObject",
            Resource: `arn:aws:s3:::${DATASET_BUCKET}/*`,
            Condition: { StringEquals: { "aws:PrincipalAccount": account } },
        },
    ],
});

const net = new VpcLambdaNetwork("weather", {
    pattern: NetworkPattern.PrivateWithEndpoints,
    // S3 only: the function calls no DynamoDB table, so no endpoint for it.
    gatewayEndpoints: ["s3"],
    interfaceEndpoints: ["sqs"],
    endpointPolicy: EndpointPolicy.SameAccount,
    endpointPolicies: { s3: s3Policy },
    needs: { services: ["s3", "sqs"] },
    tags: { project: "endpoint-policies" },
});

const stations = new aws.s3.Bucket("stations", { forceDestroy: true });
new aws.s3.BucketPublicAccessBlock("stations", { bucket: stations.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
const queue = new aws.sqs.Queue("observations", { messageRetentionSeconds: 4 * 24 * 3600, sqsManagedSseEnabled: true });

const role = new aws.iam.Role("fn-role", {
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
});
new aws.iam.RolePolicyAttachment("fn-logs", { role: role.name, policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole });
// The function depends on this attachment, so that on destroy it is deleted first and Lambda
// keeps the permissions it needs to delete the function's network interfaces.
const eniAccess = new aws.iam.RolePolicyAttachment("fn-eni", { role: role.name, policyArn: net.eniPolicyArn });
new aws.iam.RolePolicy("fn-data", {
    role: role.id,
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            { Sid: "ReadStations", Effect: "Allow", Action: "s3:GetObject", Resource: pulumi.interpolate`${stations.arn}/*` },
            { Sid: "ReadTheOpenDataSet", Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::${DATASET_BUCKET}/*` },
            { Sid: "QueueObservations", Effect: "Allow", Action: "sqs:SendMessage", Resource: queue.arn },
        ],
    }),
});

const fn = new aws.lambda.Function(
    "fn",
    {
        runtime: aws.lambda.Runtime.NodeJS24dX,
        handler: "index.handler",
        role: role.arn,
        timeout: 15,
        code: new pulumi.asset.AssetArchive({ ".": new pulumi.asset.FileArchive(path.join(__dirname, "handler")) }),
        vpcConfig: net.vpcConfig,
        // On destroy, move the function's network interfaces to a rule-less group first, so
        // the Lambda security group is not held for the ~20 minutes Lambda takes to free them.
        replaceSecurityGroupsOnDestroy: true,
        replacementSecurityGroupIds: [net.replacementSecurityGroupId],
        environment: { variables: { STATIONS_BUCKET: stations.bucket, DATASET_BUCKET, QUEUE_URL: queue.url } },
    },
    { dependsOn: [eniAccess] },
);

export const vpcEndpointIds = net.vpcEndpointIds;
export const functionName = fn.name;
export const stationsBucket = stations.bucket;
export const queueUrl = queue.url;
