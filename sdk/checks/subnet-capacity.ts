import { AWS_LIMITS } from "../aws/limits";
import { usableAddresses } from "../addresses/cidr";
import { LAYOUT } from "../addresses/subnet-layout";
import { networkCapacity } from "../network/capacity";
import { NetworkGraph } from "../network/network-graph";
import type { NetworkPlan } from "../plan/types";
import type { ArgumentProblem } from "../arguments/problems";
import { plannedNetwork } from "./planned-network";

/**
 * What the component alone knows about its Lambda subnets' addresses, counted as the
 * `subnet-ip-capacity` policy counts a whole stack (sdk/network/capacity.ts) on the planned
 * network: each interface endpoint takes one in every Lambda subnet (one per zone), and the
 * stand-in function, wearing the Lambda security group, one Hyperplane ENI; AWS reserves 5 of
 * every subnet. A subnet that cannot hold them fails at `pulumi up` for want of free addresses.
 * What else the stack puts in the subnets (more security-group sets, databases) only the stack
 * knows: the policy judges that.
 */
export function subnetCapacityProblems(plan: NetworkPlan): ArgumentProblem[] {
    if (plan.vpc.kind !== "new") {
        return [];
    }
    const capacity = networkCapacity(new NetworkGraph(plannedNetwork(plan, undefined).resources));
    const fullest = plan.subnets
        .filter((s) => s.role === "lambda")
        .map((s) => capacity.subnets.get(s.key)!)
        .filter((s) => s.free !== undefined && s.free < 0)
        .sort((a, b) => a.free! - b.free!)[0];
    if (!fullest) {
        return [];
    }
    const { prefixLength, size, usable, taken: needed } = fullest as Required<typeof fullest>;
    const endpoints = fullest.takers.interfaceEndpoint.addresses;
    return [
        {
            field: "interfaceEndpoints",
            message:
                `${endpoints} interface endpoints take one address each in every Lambda subnet, and the functions' network interface one more: ${needed} addresses, ` +
                `but the Lambda subnets of cidrBlock ${JSON.stringify(plan.vpc.cidrBlock)} are /${prefixLength}s with ${usable} usable ` +
                `(${size} less the ${AWS_LIMITS.reservedAddressesPerSubnet} AWS reserves), so AWS would refuse some of them for want of free addresses. ` +
                `Use a cidrBlock of /${largestFittingVpcPrefix(needed)} or larger, or at most ${usable - (needed - endpoints)} interface endpoints.`,
        },
    ];
}

/**
 * The longest VPC prefix whose Lambda subnets (an eighth each) hold `needed` usable addresses.
 * Validation caps interfaceEndpoints at AWS's 50 per VPC, so `needed` is at most 51, which a /26
 * subnet holds: the loop ends long before a VPC prefix would pass /16.
 */
function largestFittingVpcPrefix(needed: number): number {
    let subnetPrefix = AWS_LIMITS.maxPrefixLength;
    while (usableAddresses(subnetPrefix) < needed) {
        subnetPrefix--;
    }
    return subnetPrefix - LAYOUT.lambdaPrefixDelta;
}
