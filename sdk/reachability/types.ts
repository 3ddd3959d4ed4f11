/**
 * The reachability model's answers, as plain data: for each Lambda function and each
 * destination, whether it can open a connection there, the path the traffic takes hop by hop,
 * and, when it cannot, the first hop that stops it and how to open it.
 */

/** Where a function may want to connect. */
export type Destination =
    /** The internet, by a public address (judged on TCP 443). */
    | { kind: "internet"; ipVersion: 4 | 6 }
    /** An AWS service by its usual regional name, e.g. `secretsmanager` (judged on TCP 443, over IPv4, as SDKs call it by default). */
    | { kind: "service"; service: string }
    /** Whatever wears a security group (a database, a cache, an endpoint), on a TCP port. */
    | { kind: "securityGroup"; securityGroupId: string; port: number; name?: string };

export type Verdict = "reachable" | "blocked" | "unknown";

/** What one hop does with the traffic: lets it through, stops it, or cannot be told yet. */
export type HopStatus = "allows" | "denies" | "unknown";

/**
 * The hops in the order traffic meets them: the function (IPv6 is opt-in), its subnet, the
 * subnet's route table, the route the destination takes (with, for a service, how its name
 * resolves), what the route leads to, the function's security group egress, the target's
 * security group ingress, and the network ACLs on the way there and back.
 */
export type HopKind =
    | "function"
    | "subnet"
    | "routeTable"
    | "dns"
    | "route"
    | "natGateway"
    | "internetGateway"
    | "egressOnlyInternetGateway"
    | "vpcEndpoint"
    | "routeTarget"
    | "securityGroupEgress"
    | "securityGroupIngress"
    | "networkAcl";

export interface Hop {
    hop: HopKind;
    status: HopStatus;
    /** The resource the hop is about: its Pulumi name, or its id when the stack does not create it. */
    resource?: string;
    /** One sentence: what this hop does with the traffic. */
    says: string;
    /** When the hop stops the traffic: how to open it, in one sentence. */
    fix?: string;
    /** A VPC endpoint's hop whose policy limits the calls (or may: not known yet) while the network lets them through. */
    endpointPolicy?: "limits" | "notKnownYet";
}

/** Why a destination is in a function's row. */
export type DestinationReason =
    /** The internet over both families is always judged. */
    | "always"
    /** Its execution role allows calls to the service. */
    | "role"
    /** It is declared in the function's needs (a tag, or the network's `needs`). */
    | "needs"
    /** One of the function's security groups has an egress rule to the group (an `allowTo` target). */
    | "egress"
    /** The group admits one of the function's security groups. */
    | "admits";

/** One cell of the matrix. */
export interface Reachability {
    /** The function's Pulumi resource name. */
    function: string;
    urn: string;
    destination: Destination;
    verdict: Verdict;
    /** The hops from the function's subnet that decides the verdict (the first that blocks, else the first unknown, else the first). */
    path: Hop[];
    /** The first hop that stops the traffic; only when `blocked`. */
    blockedAt?: Hop;
    /** How to open the path, in one sentence; only when `blocked`. */
    fix?: string;
    reasons: DestinationReason[];
    /**
     * The endpoint on the path whose policy, not the network, decides which calls succeed (or may:
     * `notKnownYet`); only when the network does not block the path.
     */
    endpointPolicy?: { endpoint: string; reading: "limits" | "notKnownYet" };
}

/** A short key per destination: `internet:4`, `service:sts`, `securityGroup:sg-0123:3306`. */
export function destinationKey(destination: Destination): string {
    switch (destination.kind) {
        case "internet":
            return `internet:${destination.ipVersion}`;
        case "service":
            return `service:${destination.service}`;
        case "securityGroup":
            return `securityGroup:${destination.securityGroupId}:${destination.port}`;
    }
}

/** How a destination reads in a sentence or a table header. */
export function describeDestination(destination: Destination): string {
    switch (destination.kind) {
        case "internet":
            return destination.ipVersion === 4 ? "the internet (IPv4)" : "the internet (IPv6)";
        case "service":
            return destination.service;
        case "securityGroup":
            return `${destination.name ?? destination.securityGroupId}:${destination.port}`;
    }
}

/** The verdict of a path: blocked at its first hop that denies, else unknown if any hop is, else reachable. */
export function verdictOf(path: readonly Hop[]): { verdict: Verdict; blockedAt?: Hop } {
    const denying = path.find((hop) => hop.status === "denies");
    if (denying) {
        return { verdict: "blocked", blockedAt: denying };
    }
    return { verdict: path.some((hop) => hop.status === "unknown") ? "unknown" : "reachable" };
}

/** Of the hops judging one step for several places (subnets, members), the one that speaks for all: the first that denies, else the first unknown, else the first. */
export function worstHop(hops: readonly Hop[]): Hop {
    return hops.find((hop) => hop.status === "denies") ?? hops.find((hop) => hop.status === "unknown") ?? hops[0];
}
