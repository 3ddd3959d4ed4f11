// The reachability matrix alone, in one process: on the resources the bench's large program
// records (its network and the diagnostics function), and on that network with N generated
// functions, each with a role allowing one AWS service and a security group of its own (so that
// no two functions share a cached path), for N = 250, 500 and 1,000. Each figure: the median of
// `runs` matrices over a fresh graph (a graph keeps what it computed), in wall time and in this
// process's CPU time (which other work on a shared machine disturbs less). Prints one JSON line.
import * as path from "path";
import { loadProject } from "../cli/project";
import { runProgram } from "../cli/run-program";
import { reachabilityMatrix } from "../sdk/reachability/model";
import { AWS_RESOURCE_TYPES } from "../sdk/aws/resource-types";
import { NetworkGraph } from "../sdk/network/network-graph";
import type { NetworkResource } from "../sdk/network/network-resource";

const SERVICES = ["secretsmanager", "sqs", "sns", "sts", "kms", "dynamodb", "s3", "lambda", "events", "states"];

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds for one matrix over a fresh graph, wall and CPU, medians of `runs`; and the cells it made. */
function time(resources: readonly NetworkResource[], runs: number): { ms: number; cpuMs: number; cells: number } {
    let cells = 0;
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        const startCpu = process.cpuUsage();
        cells = reachabilityMatrix(new NetworkGraph(resources)).length;
        const used = process.cpuUsage(startCpu);
        wall.push(Number(process.hrtime.bigint() - start) / 1e6);
        cpu.push((used.user + used.system) / 1e3);
    }
    const round = (ms: number) => Math.round(ms * 100) / 100;
    return { ms: round(median(wall)), cpuMs: round(median(cpu)), cells };
}

/** `count` functions on the large network's Lambda subnets, each with its own role and security group. */
function withFunctions(network: readonly NetworkResource[], count: number): NetworkResource[] {
    const graph = new NetworkGraph(network);
    const diagnostics = graph.functions[0];
    const vpcId = graph.vpcs[0].id;
    const generated: NetworkResource[] = [];
    const add = (type: string, name: string, inputs: Record<string, unknown>) =>
        generated.push({ urn: `urn:pulumi:bench::large::${type}::${name}`, type, name, id: `${name}-id`, inputs, propertyDependencies: {} });
    for (let i = 0; i < count; i++) {
        const service = SERVICES[i % SERVICES.length];
        add(AWS_RESOURCE_TYPES.securityGroup, `fn-${i}-sg`, { vpcId });
        add(AWS_RESOURCE_TYPES.egressRule, `fn-${i}-out`, { securityGroupId: `fn-${i}-sg-id`, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" });
        add(AWS_RESOURCE_TYPES.role, `fn-${i}-role`, { assumeRolePolicy: "{}" });
        add(AWS_RESOURCE_TYPES.rolePolicy, `fn-${i}-policy`, { role: `fn-${i}-role-id`, policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: `${service}:*`, Resource: "*" }] }) });
        add(AWS_RESOURCE_TYPES.function, `fn-${i}`, { role: `fn-${i}-role-id`, vpcConfig: { subnetIds: diagnostics.subnetIds, securityGroupIds: [`fn-${i}-sg-id`], ipv6AllowedForDualStack: true } });
    }
    return [...network, ...generated];
}

async function main(): Promise<void> {
    const runs = Number(process.argv[2] ?? 7);
    const planned = await runProgram(loadProject(path.join(__dirname, "..", "..", "bench", "programs", "large"), undefined));
    const large = time(planned.resources, runs);
    const generated = [250, 500, 1000].map((functions) => ({ functions, ...time(withFunctions(planned.resources, functions), runs) }));
    process.stdout.write(`${JSON.stringify({ large: { resources: planned.resources.length, ...large }, generated })}\n`);
    process.exit(0);
}

main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
});
