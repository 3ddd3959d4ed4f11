import { NetworkPattern } from "../args";
import type { ValidatedDiagnostics } from "../arguments/validated-args";
import type { DiagnosticsPlan, GatewayEndpointPlan, InterfaceEndpointPlan } from "./types";

/** Days the diagnostics function's logs are kept. */
export const DIAGNOSTICS_LOG_RETENTION_DAYS = 14;

/**
 * The diagnostics function: what it checks follows from the network, so that its report says
 * what this network should do (the endpoints' services answer, the internet only with NAT).
 */
export function planDiagnostics(
    settings: ValidatedDiagnostics | undefined,
    pattern: NetworkPattern,
    gatewayEndpoints: GatewayEndpointPlan[],
    interfaceEndpoints: InterfaceEndpointPlan[],
    dualStack: boolean,
): DiagnosticsPlan | undefined {
    if (!settings) {
        return undefined;
    }
    return {
        functionKey: "diagnostics",
        roleKey: "diagnostics-role",
        logGroupKey: "diagnostics-logs",
        logsPolicyKey: "diagnostics-logs-policy",
        logsPolicyAttachmentKey: "diagnostics-logs-policy-attachment",
        eniPolicyAttachmentKey: "diagnostics-role-eni",
        logRetentionInDays: DIAGNOSTICS_LOG_RETENTION_DAYS,
        configuration: {
            pattern,
            internetExpected: pattern === NetworkPattern.PrivateWithNat,
            services: [
                ...gatewayEndpoints.map((e) => ({ service: e.service, endpointType: "Gateway" as const })),
                ...interfaceEndpoints.map((e) => ({ service: e.service, endpointType: "Interface" as const })),
            ],
            dualStack,
        },
        targets: settings.targets,
    };
}
