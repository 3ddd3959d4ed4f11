import { LAMBDA_ENI_ACTIONS } from "../aws/managed-policies";

/** An IAM policy document, as plain data. */
export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: PolicyStatement[];
}

export interface PolicyStatement {
    Sid?: string;
    Effect: "Allow" | "Deny";
    Action: string | string[];
    Resource?: string | string[];
    /** `"*"`: any principal, narrowed by the conditions (an endpoint policy's form). */
    Principal?: { Service: string } | "*";
    Condition?: Record<string, Record<string, string>>;
}

/**
 * The execution-role policy Lambda needs to create, and on destroy delete, its Hyperplane ENIs.
 * `Resource: "*"` as in AWS's managed policy: the Describe actions support no resource-level
 * restriction, and Lambda creates the interfaces on the role's behalf in any subnet it is given.
 */
export function lambdaEniPolicyDocument(): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "LambdaVpcNetworkInterfaces",
                Effect: "Allow",
                Action: [...LAMBDA_ENI_ACTIONS],
                Resource: "*",
            },
        ],
    };
}

/** Where a document is deployed: the values a confused-deputy guard needs. */
export interface AccountContext {
    partition: string;
    region: string;
    accountId: string;
}

export const FLOW_LOGS_SERVICE_PRINCIPAL = "vpc-flow-logs.amazonaws.com";

/**
 * The flow-log role's trust policy. The service may assume the role only on behalf of this
 * account's flow logs in this region (`aws:SourceAccount`, `aws:SourceArn`), so that another
 * account's flow log cannot be pointed at our role (the confused deputy).
 */
export function flowLogTrustPolicy(ctx: AccountContext): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "VpcFlowLogsOfThisAccountOnly",
                Effect: "Allow",
                Principal: { Service: FLOW_LOGS_SERVICE_PRINCIPAL },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "aws:SourceAccount": ctx.accountId },
                    ArnLike: { "aws:SourceArn": `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:vpc-flow-log/*` },
                },
            },
        ],
    };
}

/**
 * What the flow-log service may do with the role: write streams into this one log group.
 * AWS's documented example grants five actions on `*`; the group exists already (we create it),
 * so `logs:CreateLogGroup` is dropped and the rest is scoped to the group, its streams, and the
 * account's groups for the describe call.
 */
export function flowLogDeliveryPolicy(ctx: AccountContext, logGroupArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "WriteFlowLogRecords",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                Resource: [logGroupArn, `${logGroupArn}:*`],
            },
            {
                Sid: "FindTheLogGroup",
                Effect: "Allow",
                Action: "logs:DescribeLogGroups",
                Resource: `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:*`,
            },
        ],
    };
}

export const LAMBDA_SERVICE_PRINCIPAL = "lambda.amazonaws.com";

/** The trust policy of a function's execution role: Lambda may assume it. */
export function lambdaTrustPolicy(): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: LAMBDA_SERVICE_PRINCIPAL }, Action: "sts:AssumeRole" }],
    };
}

/**
 * Lambda's basic execution (writing its logs), scoped to the one log group the function writes
 * to. AWS's `AWSLambdaBasicExecutionRole` grants the same actions on every log group, and
 * `logs:CreateLogGroup` besides, which a function whose log group is made for it never needs.
 */
export function logGroupWriterPolicy(logGroupArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "WriteOwnLogGroup",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                // CreateLogStream is authorised on the group, PutLogEvents on its streams (`<group>:log-stream:<name>`).
                Resource: [logGroupArn, `${logGroupArn}:*`],
            },
        ],
    };
}

/**
 * `endpointPolicy: "SameAccount"`, for every endpoint of the network: only requests by principals
 * of this account (`aws:PrincipalAccount`) to resources of this account (`aws:ResourceAccount`)
 * pass, so that another account's credentials cannot be used through the endpoint and this
 * account's cannot reach another account's data: the identity and resource perimeters of AWS's
 * data-perimeter guidance, for one account (aws-samples/data-perimeter-policy-examples,
 * vpc_endpoint_policies/default_endpoint_policy.json, `AllowRequestsByOrgsIdentitiesToOrgsResources`,
 * with the account keys instead of the organization's). A gateway endpoint takes `"*"` as its
 * principal, narrowed by conditions (AWS PrivateLink guide, "Principals for gateway endpoints"),
 * and these global keys take no wildcard, so the account is written out ("Considerations").
 * Nothing else is allowed: docs/endpoint-policies.md lists what that breaks (AWS-owned buckets,
 * AWS service principals, other accounts' roles) and how to allow it for one service.
 */
export function sameAccountEndpointPolicy(accountId: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "RequestsByThisAccountToThisAccount",
                Effect: "Allow",
                Principal: "*",
                Action: "*",
                Resource: "*",
                Condition: { StringEquals: { "aws:PrincipalAccount": accountId, "aws:ResourceAccount": accountId } },
            },
        ],
    };
}
