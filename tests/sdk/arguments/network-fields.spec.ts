import { expect } from "chai";
import { expectProblem, rejectionOf, validateLoose } from "../../helpers/plan";

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

describe("validation: the new VPC's fields, every answer", () => {
    it("says why a VPC is too small for each pattern's subnets, with the fraction each subnet takes", () => {
        const withNat = expectProblem({ pattern: "PrivateWithNat", cidrBlock: "10.0.0.0/23" }, "cidrBlock");
        expect(withNat.message).to.equal('"10.0.0.0/23" is too small for the subnets: public subnets are 1/64 of the VPC and AWS\'s smallest subnet is /28, so the VPC must be /22 or larger.');
        const isolated = expectProblem({ pattern: "Isolated", cidrBlock: "10.0.0.0/26" }, "cidrBlock");
        expect(isolated.message).to.equal('"10.0.0.0/26" is too small for the subnets: Lambda subnets are 1/8 of the VPC and AWS\'s smallest subnet is /28, so the VPC must be /25 or larger.');
    });

    it("takes a /16, and sizes the VPC of a pattern it could not read as one without public subnets", () => {
        expect(validateLoose({ pattern: "Isolated", cidrBlock: "172.16.0.0/16" }).vpc).to.deep.include({ cidrBlock: "172.16.0.0/16" });
        const error = rejectionOf({ pattern: "Nat", cidrBlock: "10.0.0.0/25" });
        expect(error.problems.map((p) => p.field)).to.deep.equal(["pattern"]);
    });

    it("calls a /28 VPC too small for its subnets, not outside AWS's range", () => {
        expect(expectProblem({ pattern: "Isolated", cidrBlock: "10.0.0.0/28" }, "cidrBlock").message).to.match(/^"10\.0\.0\.0\/28" is too small for the subnets/);
    });

    it("words the prefix-range problem exactly", () => {
        expect(expectProblem({ pattern: "Isolated", cidrBlock: "10.0.0.0/15" }, "cidrBlock").message).to.equal('"10.0.0.0/15" has a /15 prefix; AWS allows /16 to /28 for a VPC.');
        expect(expectProblem({ pattern: "Isolated", cidrBlock: "10.0.0.0/33" }, "cidrBlock").message).to.equal('"10.0.0.0/33" has a /33 prefix; an IPv4 prefix is at most /32.');
    });

    it("takes zone names of every region shape: us-gov-west-1b, ap-southeast-4c, eu-central-2a", () => {
        const names = ["ap-southeast-4c"];
        expect(validateLoose({ pattern: "Isolated", availabilityZoneNames: names }).vpc).to.deep.include({ zones: { kind: "names", names } });
        expect(validateLoose({ pattern: "Isolated", availabilityZoneNames: ["us-gov-west-1b", "us-gov-west-1a"] }).vpc).to.deep.include({ zones: { kind: "names", names: ["us-gov-west-1b", "us-gov-west-1a"] } });
        expect(validateLoose({ pattern: "Isolated", availabilityZoneNames: ["eu-central-2a"] }).vpc).to.deep.include({ zones: { kind: "names", names: ["eu-central-2a"] } });
    });

    it("refuses Local and Wavelength zones, zone ids and names in capitals", () => {
        for (const name of ["us-east-1-bos-1a", "us-east-1-wl1-bos-wlz-1", "use1-az1", "US-EAST-1A", "us-east-1ab", "xus-east-1a"]) {
            expectProblem({ pattern: "Isolated", availabilityZoneNames: [name] }, "availabilityZoneNames[0]", JSON.stringify(name), "is not an Availability Zone name");
        }
        expectProblem({ pattern: "Isolated", availabilityZoneNames: [1] }, "availabilityZoneNames[0]", "1 is not an Availability Zone name");
        // A list whose text is a zone name is still not one.
        expectProblem({ pattern: "Isolated", availabilityZoneNames: [["us-east-1a"]] }, "availabilityZoneNames[0]", '["us-east-1a"] is not an Availability Zone name');
    });

    it("refuses an empty list of zone names, and a value that is not a list", () => {
        expectProblem({ pattern: "Isolated", availabilityZoneNames: [] }, "availabilityZoneNames", "[] must list 1 to 6 zone names.");
        expectProblem({ pattern: "Isolated", availabilityZoneNames: "us-east-1a" }, "availabilityZoneNames", '"us-east-1a" must list 1 to 6 zone names.');
    });

    it("takes six zone names, and two zones of one region", () => {
        const six = ["a", "b", "c", "d", "e", "f"].map((l) => `us-east-1${l}`);
        expect(validateLoose({ pattern: "Isolated", availabilityZoneNames: six }).vpc).to.deep.include({ zones: { kind: "names", names: six } });
    });

    it("words the two-regions problem with each region once", () => {
        const problem = expectProblem({ pattern: "Isolated", availabilityZoneNames: ["us-east-1a", "us-west-2a", "us-east-1b"] }, "availabilityZoneNames");
        expect(problem.message).to.equal('["us-east-1a","us-west-2a","us-east-1b"] spans regions us-east-1, us-west-2; a VPC lives in one region.');
    });

    it("takes the Single strategy, and OnePerAz from an empty natGateways", () => {
        expect(validateLoose({ pattern: "PrivateWithNat", natGateways: { strategy: "Single" } }).vpc).to.deep.include({ natGatewayStrategy: "Single" });
        expect(validateLoose({ pattern: "PrivateWithNat", natGateways: { strategy: "OnePerAz" } }).vpc).to.deep.include({ natGatewayStrategy: "OnePerAz" });
    });

    it("refuses an unknown key in natGateways", () => {
        expectProblem({ pattern: "PrivateWithNat", natGateways: { stratgy: "Single" } }, "natGateways.stratgy", 'did you mean "strategy"?');
    });

    it("checks natGateways' shape when the pattern itself is missing or wrong", () => {
        expectProblem({ natGateways: "Single" }, "natGateways", '"Single" is not an object');
        expectProblem({ pattern: "Nat", natGateways: { strategy: "Double" } }, "natGateways.strategy", '"Double"');
    });

    it("words the natGateways-without-NAT problem exactly", () => {
        expect(expectProblem({ pattern: "Isolated", natGateways: {} }, "natGateways").message).to.equal('is only allowed with pattern "PrivateWithNat", not "Isolated"; remove it.');
    });

    it("takes a zone count given with no names", () => {
        expect(validateLoose({ pattern: "Isolated", numberOfAvailabilityZones: 3 }).vpc).to.deep.include({ zones: { kind: "count", count: 3 } });
    });
});
