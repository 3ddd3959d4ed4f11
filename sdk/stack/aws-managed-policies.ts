import { LAMBDA_ENI_ACTIONS } from "../plan/iam-documents";
import type { Statement } from "./iam-statements";

/** What AWSLambdaBasicExecutionRole allows, and AWSLambdaVPCAccessExecutionRole besides its ENI actions. */
const LAMBDA_LOGS_ACTIONS = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"];

/**
 * AWS managed policies a Lambda execution role commonly carries, by name, with the statements
 * that matter here. From the AWS Managed Policy reference (checked 2026-11-25):
 * AWSLambdaVPCAccessExecutionRole v3 and AWSLambdaENIManagementAccess v2 (which lacks
 * `ec2:DescribeSubnets`). Any other AWS managed policy is opaque to the pack.
 */
const AWS_MANAGED_POLICIES: Record<string, Statement[]> = {
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
export function awsManagedPolicyStatements(arn: string): Statement[] | undefined {
    const match = /^arn:[a-z-]+:iam::aws:policy\/(.+)$/.exec(arn);
    return match ? AWS_MANAGED_POLICIES[match[1]] : undefined;
}
