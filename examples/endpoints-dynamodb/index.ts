// A Lambda function that reads an order from DynamoDB and an API key from Secrets Manager, in
// subnets with no route out of the VPC: DynamoDB is reached through its gateway endpoint (free,
// on the route tables), Secrets Manager through an interface endpoint (private DNS, billed per
// zone-hour). No NAT gateway, internet gateway or public address exists anywhere.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { NetworkPattern, VpcLambdaNetwork } from "pulumi-vpc-lambda";

const net = new VpcLambdaNetwork("orders", {
    pattern: NetworkPattern.PrivateWithEndpoints,
    // S3 and DynamoDB gateway endpoints come by default with this pattern; every other AWS
    // service the function calls needs its interface endpoint, or the call hangs until it times out.
    interfaceEndpoints: ["secretsmanager"],
    // IPv6 beside IPv4 in every subnet. This pattern has no route out for either: the function
    // still reaches DynamoDB and Secrets Manager only through the endpoints.
    dualStack: true,
    // A function that checks, from inside the network, that both endpoints answer privately and
    // that the internet is out of reach: `aws lambda invoke --function-name <diagnosticsFunction> out.json`.
    diagnostics: { enabled: true },
    tags: { project: "endpoints-dynamodb" },
});

const table = new aws.dynamodb.Table("orders", {
    billingMode: "PAY_PER_REQUEST",
    hashKey: "orderId",
    attributes: [{ name: "orderId", type: "S" }],
    serverSideEncryption: { enabled: true },
    pointInTimeRecovery: { enabled: true },
});

// Only the secret is declared here; its value is put out of band
// (`aws secretsmanager put-secret-value`), so it never enters the program or its state.
const apiKey = new aws.secretsmanager.Secret("payment-api-key", {
    description: "API key of the payment provider, read by the orders function",
    recoveryWindowInDays: 7,
});

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
            { Sid: "ReadOrders", Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:Query"], Resource: table.arn },
            { Sid: "ReadApiKey", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: apiKey.arn },
        ],
    }),
});

const fn = new aws.lambda.Function(
    "fn",
    {
        runtime: aws.lambda.Runtime.NodeJS24dX,
        handler: "index.handler",
        role: role.arn,
        timeout: 10,
        code: new pulumi.asset.AssetArchive({ ".": new pulumi.asset.FileArchive(path.join(__dirname, "handler")) }),
        vpcConfig: net.vpcConfig,
        // On destroy, move the function's network interfaces to a rule-less group first, so
        // the Lambda security group is not held for the ~20 minutes Lambda takes to free them.
        replaceSecurityGroupsOnDestroy: true,
        replacementSecurityGroupIds: [net.replacementSecurityGroupId],
        environment: { variables: { TABLE_NAME: table.name, API_KEY_SECRET_ARN: apiKey.arn } },
    },
    { dependsOn: [eniAccess] },
);

export const vpcId = net.vpcId;
export const vpcEndpointIds = net.vpcEndpointIds;
export const functionName = fn.name;
export const tableName = table.name;
export const diagnosticsFunction = net.diagnosticsFunctionName;
