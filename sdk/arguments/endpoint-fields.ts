import { GatewayEndpointService, NetworkPattern } from "../args";
import { AWS_LIMITS } from "../aws/limits";
import { SERVICE_NAME } from "../aws/service-names";
import { checkNoDuplicates, oneOf, ProblemList, show } from "./problems";
import type { ExistingVpcSettings, NewVpcSettings } from "./validated-args";

const GATEWAY_SERVICES: readonly string[] = AWS_LIMITS.gatewayEndpointServices;

export function validateGatewayEndpoints(
    problems: ProblemList,
    value: unknown,
    pattern: NetworkPattern | undefined,
    vpc: NewVpcSettings | ExistingVpcSettings | undefined,
    warnings: string[],
): GatewayEndpointService[] {
    const canAttach = vpc?.kind !== "existing" || vpc.routeTableIds.length > 0;
    if (value === undefined) {
        // Free, and they keep S3/DynamoDB traffic off the NAT gateway: on unless there is nothing
        // to attach them to (an existing VPC whose route tables were not given) or no egress.
        if (pattern === NetworkPattern.Isolated) {
            return [];
        }
        if (!canAttach) {
            warnings.push(
                `no S3 or DynamoDB gateway endpoint is built: existingVpc.routeTableIds is not given, and gateway endpoints work through route tables. ` +
                    `Give the Lambda subnets' route tables to get them, or set gatewayEndpoints: [] to silence this.`,
            );
            return [];
        }
        return [GatewayEndpointService.S3, GatewayEndpointService.DynamoDb];
    }
    if (!Array.isArray(value)) {
        problems.add("gatewayEndpoints", `${show(value)} is not a list such as ["s3", "dynamodb"].`);
        return [];
    }
    if (value.length > 0 && pattern === NetworkPattern.Isolated) {
        problems.add("gatewayEndpoints", `${show(value)} is not allowed with pattern "Isolated", which reaches nothing outside the VPC; use "PrivateWithEndpoints".`);
        return [];
    }
    if (value.length > 0 && !canAttach) {
        problems.add("gatewayEndpoints", `${show(value)} needs existingVpc.routeTableIds: a gateway endpoint works through the route tables of the Lambda subnets.`);
        return [];
    }
    value.forEach((service, i) => {
        if (!GATEWAY_SERVICES.includes(service)) {
            problems.add(`gatewayEndpoints[${i}]`, `${show(service)} has no gateway endpoint; only ${oneOf(GATEWAY_SERVICES)} do (use interfaceEndpoints for other services).`);
        }
    });
    checkNoDuplicates(problems, "gatewayEndpoints", value);
    return value.filter((s) => GATEWAY_SERVICES.includes(s)) as GatewayEndpointService[];
}

export function validateInterfaceEndpoints(problems: ProblemList, value: unknown, pattern: NetworkPattern | undefined): string[] {
    if (value === undefined) {
        return [];
    }
    if (!Array.isArray(value)) {
        problems.add("interfaceEndpoints", `${show(value)} is not a list of service names such as ["secretsmanager", "sqs"].`);
        return [];
    }
    if (value.length > 0 && pattern === NetworkPattern.Isolated) {
        problems.add("interfaceEndpoints", `${show(value)} is not allowed with pattern "Isolated", which reaches nothing outside the VPC; use "PrivateWithEndpoints".`);
        return [];
    }
    if (value.length > AWS_LIMITS.interfaceEndpointsPerVpc) {
        problems.add("interfaceEndpoints", `lists ${value.length} services; AWS allows ${AWS_LIMITS.interfaceEndpointsPerVpc} interface endpoints per VPC.`);
    }
    value.forEach((service, i) => {
        const field = `interfaceEndpoints[${i}]`;
        if (typeof service !== "string" || !SERVICE_NAME.test(service)) {
            problems.add(field, `${show(service)} is not a service name such as "secretsmanager" or "ecr.api" (lowercase letters, digits, dots and dashes).`);
        } else if (service.startsWith("com.amazonaws.")) {
            problems.add(field, `${show(service)} is a full endpoint service name; write only the service, e.g. ${show(service.split(".").slice(3).join("."))}.`);
        } else if (GATEWAY_SERVICES.includes(service)) {
            problems.add(field, `${show(service)} belongs in gatewayEndpoints: its gateway endpoint is free, its interface endpoint is billed per zone and hour.`);
        }
    });
    checkNoDuplicates(problems, "interfaceEndpoints", value);
    return value.filter((s) => typeof s === "string");
}
