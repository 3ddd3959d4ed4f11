import { expect } from "chai";
import * as net from "net";
import * as tls from "tls";
import { compareWithExpectations, decodeExpectations } from "../../../../sdk/diagnostics/handler/expectations";
import { DiagnosticsOptions, DiagnosticsReport, runDiagnostics } from "../../../../sdk/diagnostics/handler/index";
import type { DiagnosticsConfig, StepResult } from "../../../../sdk/diagnostics/handler/types";
import { close, closedPort, listen, lookupFrom, selfSignedCertificate, silentServer } from "./loopback";

// The live check: the reachability the component predicted, compared destination by destination
// with what the probes find. Real servers on loopback; what loopback cannot show (a connection
// that times out) is fed to the comparison directly.
const TIMEOUT_MS = 1000;
const REGION = "us-east-1";
const STS_HOST = `sts.${REGION}.amazonaws.com`;
const DB_GROUP = "sg-0123456789abcdef0";
const ENDPOINT_GROUP = "sg-0aaaaaaaaaaaaaaaa";
const ROUTE_FIX = { resource: "app-lambda-rt-1", fix: "Add a 0.0.0.0/0 route from app-lambda-rt-1 to a NAT gateway in a public subnet." };

describe("diagnostics handler: the live check against the predicted reachability", () => {
    const listener = net.createServer((socket) => socket.destroy());
    const silent = silentServer();
    let sts = { key: "", cert: "" };
    let stsServer: tls.Server;
    let listenerPort = 0;
    let silentPort = 0;
    let stsPort = 0;
    let refusingPort = 0;

    before(async () => {
        sts = selfSignedCertificate(STS_HOST);
        stsServer = tls.createServer({ key: sts.key, cert: sts.cert }, (socket) => socket.end());
        [listenerPort, silentPort, stsPort, refusingPort] = await Promise.all([listen(listener), listen(silent.server), listen(stsServer), closedPort()]);
    });

    after(async () => {
        await Promise.all([close(listener), silent.close(), close(stsServer)]);
    });

    /** The diagnostics on loopback: the internet is 127.0.0.1 on `internetPort`, services answer on `servicePort`. */
    async function check(config: Record<string, unknown>, options: DiagnosticsOptions = {}): Promise<DiagnosticsReport> {
        return runDiagnostics(
            { pattern: "PrivateWithNat", ...config },
            { region: REGION, timeoutMs: TIMEOUT_MS, lookup: lookupFrom({ [STS_HOST]: ["127.0.0.1"], "db.internal": ["127.0.0.1"] }), internetHost: "127.0.0.1", internetPort: refusingPort, ...options },
        );
    }

    describe("the internet", () => {
        it('is "as predicted" when predicted reachable and a connection out is made', async () => {
            const report = await check({ internetExpected: true, expectations: "i4=R" }, { internetPort: listenerPort });
            expect(report.reachability).to.deep.equal([
                { destination: { kind: "internet", ipVersion: 4 }, predicted: { verdict: "reachable" }, observed: "reachable", comparison: "as predicted", evidence: `connected to 127.0.0.1:${listenerPort} over IPv4.` },
            ]);
            expect(report.summary.problems).to.deep.equal([]);
        });

        it('"differs" when predicted blocked and a connection out is made, with the hop, its resource and the fix, and is a problem', async () => {
            const report = await check({ expectations: "i4=B:route", blockedHops: { i4: ROUTE_FIX } }, { internetPort: listenerPort });
            const [internet] = report.reachability;
            expect(internet).to.deep.include({ predicted: { verdict: "blocked", blockedAt: { hop: "route", ...ROUTE_FIX } }, observed: "reachable", comparison: "differs" });
            expect(report.summary.problems.find((p) => p.startsWith("reachability"))).to.match(/^reachability the internet \(IPv4\): predicted blocked at the route \(app-lambda-rt-1\), observed reachable \(connected to 127\.0\.0\.1:\d+ over IPv4\.\): something the plan does not show opens the way/);
        });

        it("counts a refused connection as reachable: the way there is open, nothing listens", async () => {
            const [internet] = (await check({ internetExpected: true, expectations: "i4=R" })).reachability;
            expect(internet).to.deep.include({ observed: "reachable", comparison: "as predicted" });
            expect(internet.evidence).to.contain("refused the connection: the way there is open");
        });

        it('does not probe IPv6 when the network is not dual-stack, and says so rather than "as predicted"', async () => {
            const [ipv6] = (await check({ expectations: "i6=B:subnet" })).reachability;
            expect(ipv6).to.deep.include({ observed: null, comparison: "not probed" });
            expect(ipv6.evidence).to.contain("not dual-stack");
        });

        it("probes IPv6 on its own in a dual-stack network, at the host's IPv6 addresses", async () => {
            const v6 = net.createServer((socket) => socket.destroy());
            const port = await listen(v6, "::1");
            try {
                const report = await check({ dualStack: true, expectations: "i4=R i6=R" }, { internetHost: "internet.test", internetPort: port, lookup: lookupFrom({ "internet.test": ["127.0.0.1", "::1"] }) });
                expect(report.internet?.ipv6).to.include({ ok: true, address: "::1" });
                expect(report.reachability.map((c) => [c.destination, c.comparison])).to.deep.equal([
                    [{ kind: "internet", ipVersion: 4 }, "as predicted"],
                    [{ kind: "internet", ipVersion: 6 }, "as predicted"],
                ]);
            } finally {
                await close(v6);
            }
        });

        it("does not probe a family the host has no address in, and says to pass a host that has one", async () => {
            const report = await check({ dualStack: true, expectations: "i6=R" }, { internetHost: "v4only.test", lookup: lookupFrom({ "v4only.test": ["127.0.0.1"] }) });
            expect(report.reachability[0]).to.deep.include({ observed: null, comparison: "not probed" });
            expect(report.reachability[0].evidence).to.contain("v4only.test has no IPv6 address").and.contain("internetHost");
        });

        it("takes the host to probe the internet at from the event", async () => {
            const report = await check({ expectations: "i4=R" }, { event: { internetHost: "elsewhere.test" }, lookup: lookupFrom({ "elsewhere.test": ["127.0.0.1"] }), internetPort: listenerPort });
            expect(report.internet?.host).to.equal("elsewhere.test");
            expect(report.reachability[0].comparison).to.equal("as predicted");
        });
    });

    describe("AWS services", () => {
        it('is "as predicted" for a service behind an interface endpoint that answers TLS with its certificate', async () => {
            const report = await check({ services: [{ service: "sts", endpointType: "Interface" }], vpcCidrBlocks: ["127.0.0.0/8"], expectations: "s:sts=R" }, { servicePort: stsPort, ca: sts.cert });
            expect(report.reachability[0]).to.deep.include({ destination: { kind: "service", service: "sts" }, observed: "reachable", comparison: "as predicted" });
        });

        it("probes a service predicted without an endpoint by its public name, and lists it among the services", async () => {
            const report = await check({ expectations: "s:sts=R" }, { servicePort: stsPort, ca: sts.cert });
            expect(report.services.map((s) => [s.service, s.endpointType, s.verdict])).to.deep.equal([["sts", null, "ok"]]);
            expect(report.reachability[0].comparison).to.equal("as predicted");
        });

        it('"differs" when a service predicted reachable does not complete TLS', async () => {
            const report = await check({ expectations: "s:sts=R" }, { servicePort: silentPort, ca: sts.cert });
            expect(report.reachability[0]).to.deep.include({ observed: "blocked", comparison: "differs" });
            expect(report.reachability[0].evidence).to.equal(`${STS_HOST} does not complete TLS on 443 (ETIMEDOUT).`);
        });

        it("counts an answer with another certificate as blocked: something else answered", async () => {
            const report = await check({ expectations: "s:sts=R" }, { servicePort: stsPort });
            expect(report.reachability[0]).to.deep.include({ observed: "blocked", comparison: "differs" });
            expect(report.reachability[0].evidence).to.contain("a certificate that is not the service's");
        });

        it("does not probe a service with no bare hostname, and gives the reason", async () => {
            const [api] = (await check({ expectations: "s:execute-api=R" })).reachability;
            expect(api).to.deep.include({ observed: null, comparison: "not probed" });
            expect(api.evidence).to.contain("<api-id>.execute-api");
        });
    });

    describe("security groups", () => {
        it('settles a group the model could not judge ("observed only") through a target that says it wears it', async () => {
            const report = await check({ targets: [{ host: "db.internal", port: listenerPort, securityGroupId: DB_GROUP }], expectations: `g:${DB_GROUP}:${listenerPort}=U` });
            expect(report.reachability[0]).to.deep.equal({
                destination: { kind: "securityGroup", securityGroupId: DB_GROUP, port: listenerPort },
                predicted: { verdict: "unknown" },
                observed: "reachable",
                comparison: "observed only",
                evidence: `connected to db.internal:${listenerPort}, which wears ${DB_GROUP} at 127.0.0.1.`,
            });
            expect(report.targets[0]).to.include({ securityGroupId: DB_GROUP, verdict: "ok" });
        });

        it("takes the group a target wears from the event's targets too", async () => {
            const report = await check({ expectations: `g:${DB_GROUP}:${listenerPort}=R` }, { event: { targets: [{ host: "127.0.0.1", port: listenerPort, securityGroupId: DB_GROUP }] } });
            expect(report.reachability[0]).to.deep.include({ observed: "reachable", comparison: "as predicted" });
        });

        it("does not probe a group no target wears, and says how to name one", async () => {
            const [group] = (await check({ expectations: `g:${DB_GROUP}:5432=U` })).reachability;
            expect(group).to.deep.include({ observed: null, comparison: "not probed" });
            expect(group.evidence).to.contain(`{ "host": "<its address>", "port": 5432, "securityGroupId": "${DB_GROUP}" }`);
        });

        it("observes the interface endpoints' group through the services that resolve to an endpoint inside the VPC", async () => {
            const config = { services: [{ service: "sts", endpointType: "Interface" }], vpcCidrBlocks: ["127.0.0.0/8"], endpointGroupId: ENDPOINT_GROUP, expectations: `g:${ENDPOINT_GROUP}:443=R` };
            const answering = await check(config, { servicePort: stsPort, ca: sts.cert });
            expect(answering.reachability[0]).to.deep.include({ observed: "reachable", comparison: "as predicted" });
            expect(answering.reachability[0].evidence).to.contain(`the sts interface endpoint, which wears ${ENDPOINT_GROUP}, answered TLS`);

            const silentEndpoint = await check(config, { servicePort: silentPort, ca: sts.cert });
            expect(silentEndpoint.reachability[0]).to.deep.include({ observed: "blocked", comparison: "differs" });
        });

        it("reads a timeout as blocked, and as predicted when predicted blocked", () => {
            const timedOut: StepResult = { ok: false, durationMs: 2000, address: "10.1.2.3", error: { code: "ETIMEDOUT", message: "connecting timed out" } };
            const target = { host: "db.internal", port: 5432, securityGroupId: DB_GROUP, source: "config" as const, dns: { ok: true, durationMs: 1, addresses: ["10.1.2.3"] }, tcp: timedOut, verdict: "problem" as const, reason: "" };
            const [check] = compareWithExpectations(configWith(`g:${DB_GROUP}:5432=B:securityGroupIngress`), { internet: null, services: [], targets: [target] });
            expect(check).to.deep.include({ observed: "blocked", comparison: "as predicted" });
            expect(check.evidence).to.equal(`no connection to db.internal:5432, which wears ${DB_GROUP} (ETIMEDOUT).`);
        });

        it("observes nothing when no time was left to try any address", () => {
            const untried: StepResult = { ok: false, durationMs: 0, error: { code: "ETIMEDOUT", message: "no time left to try any address" } };
            const target = { host: "db.internal", port: 5432, securityGroupId: DB_GROUP, source: "config" as const, dns: { ok: true, durationMs: 1, addresses: ["10.1.2.3"] }, tcp: untried, verdict: "problem" as const, reason: "" };
            const [check] = compareWithExpectations(configWith(`g:${DB_GROUP}:5432=R`), { internet: null, services: [], targets: [target] });
            expect(check).to.deep.include({ observed: null, comparison: "not probed" });
        });
    });

    describe("the configuration", () => {
        it("reads the expected matrix, the blocked hops and the endpoints' group from the compact form the component writes", async () => {
            const compact = { v: 1, p: "PrivateWithEndpoints", i: 0, d: 0, g: [], e: ["sts"], t: [["db.internal", listenerPort, DB_GROUP]], c: ["127.0.0.0/8"], x: `i4=B:route s:sts=R g:${DB_GROUP}:${listenerPort}=U g:${ENDPOINT_GROUP}:443=R`, f: { i4: [ROUTE_FIX.resource, ROUTE_FIX.fix] }, n: ENDPOINT_GROUP };
            const report = await runDiagnostics(JSON.stringify(compact), { region: REGION, timeoutMs: TIMEOUT_MS, lookup: lookupFrom({ [STS_HOST]: ["127.0.0.1"], "db.internal": ["127.0.0.1"] }), internetHost: "127.0.0.1", internetPort: refusingPort, servicePort: stsPort, ca: sts.cert });
            expect(report.reachability.map((c) => [c.destination.kind, c.comparison])).to.deep.equal([
                ["internet", "differs"],
                ["service", "as predicted"],
                ["securityGroup", "observed only"],
                ["securityGroup", "as predicted"],
            ]);
            expect(report.reachability[0].predicted.blockedAt).to.deep.equal({ hop: "route", ...ROUTE_FIX });
            expect(report.summary.problems.filter((p) => p.startsWith("VPC_LAMBDA_DIAGNOSTICS"))).to.deep.equal([]);
        });

        it("has no reachability section without expectations, as configured before the live check existed", async () => {
            expect((await check({})).reachability).to.deep.equal([]);
        });

        it("skips an expectation it cannot read with a problem, and compares the rest", async () => {
            const report = await check({ expectations: "i4=R s:sts=maybe", blockedHops: { i4: "open it" }, endpointGroupId: "endpoint-sg" });
            expect(report.reachability.map((c) => c.destination)).to.deep.equal([{ kind: "internet", ipVersion: 4 }]);
            const problems = report.summary.problems.join("\n");
            expect(problems).to.contain('VPC_LAMBDA_DIAGNOSTICS.expectations: "s:sts=maybe" is not an expectation');
            expect(problems).to.contain("VPC_LAMBDA_DIAGNOSTICS.blockedHops.i4 must be");
            expect(problems).to.contain("VPC_LAMBDA_DIAGNOSTICS.endpointGroupId must be a security group id");
        });

        it("refuses a target's security group that is not an id, naming the field", async () => {
            const report = await check({ targets: [{ host: "db.internal", port: 5432, securityGroupId: "database" }] });
            expect(report.targets).to.deep.equal([]);
            expect(report.summary.problems.join("\n")).to.contain("VPC_LAMBDA_DIAGNOSTICS.targets[0].securityGroupId must be the id of the security group the host wears");
        });
    });
});

/** A configuration with nothing but these expectations. */
function configWith(expectations: string): DiagnosticsConfig {
    return {
        pattern: "PrivateWithNat",
        internetExpected: false,
        targets: [],
        services: [],
        vpcCidrBlocks: [],
        dualStack: false,
        expectations: decodeExpectations(expectations).expectations,
        blockedHops: {},
        endpointGroupId: null,
    };
}
