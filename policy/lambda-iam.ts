// What a VPC function's execution role must allow. Facts: shared/AWS-FACTS.md, "IAM for the
// execution role", and the Lambda developer guide's list of VPC execution-role permissions.
import type { StackValidationPolicy } from "@pulumi/policy";
import { LAMBDA_ENI_ACTIONS } from "../sdk/aws/managed-policies";
import { AWS_RESOURCE_TYPES } from "../sdk/aws/resource-types";
import { grants } from "../sdk/network/iam-statements";
import { describe } from "./describe";
import { networkGraphOf } from "./network-resources";
import { rolePermissions } from "./role-permissions";

export const lambdaEniPermissions: StackValidationPolicy = {
    name: "lambda-eni-permissions",
    description:
        "The execution role of every VPC function allows the network-interface actions Lambda needs to create and delete its ENIs " +
        `(${LAMBDA_ENI_ACTIONS.join(", ")}), inline or through an attached policy.`,
    enforcementLevel: "mandatory",
    remediationSteps:
        "Attach a VpcLambdaNetwork's eniPolicyArn to the role with aws.iam.RolePolicyAttachment (or AWS's AWSLambdaVPCAccessExecutionRole; " +
        "AWSLambdaENIManagementAccess lacks ec2:DescribeSubnets), and make the function depend on the attachment so that on destroy Lambda " +
        "can still delete its network interfaces.",
    validateStack: (args, reportViolation) => {
        const graph = networkGraphOf(args.resources);
        for (const fn of graph.vpcFunctions.map((node) => graph.resource(node.id)!)) {
            const [role] = graph.followProperty(fn, "role", [AWS_RESOURCE_TYPES.role]).resources;
            if (!role) {
                // The role is managed outside this stack: its permissions cannot be seen.
                continue;
            }
            const permissions = rolePermissions(graph, role);
            // ec2:Describe* actions support no resource-level permissions: only "Resource": "*" grants them.
            const missing = LAMBDA_ENI_ACTIONS.filter((action) => !grants(permissions.statements, action, action.startsWith("ec2:Describe")));
            if (missing.length === 0 || permissions.unseen.length > 0) {
                continue;
            }
            reportViolation(
                `Function "${fn.name}" is attached to a VPC but its ${describe(role)} does not allow ${missing.join(", ")}` +
                    "; Lambda needs these to create the function's network interfaces (creation fails without them) and to delete them on destroy. " +
                    "Attach the VpcLambdaNetwork's eniPolicyArn (or AWSLambdaVPCAccessExecutionRole) to the role.",
                fn.urn,
            );
        }
    },
};

export const lambdaIamPolicies = [lambdaEniPermissions];
