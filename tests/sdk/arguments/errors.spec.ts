import { expect } from "chai";
import { InvalidNetworkArgumentsError } from "../../../sdk/arguments/problems";
import { rejectionOf } from "../../helpers/plan";

describe("validation: the error", () => {
    let error: InvalidNetworkArgumentsError;
    beforeEach(() => {
        error = rejectionOf(
            { pattern: "PrivateWithNat", cidrBlock: "10.0.0.0/8", numberOfAvailabilityZones: 9, allowTo: [{ securityGroupId: "sg-0123456789abcdef0", port: 0 }] },
            "payments",
        );
    });

    it("is an InvalidNetworkArgumentsError, an Error", () => {
        expect(error).to.be.instanceOf(InvalidNetworkArgumentsError).and.instanceOf(Error);
        expect(error.name).to.equal("InvalidNetworkArgumentsError");
    });

    it("reports every problem at once, not only the first", () => {
        expect(error.problems.map((p) => p.field)).to.have.members(["cidrBlock", "numberOfAvailabilityZones", "allowTo[0].port"]);
    });

    it("lists every problem in its message under the field's name", () => {
        for (const field of ["cidrBlock", "numberOfAvailabilityZones", "allowTo[0].port"]) {
            expect(error.message).to.include(`  - ${field}: `);
        }
    });

    it("names the component and says nothing was created", () => {
        expect(error.message).to.match(/^VpcLambdaNetwork "payments" has 3 invalid arguments; nothing was created:/);
        expect(error.componentName).to.equal("payments");
    });

    it("rejects arguments that are not an object", () => {
        expect(rejectionOf(undefined as unknown as Record<string, unknown>).problems).to.deep.equal([
            { field: "args", message: "undefined is not an object; at least { pattern } is required." },
        ]);
    });
});
