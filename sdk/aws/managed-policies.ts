/** The part of a managed policy's statement the pack reads (a `Statement` of iam-statements.ts). */
export interface ManagedPolicyStatement {
    Effect: "Allow";
    Action: string | string[];
    Resource: string;
}

/**
 * The network-interface actions of AWS's `AWSLambdaVPCAccessExecutionRole` (v3, 2024), without
 * its CloudWatch Logs actions (those belong to the function's logging, not to its network).
 * `ec2:DescribeSubnets` is the one `AWSLambdaENIManagementAccess` and terraform-aws-lambda lack.
 */
export const LAMBDA_ENI_ACTIONS = [
    "ec2:CreateNetworkInterface",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribeSubnets",
    "ec2:DeleteNetworkInterface",
    "ec2:AssignPrivateIpAddresses",
    "ec2:UnassignPrivateIpAddresses",
] as const;


/** What AWSLambdaBasicExecutionRole allows, and AWSLambdaVPCAccessExecutionRole besides its ENI actions. */
const LAMBDA_LOGS_ACTIONS = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"];

/**
 * AWS managed policies a Lambda execution role commonly carries, by name, with the statements
 * that matter here. From the AWS Managed Policy reference (checked 2026-11-25):
 * AWSLambdaVPCAccessExecutionRole v3 and AWSLambdaENIManagementAccess v2 (which lacks
 * `ec2:DescribeSubnets`). Any other AWS managed policy is opaque to the pack.
 */
const AWS_MANAGED_POLICIES: Record<string, ManagedPolicyStatement[]> = {
    // LAMBDA_ENI_ACTIONS are this policy's network-interface actions, by definition.
    "service-role/AWSLambdaVPCAccessExecutionRole": [{ Effect: "Allow", Action: [...LAMBDA_LOGS_ACTIONS, ...LAMBDA_ENI_ACTIONS], Resource: "*" }],
    "service-role/AWSLambdaENIManagementAccess": [
        { Effect: "Allow", Action: LAMBDA_ENI_ACTIONS.filter((action) => action !== "ec2:DescribeSubnets"), Resource: "*" },
    ],
    "service-role/AWSLambdaBasicExecutionRole": [{ Effect: "Allow", Action: LAMBDA_LOGS_ACTIONS, Resource: "*" }],
    AdministratorAccess: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};

/**
 * The statements of an AWS managed policy named by ARN (`arn:<partition>:iam::aws:policy/<path>`),
 * or `undefined` when the ARN is not one the pack knows.
 */
export function awsManagedPolicyStatements(arn: string): ManagedPolicyStatement[] | undefined {
    const match = /^arn:[a-z-]+:iam::aws:policy\/(.+)$/.exec(arn);
    return match ? AWS_MANAGED_POLICIES[match[1]] : undefined;
}
