export {
    AllowToTarget,
    DiagnosticsSettings,
    DiagnosticsTarget,
    EndpointPolicy,
    ExistingVpc,
    FlowLogDestination,
    FlowLogSettings,
    FlowLogTrafficType,
    GatewayEndpointService,
    LambdaVpcConfig,
    NatGatewayConfiguration,
    NatGatewayStrategy,
    NeededSecurityGroup,
    NetworkNeeds,
    NetworkPattern,
    VpcLambdaNetworkArgs,
} from "./args";
export { AWS_LIMITS } from "./aws/limits";
export { AWS_PRICES, pricesFor } from "./aws/prices";
export type { RegionPrices } from "./aws/prices";
export { VpcLambdaNetwork } from "./component";
export { planNetwork } from "./plan/plan-network";
export type { NetworkPlan } from "./plan/types";
export { ArgumentProblem, InvalidNetworkArgumentsError } from "./arguments/problems";
export { validateArgs } from "./arguments/validate-args";
export { validatePlan } from "./checks/validate-plan";
