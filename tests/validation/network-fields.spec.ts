import { expect } from "chai";
import { expectProblem, validateLoose } from "../helpers/plan";

const ALL_PATTERNS = ['"PrivateWithNat"', '"PrivateWithEndpoints"', '"Isolated"'];

describe("validation: pattern, CIDR block, zones and NAT gateways", () => {
    describe("pattern", () => {
        it("is required", () => {
            expectProblem({ cidrBlock: "10.0.0.0/16" }, "pattern", "required", ...ALL_PATTERNS);
        });

        it("rejects a pattern that does not exist, listing the three", () => {
            expectProblem({ pattern: "Public" }, "pattern", '"Public"', ...ALL_PATTERNS);
        });
    });

    describe("cidrBlock", () => {
        it("rejects a block that is not a.b.c.d/n", () => {
            expectProblem({ pattern: "Isolated", cidrBlock: "10.0.0/16" }, "cidrBlock", '"10.0.0/16"', "a.b.c.d/n");
        });

        it("rejects an octet above 255", () => {
            expectProblem({ pattern: "Isolated", cidrBlock: "10.0.0.256/16" }, "cidrBlock", '"10.0.0.256/16"', "0 to 255");
        });

        it("rejects an address that is not the first of its block, suggesting the block's first address", () => {
            expectProblem({ pattern: "Isolated", cidrBlock: "10.0.1.0/16" }, "cidrBlock", '"10.0.1.0/16"', 'did you mean "10.0.0.0/16"?');
        });

        it("rejects a prefix shorter than /16", () => {
            expectProblem({ pattern: "Isolated", cidrBlock: "10.0.0.0/15" }, "cidrBlock", '"10.0.0.0/15"', "/16 to /28");
        });

        it("rejects a prefix longer than /28", () => {
            expectProblem({ pattern: "Isolated", cidrBlock: "10.0.0.0/29" }, "cidrBlock", '"10.0.0.0/29"', "/16 to /28");
        });

        it("rejects a prefix longer than an IPv4 address", () => {
            expectProblem({ pattern: "Isolated", cidrBlock: "10.0.0.0/33" }, "cidrBlock", '"10.0.0.0/33"', "at most /32");
        });

        it("rejects a /26 for Isolated, whose eighths would be smaller than /28", () => {
            expectProblem({ pattern: "Isolated", cidrBlock: "10.0.0.0/26" }, "cidrBlock", '"10.0.0.0/26"', "/25 or larger");
        });

        it("accepts a /25 for Isolated", () => {
            expect(validateLoose({ pattern: "Isolated", cidrBlock: "10.0.0.128/25" }).vpc).to.deep.include({ cidrBlock: "10.0.0.128/25" });
        });

        it("rejects a /23 for PrivateWithNat, whose public subnets would be smaller than /28", () => {
            expectProblem({ pattern: "PrivateWithNat", cidrBlock: "10.0.0.0/23" }, "cidrBlock", '"10.0.0.0/23"', "/22 or larger");
        });

        it("accepts a /22 for PrivateWithNat", () => {
            expect(validateLoose({ pattern: "PrivateWithNat", cidrBlock: "10.0.4.0/22" }).vpc).to.deep.include({ cidrBlock: "10.0.4.0/22" });
        });

        it("rejects a value that is not a string", () => {
            expectProblem({ pattern: "Isolated", cidrBlock: 10 }, "cidrBlock", "10", "10.0.0.0/16");
        });
    });

    describe("availability zones", () => {
        for (const bad of [0, 7, 2.5]) {
            it(`rejects ${bad} as numberOfAvailabilityZones (an integer from 1 to 6)`, () => {
                expectProblem({ pattern: "Isolated", numberOfAvailabilityZones: bad }, "numberOfAvailabilityZones", String(bad), "integer from 1 to 6");
            });
        }

        it('rejects "2", a string, as numberOfAvailabilityZones', () => {
            expectProblem({ pattern: "Isolated", numberOfAvailabilityZones: "2" }, "numberOfAvailabilityZones", '"2"', "integer from 1 to 6");
        });

        it("accepts 1 and 6 zones", () => {
            for (const count of [1, 6]) {
                expect(validateLoose({ pattern: "Isolated", numberOfAvailabilityZones: count }).vpc).to.deep.include({ zones: { kind: "count", count } });
            }
        });

        it("rejects numberOfAvailabilityZones and availabilityZoneNames together", () => {
            expectProblem(
                { pattern: "Isolated", numberOfAvailabilityZones: 2, availabilityZoneNames: ["us-east-1a", "us-east-1b"] },
                "availabilityZoneNames",
                "numberOfAvailabilityZones",
                "keep one",
            );
        });

        it("rejects seven zone names", () => {
            const names = ["a", "b", "c", "d", "e", "f", "g"].map((l) => `us-east-1${l}`);
            expectProblem({ pattern: "Isolated", availabilityZoneNames: names }, "availabilityZoneNames", '["us-east-1a",', "1 to 6 zone names");
        });

        it("rejects a zone name that is not an Availability Zone", () => {
            expectProblem({ pattern: "Isolated", availabilityZoneNames: ["us-east-1"] }, "availabilityZoneNames[0]", '"us-east-1"', '"us-east-1a"');
        });

        it("rejects a zone listed twice", () => {
            expectProblem({ pattern: "Isolated", availabilityZoneNames: ["us-east-1a", "us-east-1a"] }, "availabilityZoneNames[1]", '"us-east-1a"', "twice");
        });

        it("rejects zones of two regions", () => {
            expectProblem({ pattern: "Isolated", availabilityZoneNames: ["us-east-1a", "us-west-2a"] }, "availabilityZoneNames", "us-east-1, us-west-2", "one region");
        });
    });

    describe("natGateways", () => {
        for (const pattern of ["PrivateWithEndpoints", "Isolated"]) {
            it(`is not allowed with ${pattern}`, () => {
                expectProblem({ pattern, natGateways: { strategy: "Single" } }, "natGateways", '"PrivateWithNat"', `"${pattern}"`);
            });
        }

        it("rejects a strategy that does not exist, listing OnePerAz and Single", () => {
            expectProblem({ pattern: "PrivateWithNat", natGateways: { strategy: "TwoPerAz" } }, "natGateways.strategy", '"TwoPerAz"', '"OnePerAz", "Single"');
        });

        it("rejects a value that is not an object", () => {
            expectProblem({ pattern: "PrivateWithNat", natGateways: "Single" }, "natGateways", '"Single"', '{ strategy: "OnePerAz" }');
        });
    });
});
