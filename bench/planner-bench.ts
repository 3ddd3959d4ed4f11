// The pure planner: validate + plan many varied configurations, no Pulumi at all.
import { NetworkPattern } from "../sdk/args";
import { planNetwork } from "../sdk/plan/plan-network";
import { validateArgs } from "../sdk/arguments/validate-args";
import type { VpcLambdaNetworkArgs } from "../sdk/args";

const PATTERNS = Object.values(NetworkPattern);

function configuration(i: number): VpcLambdaNetworkArgs {
    const pattern = PATTERNS[i % PATTERNS.length];
    return {
        pattern,
        cidrBlock: `10.${i % 256}.0.0/${16 + (i % 7)}`,
        numberOfAvailabilityZones: 1 + (i % 6),
        ...(pattern === "Isolated" ? {} : { interfaceEndpoints: ["sqs", "sts", "kms", "secretsmanager"].slice(0, i % 5) }),
        ...(pattern === "PrivateWithNat" ? { natGateways: { strategy: i % 2 ? "Single" : "OnePerAz" } } : {}),
        allowTo: Array.from({ length: i % 4 }, (_, k) => ({ securityGroupId: `sg-${String(k).padStart(17, "0")}`, port: 3306 + k })),
    } as VpcLambdaNetworkArgs;
}

const count = Number(process.argv[2] ?? 20000);
const configs = Array.from({ length: count }, (_, i) => configuration(i));
const start = process.hrtime.bigint();
let subnets = 0;
for (const args of configs) {
    subnets += planNetwork("bench", validateArgs("bench", args)).subnets.length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(JSON.stringify({ plans: count, seconds, subnets, heapMb: process.memoryUsage().heapUsed / 2 ** 20 }) + "\n");
