// Interface VPC endpoints: reachable by the service's usual name, and not open to the world.
// Facts: shared/AWS-FACTS.md, "Endpoints and NAT"; the EC2 API reference for
// CreateVpcEndpoint's PrivateDnsEnabled (it needs the VPC's enableDnsSupport and enableDnsHostnames).
import type { StackValidationPolicy } from "@pulumi/policy";
import { awsServiceOf } from "../sdk/aws/resource-types";
import { AWS, describe, describeAtSentenceStart, SECURITY_GROUP_TYPES, VPC_TYPES } from "./aws-types";
import { knownBoolean, knownString } from "./known-values";
import { admitsTcpPort, worldOpenings } from "./security-group-ingress";
import { StackIndex, StackResource } from "./stack-index";

const HTTPS = 443;

/** The stack's interface endpoints (gateway endpoints have no DNS names or security groups). */
function interfaceEndpoints(index: StackIndex): StackResource[] {
    return index.ofType(AWS.vpcEndpoint).filter((endpoint) => knownString(endpoint.props.vpcEndpointType) === "Interface");
}

/**
 * The AWS service an endpoint reaches (`secretsmanager` for `com.amazonaws.us-east-1.secretsmanager`,
 * `ecr.api` for `cn.com.amazonaws.cn-north-1.ecr.api`), or `undefined` for PrivateLink services of
 * other accounts (`com.amazonaws.vpce.<region>.vpce-svc-...`), whose private DNS names are their owners' choice.
 */
function awsServiceOfEndpoint(endpoint: StackResource): string | undefined {
    return awsServiceOf(knownString(endpoint.props.serviceName) ?? "");
}

export const interfaceEndpointPrivateDns: StackValidationPolicy = {
    name: "interface-endpoint-private-dns",
    description:
        "Interface endpoints to AWS services have private DNS enabled, and their VPC has DNS support and DNS hostnames on, " +
        "so that SDKs reach the service through the endpoint by its usual name.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Set privateDnsEnabled: true on the endpoint, and enableDnsSupport and enableDnsHostnames: true on its VPC (enableDnsHostnames " +
        "defaults to false on aws.ec2.Vpc). Without private DNS, calls to the service's public name leave through NAT or fail.",
    configSchema: {
        properties: {
            exemptServices: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Services whose endpoints may go without private DNS, e.g. [\"s3\"] when S3 is reached through its endpoint-specific names.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const exemptServices = args.getConfig<{ exemptServices?: string[] }>().exemptServices ?? [];
        const index = new StackIndex(args.resources);
        for (const endpoint of interfaceEndpoints(index)) {
            const service = awsServiceOfEndpoint(endpoint);
            if (!service || exemptServices.includes(service)) {
                continue;
            }
            const problems: string[] = [];
            // aws.vpc.EndpointPrivateDns may turn private DNS on instead of the endpoint's own flag.
            const enabledElsewhere = index.referrers(endpoint, AWS.endpointPrivateDns, "vpcEndpointId").some((r) => r.props.privateDnsEnabled === true);
            if (knownBoolean(endpoint.props.privateDnsEnabled, false) === false && !enabledElsewhere) {
                problems.push("its privateDnsEnabled is false");
            }
            for (const vpc of index.followProperty(endpoint, "vpcId", VPC_TYPES).resources) {
                // AWS turns both on in a default VPC; aws.ec2.Vpc leaves DNS hostnames off unless asked.
                const hostnamesDefault = vpc.type === AWS.defaultVpc;
                const off = [
                    { flag: "enableDnsSupport", value: knownBoolean(vpc.props.enableDnsSupport, true) },
                    { flag: "enableDnsHostnames", value: knownBoolean(vpc.props.enableDnsHostnames, hostnamesDefault) },
                ].filter(({ value }) => value === false);
                if (off.length > 0) {
                    problems.push(`its ${describe(vpc)} has ${off.map(({ flag }) => `${flag} false`).join(" and ")}`);
                }
            }
            if (problems.length > 0) {
                reportViolation(
                    `Interface ${describe(endpoint)} (${service}) cannot serve the service's usual DNS name: ${problems.join(", and ")}. ` +
                        "Private DNS needs privateDnsEnabled on the endpoint and both enableDnsSupport and enableDnsHostnames on the VPC.",
                    endpoint.urn,
                );
            }
        }
    },
};

export const endpointSgLeastPrivilege: StackValidationPolicy = {
    name: "endpoint-sg-least-privilege",
    description: "Security groups of interface endpoints never admit HTTPS (443) from 0.0.0.0/0 or ::/0.",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Admit 443 only from the clients' security groups (a VpcLambdaNetwork's endpoint group admits the Lambda security group only), " +
        "or at most from the VPC's own CIDR.",
    validateStack: (args, reportViolation) => {
        const index = new StackIndex(args.resources);
        const attachments = interfaceEndpoints(index).map((endpoint) => ({
            guarded: endpoint,
            groups: index.followProperty(endpoint, "securityGroupIds", SECURITY_GROUP_TYPES).resources,
        }));
        for (const { group, guarded, openings } of worldOpenings(index, attachments, (rule) => admitsTcpPort(rule, HTTPS) === true)) {
            reportViolation(
                `${describeAtSentenceStart(group)}, attached to interface endpoint ${guarded.join(", ")}, admits HTTPS from the Internet: ${openings.join(", ")}. ` +
                    "Admit 443 from the clients' security groups instead.",
                group.urn,
            );
        }
    },
};

export const endpointPolicies = [interfaceEndpointPrivateDns, endpointSgLeastPrivilege];
