import { expect } from "chai";
import { subnetsOfferingService } from "../../../sdk/checks/endpoint-zones";

// AWS refuses an interface endpoint in a subnet whose zone lacks the service; the network places
// it in the zones that offer it and warns of the rest, or refuses when none does.

const SUBNETS = [
    { zone: "eu-west-1a", index: 0 },
    { zone: "eu-west-1b", index: 1 },
    { zone: "eu-west-1c", index: 2 },
];
const WHERE_TO_PICK = "choose zones it is offered in with availabilityZoneNames";

/** Runs `subnetsOfferingService` for sqs over the three subnets and keeps what it warned. */
function offering(offeredZones: string[], subnets = SUBNETS): { kept: typeof SUBNETS; warnings: string[] } {
    const warnings: string[] = [];
    const kept = subnetsOfferingService("app", "sqs", "com.amazonaws.eu-west-1.sqs", subnets, offeredZones, WHERE_TO_PICK, (message) => warnings.push(message));
    return { kept, warnings };
}

describe("validation: an interface endpoint goes in the zones that offer its service", () => {
    it("keeps every subnet, without a warning, when the service is offered in all their zones", () => {
        const { kept, warnings } = offering(["eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d"]);
        expect(kept).to.deep.equal(SUBNETS);
        expect(warnings).to.deep.equal([]);
    });

    it("keeps only the subnets in zones that offer the service", () => {
        const { kept } = offering(["eu-west-1b", "eu-west-1d"]);
        expect(kept).to.deep.equal([SUBNETS[1]]);
    });

    it("warns which zones are left out, where the endpoint is placed, and that functions there cross zones", () => {
        const { warnings } = offering(["eu-west-1b", "eu-west-1c"], [SUBNETS[0], SUBNETS[1], { zone: "eu-west-1d", index: 3 }, SUBNETS[2]]);
        expect(warnings).to.deep.equal([
            'interfaceEndpoints: "sqs" is not offered in eu-west-1a, eu-west-1d; its endpoint is placed in eu-west-1b, eu-west-1c only, ' +
                "and functions in eu-west-1a, eu-west-1d reach it across zones (billed per GB each way, and lost with the zones it is in).",
        ]);
    });

    it("refuses a service offered in none of the network's zones, naming them, the zones that offer it and the way out", () => {
        expect(() => offering(["eu-west-1d", "eu-west-1e"])).to.throw(
            'VpcLambdaNetwork "app": interfaceEndpoints: "sqs" (com.amazonaws.eu-west-1.sqs) is offered in none of this network\'s zones ' +
                "(eu-west-1a, eu-west-1b, eu-west-1c), so AWS would refuse its endpoint; it is offered in eu-west-1d, eu-west-1e. " +
                'Remove "sqs" from interfaceEndpoints, or choose zones it is offered in with availabilityZoneNames.',
        );
    });

    it("says a service offered in no zone of the Region is offered in none", () => {
        expect(() => offering([])).to.throw("so AWS would refuse its endpoint; it is offered in no zone of this Region. ");
    });

    it("warns nothing before refusing", () => {
        const warnings: string[] = [];
        expect(() => subnetsOfferingService("app", "sqs", "com.amazonaws.eu-west-1.sqs", SUBNETS, ["eu-west-1d"], WHERE_TO_PICK, (m) => warnings.push(m))).to.throw(/offered in none/);
        expect(warnings).to.deep.equal([]);
    });
});
