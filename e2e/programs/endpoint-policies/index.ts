// make e2e: a network whose endpoints get SameAccount's policy, but DynamoDB's, which has a policy
// of its own, through the real engine (e2e/endpoint-policy-checks.ts checks the state it leaves).
// The stack setting `endpointPolicy` (FullAccess) lets the check show that the pack's opt-in
// policy flags the endpoints without it.
import * as pulumi from "@pulumi/pulumi";
import { EndpointPolicy, NetworkPattern, VpcLambdaNetwork } from "pulumi-vpc-lambda";

/** DynamoDB's own policy: any call but deleting a table. */
export const dynamodbPolicy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
        { Sid: "Everything", Effect: "Allow", Principal: "*", Action: "dynamodb:*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012", "aws:ResourceAccount": "123456789012" } } },
        { Sid: "NoTableDeletes", Effect: "Deny", Principal: "*", Action: "dynamodb:DeleteTable", Resource: "*" },
    ],
});

const net = new VpcLambdaNetwork("guarded", {
    pattern: NetworkPattern.PrivateWithEndpoints,
    numberOfAvailabilityZones: 1,
    interfaceEndpoints: ["sqs"],
    endpointPolicy: (new pulumi.Config().get("endpointPolicy") as EndpointPolicy | undefined) ?? EndpointPolicy.SameAccount,
    endpointPolicies: { dynamodb: dynamodbPolicy },
});

export const vpcEndpointIds = net.vpcEndpointIds;
