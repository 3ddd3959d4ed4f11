import { expect } from "chai";
import { endpointPolicyIsWritten } from "../../../sdk/checks/endpoint-policies";
import type { EndpointPolicyPlan } from "../../../sdk/plan/types";

// Whether an endpoint's planned policy is written, once its endpoint service says whether it takes one.

const GIVEN: EndpointPolicyPlan = { kind: "given", document: "{}" };
const SAME_ACCOUNT: EndpointPolicyPlan = { kind: "sameAccount" };

function judged(planned: EndpointPolicyPlan, supported: boolean): { written: boolean; warnings: string[] } {
    const warnings: string[] = [];
    const written = endpointPolicyIsWritten("app", "ecr.dkr", "com.amazonaws.eu-west-1.ecr.dkr", planned, supported, (message) => warnings.push(message));
    return { written, warnings };
}

describe("validation: an endpoint policy on a service that takes one, or not", () => {
    it("writes either policy, without a warning, when the service supports endpoint policies", () => {
        expect(judged(GIVEN, true)).to.deep.equal({ written: true, warnings: [] });
        expect(judged(SAME_ACCOUNT, true)).to.deep.equal({ written: true, warnings: [] });
    });

    it("refuses the user's own policy for a service that supports none, naming endpointPolicies.<service>", () => {
        expect(() => judged(GIVEN, false)).to.throw(
            'VpcLambdaNetwork "app": endpointPolicies.ecr.dkr: the endpoint service of "ecr.dkr" (com.amazonaws.eu-west-1.ecr.dkr) supports no endpoint policy (vpcEndpointPolicySupported is false)',
        );
    });

    it("leaves SameAccount's policy off such a service's endpoint, warning that it keeps full access", () => {
        const { written, warnings } = judged(SAME_ACCOUNT, false);
        expect(written).to.equal(false);
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.match(/^endpointPolicy: "SameAccount" is not written on the endpoint of "ecr\.dkr": .* AWS allows full access through any endpoint of it\./);
    });
});
