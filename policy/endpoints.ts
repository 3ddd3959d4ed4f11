// Interface VPC endpoints: reachable by the service's usual name, and not open to the world.
// Facts: shared/AWS-FACTS.md, "Endpoints and NAT"; the EC2 API reference for
// CreateVpcEndpoint's PrivateDnsEnabled (it needs the VPC's enableDnsSupport and enableDnsHostnames).
import type { StackValidationPolicy } from "@pulumi/policy";
import { awsServiceOf } from "../sdk/aws/resource-types";
import { privateDnsOf, vpcDnsOf } from "../sdk/network/dns";
import { carriesTcp, EndpointNode, NetworkGraph } from "../sdk/network/network-graph";
import { NetworkResource, value } from "../sdk/network/network-resource";
import { describe, describeAtSentenceStart } from "./describe";
import { knownString } from "./known-values";
import { networkGraphOf } from "./network-resources";
import { stackGroups, worldOpenings } from "./security-group-ingress";

const HTTPS = 443;

/** The stack's interface endpoints, with their resources (gateway endpoints have no DNS names or security groups). */
function interfaceEndpoints(graph: NetworkGraph): { endpoint: EndpointNode; resource: NetworkResource }[] {
    return graph.endpoints.filter((endpoint) => endpoint.type === "Interface").map((endpoint) => ({ endpoint, resource: graph.resource(endpoint.id)! }));
}

/**
 * The AWS service an endpoint reaches (`secretsmanager` for `com.amazonaws.us-east-1.secretsmanager`,
 * `ecr.api` for `cn.com.amazonaws.cn-north-1.ecr.api`), or `undefined` for PrivateLink services of
 * other accounts (`com.amazonaws.vpce.<region>.vpce-svc-...`), whose private DNS names are their owners' choice.
 */
function awsServiceOfEndpoint(endpoint: NetworkResource): string | undefined {
    return awsServiceOf(knownString(value(endpoint, "serviceName")) ?? "");
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
        const graph = networkGraphOf(args.resources);
        for (const { endpoint, resource } of interfaceEndpoints(graph)) {
            const service = awsServiceOfEndpoint(resource);
            if (!service || exemptServices.includes(service)) {
                continue;
            }
            const problems: string[] = [];
            // Its own flag, or an aws.vpc.EndpointPrivateDns; not known yet is not judged.
            if (privateDnsOf(graph, endpoint.id) === false) {
                problems.push("its privateDnsEnabled is false");
            }
            const vpc = graph.resource(endpoint.vpcId);
            const dns = vpcDnsOf(graph, endpoint.vpcId);
            const off = [
                { flag: "enableDnsSupport", value: dns?.support },
                { flag: "enableDnsHostnames", value: dns?.hostnames },
            ].filter(({ value }) => value === false);
            if (vpc && off.length > 0) {
                problems.push(`its ${describe(vpc)} has ${off.map(({ flag }) => `${flag} false`).join(" and ")}`);
            }
            if (problems.length > 0) {
                reportViolation(
                    `Interface ${describe(resource)} (${service}) cannot serve the service's usual DNS name: ${problems.join(", and ")}. ` +
                        "Private DNS needs privateDnsEnabled on the endpoint and both enableDnsSupport and enableDnsHostnames on the VPC.",
                    resource.urn,
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
        const graph = networkGraphOf(args.resources);
        const attachments = interfaceEndpoints(graph).map(({ endpoint, resource }) => ({ guarded: resource, groups: stackGroups(graph, endpoint.securityGroupIds) }));
        for (const { group, guarded, openings } of worldOpenings(graph, attachments, (rule) => carriesTcp(rule, HTTPS) === "yes")) {
            reportViolation(
                `${describeAtSentenceStart(group)}, attached to interface endpoint ${guarded.join(", ")}, admits HTTPS from the Internet: ${openings.join(", ")}. ` +
                    "Admit 443 from the clients' security groups instead.",
                group.urn,
            );
        }
    },
};

export const endpointPolicies = [interfaceEndpointPrivateDns, endpointSgLeastPrivilege];
