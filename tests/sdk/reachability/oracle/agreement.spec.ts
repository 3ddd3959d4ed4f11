import { expect } from "chai";
import fc from "fast-check";
import { reachabilityMatrix } from "../../../../sdk/reachability/model";
import type { Destination, Verdict } from "../../../../sdk/reachability/types";
import { DeployedNetwork } from "./deployed-network";
import { disagreement } from "./disagreement";
import { networkSpecs } from "./network-arbitraries";
import { stackOf } from "./network-stack";
import { oracleVerdict } from "./oracle-verdict";

// The model against the oracle, a packet walker written from AWS's documentation apart from it,
// over generated networks that are fully deployed (every value known): for every function and
// every destination the model lists, the same verdict. About 2 ms a network. ORACLE_RUNS sets
// the number of networks (a longer hunt: ORACLE_RUNS=50000); ORACLE_SEED replays a reported run.
const RUNS = Number(process.env.ORACLE_RUNS ?? 2000);
const SEED = process.env.ORACLE_SEED === undefined ? {} : { seed: Number(process.env.ORACLE_SEED) };

describe("oracle: the model's verdicts agree with concrete packets", () => {
    it(`gives every function and destination of ${RUNS} generated networks the verdict its packets get`, function () {
        this.timeout(120_000);
        fc.assert(
            fc.property(networkSpecs, (spec) => {
                const resources = stackOf(spec);
                const network = new DeployedNetwork(resources);
                for (const cell of reachabilityMatrix(resources)) {
                    const oracle = oracleVerdict(network, cell.function, cell.destination);
                    if (oracle.verdict !== cell.verdict) {
                        throw new Error(disagreement(cell, oracle, resources));
                    }
                }
            }),
            { numRuns: RUNS, ...SEED },
        );
    });

    it("generates networks where every kind of destination is both reachable and blocked, so that agreeing says something", () => {
        const seen = new Map<string, number>();
        for (const spec of fc.sample(networkSpecs, { numRuns: 300, seed: 22 })) {
            const resources = stackOf(spec);
            const network = new DeployedNetwork(resources);
            for (const { function: fn, destination } of reachabilityMatrix(resources)) {
                const key = kindOf(network, destination, oracleVerdict(network, fn, destination).verdict);
                seen.set(key, (seen.get(key) ?? 0) + 1);
            }
        }
        const kinds = ["internet 4", "internet 6", "service to its interface endpoint", "service with a gateway endpoint", "service by its public address", "security group"];
        const rare = kinds.flatMap((kind) => (["reachable", "blocked"] as Verdict[]).map((verdict) => `${kind} ${verdict}`)).filter((key) => (seen.get(key) ?? 0) < 10);
        expect(rare, JSON.stringify(Object.fromEntries(seen))).to.deep.equal([]);
    });
});

/** A cell's kind for the spread check: the destination, which way its name resolves for a service, and the verdict. */
function kindOf(network: DeployedNetwork, destination: Destination, verdict: Verdict): string {
    switch (destination.kind) {
        case "internet":
            return `internet ${destination.ipVersion} ${verdict}`;
        case "securityGroup":
            return `security group ${verdict}`;
        case "service": {
            const privateDns = network.dnsHostnames && network.interfaceEndpoints.some((e) => e.service === destination.service && e.privateDns);
            const gateway = [...network.gatewayEndpoints.values()].some((e) => e.service === destination.service);
            return `${privateDns ? "service to its interface endpoint" : gateway ? "service with a gateway endpoint" : "service by its public address"} ${verdict}`;
        }
    }
}
