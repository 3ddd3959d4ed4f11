import type { VpcLambdaNetworkArgs } from "../args";
import { validateAllowTo } from "./allow-to";
import { validateDiagnostics } from "./diagnostics";
import { validateDualStack } from "./dual-stack";
import { validateGatewayEndpoints, validateInterfaceEndpoints } from "./endpoint-fields";
import { validateEndpointPolicies } from "./endpoint-policies";
import { validateFlowLogs } from "./flow-logs";
import { validateNeeds } from "./needs";
import { validateExistingVpc, validateNewVpc, validatePattern } from "./network-fields";
import { checkKnownKeys, InvalidNetworkArgumentsError, isPlainObject, ProblemList, show } from "./problems";
import { validateTags } from "./tags";
import type { ValidatedArgs } from "./validated-args";

const ARGUMENTS: readonly (keyof VpcLambdaNetworkArgs)[] = [
    "pattern",
    "cidrBlock",
    "numberOfAvailabilityZones",
    "availabilityZoneNames",
    "natGateways",
    "gatewayEndpoints",
    "interfaceEndpoints",
    "endpointPolicy",
    "endpointPolicies",
    "allowTo",
    "flowLogs",
    "existingVpc",
    "dualStack",
    "diagnostics",
    "needs",
    "tags",
];

/**
 * Checks every argument, applies the defaults, and throws one `InvalidNetworkArgumentsError`
 * listing every problem. Synchronous, and runs before any resource is registered.
 */
export function validateArgs(componentName: string, args: VpcLambdaNetworkArgs | undefined): ValidatedArgs {
    const problems = new ProblemList();
    if (!isPlainObject(args)) {
        problems.add("args", `${show(args)} is not an object; at least { pattern } is required.`);
        throw new InvalidNetworkArgumentsError(componentName, problems.problems);
    }
    checkKnownKeys(problems, "", args as unknown as Record<string, unknown>, ARGUMENTS);
    const pattern = validatePattern(problems, args.pattern);
    const vpc = args.existingVpc !== undefined ? validateExistingVpc(problems, args) : validateNewVpc(problems, args, pattern);
    // Every field is checked even after a bad one, so that one run shows every mistake.
    const warnings: string[] = [];
    const gatewayEndpoints = validateGatewayEndpoints(problems, args.gatewayEndpoints, pattern, vpc, warnings);
    const interfaceEndpoints = validateInterfaceEndpoints(problems, args.interfaceEndpoints, pattern);
    const endpointPolicies = validateEndpointPolicies(problems, args.endpointPolicy, args.endpointPolicies, gatewayEndpoints, interfaceEndpoints);
    const allowTo = validateAllowTo(problems, args.allowTo);
    const flowLogs = validateFlowLogs(problems, args.flowLogs);
    const dualStack = validateDualStack(problems, args.dualStack);
    const diagnostics = validateDiagnostics(problems, args.diagnostics);
    const needs = validateNeeds(problems, args.needs);
    const tags = validateTags(problems, args.tags);
    if (!pattern || !vpc || !problems.isEmpty) {
        throw new InvalidNetworkArgumentsError(componentName, problems.problems);
    }
    const validated: ValidatedArgs = { pattern, vpc, gatewayEndpoints, interfaceEndpoints, ...endpointPolicies, allowTo, dualStack, tags, warnings };
    if (flowLogs) {
        validated.flowLogs = flowLogs;
    }
    if (diagnostics) {
        validated.diagnostics = diagnostics;
    }
    if (needs) {
        validated.needs = needs;
    }
    return validated;
}
