import type { Statement } from "./iam-statements";

/**
 * AWS managed policies a Lambda execution role commonly carries, by name, with the statements
 * that matter here. From the AWS Managed Policy reference (checked 2026-11-25):
 * AWSLambdaVPCAccessExecutionRole v3 and AWSLambdaENIManagementAccess v2 (which lacks
 * `ec2:DescribeSubnets`). Any other AWS managed policy is opaque to the pack.
 */
const AWS_MANAGED_POLICIES: Record<string, Statement[]> = {
    "service-role/AWSLambdaVPCAccessExecutionRole": [
        {
            Effect: "Allow",
            Action: [
                "logs:CreateLogGroup",
                "logs:CreateLogStream",
                "logs:PutLogEvents",
                "ec2:CreateNetworkInterface",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeSubnets",
                "ec2:DeleteNetworkInterface",
                "ec2:AssignPrivateIpAddresses",
                "ec2:UnassignPrivateIpAddresses",
            ],
            Resource: "*",
        },
    ],
    "service-role/AWSLambdaENIManagementAccess": [
        {
            Effect: "Allow",
            Action: [
                "ec2:CreateNetworkInterface",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DeleteNetworkInterface",
                "ec2:AssignPrivateIpAddresses",
                "ec2:UnassignPrivateIpAddresses",
            ],
            Resource: "*",
        },
    ],
    "service-role/AWSLambdaBasicExecutionRole": [
        { Effect: "Allow", Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], Resource: "*" },
    ],
    AdministratorAccess: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};

/**
 * The statements of an AWS managed policy named by ARN (`arn:<partition>:iam::aws:policy/<path>`),
 * or `undefined` when the ARN is not one the pack knows.
 */
export function awsManagedPolicyStatements(arn: string): Statement[] | undefined {
    const match = /^arn:[a-z-]+:iam::aws:policy\/(.+)$/.exec(arn);
    return match ? AWS_MANAGED_POLICIES[match[1]] : undefined;
}
