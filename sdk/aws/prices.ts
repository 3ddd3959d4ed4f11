/**
 * The AWS list prices the offline plan's cost report uses, in one place, with the date they
 * were read. No other file hard-codes a price.
 *
 * Only us-east-1 is listed: prices differ by region (Tokyo's NAT gateway is dearer, for one),
 * and a report for a region missing here says its prices are unknown rather than guessing.
 *
 * Sources, read 2026-11-25 (and recorded in the project's shared AWS-FACTS.md):
 * - Amazon VPC pricing (https://aws.amazon.com/vpc/pricing/): NAT gateway per hour and per GB
 *   processed; public IPv4 addresses per hour, in use or idle, since 2024-02-01.
 * - AWS PrivateLink pricing (https://aws.amazon.com/privatelink/pricing/): interface endpoints
 *   per endpoint per Availability Zone per hour, and per GB processed (first PB a month).
 *   Gateway endpoints (S3, DynamoDB) cost nothing.
 * - Amazon CloudWatch pricing, vended logs (https://aws.amazon.com/cloudwatch/pricing/): VPC
 *   flow log delivery per GB of log data (first 10 TB a month), to CloudWatch Logs or to S3.
 * - Amazon EC2 on-demand pricing, data transfer: traffic between Availability Zones of a
 *   region is billed per GB in each direction.
 * - AWS Pricing Calculator: a month is 730 hours.
 * - Amazon VPC User Guide, "Enable outbound IPv6 traffic using an egress-only internet gateway",
 *   Pricing (https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html):
 *   the gateway itself is not charged; traffic out through it pays EC2 data transfer only. The AWS
 *   Compute Blog's "AWS Lambda networking over IPv6" makes the same point for Lambda: IPv6 egress
 *   skips the NAT gateway and its per-GB processing charge.
 */
export const AWS_PRICES = {
    /** The day these prices were read from the pages above. */
    date: "2026-11-25",
    currency: "USD",
    source: "AWS list prices (Amazon VPC, AWS PrivateLink, Amazon CloudWatch pricing pages), us-east-1",
    hoursPerMonth: 730,
    /** Gateway endpoints (S3, DynamoDB) cost nothing, in every region. */
    gatewayEndpointPerHour: 0,
    /** Egress-only internet gateways cost nothing, in every region: their IPv6 traffic pays data transfer out only, no processing charge. */
    egressOnlyInternetGatewayPerHour: 0,
    regions: {
        "us-east-1": {
            natGatewayPerHour: 0.045,
            natGatewayPerGbProcessed: 0.045,
            publicIpv4PerHour: 0.005,
            interfaceEndpointPerAzHour: 0.01,
            interfaceEndpointPerGbProcessed: 0.01,
            /** Vended-log delivery of flow logs to CloudWatch Logs, first 10 TB a month. */
            flowLogsToCloudWatchPerGb: 0.5,
            /** Vended-log delivery of flow logs to S3, first 10 TB a month. */
            flowLogsToS3PerGb: 0.25,
            /** Between Availability Zones of the region, charged on each side: out of one zone and into the other. */
            interAzTransferPerGbEachDirection: 0.01,
        },
    },
} as const;

export type RegionPrices = (typeof AWS_PRICES.regions)["us-east-1"];

/** The region's list prices, or undefined when this table does not know them. */
export function pricesFor(region: string): RegionPrices | undefined {
    return (AWS_PRICES.regions as Record<string, RegionPrices>)[region];
}
