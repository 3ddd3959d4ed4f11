import { expect } from "chai";
import { reachabilitySection } from "../../../cli/report/markdown";
import { POLICY_LEGEND, reachabilityTable } from "../../../cli/report/reachability-matrix";
import { renderReachabilityText } from "../../../cli/report/text-sections";
import type { Destination, Hop, Reachability } from "../../../sdk/reachability/types";

// The reports show a reachable cell whose calls an endpoint policy decides: its mark, one line per
// endpoint with the hop's sentence, and the legend; a report without such a cell is as before.

const s3: Destination = { kind: "service", service: "s3" };
const sqs: Destination = { kind: "service", service: "sqs" };
const limited: Hop = {
    hop: "vpcEndpoint",
    status: "allows",
    resource: "app-s3-endpoint",
    says: "gateway endpoint app-s3-endpoint takes it to s3 without leaving AWS's network; its endpoint policy, not the network, decides which calls succeed.",
    endpointPolicy: "limits",
};

function cell(fn: string, destination: Destination, reading?: "limits" | "notKnownYet"): Reachability {
    return {
        function: fn,
        urn: `urn:pulumi:s::p::aws:lambda/function:Function::${fn}`,
        destination,
        verdict: "reachable",
        path: reading ? [{ ...limited, endpointPolicy: reading }] : [],
        reasons: ["role"],
        ...(reading ? { endpointPolicy: { endpoint: "app-s3-endpoint", reading } } : {}),
    };
}

describe("report: reachability through an endpoint policy", () => {
    it("marks the cell ✅ policy, or ✅ policy? when the policy is not known yet, and others as before", () => {
        expect(reachabilityTable([cell("a", s3, "limits"), cell("a", sqs), cell("b", s3, "notKnownYet"), cell("b", sqs)]).rows).to.deep.equal([
            ["a", "✅ policy", "✅"],
            ["b", "✅ policy?", "✅"],
        ]);
    });

    it("lists each endpoint's sentence once, with the functions it concerns", () => {
        expect(reachabilityTable([cell("a", s3, "limits"), cell("b", s3, "limits")]).decidedByPolicy).to.deep.equal([`🔐 s3: ${limited.says} (a, b)`]);
    });

    it("adds the legend and the lines to the text report only when a cell has them", () => {
        const text = renderReachabilityText([cell("a", s3, "limits")]);
        expect(text.split("\n")[0]).to.equal(`Reachability (✅ reachable, ❌ blocked at the hop named, ? not known until deployed; ${POLICY_LEGEND}):`);
        expect(text).to.contain(`  🔐 s3: ${limited.says} (a)`);
        expect(renderReachabilityText([cell("a", s3)]).split("\n")[0]).to.equal("Reachability (✅ reachable, ❌ blocked at the hop named, ? not known until deployed):");
    });

    it("adds the legend and the lines to the Markdown report only when a cell has them", () => {
        const markdown = reachabilitySection([cell("a", s3, "limits")]);
        expect(markdown).to.contain(`? not known until deployed · ${POLICY_LEGEND}.`).and.contain(`- 🔐 s3: ${limited.says} (a)`);
        expect(reachabilitySection([cell("a", s3)])).to.not.contain("policy");
    });
});
