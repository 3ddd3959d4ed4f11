// The concrete addresses outside the VPC that the oracle's packets go to. The model judges "the
// internet" by a public address and a service by its regional name; the oracle picks one address
// for each. The generated networks name no block that covers part of the public address space
// (only 0.0.0.0/0, ::/0 and private ranges), so any public address would do as well as these.
import { Address, parseAddress, parseBlock, Block } from "./addresses";

export const REGION = "us-east-1";

/** A public address of the internet per family: IPv4 from a documentation range (RFC 5737), IPv6 outside the VPC's /56; neither in a gateway endpoint's prefix list. */
export const INTERNET_ADDRESS: Record<4 | 6, Address> = {
    4: parseAddress("198.51.100.7"),
    6: parseAddress("2600:9000:2000::7"),
};

/**
 * The AWS-managed prefix lists of the gateway endpoint services in the region, with one real
 * range of each (AWS's ip-ranges.json, S3 and DYNAMODB in us-east-1). A gateway endpoint's
 * `prefixListId` names the list; its route sends the list's ranges to the endpoint
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html, "Routing").
 */
export const GATEWAY_SERVICES: Record<string, { prefixListId: string; ranges: Block[]; address: Address }> = {
    s3: { prefixListId: "pl-63a5400a", ranges: [parseBlock("52.216.0.0/15")], address: parseAddress("52.216.10.10") },
    dynamodb: { prefixListId: "pl-02cd2c6b", ranges: [parseBlock("3.218.180.0/22")], address: parseAddress("3.218.180.10") },
};

/** Where any other service's regional name resolves without an endpoint: one of AWS's public addresses. */
export const SERVICE_PUBLIC_ADDRESS: Address = parseAddress("52.46.145.10");

/** The public address a service's regional name resolves to when no endpoint with private DNS serves it. */
export function publicAddressOf(service: string): Address {
    return GATEWAY_SERVICES[service]?.address ?? SERVICE_PUBLIC_ADDRESS;
}
