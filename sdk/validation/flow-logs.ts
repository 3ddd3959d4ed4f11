import { FlowLogTrafficType } from "../args";
import { AWS_LIMITS } from "../aws-limits";
import { checkKnownKeys, isPlainObject, oneOf, ProblemList, show } from "./problems";
import type { ValidatedFlowLogs } from "./validated-args";

export const FLOW_LOG_DEFAULTS: ValidatedFlowLogs = {
    retentionInDays: 90,
    trafficType: FlowLogTrafficType.All,
    maxAggregationInterval: 600,
};
const TRAFFIC_TYPES = Object.values(FlowLogTrafficType);
const SETTINGS = ["retentionInDays", "trafficType", "maxAggregationInterval"] as const;

/** Returns the flow-log settings, or undefined when flow logs are turned off. */
export function validateFlowLogs(problems: ProblemList, value: unknown): ValidatedFlowLogs | undefined {
    if (value === undefined) {
        return FLOW_LOG_DEFAULTS;
    }
    if (!isPlainObject(value)) {
        problems.add("flowLogs", `${show(value)} is not an object such as { enabled: true, retentionInDays: 90 }.`);
        return undefined;
    }
    checkKnownKeys(problems, "flowLogs", value, ["enabled", ...SETTINGS]);
    const enabled = value.enabled ?? true;
    if (typeof enabled !== "boolean") {
        problems.add("flowLogs.enabled", `${show(enabled)} is not true or false.`);
        return undefined;
    }
    if (!enabled) {
        for (const setting of SETTINGS) {
            if (value[setting] !== undefined) {
                problems.add(`flowLogs.${setting}`, `is set but flowLogs.enabled is false, so it would be ignored; remove it or enable flow logs.`);
            }
        }
        return undefined;
    }
    const settings = { ...FLOW_LOG_DEFAULTS };
    const { retentionInDays, trafficType, maxAggregationInterval } = value;
    if (retentionInDays !== undefined) {
        if ((AWS_LIMITS.logRetentionDays as readonly unknown[]).includes(retentionInDays)) {
            settings.retentionInDays = retentionInDays as number;
        } else {
            problems.add("flowLogs.retentionInDays", `${show(retentionInDays)} is not a retention CloudWatch Logs accepts; allowed: ${AWS_LIMITS.logRetentionDays.join(", ")} (0 keeps logs forever).`);
        }
    }
    if (trafficType !== undefined) {
        if (TRAFFIC_TYPES.includes(trafficType as FlowLogTrafficType)) {
            settings.trafficType = trafficType as FlowLogTrafficType;
        } else {
            problems.add("flowLogs.trafficType", `${show(trafficType)} is not a traffic type; allowed: ${oneOf(TRAFFIC_TYPES)}.`);
        }
    }
    if (maxAggregationInterval !== undefined) {
        if ((AWS_LIMITS.flowLogAggregationIntervals as readonly unknown[]).includes(maxAggregationInterval)) {
            settings.maxAggregationInterval = maxAggregationInterval as number;
        } else {
            problems.add("flowLogs.maxAggregationInterval", `${show(maxAggregationInterval)} is not an aggregation interval AWS accepts; allowed: ${AWS_LIMITS.flowLogAggregationIntervals.join(" or ")} seconds.`);
        }
    }
    return settings;
}
