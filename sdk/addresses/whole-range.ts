/**
 * Whether a block, IPv4 or IPv6, is its whole address family: any /0 covers every address,
 * however its address part is written (`0.0.0.0/0`, `::/0`, `0::/0`). What makes a route a
 * default route and a rule open to the internet. Text only, so that the network model reads it
 * without loading an address parser.
 */
export function isWholeRange(cidr: string): boolean {
    return /\/0$/.test(cidr.trim());
}
