// Who can reach what, judged by the reachability model (sdk/reachability/) on the whole stack:
// what a function declares it needs (the vpc-lambda:needs tag, written by VpcLambdaNetwork from
// its `needs`, or by hand on a function or its security group) must be reachable; what it
// reaches beyond that is flagged, least privilege being the aim.
import type { StackValidationPolicy } from "@pulumi/policy";
import { declaredNeedsOf, Need, NEEDS_TAG, needToken } from "../sdk/network/needs";
import { functionReachability } from "../sdk/reachability/model";
import { describeDestination, Reachability } from "../sdk/reachability/types";
import type { NetworkGraph } from "../sdk/network/network-graph";
import { exemptionSchema, isExempt } from "./exemptions";
import { networkGraphOf } from "./network-resources";

interface Exemptions {
    exemptFunctions?: string[];
}

/** The stack's functions in a VPC that declare needs, with their matrix rows; exempt ones left out. */
function declaringFunctions(graph: NetworkGraph, exempt: unknown) {
    return graph.functions
        .map((fn) => ({ fn, resource: graph.resource(fn.id)!, declared: declaredNeedsOf(graph, fn) }))
        .filter(({ resource, declared }) => resource && declared.declared && !isExempt(resource, exempt))
        .map((entry) => ({ ...entry, cells: functionReachability(graph, entry.fn) }));
}

/** The cell a need is judged by: the internet over IPv4, a service, a group on a port. */
function cellOf(cells: Reachability[], need: Need): Reachability | undefined {
    return cells.find((cell) => {
        const d = cell.destination;
        switch (need.kind) {
            case "internet":
                return d.kind === "internet" && d.ipVersion === 4;
            case "service":
                return d.kind === "service" && d.service === need.service;
            case "securityGroup":
                return d.kind === "securityGroup" && d.port === need.port && d.securityGroupId === need.securityGroupId;
        }
    });
}

/**
 * Whether a reachable cell is among the needs: "internet" covers both families, and an interface
 * endpoint's group is how the services it serves are reached, judged through those services.
 */
function isDeclared(graph: NetworkGraph, cell: Reachability, needs: Need[]): boolean {
    const d = cell.destination;
    if (d.kind === "internet") {
        return needs.some((n) => n.kind === "internet");
    }
    if (d.kind === "securityGroup") {
        const members = graph.membersOf(d.securityGroupId);
        if (members.length > 0 && members.every((m) => m.kind === "endpoint")) {
            return true;
        }
    }
    return needs.some((need) => cellOf([cell], need) !== undefined);
}

export const reachabilityDeclaredNeeds: StackValidationPolicy = {
    name: "reachability-declared-needs",
    description: `What a Lambda function declares it needs (the ${NEEDS_TAG} tag, which VpcLambdaNetwork writes from its needs argument) is reachable: the internet, each AWS service, each security group on its port.`,
    enforcementLevel: "mandatory",
    remediationSteps:
        "Each violation names the first hop that stops the traffic (a route, a NAT gateway, a security group, a network ACL, an endpoint's DNS) and the change that opens it. " +
        `Tag format: ${NEEDS_TAG} = "internet secretsmanager sg-0123456789abcdef0:5432", on the function or on a security group it wears.`,
    configSchema: { properties: { exemptFunctions: exemptionSchema("Functions") } },
    validateStack: (args, reportViolation) => {
        const graph = networkGraphOf(args.resources);
        for (const { fn, resource, declared, cells } of declaringFunctions(graph, args.getConfig<Exemptions>().exemptFunctions)) {
            for (const problem of declared.problems) {
                reportViolation(`Function "${resource.name}" declares needs that cannot be read: ${problem}.`, resource.urn);
            }
            for (const need of declared.needs) {
                const cell = cellOf(cells, need);
                // Unknown (a preview, a resource outside the stack): not judged.
                if (cell?.verdict === "blocked") {
                    reportViolation(
                        `Function "${resource.name}" needs ${describeNeed(need, cell)}, which it cannot reach from subnet ${cell.path[0]?.resource ?? fn.subnetIds[0]}: ${cell.blockedAt!.says} ${cell.fix ?? ""}`.trim(),
                        resource.urn,
                    );
                }
            }
        }
    },
};

export const reachabilityUndeclared: StackValidationPolicy = {
    name: "reachability-undeclared",
    description: `A Lambda function that declares its needs (${NEEDS_TAG}) reaches nothing else: no undeclared internet, AWS service or security group (least privilege).`,
    enforcementLevel: "advisory",
    remediationSteps: `Declare what the function uses in its needs (VpcLambdaNetwork's needs, or the ${NEEDS_TAG} tag), or close what it does not use: the security group rule, the route, the endpoint, or the role's permission.`,
    configSchema: { properties: { exemptFunctions: exemptionSchema("Functions") } },
    validateStack: (args, reportViolation) => {
        const graph = networkGraphOf(args.resources);
        for (const { resource, declared, cells } of declaringFunctions(graph, args.getConfig<Exemptions>().exemptFunctions)) {
            // A needs tag not known yet: what is declared cannot be told.
            if (declared.unknownOn.length > 0) {
                continue;
            }
            const undeclared = cells.filter((cell) => cell.verdict === "reachable" && !isDeclared(graph, cell, declared.needs));
            if (undeclared.length > 0) {
                reportViolation(
                    `Function "${resource.name}" reaches what its needs (${declared.needs.map(needToken).join(" ") || "none"}) do not declare: ${undeclared.map((c) => describeDestination(c.destination)).join(", ")}. ` +
                        "Declare them, or close them.",
                    resource.urn,
                );
            }
        }
    },
};

function describeNeed(need: Need, cell: Reachability): string {
    return need.kind === "securityGroup" ? `security group ${describeDestination(cell.destination)}` : describeDestination(cell.destination);
}

export const reachabilityPolicies = [reachabilityDeclaredNeeds, reachabilityUndeclared];


