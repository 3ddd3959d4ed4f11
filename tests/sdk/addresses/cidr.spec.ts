import { expect } from "chai";
import fc from "fast-check";
import { addressesIn, blockContains, blocksOverlap, ipv4PrefixLength, nthSubBlock, parseIpv4Block, usableAddresses } from "../../../sdk/addresses/cidr";
import { block } from "../../helpers/plan";
import { areDisjoint, isWithin } from "./ipv4-oracle";

/** `a.b.c.d/n` from an address held as an integer: plain arithmetic, no library. */
function cidrOf(address: number, prefixLength: number): string {
    return `${[24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".")}/${prefixLength}`;
}

/** Aligned blocks in 10.0.0.0/22 from /22 down to /32 (a small space, so pairs often meet), as first address and prefix. */
const smallBlockParts = fc
    .record({ prefixLength: fc.integer({ min: 22, max: 32 }), offset: fc.nat({ max: 1023 }) })
    .map(({ prefixLength, offset }) => ({ first: 0x0a000000 + offset - (offset % 2 ** (32 - prefixLength)), prefixLength }));
const smallBlock = smallBlockParts.map(({ first, prefixLength }) => cidrOf(first, prefixLength));

describe("plan: IPv4 blocks", () => {
    describe("parseIpv4Block", () => {
        it("reads the block's text, prefix, first address and size", () => {
            expect(parseIpv4Block("10.1.2.0/23")).to.deep.equal({ cidr: "10.1.2.0/23", prefixLength: 23, first: 0x0a010200n, size: 512n });
            expect(parseIpv4Block("192.168.7.9/32")).to.deep.equal({ cidr: "192.168.7.9/32", prefixLength: 32, first: 0xc0a80709n, size: 1n });
            expect(parseIpv4Block("0.0.0.0/0")).to.deep.equal({ cidr: "0.0.0.0/0", prefixLength: 0, first: 0n, size: 2n ** 32n });
        });

        for (const [text, problem] of [
            ["10.0.0/16", "is not IPv4 CIDR notation (a.b.c.d/n)"],
            ["10.0.0.0", "is not IPv4 CIDR notation (a.b.c.d/n)"],
            [" 10.0.0.0/16", "is not IPv4 CIDR notation (a.b.c.d/n)"],
            ["10.0.0.0/16 ", "is not IPv4 CIDR notation (a.b.c.d/n)"],
            ["10.0.0.0/016", "is not IPv4 CIDR notation (a.b.c.d/n)"],
            ["1000.0.0.0/16", "is not IPv4 CIDR notation (a.b.c.d/n)"],
            ["10.0.0.256/16", "has a number above 255; each of the four numbers in a.b.c.d/n is 0 to 255"],
            ["256.0.0.0/16", "has a number above 255; each of the four numbers in a.b.c.d/n is 0 to 255"],
            ["10.0.0.0/33", "has a /33 prefix; an IPv4 prefix is at most /32"],
            // Equivalent mutant: `.replace(/\.$/, "")` becoming `.replace(/\./, "")` drops the same
            // dot, as each message ip-address can give here (after the checks above) has one dot, at its end.
            ["010.0.0.0/16", "is not a valid IPv4 block (IPv4 addresses can't have leading zeroes)"],
            ["10.0.1.0/16", 'is not the first address of its block (did you mean "10.0.0.0/16"?)'],
        ] as const) {
            it(`says of ${JSON.stringify(text)} that it ${problem}`, () => {
                expect(parseIpv4Block(text)).to.deep.equal({ problem });
            });
        }

        it("takes 255 in every place and /32", () => {
            expect(parseIpv4Block("255.255.255.255/32")).to.deep.include({ cidr: "255.255.255.255/32", first: 0xffffffffn });
        });
    });

    describe("nthSubBlock", () => {
        // Parsed in each test, never while the file loads: a mutant that breaks the parser must
        // fail a test, not the loading of the file (which Stryker counts as no verdict at all).
        const vpc = () => block("10.0.0.0/16");

        it("counts blocks from the parent's first address", () => {
            expect([0, 1, 7].map((i) => nthSubBlock(vpc(), 19, i).cidr)).to.deep.equal(["10.0.0.0/19", "10.0.32.0/19", "10.0.224.0/19"]);
            expect(nthSubBlock(vpc(), 16, 0)).to.deep.equal(vpc());
            expect(nthSubBlock(vpc(), 32, 65535)).to.deep.equal({ cidr: "10.0.255.255/32", prefixLength: 32, first: 0x0a00ffffn, size: 1n });
        });

        it("agrees with integer arithmetic on any parent, size and index", () => {
            fc.assert(
                fc.property(smallBlockParts, fc.integer({ min: 0, max: 10 }), fc.nat(), (parent, deeper, seed) => {
                    const prefixLength = Math.min(32, parent.prefixLength + deeper);
                    const index = seed % 2 ** (prefixLength - parent.prefixLength);
                    const first = parent.first + index * 2 ** (32 - prefixLength);
                    expect(nthSubBlock(block(cidrOf(parent.first, parent.prefixLength)), prefixLength, index).cidr).to.equal(cidrOf(first, prefixLength));
                }),
                { numRuns: 300 },
            );
        });

        it("refuses a block larger than the parent, or longer than /32", () => {
            expect(() => nthSubBlock(vpc(), 15, 0)).to.throw(RangeError, "a /15 block does not fit in 10.0.0.0/16");
            expect(() => nthSubBlock(vpc(), 33, 0)).to.throw(RangeError, "a /33 block does not fit in 10.0.0.0/16");
        });

        it("refuses an index before the first block or past the last", () => {
            expect(() => nthSubBlock(vpc(), 19, -1)).to.throw(RangeError, "10.0.0.0/16 has 8 blocks of /19; index -1 is outside");
            expect(() => nthSubBlock(vpc(), 19, 8)).to.throw(RangeError, "10.0.0.0/16 has 8 blocks of /19; index 8 is outside");
        });
    });

    describe("blockContains and blocksOverlap", () => {
        // Each pair: [a, b, a contains b, a and b overlap].
        const CASES: [string, string, boolean, boolean][] = [
            ["10.0.0.0/16", "10.0.0.0/16", true, true],
            ["10.0.0.0/16", "10.0.32.0/19", true, true],
            ["10.0.0.0/16", "10.0.255.255/32", true, true],
            ["10.0.32.0/19", "10.0.0.0/16", false, true],
            ["10.0.0.0/16", "10.1.0.0/16", false, false],
            ["10.1.0.0/16", "10.0.0.0/16", false, false],
            ["10.0.0.0/17", "10.0.128.0/17", false, false],
            ["10.0.128.0/17", "10.0.0.0/17", false, false],
            ["10.0.0.0/16", "9.255.255.255/32", false, false],
            ["10.0.0.0/16", "10.1.0.0/32", false, false],
        ];
        for (const [a, b, contains, overlap] of CASES) {
            it(`${a} ${contains ? "contains" : "does not contain"} ${b}, and they ${overlap ? "overlap" : "are disjoint"}`, () => {
                expect([blockContains(block(a), block(b)), blocksOverlap(block(a), block(b))]).to.deep.equal([contains, overlap]);
            });
        }

        it("agree with ip-address on any two blocks", () => {
            fc.assert(
                fc.property(smallBlock, smallBlock, (a, b) => {
                    expect(blockContains(block(a), block(b)), `${a} contains ${b}`).to.equal(isWithin(b, a));
                    expect(blocksOverlap(block(a), block(b)), `${a} overlaps ${b}`).to.equal(!areDisjoint(a, b));
                }),
                { numRuns: 500 },
            );
        });
    });

    describe("address arithmetic", () => {
        it("counts 16 addresses in a /28 and 65,536 in a /16", () => {
            expect([addressesIn("10.0.0.0/28"), addressesIn("10.0.0.0/16")]).to.deep.equal([16, 65536]);
        });

        it("leaves 11 of a /28's addresses usable, AWS reserving 5 of every subnet", () => {
            expect(usableAddresses(28)).to.equal(11);
        });

        it("reads the prefix of an IPv4 block only: none of an IPv6 block, a bare address or a prefix past /32", () => {
            expect([ipv4PrefixLength("10.0.0.0/28"), ipv4PrefixLength("2600:1f18::/64"), ipv4PrefixLength("10.0.0.0"), ipv4PrefixLength("10.0.0.0/33")]).to.deep.equal([28, undefined, undefined, undefined]);
        });
    });
});
