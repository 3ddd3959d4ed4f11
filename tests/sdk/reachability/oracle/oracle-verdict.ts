// The oracle's verdict for one function and one destination: concrete connections from each of
// the function's subnets to each place the destination may be, walked packet by packet. What a
// verdict means is the model's contract (sdk/reachability/types.ts, model.ts): reachable only
// when reachable from every one of the function's subnets; blocked when some connection certainly
// fails; unknown when it cannot be told. For a fully deployed network "cannot be told" is left
// for which address in its subnet AWS gives a network interface, and for what the model's
// contract judges coarser than packets (each said where it is decided below).
import type { Destination, Verdict } from "../../../../sdk/reachability/types";
import { Address, Family, distinctAddresses } from "./addresses";
import type { DeployedNetwork, LambdaFunction } from "./deployed-network";
import { NetworkInterface, Stop, walkConnection } from "./packet-walk";
import { INTERNET_ADDRESS, publicAddressOf } from "./public-addresses";

export interface OracleVerdict {
    verdict: Verdict;
    /** Why, in one sentence: the first stop, or what the verdict rests on. */
    why: string;
}

/** The internet and AWS services are judged on TCP 443, as the model's contract says (sdk/reachability/types.ts). */
const HTTPS = 443;

/** Where a destination is: one or more places (each endpoint subnet, each subnet a database may be put in), each one network interface at any of the addresses listed. */
interface Place {
    name: string;
    interfaces: NetworkInterface[];
}

type Target = { family: Family; port: number; places: Place[] } | OracleVerdict;

export function oracleVerdict(network: DeployedNetwork, functionName: string, destination: Destination): OracleVerdict {
    const fn = network.functions.find((f) => f.name === functionName);
    if (!fn) {
        throw new Error(`the oracle finds no function ${functionName} in the stack`);
    }
    const verdicts = fn.subnetIds.map((subnetId) => fromSubnet(network, fn, subnetId, destination));
    return verdicts.find((v) => v.verdict === "blocked") ?? verdicts.find((v) => v.verdict === "unknown") ?? verdicts[0];
}

function fromSubnet(network: DeployedNetwork, fn: LambdaFunction, subnetId: string, destination: Destination): OracleVerdict {
    const subnet = network.subnets.get(subnetId)!;
    const target = targetOf(network, destination);
    if ("verdict" in target) {
        return target;
    }
    const block = target.family === 4 ? subnet.block : subnet.ipv6;
    if (!block) {
        return { verdict: "blocked", why: `subnet ${subnet.name} has no IPv6 block, so the function has no IPv6 address there` };
    }
    // Lambda gives a function an IPv6 address only in dual-stack subnets, and only when it opts in
    // with ipv6AllowedForDualStack (shared/AWS-FACTS.md, "Lambda in a VPC";
    // https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html#configuration-vpc-ipv6).
    if (target.family === 6 && !fn.ipv6AllowedForDualStack) {
        return { verdict: "blocked", why: `function ${fn.name} does not opt in to IPv6 (ipv6AllowedForDualStack)` };
    }
    const sources: NetworkInterface[] = distinctAddresses(block, network.ruleBlocks).map((address) => ({ address, subnetId, groupIds: fn.groupIds }));
    const outcomes = target.places.map((place) => placeVerdict(network, fn, sources, place, target.port));
    return outcomes.find((o) => o.verdict === "blocked") ?? outcomes.find((o) => o.verdict === "unknown") ?? { verdict: "reachable", why: `every connection from subnet ${subnet.name} got through` };
}

/**
 * One place, over every address AWS may give the function's interface and the destination's:
 * all connections through, reachable; some but not others, the verdict hangs on the addresses
 * AWS assigns, which no stack says: unknown, as the model answers too (a rule covering part of a
 * subnet's block). None through: blocked when one check (a security group side, a route, one
 * network ACL crossing on one port) stops them all. When each address is stopped but at
 * different checks (the request denied for half the subnet, the reply for the other half), the
 * model answers unknown: it judges hop by hop, each over all the addresses, and no hop stops them
 * all. That is its contract (sdk/reachability/model.ts: a verdict is blocked at a hop that
 * certainly stops the traffic), coarser than packets; the oracle keeps to it here.
 */
function placeVerdict(network: DeployedNetwork, fn: LambdaFunction, sources: NetworkInterface[], place: Place, port: number): OracleVerdict {
    const stopped: Stop[][] = [];
    let passed = 0;
    for (const source of sources) {
        for (const destination of place.interfaces) {
            const walk = walkConnection(network, fn, source, destination, port);
            if (walk.passes) {
                passed += 1;
            } else {
                stopped.push(walk.stops);
            }
        }
    }
    if (stopped.length === 0) {
        return { verdict: "reachable", why: `every connection to ${place.name} got through` };
    }
    if (passed > 0) {
        return { verdict: "unknown", why: `to ${place.name}, some addresses get through and others do not: ${stopped[0][0].why}` };
    }
    const everywhere = stopped[0].find((stop) => stopped.every((stops) => stops.some((s) => s.check === stop.check)));
    return everywhere
        ? { verdict: "blocked", why: everywhere.why }
        : { verdict: "unknown", why: `to ${place.name}, every address is stopped, but no one check stops them all: ${stopped[0][0].why}` };
}

function targetOf(network: DeployedNetwork, destination: Destination): Target {
    switch (destination.kind) {
        case "internet":
            return { family: destination.ipVersion, port: HTTPS, places: [outside(`the internet (IPv${destination.ipVersion})`, INTERNET_ADDRESS[destination.ipVersion])] };
        case "service":
            return serviceTarget(network, destination.service);
        case "securityGroup":
            return groupTarget(network, destination.securityGroupId, destination.port);
    }
}

/**
 * Where a service's regional name resolves from inside the VPC (over IPv4, as SDKs call it). With
 * DNS support off the VPC's resolver answers nothing
 * (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html, `enableDnsSupport`). An
 * interface endpoint with private DNS answers with the addresses of its network interfaces, one
 * per subnet, and only when both DNS attributes are on (same page, "Rules and considerations";
 * https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html): a client
 * may get any of them, so each must be reachable. Otherwise the name is the service's public one.
 */
function serviceTarget(network: DeployedNetwork, service: string): Target {
    if (!network.dnsSupport) {
        return { verdict: "blocked", why: `DNS support is off in the VPC: ${service}'s name does not resolve` };
    }
    const endpoint = network.interfaceEndpoints.find((e) => e.service === service && e.privateDns);
    if (endpoint && network.dnsHostnames && endpoint.groupIds.length === 0) {
        // The VPC's default group, not adopted by the stack: its rules are not shown (the model's contract: unknown).
        return { verdict: "unknown", why: `endpoint ${endpoint.name} wears its VPC's default group, whose rules the stack does not show` };
    }
    if (endpoint && network.dnsHostnames) {
        return { family: 4, port: HTTPS, places: endpoint.subnetIds.map((subnetId) => inSubnet(network, `endpoint ${endpoint.name} in subnet ${network.subnets.get(subnetId)!.name}`, subnetId, endpoint.groupIds)) };
    }
    return { family: 4, port: HTTPS, places: [outside(`${service}'s public address`, publicAddressOf(service))] };
}

/**
 * Whatever wears the group, in every subnet it may be placed in (a database in any subnet of its
 * subnet group), over IPv4. A group nothing in the stack wears has no address to send a packet
 * to: the model answers unknown there, and so does the oracle (the generator makes no such group).
 */
function groupTarget(network: DeployedNetwork, groupId: string, port: number): Target {
    const wearers = network.wearers.filter((w) => w.groupIds.includes(groupId));
    if (wearers.length === 0) {
        return { verdict: "unknown", why: `nothing in the stack wears ${groupId}` };
    }
    return { family: 4, port, places: wearers.flatMap((w) => w.subnetIds.map((subnetId) => inSubnet(network, `${w.name} in subnet ${network.subnets.get(subnetId)!.name}`, subnetId, w.groupIds))) };
}

function outside(name: string, address: Address): Place {
    return { name, interfaces: [{ address, groupIds: [] }] };
}

function inSubnet(network: DeployedNetwork, name: string, subnetId: string, groupIds: readonly string[]): Place {
    return { name, interfaces: distinctAddresses(network.subnets.get(subnetId)!.block, network.ruleBlocks).map((address) => ({ address, subnetId, groupIds })) };
}
