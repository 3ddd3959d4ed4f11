import { AWS_LIMITS } from "../aws/limits";
import { parseIpv4Block, usableAddresses } from "../addresses/cidr";
import { LAYOUT } from "../addresses/subnet-layout";
import type { NetworkPlan } from "../plan/types";
import type { ArgumentProblem } from "../arguments/problems";

/**
 * Lambda makes one Hyperplane ENI (one address) per subnet for each security-group set its
 * functions use (shared/AWS-FACTS.md, "Lambda in a VPC"): the network's own group takes at least one.
 */
const LAMBDA_ADDRESSES_AT_LEAST = 1;

/**
 * What the component alone knows about its Lambda subnets' addresses: each interface endpoint
 * takes one in every subnet it is placed in (one per zone), and the functions' network interface
 * one more; AWS reserves 5 of every subnet. A subnet that cannot hold them fails at `pulumi up`
 * for want of free addresses. What else the stack puts in the subnets (more security-group sets,
 * databases) only the stack knows: the `subnet-ip-capacity` policy judges that.
 */
export function subnetCapacityProblems(plan: NetworkPlan): ArgumentProblem[] {
    const lambdaSubnet = plan.subnets.find((s) => s.role === "lambda");
    const endpoints = plan.interfaceEndpoints.length;
    if (plan.vpc.kind !== "new" || !lambdaSubnet) {
        return [];
    }
    const block = parseIpv4Block(lambdaSubnet.cidrBlock);
    if ("problem" in block) {
        return [];
    }
    const usable = usableAddresses(block.prefixLength);
    const needed = endpoints + LAMBDA_ADDRESSES_AT_LEAST;
    if (needed <= usable) {
        return [];
    }
    return [
        {
            field: "interfaceEndpoints",
            message:
                `${endpoints} interface endpoints take one address each in every Lambda subnet, and the functions' network interface one more: ${needed} addresses, ` +
                `but the Lambda subnets of cidrBlock ${JSON.stringify(plan.vpc.cidrBlock)} are /${block.prefixLength}s with ${usable} usable ` +
                `(${2 ** (32 - block.prefixLength)} less the ${AWS_LIMITS.reservedAddressesPerSubnet} AWS reserves), so AWS would refuse some of them for want of free addresses. ` +
                `Use a cidrBlock of /${largestFittingVpcPrefix(needed)} or larger, or at most ${usable - LAMBDA_ADDRESSES_AT_LEAST} interface endpoints.`,
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
