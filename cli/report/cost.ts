import { AWS_LIMITS } from "../../sdk/aws/limits";
import { AWS_PRICES, pricesFor, RegionPrices } from "../../sdk/aws/prices";
import { reachabilityMatrix } from "../../sdk/reachability/model";
import { describeDestination, Reachability } from "../../sdk/reachability/types";
import { CalledServices, servicesFunctionsCall } from "../../sdk/network/called-services";
import { formatUsd } from "./format";
import { NetworkGraph } from "../../sdk/network/network-graph";

/**
 * The network's monthly cost from AWS list prices: the fixed part (what the network costs
 * idle: NAT gateway hours, public IPv4 addresses, interface endpoint AZ-hours), the per-GB
 * rates (estimated when the traffic is given), and cheaper designs that still reach the
 * services the stack declares. Functions, databases and logs storage are not priced here.
 */

/** One fixed charge: how many units a month, at what price. */
export interface CostLine {
    item: string;
    /** The resources billed on this line, by name. */
    resources: string[];
    quantity: number;
    unit: string;
    /** Null when the region's prices are unknown. */
    unitPriceUsd: number | null;
    monthlyUsd: number | null;
    /** What the line does not show: a free gateway's traffic still pays data transfer. */
    note?: string;
}

/** A per-GB charge; estimated when `--traffic-gb` says how much goes through it. */
export interface UsageRate {
    item: string;
    usdPerGb: number | null;
    appliesTo: string;
    estimate?: { gb: number; monthlyUsd: number | null; assumption: string };
}

export interface CostAlternative {
    name: string;
    /** Its fixed monthly cost. */
    monthlyUsd: number | null;
    savingUsd: number | null;
    reaches: string;
    givesUp: string;
}

export interface CostReport {
    region: string;
    currency: string;
    priceTableDate: string;
    /** False when the price table has no prices for the region: quantities only. */
    pricesKnown: boolean;
    /** The fixed monthly cost; null when the region's prices are unknown. */
    monthlyUsd: number | null;
    lines: CostLine[];
    rates: UsageRate[];
    /** Fixed cost plus the traffic estimate, when `--traffic-gb` is given. */
    estimatedMonthlyUsdWithTraffic?: number | null;
    alternatives: CostAlternative[];
    notes: string[];
}

export interface CostOptions {
    /** GB a month the functions send and receive through the network's billed path. */
    trafficGb?: number;
}

export function estimateCost(graph: NetworkGraph, region: string, options: CostOptions = {}): CostReport {
    const prices = pricesFor(region);
    const hours = AWS_PRICES.hoursPerMonth;
    const priced = (quantity: number, unitPrice: number | undefined): number | null => (unitPrice === undefined ? null : cents(quantity * unitPrice));

    const natGateways = graph.natGateways;
    const elasticIps = graph.elasticIps;
    const endpoints = graph.endpoints;
    const interfaceEndpoints = endpoints.filter((e) => e.type === "Interface");
    const gatewayEndpoints = endpoints.filter((e) => e.type === "Gateway");
    // AWS takes one subnet per zone for an interface endpoint: its subnets are its zones.
    const endpointZoneCount = interfaceEndpoints.reduce((sum, e) => sum + e.subnetIds.length, 0);

    /** `units` billed every hour of the month at `perHour`. */
    const hourly = (item: string, resources: string[], units: number, unit: string, perHour: number | undefined): CostLine => ({
        item,
        resources,
        quantity: units * hours,
        unit,
        unitPriceUsd: perHour ?? null,
        monthlyUsd: priced(units * hours, perHour),
    });
    const lines: CostLine[] = [];
    if (natGateways.length > 0) {
        lines.push(hourly("NAT gateway hours", natGateways.map((n) => n.name), natGateways.length, "hours", prices?.natGatewayPerHour));
    }
    if (elasticIps.length > 0) {
        // Billed per address-hour whether attached or idle (since February 2024).
        lines.push(hourly("Public IPv4 addresses", elasticIps.map((e) => e.name), elasticIps.length, "address-hours", prices?.publicIpv4PerHour));
    }
    if (interfaceEndpoints.length > 0) {
        const resources = interfaceEndpoints.map((e) => `${e.service} (${plural(e.subnetIds.length, "zone")})`);
        lines.push(hourly("Interface endpoint AZ-hours", resources, endpointZoneCount, "endpoint-AZ-hours", prices?.interfaceEndpointPerAzHour));
    }
    if (gatewayEndpoints.length > 0) {
        lines.push(hourly("Gateway endpoints", gatewayEndpoints.map((e) => e.service), gatewayEndpoints.length, "endpoint-hours", AWS_PRICES.gatewayEndpointPerHour));
    }
    const egressOnly = graph.egressOnlyInternetGateways;
    const ipv6Egress = egressOnlyEgress(graph);
    if (egressOnly.length > 0) {
        lines.push({
            ...hourly("Egress-only internet gateways", egressOnly.map((g) => g.name), egressOnly.length, "gateway-hours", AWS_PRICES.egressOnlyInternetGatewayPerHour),
            note:
                "IPv6 traffic out through an egress-only internet gateway skips the NAT gateway: no NAT processing charge. " +
                "Data transfer out to the internet is still billed per GB, as for any traffic leaving AWS.",
        });
    }
    // Known when every line's price is: a network billed for nothing costs $0 in any region.
    const monthlyUsd = lines.every((line) => line.monthlyUsd !== null) ? cents(lines.reduce((sum, line) => sum + line.monthlyUsd!, 0)) : null;

    const lambdaSubnets = graph.lambdaSubnetIds;
    const routesThroughNat = lambdaSubnets.some((id) => graph.defaultRouteOf(id)?.kind === "natGateway");
    const trafficPath: "natGateway" | "interfaceEndpoint" | undefined = routesThroughNat ? "natGateway" : interfaceEndpoints.length > 0 ? "interfaceEndpoint" : undefined;
    const rates = usageRates(graph, prices, natGateways.length > 0, interfaceEndpoints.length > 0, trafficPath, options.trafficGb);
    const trafficUsd = rates.reduce<number | null>((sum, r) => (r.estimate ? (sum === null || r.estimate.monthlyUsd === null ? null : sum + r.estimate.monthlyUsd) : sum), 0);

    const zones = new Set(lambdaSubnets.map((id) => graph.subnet(id).zone ?? id)).size;
    const cells = reachabilityMatrix(graph);
    const alternatives = cheaperAlternatives({
        prices,
        monthlyUsd,
        routesThroughNat,
        natCount: natGateways.length,
        natElasticIps: natGateways.flatMap((n) => n.allocationIds).filter((id) => graph.resource(id)).length,
        zones,
        reachedToday: reachedToday(cells),
        interfaceServices: interfaceEndpoints.map((e) => e.service),
        called: { services: servicesOf(cells), unreadable: servicesFunctionsCall(graph).unreadable },
        trafficGb: options.trafficGb,
    });

    const notes = [
        `Fixed cost of the network only, at ${AWS_PRICES.hoursPerMonth} hours a month; functions, databases and log storage are billed on their own.`,
        ...(ipv6Egress.length > 0
            ? [
                  `IPv6: ${ipv6Egress.join("; ")}. That traffic (from functions with ipv6AllowedForDualStack) pays no NAT processing, only data transfer out per GB; ` +
                      `IPv4 traffic still goes through the NAT gateways${options.trafficGb !== undefined && routesThroughNat ? ", so the traffic estimate, which sends it all through them, is an upper bound" : ""}.`,
              ]
            : []),
        ...(lambdaSubnets.some((id) => !graph.subnet(id).inStack)
            ? ["Some Lambda subnets are not created by this stack (an existing VPC's): what their VPC is billed for (its NAT gateways, its addresses) is not counted here."]
            : []),
        ...(prices ? [] : [`The price table (${AWS_PRICES.date}) has prices for ${Object.keys(AWS_PRICES.regions).join(", ")} only; prices for ${region} are unknown, so only quantities are shown.`]),
    ];
    return {
        region,
        currency: AWS_PRICES.currency,
        priceTableDate: AWS_PRICES.date,
        pricesKnown: prices !== undefined,
        monthlyUsd,
        lines,
        rates,
        ...(options.trafficGb !== undefined ? { estimatedMonthlyUsdWithTraffic: monthlyUsd === null || trafficUsd === null ? null : cents(monthlyUsd + trafficUsd) } : {}),
        alternatives,
        notes,
    };
}

function usageRates(
    graph: NetworkGraph,
    prices: RegionPrices | undefined,
    hasNat: boolean,
    hasInterfaceEndpoints: boolean,
    trafficPath: "natGateway" | "interfaceEndpoint" | undefined,
    trafficGb: number | undefined,
): UsageRate[] {
    const estimate = (path: typeof trafficPath, usdPerGb: number | undefined, assumption: string): Pick<UsageRate, "estimate"> =>
        trafficGb !== undefined && trafficPath === path ? { estimate: { gb: trafficGb, monthlyUsd: usdPerGb === undefined ? null : cents(trafficGb * usdPerGb), assumption } } : {};
    const rates: UsageRate[] = [];
    if (hasNat) {
        rates.push({
            item: "NAT gateway data processed",
            usdPerGb: prices?.natGatewayPerGbProcessed ?? null,
            appliesTo: "every GB through a NAT gateway, both directions (S3 and DynamoDB traffic goes through the free gateway endpoints when they are on the route table)",
            ...estimate("natGateway", prices?.natGatewayPerGbProcessed, "all the given traffic leaves through the NAT gateways"),
        });
    }
    if (hasInterfaceEndpoints) {
        rates.push({
            item: "Interface endpoint data processed",
            usdPerGb: prices?.interfaceEndpointPerGbProcessed ?? null,
            appliesTo: "every GB through an interface endpoint (first PB a month in the region)",
            ...estimate("interfaceEndpoint", prices?.interfaceEndpointPerGbProcessed, "all the given traffic goes to the interface endpoints' services"),
        });
    }
    for (const destination of new Set(graph.flowLogDestinations.map((f) => f.destinationType))) {
        const toS3 = destination === "s3";
        // Log volume follows the number of flows, not the bytes they carry: not estimated from traffic.
        rates.push({
            item: `Flow log delivery to ${toS3 ? "S3" : destination === "cloud-watch-logs" ? "CloudWatch Logs" : destination}`,
            usdPerGb: (toS3 ? prices?.flowLogsToS3PerGb : destination === "cloud-watch-logs" ? prices?.flowLogsToCloudWatchPerGb : undefined) ?? null,
            appliesTo: "every GB of flow log records (vended logs, first 10 TB a month); storage is extra",
        });
    }
    return rates;
}

/**
 * `::/0 from app-lambda-subnet-1, app-lambda-subnet-2 to egress-only internet gateway app-eigw`:
 * the Lambda subnets' IPv6 routes out through an egress-only gateway, one entry per gateway.
 */
function egressOnlyEgress(graph: NetworkGraph): string[] {
    const byGateway = new Map<string, string[]>();
    for (const subnetId of graph.lambdaSubnetIds) {
        const target = graph.defaultRouteOf(subnetId, "ipv6");
        if (target?.kind === "egressOnlyInternetGateway") {
            byGateway.set(target.id, [...(byGateway.get(target.id) ?? []), graph.subnet(subnetId).name]);
        }
    }
    return [...byGateway].map(([id, subnets]) => `::/0 from ${subnets.join(", ")} to egress-only internet gateway ${graph.nameOf(id)}`);
}

interface AlternativeInputs {
    prices: RegionPrices | undefined;
    monthlyUsd: number | null;
    routesThroughNat: boolean;
    natCount: number;
    /** How many of the NAT gateways' Elastic IPs this stack creates (and so bills). */
    natElasticIps: number;
    zones: number;
    /** What the reachability model says the functions reach today, in words; undefined without functions. */
    reachedToday: string | undefined;
    interfaceServices: string[];
    /** The services the functions call (their roles allow it, or they declare it), and the policies that could not be read. */
    called: CalledServices;
    trafficGb?: number;
}

/** Designs that cost less and still reach what the stack declares, with what each gives up. */
function cheaperAlternatives(a: AlternativeInputs): CostAlternative[] {
    if (!a.routesThroughNat) {
        return [];
    }
    const hours = AWS_PRICES.hoursPerMonth;
    const natMonthly = a.prices ? a.prices.natGatewayPerHour * hours : undefined;
    const ipMonthly = a.prices ? a.prices.publicIpv4PerHour * hours : undefined;
    const without = (nats: number, ips: number): number | null =>
        a.monthlyUsd === null || natMonthly === undefined || ipMonthly === undefined ? null : cents(a.monthlyUsd - nats * natMonthly - ips * ipMonthly);
    const saving = (cost: number | null) => (cost === null || a.monthlyUsd === null ? null : cents(a.monthlyUsd - cost));

    const alternatives: CostAlternative[] = [];
    if (a.natCount > 1) {
        const singleCost = without(a.natCount - 1, Math.min(a.natElasticIps, a.natCount - 1));
        // Spread evenly over the zones, all but one zone's share crosses to the NAT gateway's zone and back.
        const crossAz =
            a.trafficGb !== undefined && a.prices && a.zones > 1
                ? ` At ${a.trafficGb} GB a month spread evenly over ${a.zones} zones, crossing zones adds about $${(cents(((a.zones - 1) / a.zones) * a.trafficGb * 2 * a.prices.interAzTransferPerGbEachDirection)).toFixed(2)}.`
                : "";
        alternatives.push({
            name: 'One NAT gateway (`natGateways: { strategy: "Single" }`)',
            monthlyUsd: singleCost,
            savingUsd: saving(singleCost),
            // One NAT gateway changes no route's kind, no group and no ACL: what is reachable stays so.
            reaches: a.reachedToday === undefined ? "the same as this design" : `the same: ${a.reachedToday}`,
            givesUp: `zone independence: when the NAT gateway's zone fails, every zone loses the internet; the other zones' traffic crosses zones${a.prices ? ` at $${a.prices.interAzTransferPerGbEachDirection}/GB each way` : ""}.${crossAz}`,
        });
    }
    // Without NAT, every service the functions call needs an endpoint: the declared ones, plus
    // one interface endpoint per other called service in each zone (S3 and DynamoDB get free
    // gateway endpoints in PrivateWithEndpoints).
    const added = a.called.services.filter((s) => !GATEWAY_SERVICES.includes(s) && !a.interfaceServices.includes(s));
    const zones = Math.max(a.zones, 1);
    const perEndpoint = a.prices ? a.prices.interfaceEndpointPerAzHour * hours * zones : undefined;
    const withoutNat = without(a.natCount, a.natElasticIps);
    const endpointsOnly = withoutNat === null || perEndpoint === undefined ? null : cents(withoutNat + added.length * perEndpoint);
    const interfaceServices = [...a.interfaceServices, ...added];
    const reached = [...GATEWAY_SERVICES, ...interfaceServices];
    alternatives.push({
        name: `\`PrivateWithEndpoints\` with ${interfaceServices.length > 0 ? `interface endpoints for ${interfaceServices.join(", ")}` : "no interface endpoints"}`,
        monthlyUsd: endpointsOnly,
        savingUsd: saving(endpointsOnly),
        reaches: `${reached.join(", ")}${added.length > 0 ? ` (${added.join(", ")} added: the functions' roles allow calls to ${added.length === 1 ? "it" : "them"})` : ""}`,
        givesUp: `the internet, and every other AWS service${perEndpoint !== undefined ? ` (each endpoint added costs ${formatUsd(cents(perEndpoint))} a month over ${plural(zones, "zone")})` : ""}.${
            a.called.unreadable.length > 0 ? ` Not read offline, so they may need more endpoints: ${a.called.unreadable.join(", ")}.` : ""
        }`,
    });
    return alternatives.filter((alt) => alt.savingUsd === null || alt.savingUsd > 0);
}

const GATEWAY_SERVICES: readonly string[] = AWS_LIMITS.gatewayEndpointServices;

/** `the internet (IPv4) and secretsmanager, db-sg:5432`: what at least one function reaches, by the model; undefined without functions. */
function reachedToday(cells: readonly Reachability[]): string | undefined {
    if (cells.length === 0) {
        return undefined;
    }
    const reached = new Map(cells.filter((c) => c.verdict === "reachable").map((c) => [describeDestination(c.destination), c.destination.kind]));
    const internet = [...reached].filter(([, kind]) => kind === "internet").map(([text]) => text);
    const others = [...reached].filter(([, kind]) => kind !== "internet").map(([text]) => text);
    const internetText = internet.length === 2 ? "the internet (IPv4 and IPv6)" : internet[0];
    const parts = [...(internetText ? [internetText] : []), ...(others.length > 0 ? [others.join(", ")] : [])];
    return parts.length > 0 ? parts.join(" and ") : "nothing confirmed reachable";
}

/** The AWS services the functions call or declare, sorted. */
function servicesOf(cells: readonly Reachability[]): string[] {
    return [...new Set(cells.flatMap((c) => (c.destination.kind === "service" ? [c.destination.service] : [])))].sort();
}

/** Money to the cent, so that sums of hourly prices read as the bill does (and never as -0). */
function cents(usd: number): number {
    return Math.round(usd * 100) / 100 || 0;
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}
