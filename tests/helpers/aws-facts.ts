/**
 * AWS facts the specs assert against, written out from shared/AWS-FACTS.md rather than taken
 * from the sdk, so that a change in the sdk cannot move the expectation with it.
 */

/** The network-interface actions of AWS's `AWSLambdaVPCAccessExecutionRole` (v3, 2024). */
export const LAMBDA_VPC_ACCESS_ENI_ACTIONS = [
    "ec2:CreateNetworkInterface",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribeSubnets",
    "ec2:DeleteNetworkInterface",
    "ec2:AssignPrivateIpAddresses",
    "ec2:UnassignPrivateIpAddresses",
];
