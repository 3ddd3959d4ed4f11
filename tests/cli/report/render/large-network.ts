import * as aws from "@pulumi/aws";
import { NetworkGraph } from "../../../../sdk/network/network-graph";
import { NatGatewayStrategy, NetworkPattern } from "../../../../sdk/args";
import { VpcLambdaNetwork } from "../../../../sdk/component";
import type { MockStack, RecordedResource } from "../../../../sdk/offline-engine/mock-stack";
import { recordNetwork, vpcFunction } from "../fixtures";

/**
 * The bench's large network (six zones with a NAT gateway each, twenty interface endpoints, dual
 * stack) with as many functions as a test asks for. A few functions are recorded under the mocks;
 * the rest are copies of their records with names, ids and URNs of their own (recording a
 * thousand functions through the mocked engine takes half a minute; the diagram reads plain
 * records either way).
 */
export const LARGE_INTERFACE_ENDPOINTS = [
    "secretsmanager", "ssm", "ssmmessages", "sts", "kms", "sqs", "sns", "lambda", "ecr.api", "ecr.dkr",
    "xray", "logs", "monitoring", "events", "states", "kinesis-streams", "elasticloadbalancing", "ec2", "rds", "execute-api",
];

/**
 * How the functions differ. `alike`: all on the network's vpcConfig, with one role (the shape
 * of the 540-edge diagram Mermaid refused). `teams`: five teams, each with its own security
 * group (PostgreSQL to its own database) and role, and one function in six in a single zone.
 * `distinct`: every function with a security group and a database of its own, which no folding
 * can fold: the hard cap's case.
 */
export type FunctionSpread = "alike" | "teams" | "distinct";

export async function recordLargeStack(stack: MockStack, functions: number, spread: FunctionSpread): Promise<RecordedResource[]> {
    const TEAMS = 5;
    const template = spread === "alike" ? 1 : spread === "teams" ? TEAMS * 6 : 1;
    await recordNetwork(stack, () => {
        const net = new VpcLambdaNetwork("large", {
            pattern: NetworkPattern.PrivateWithNat,
            numberOfAvailabilityZones: 6,
            natGateways: { strategy: NatGatewayStrategy.OnePerAz },
            interfaceEndpoints: LARGE_INTERFACE_ENDPOINTS,
            dualStack: true,
        });
        const role = (name: string, actions: string[]) => {
            const r = new aws.iam.Role(`${name}-role`, { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
            new aws.iam.RolePolicy(`${name}-policy`, { role: r.id, policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }] }) });
            return r.arn;
        };
        if (spread === "alike") {
            vpcFunction("fn-1", net.vpcConfig, { role: role("all", ["sqs:SendMessage", "secretsmanager:GetSecretValue"]) });
            return;
        }
        const teams = spread === "teams" ? TEAMS : 1;
        const roles = Array.from({ length: teams }, (_, t) => role(`team-${t + 1}`, t % 2 === 0 ? ["sqs:SendMessage"] : ["dynamodb:GetItem", "textract:AnalyzeDocument"]));
        const groups = Array.from({ length: teams }, (_, t) => {
            const name = `team-${t + 1}`;
            const dbGroup = new aws.ec2.SecurityGroup(`${name}-db-sg`, { vpcId: net.vpcId });
            new aws.rds.Instance(`${name}-db`, { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, vpcSecurityGroupIds: [dbGroup.id] });
            const fnGroup = new aws.ec2.SecurityGroup(`${name}-fn-sg`, { vpcId: net.vpcId });
            new aws.vpc.SecurityGroupEgressRule(`${name}-to-db`, { securityGroupId: fnGroup.id, referencedSecurityGroupId: dbGroup.id, ipProtocol: "tcp", fromPort: 5432, toPort: 5432 });
            new aws.vpc.SecurityGroupIngressRule(`${name}-db-admits`, { securityGroupId: dbGroup.id, referencedSecurityGroupId: fnGroup.id, ipProtocol: "tcp", fromPort: 5432, toPort: 5432 });
            return fnGroup;
        });
        for (let i = 0; i < template; i++) {
            const oneZone = spread === "teams" && i % 6 === 5;
            const subnetIds = oneZone ? net.lambdaSubnetIds.apply((ids) => ids.slice(0, 1)) : net.lambdaSubnetIds;
            vpcFunction(`fn-${i + 1}`, { subnetIds, securityGroupIds: [net.lambdaSecurityGroupId, groups[i % teams].id] }, { role: roles[i % teams] });
        }
    });
    const records = [...stack.resources];
    // What each copy repeats: a function alone, or (distinct) the function with its team's groups, rules and database.
    const copied = records.filter((r) => (spread === "distinct" ? /^(fn-1|team-1-(db|db-sg|fn-sg|to-db|db-admits))$/.test(r.name) : r.type === "aws:lambda/function:Function"));
    const isFunction = (r: RecordedResource) => r.type === "aws:lambda/function:Function";
    const copies: RecordedResource[] = [];
    for (let round = 1, drawn = template; drawn < functions; round++) {
        const batch = copyRecords(copied, `c${round}`);
        const kept = new Set(batch.filter(isFunction).slice(0, functions - drawn));
        copies.push(...batch.filter((r) => !isFunction(r) || kept.has(r)));
        drawn += kept.size;
    }
    return [...records, ...copies];
}

/** The network graph of `recordLargeStack`. */
export async function recordLargeNetwork(stack: MockStack, functions: number, spread: FunctionSpread): Promise<NetworkGraph> {
    return new NetworkGraph(await recordLargeStack(stack, functions, spread));
}

/**
 * Copies of records, each renamed `<name>-<suffix>` with an id and URN of its own, and every
 * reference among them (an id or URN anywhere in a copy's inputs, outputs or dependencies)
 * pointing at the copy.
 */
function copyRecords(records: RecordedResource[], suffix: string): RecordedResource[] {
    const renamed = new Map<string, string>();
    for (const r of records) {
        renamed.set(r.urn, `${r.urn}-${suffix}`);
        if (r.id) {
            renamed.set(r.id, `${r.id}-${suffix}`);
        }
    }
    return records.map((r) => {
        const copy = JSON.parse(JSON.stringify(r), (_key, value) => (typeof value === "string" && renamed.has(value) ? renamed.get(value) : value)) as RecordedResource;
        return { ...copy, name: `${r.name}-${suffix}` };
    });
}
