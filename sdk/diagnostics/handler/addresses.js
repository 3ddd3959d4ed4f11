// @ts-check
"use strict";
/** CIDR blocks and addresses: inside the VPC or not, and which family to try first. */
const net = require("net");

/** Address ranges counted as private when the VPC's CIDR blocks are not given. */
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7"];

/**
 * `"10.0.0.0/16"` -> its parts, or null when it is not a CIDR block.
 * @param {string} cidr
 * @returns {{ network: string, prefix: number, family: "ipv4" | "ipv6" } | null}
 */
function parseCidr(cidr) {
    const match = /^([^/]+)\/(\d{1,3})$/.exec(cidr.trim());
    if (!match) return null;
    const version = net.isIP(match[1]);
    const prefix = Number(match[2]);
    if (version === 0 || prefix > (version === 4 ? 32 : 128)) return null;
    return { network: match[1], prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

/**
 * A membership test over CIDR blocks, IPv4 and IPv6. Invalid blocks are ignored (the config
 * parser has reported them already).
 * @param {string[]} cidrBlocks
 * @returns {(address: string) => boolean}
 */
function makeAddressRange(cidrBlocks) {
    const blocks = new net.BlockList();
    for (const cidr of cidrBlocks) {
        const parsed = parseCidr(cidr);
        if (parsed) blocks.addSubnet(parsed.network, parsed.prefix, parsed.family);
    }
    return (address) => {
        const version = net.isIP(address);
        return version !== 0 && blocks.check(address, version === 4 ? "ipv4" : "ipv6");
    };
}

/**
 * Addresses to try, IPv4 first unless the network is dual stack (a Lambda without
 * `ipv6AllowedForDualStack` has no IPv6 route, so IPv6 attempts would only fail).
 * @param {string[]} addresses
 * @param {boolean} preferIpv4
 */
function connectionOrder(addresses, preferIpv4) {
    if (!preferIpv4) return addresses;
    return [...addresses.filter((a) => net.isIP(a) === 4), ...addresses.filter((a) => net.isIP(a) !== 4)];
}

module.exports = { PRIVATE_RANGES, parseCidr, makeAddressRange, connectionOrder };
