/** A Lambda subnet an interface endpoint may be placed in, and its zone. */
export interface ZonedSubnet {
    zone: string;
}

/**
 * The Lambda subnets (one per zone) whose zone offers the service, for an interface endpoint: AWS
 * refuses an endpoint in a zone that lacks its service ("The VPC endpoint service ... does not
 * support the availability zone of the subnet"; AWS re:Post, "interface endpoint availability
 * zone"). Throws a sentence naming the service and the zones when none does; `warn` is told of
 * the zones left out, where functions reach the endpoint across zones.
 */
export function subnetsOfferingService<T extends ZonedSubnet>(
    componentName: string,
    service: string,
    serviceName: string,
    subnets: readonly T[],
    offeredZones: readonly string[],
    whereToPick: string,
    warn: (message: string) => void,
): T[] {
    const kept = subnets.filter((s) => offeredZones.includes(s.zone));
    const left = subnets.filter((s) => !offeredZones.includes(s.zone)).map((s) => s.zone);
    if (kept.length === 0) {
        throw new Error(
            `VpcLambdaNetwork "${componentName}": interfaceEndpoints: ${JSON.stringify(service)} (${serviceName}) is offered in none of this network's zones ` +
                `(${left.join(", ")}), so AWS would refuse its endpoint; it is offered in ${offeredZones.length > 0 ? offeredZones.join(", ") : "no zone of this Region"}. ` +
                `Remove ${JSON.stringify(service)} from interfaceEndpoints, or ${whereToPick}.`,
        );
    }
    if (left.length > 0) {
        warn(
            `interfaceEndpoints: ${JSON.stringify(service)} is not offered in ${left.join(", ")}; its endpoint is placed in ${kept.map((s) => s.zone).join(", ")} only, ` +
                `and functions in ${left.join(", ")} reach it across zones (billed per GB each way, and lost with the zones it is in).`,
        );
    }
    return kept;
}
