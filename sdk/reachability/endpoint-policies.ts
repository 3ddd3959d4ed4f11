// A path through a VPC endpoint whose policy limits the calls: the network lets the connection
// through, and the policy, not the network, decides which requests succeed (an endpoint policy
// bounds what IAM and resource policies allow; it grants nothing: AWS PrivateLink guide, "Control
// access to VPC endpoints using endpoint policies"). One that allows nothing blocks every request.
// Without a policy, or with AWS's default (full access), the endpoint's hop is as it was.
import { readEndpointPolicy } from "../network/endpoint-policies";
import { NetworkGraph, value } from "../network/network-graph";
import type { Hop, Reachability } from "./types";

/** The endpoint's hop as its policy leaves it. */
export function throughEndpointPolicy(graph: NetworkGraph, endpointId: string, service: string, hop: Hop): Hop {
    const resource = graph.resource(endpointId);
    if (!resource) {
        return hop;
    }
    const name = resource.name;
    const reading = readEndpointPolicy(value(resource, "policy"));
    const network = hop.says.replace(/\.$/, "");
    switch (reading.kind) {
        case "fullAccess":
            return hop;
        case "limits": {
            const scope = reading.sameAccount ? ` (only principals of account ${reading.sameAccount}, to resources of that account)` : "";
            return { ...hop, says: `${network}; its endpoint policy, not the network, decides which calls succeed${scope}.`, endpointPolicy: "limits" };
        }
        case "unknown":
            return { ...hop, says: `${network}; which calls its endpoint policy lets through is not known yet.`, endpointPolicy: "notKnownYet" };
        case "unreadable":
            return { ...hop, status: "unknown", says: `${network}, but its policy is not a policy document: what it lets through cannot be told.` };
        case "deniesAll":
            return {
                ...hop,
                status: "denies",
                says: `the policy of endpoint ${name} allows no call (it allows nothing, or denies everything), so no request to ${service} through it succeeds.`,
                fix: `Allow the functions' calls to ${service} in the policy of endpoint ${name} (endpointPolicies.${service} on a VpcLambdaNetwork).`,
            };
    }
}

/** The endpoint whose policy decides which calls of a cell succeed, when the network lets them through. */
export function endpointPolicyOfPath(path: readonly Hop[], verdict: Reachability["verdict"]): Reachability["endpointPolicy"] {
    const hop = verdict === "blocked" ? undefined : path.find((h) => h.endpointPolicy !== undefined);
    return hop?.endpointPolicy && hop.resource ? { endpoint: hop.resource, reading: hop.endpointPolicy } : undefined;
}
