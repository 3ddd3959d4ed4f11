import { show } from "../arguments/problems";
import { mockStackAdvice } from "./lookup-answers";

// Two outputs of resources the component makes are computed with, not only passed on: the new
// VPC's IPv6 block (each subnet takes a /64 of it) and a log group's ARN (the policies that let
// the flow log and the diagnostics function write to it). AWS always gives both; mocks whose
// `newResource` answers a resource's inputs as its state (Pulumi's documented generic mocks) give
// neither. Read here, they fail with a sentence rather than a subnet block computed from
// `undefined` or a policy granting `undefined:*`. In a preview they are unknown, and nothing is read.

/** A type of resource the component makes, as a message names it. */
interface CreatedType {
    /** As users write it: `aws.ec2.Vpc`. */
    type: string;
    /** The token mocks are asked with: `aws:ec2/vpc:Vpc`. */
    token: string;
}

const VPC: CreatedType = { type: "aws.ec2.Vpc", token: "aws:ec2/vpc:Vpc" };
const LOG_GROUP: CreatedType = { type: "aws.cloudwatch.LogGroup", token: "aws:cloudwatch/logGroup:LogGroup" };

function refuse(component: string, created: CreatedType, name: string, field: string, value: unknown, expected: string): never {
    const got = value === undefined || value === null ? `no ${field}` : `${field} ${show(value)}`;
    throw new Error(
        `VpcLambdaNetwork "${component}": the ${created.type} "${name}" it made came back with ${got}, but AWS always gives ${field} ${expected}; ` +
            `${mockStackAdvice(`newResource for ${created.token} with ${field} in its state`)}.`,
    );
}

/** The new VPC's Amazon-provided IPv6 block, which `assignGeneratedIpv6CidrBlock` asked for; `vpcName` is the VPC's resource name. */
export function createdVpcIpv6Block(component: string, vpcName: string, value: unknown): string {
    return typeof value === "string" && value.includes(":") ? value : refuse(component, VPC, vpcName, "ipv6CidrBlock", value, 'as a /56 such as "2600:1f18:abcd:ef00::/56" when asked for one');
}

/** A log group's ARN, which the policies writing to it name; `logGroupName` is its resource name. */
export function createdLogGroupArn(component: string, logGroupName: string, value: unknown): string {
    return typeof value === "string" && value.startsWith("arn:") ? value : refuse(component, LOG_GROUP, logGroupName, "arn", value, 'as "arn:<partition>:logs:<region>:<account>:log-group:<name>"');
}
