import { FlowLogDestination } from "../args";
import type { NewVpcSettings, ValidatedArgs } from "../arguments/validated-args";
import { planGatewayEndpoints, planInterfaceEndpoints } from "./endpoints";
import { planDiagnostics } from "./diagnostics";
import { lambdaEniPolicyDocument } from "./iam-documents";
import { planRouting } from "./routing";
import { planSecurity } from "./security-rules";
import { freeBlock } from "../addresses/subnet-layout";
import { planSubnets } from "./subnets";
import type { FlowLogPlan, NetworkPlan, Ref, ZonePlan } from "./types";

/**
 * Turns validated arguments into the complete network, as plain data. Pure: no Pulumi
 * resource, no I/O, the same plan for the same arguments.
 */
export function planNetwork(name: string, args: ValidatedArgs): NetworkPlan {
    const common = {
        name,
        pattern: args.pattern,
        eniPolicy: {
            key: "lambda-eni-policy",
            description: `Lets the Lambda functions of ${name} create and delete their VPC network interfaces`,
            document: lambdaEniPolicyDocument(),
        },
        flowLog: planFlowLog(args),
        dualStack: args.dualStack,
        ...(args.needs ? { needs: args.needs } : {}),
        tags: args.tags,
    };

    if (args.vpc.kind === "existing") {
        const lambdaSubnets: Ref[] = args.vpc.subnetIds.map((id) => ({ id }));
        const gatewayEndpoints = planGatewayEndpoints(args.gatewayEndpoints, args.vpc.routeTableIds.map((id) => ({ id })), args);
        const interfaceEndpoints = planInterfaceEndpoints(args.interfaceEndpoints, lambdaSubnets, args);
        const diagnostics = planDiagnostics(args.diagnostics, args.pattern, gatewayEndpoints, interfaceEndpoints, args.dualStack);
        return {
            ...common,
            ...(diagnostics ? { diagnostics } : {}),
            vpc: { kind: "existing", vpcId: args.vpc.vpcId, needsPrivateDns: interfaceEndpoints.some((e) => e.privateDnsEnabled) },
            zones: [],
            subnets: [],
            lambdaSubnets,
            natGateways: [],
            routeTables: [],
            gatewayEndpoints,
            interfaceEndpoints,
            ...planSecurity(name, args.pattern, gatewayEndpoints, interfaceEndpoints, args.allowTo, args.dualStack),
        };
    }

    const zones = planZones(args.vpc.zones);
    const natGatewayStrategy = args.vpc.natGatewayStrategy;
    const subnets = planSubnets(args.vpc.cidrBlock, zones, natGatewayStrategy !== undefined, args.dualStack);
    const routing = planRouting(zones, subnets, natGatewayStrategy, args.dualStack);
    const lambdaRouteTables = routing.routeTables.filter((t) => t.role === "lambda").map((t) => ({ key: t.key }));
    const lambdaSubnets = subnets.filter((s) => s.role === "lambda").map((s) => ({ key: s.key }));
    const gatewayEndpoints = planGatewayEndpoints(args.gatewayEndpoints, lambdaRouteTables, args);
    const interfaceEndpoints = planInterfaceEndpoints(args.interfaceEndpoints, lambdaSubnets, args);
    const diagnostics = planDiagnostics(args.diagnostics, args.pattern, gatewayEndpoints, interfaceEndpoints, args.dualStack);
    return {
        ...common,
        ...(diagnostics ? { diagnostics } : {}),
        vpc: {
            kind: "new",
            key: "vpc",
            cidrBlock: args.vpc.cidrBlock,
            enableDnsSupport: true,
            enableDnsHostnames: true,
            assignGeneratedIpv6CidrBlock: args.dualStack,
            freeCidrBlock: freeBlock(args.vpc.cidrBlock),
            defaultSecurityGroupKey: "default-sg",
        },
        zones,
        subnets,
        lambdaSubnets,
        ...routing,
        ...(natGatewayStrategy ? { natGatewayStrategy } : {}),
        gatewayEndpoints,
        interfaceEndpoints,
        ...planSecurity(name, args.pattern, gatewayEndpoints, interfaceEndpoints, args.allowTo, args.dualStack),
    };
}

function planZones(zones: NewVpcSettings["zones"]): ZonePlan[] {
    if (zones.kind === "names") {
        return zones.names.map((name, i) => ({ number: i + 1, name }));
    }
    return Array.from({ length: zones.count }, (_, i) => ({ number: i + 1 }));
}

function planFlowLog(args: ValidatedArgs): FlowLogPlan | undefined {
    const settings = args.flowLogs;
    if (!settings) {
        return undefined;
    }
    return {
        key: "flow-log",
        trafficType: settings.trafficType,
        maxAggregationInterval: settings.maxAggregationInterval,
        destination:
            settings.destination === FlowLogDestination.S3
                ? { kind: FlowLogDestination.S3, bucketArn: settings.s3BucketArn }
                : {
                      kind: FlowLogDestination.CloudWatchLogs,
                      logGroupKey: "flow-log-group",
                      retentionInDays: settings.retentionInDays,
                      ...(settings.kmsKeyId !== undefined ? { kmsKeyId: settings.kmsKeyId } : {}),
                      roleKey: "flow-log-role",
                      policyKey: "flow-log-policy",
                      policyAttachmentKey: "flow-log-policy-attachment",
                  },
    };
}
