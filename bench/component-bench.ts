// The component under Pulumi mocks: how long each registered resource costs.
// Usage: node component-bench.js <networks> <stackTraceLimit|Infinity>
const [networksArg, limitArg] = process.argv.slice(2);
Error.stackTraceLimit = limitArg === "Infinity" ? Infinity : Number(limitArg ?? 10);

import { VpcLambdaNetwork } from "../sdk/component";
import { MockStack } from "../sdk/testing/mock-stack";

async function main(): Promise<void> {
    const networks = Number(networksArg ?? 20);
    const stack = await MockStack.install();
    const start = process.hrtime.bigint();
    for (let i = 0; i < networks; i++) {
        new VpcLambdaNetwork(`net${i}`, { pattern: "PrivateWithNat", numberOfAvailabilityZones: 3, interfaceEndpoints: ["sqs", "sts"] });
    }
    const resources = (await stack.settle()).length;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    process.stdout.write(JSON.stringify({ networks, resources, seconds, rssMb: process.memoryUsage().rss / 2 ** 20 }) + "\n");
}

void main();
