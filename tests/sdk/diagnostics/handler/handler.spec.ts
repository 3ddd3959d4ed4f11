import { expect } from "chai";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import * as tls from "tls";
import {
    CONFIG_ENV,
    DiagnosticsOptions,
    DiagnosticsReport,
    handler,
    lambdaEnvironment,
    makeAddressRange,
    parseIpv4Routes,
    parseIpv6Routes,
    parseResolvConf,
    runDiagnostics,
    serviceHostname,
} from "../../../../sdk/diagnostics/handler/index";
import { close, closedPort, listen, lookupFrom, neverAnswers, selfSignedCertificate, silentServer } from "./loopback";

// Every probe here talks to real servers on 127.0.0.1. Bounds are generous, for a machine shared
// with other work: a 1 s probe timeout (a TLS handshake on loopback has taken over 300 ms there),
// and a run must finish in under 4 s.
const TIMEOUT_MS = 1000;
const BOUND_MS = 4000;
const REGION = "us-east-1";
const SECRETS_HOST = `secretsmanager.${REGION}.amazonaws.com`;
const S3_HOST = `s3.${REGION}.amazonaws.com`;

/** Runs the diagnostics with the loopback defaults: no internet probe target worth waiting for. */
async function run(config: unknown, options: DiagnosticsOptions = {}): Promise<{ report: DiagnosticsReport; elapsedMs: number }> {
    const started = Date.now();
    const report = await runDiagnostics(config, {
        region: REGION,
        timeoutMs: TIMEOUT_MS,
        lookup: lookupFrom({}),
        internetHost: "127.0.0.1",
        internetPort: closedPortForInternet,
        ...options,
    });
    return { report, elapsedMs: Date.now() - started };
}

let closedPortForInternet = 0;

describe("diagnostics handler", () => {
    const listener = net.createServer((socket) => socket.destroy());
    const silent = silentServer();
    let listenerPort = 0;
    let silentPort = 0;

    before(async () => {
        listenerPort = await listen(listener);
        silentPort = await listen(silent.server);
        closedPortForInternet = await closedPort();
    });

    after(async () => {
        await Promise.all([close(listener), silent.close()]);
    });

    describe("targets: DNS resolution then TCP connect", () => {
        it("connects to a listener on loopback and reports the resolved address and a duration", async () => {
            const { report } = await run(
                { pattern: "Isolated", targets: [{ host: "db.internal", port: listenerPort }] },
                { lookup: lookupFrom({ "db.internal": ["127.0.0.1"] }) },
            );
            const [target] = report.targets;
            expect(target.dns).to.include({ ok: true });
            expect(target.dns.addresses).to.deep.equal(["127.0.0.1"]);
            expect(target.tcp).to.include({ ok: true, address: "127.0.0.1" });
            expect(target.tcp.durationMs).to.be.at.least(0);
            expect(target.verdict).to.equal("ok");
        });

        it("skips DNS for an IP literal", async () => {
            const { report } = await run({ pattern: "Isolated", targets: [{ host: "127.0.0.1", port: listenerPort }] });
            expect(report.targets[0].dns).to.deep.include({ ok: true, skipped: true, addresses: ["127.0.0.1"] });
            expect(report.targets[0].tcp.ok).to.equal(true);
        });

        it("reports ECONNREFUSED for a closed port, and the other targets in the same run still report", async () => {
            const port = await closedPort();
            const { report } = await run({
                pattern: "Isolated",
                targets: [
                    { host: "127.0.0.1", port },
                    { host: "127.0.0.1", port: listenerPort },
                ],
            });
            const [refused, open] = report.targets;
            expect(refused.tcp.ok).to.equal(false);
            expect(refused.tcp.error?.code).to.equal("ECONNREFUSED");
            expect(refused.verdict).to.equal("problem");
            expect(open.tcp.ok).to.equal(true);
            expect(report.summary.problems.some((p) => p.startsWith(`target 127.0.0.1:${port}:`) && p.includes("refused"))).to.equal(true);
        });

        it("reports a name that does not resolve (RFC 6761 .invalid) as a DNS failure, and still probes the others", async () => {
            // The real resolver: with no DNS server the code may be ENOTFOUND or EAI_AGAIN.
            const { report } = await run(
                {
                    pattern: "Isolated",
                    targets: [
                        { host: "no-such-host.invalid", port: 443 },
                        { host: "127.0.0.1", port: listenerPort },
                    ],
                },
                { lookup: undefined, timeoutMs: BOUND_MS },
            );
            const [missing, open] = report.targets;
            expect(missing.dns.ok).to.equal(false);
            expect(missing.dns.error?.code).to.be.a("string").and.not.equal("");
            expect(missing.tcp).to.include({ ok: false, skipped: true });
            expect(missing.reason).to.contain("does not resolve");
            expect(open.tcp.ok).to.equal(true);
        });

        it("times out a lookup that never answers within the bound, without delaying the other probes", async () => {
            const { report, elapsedMs } = await run(
                {
                    pattern: "Isolated",
                    targets: [
                        { host: "hangs.internal", port: 443 },
                        { host: "127.0.0.1", port: listenerPort },
                    ],
                },
                { lookup: neverAnswers },
            );
            expect(elapsedMs).to.be.below(BOUND_MS);
            expect(report.targets[0].dns.ok).to.equal(false);
            expect(report.targets[0].dns.error?.code).to.equal("ETIMEDOUT");
            expect(report.targets[1].tcp.ok).to.equal(true);
        });

        it("takes the event's ad-hoc targets and timeoutMs alongside the configured ones", async () => {
            const { report, elapsedMs } = await run(
                { pattern: "Isolated", targets: [{ host: "127.0.0.1", port: listenerPort }] },
                { event: { targets: [{ host: "hangs.internal", port: 5432 }], timeoutMs: 100 }, lookup: neverAnswers, timeoutMs: 60_000 },
            );
            expect(report.config?.timeoutMs).to.equal(100);
            expect(report.targets.map((t) => [t.host, t.source])).to.deep.equal([
                ["127.0.0.1", "config"],
                ["hangs.internal", "event"],
            ]);
            expect(elapsedMs).to.be.below(BOUND_MS);
        });

        it("never lets a probe outlive the invocation: the timeout is cut to the remaining time minus the margin", async () => {
            const { report, elapsedMs } = await run(
                { pattern: "Isolated", targets: [{ host: "hangs.internal", port: 443 }] },
                { lookup: neverAnswers, timeoutMs: 60_000, marginMs: 500, context: { getRemainingTimeInMillis: () => 800 } },
            );
            expect(report.targets[0].dns.error?.code).to.equal("ETIMEDOUT");
            expect(elapsedMs).to.be.below(BOUND_MS);
        });

        it("tries IPv4 first unless the network is dual stack, then each address until one connects", async () => {
            const lookup = lookupFrom({ "both.internal": ["::1", "127.0.0.1"] });
            const config = { pattern: "Isolated", targets: [{ host: "both.internal", port: listenerPort }] };
            const single = (await run(config, { lookup })).report.targets[0];
            expect(single.dns.addresses).to.deep.equal(["127.0.0.1", "::1"]);
            expect(single.tcp).to.include({ ok: true, address: "127.0.0.1" });

            // The listener is on 127.0.0.1 only, so ::1 fails (refused, or no IPv6 loopback) first.
            const dual = (await run({ ...config, dualStack: true }, { lookup })).report.targets[0];
            expect(dual.dns.addresses).to.deep.equal(["::1", "127.0.0.1"]);
            expect(dual.tcp).to.include({ ok: true, address: "127.0.0.1" });
            expect(dual.tcp.failedAttempts?.map((a) => a.address)).to.deep.equal(["::1"]);
        });
    });

    describe("services: private DNS and a verified TLS handshake on 443", () => {
        const servers: tls.Server[] = [];
        let secrets = { key: "", cert: "" };
        let s3 = { key: "", cert: "" };
        let secretsPort = 0;
        let s3Port = 0;

        before(async () => {
            secrets = selfSignedCertificate(SECRETS_HOST);
            s3 = selfSignedCertificate(S3_HOST);
            const secretsServer = tls.createServer({ key: secrets.key, cert: secrets.cert }, (socket) => socket.end());
            const s3Server = tls.createServer({ key: s3.key, cert: s3.cert }, (socket) => socket.end());
            servers.push(secretsServer, s3Server);
            secretsPort = await listen(secretsServer);
            s3Port = await listen(s3Server);
        });

        after(async () => {
            await Promise.all(servers.map(close));
        });

        const interfaceEndpoint = { service: "secretsmanager", endpointType: "Interface" };
        const gatewayEndpoint = { service: "s3", endpointType: "Gateway" };
        const loopbackDns = lookupFrom({ [SECRETS_HOST]: ["127.0.0.1"], [S3_HOST]: ["127.0.0.1"] });

        it("passes an interface endpoint that resolves inside the VPC and presents a trusted certificate for its name", async () => {
            const { report } = await run(
                { pattern: "PrivateWithEndpoints", services: [interfaceEndpoint], vpcCidrBlocks: ["127.0.0.0/8"] },
                { lookup: loopbackDns, servicePort: secretsPort, ca: secrets.cert },
            );
            const [service] = report.services;
            expect(service.hostname).to.equal(SECRETS_HOST);
            expect(service.inVpc).to.equal(true);
            expect(service.tls).to.include({ ok: true, handshake: true, authorized: true, address: "127.0.0.1" });
            expect(service.verdict).to.equal("ok");
            expect(report.summary.problems.filter((p) => p.startsWith("service"))).to.deep.equal([]);
        });

        it("reports a certificate that does not verify (no CA given) as a problem, not a pass", async () => {
            const { report } = await run(
                { pattern: "PrivateWithEndpoints", services: [interfaceEndpoint], vpcCidrBlocks: ["127.0.0.0/8"] },
                { lookup: loopbackDns, servicePort: secretsPort },
            );
            const [service] = report.services;
            expect(service.tls).to.include({ ok: false, handshake: true, authorized: false });
            expect(service.tls.error?.code).to.be.a("string").and.not.equal("");
            expect(service.verdict).to.equal("problem");
            expect(service.reason).to.contain("not trusted");
            expect(report.summary.problems.some((p) => p.startsWith("service secretsmanager (Interface):"))).to.equal(true);
        });

        it("reports a certificate for another name as not authorized", async () => {
            const { report } = await run(
                { pattern: "PrivateWithEndpoints", services: [interfaceEndpoint], vpcCidrBlocks: ["127.0.0.0/8"] },
                { lookup: loopbackDns, servicePort: s3Port, ca: s3.cert },
            );
            expect(report.services[0].tls).to.include({ handshake: true, authorized: false });
            expect(report.services[0].tls.error?.code).to.equal("ERR_TLS_CERT_ALTNAME_INVALID");
            expect(report.services[0].verdict).to.equal("problem");
        });

        it("times out a server that accepts TCP but never speaks TLS, within the bound", async () => {
            const { report, elapsedMs } = await run(
                { pattern: "PrivateWithEndpoints", services: [interfaceEndpoint], vpcCidrBlocks: ["127.0.0.0/8"] },
                { lookup: loopbackDns, servicePort: silentPort, ca: secrets.cert },
            );
            const [service] = report.services;
            expect(elapsedMs).to.be.below(BOUND_MS);
            expect(service.tls).to.include({ ok: false, handshake: false, authorized: false });
            expect(service.tls.error?.code).to.equal("ETIMEDOUT");
            expect(service.reason).to.contain("security group admits TCP 443 from the Lambda security group");
        });

        it("fails an interface endpoint that resolves outside the VPC even though 443 answers: private DNS is off", async () => {
            const { report } = await run(
                { pattern: "PrivateWithEndpoints", services: [interfaceEndpoint], vpcCidrBlocks: ["10.0.0.0/16"] },
                { lookup: loopbackDns, servicePort: secretsPort, ca: secrets.cert },
            );
            const [service] = report.services;
            expect(service.inVpc).to.equal(false);
            expect(service.outsideAddresses).to.deep.equal(["127.0.0.1"]);
            expect(service.tls.ok).to.equal(true);
            expect(service.verdict).to.equal("problem");
            expect(service.reason).to.contain("private DNS of the interface endpoint is off");
        });

        it("passes a gateway endpoint that resolves to the service's public addresses and answers on 443", async () => {
            const { report } = await run(
                { pattern: "PrivateWithEndpoints", services: [gatewayEndpoint], vpcCidrBlocks: ["10.0.0.0/16"] },
                { lookup: loopbackDns, servicePort: s3Port, ca: s3.cert },
            );
            const [service] = report.services;
            expect(service.hostname).to.equal(S3_HOST);
            expect(service.inVpc).to.equal(false);
            expect(service.tls.authorized).to.equal(true);
            expect(service.verdict).to.equal("ok");
        });

        it("fails a gateway endpoint whose 443 does not answer, pointing at the prefix-list route", async () => {
            const { report } = await run(
                { pattern: "PrivateWithEndpoints", services: [gatewayEndpoint], vpcCidrBlocks: ["10.0.0.0/16"] },
                { lookup: loopbackDns, servicePort: await closedPort(), ca: s3.cert },
            );
            expect(report.services[0].tls.error?.code).to.equal("ECONNREFUSED");
            expect(report.services[0].verdict).to.equal("problem");
            expect(report.services[0].reason).to.contain("prefix-list route");
        });

        it("reports a service name that does not resolve, and still probes the other services", async () => {
            const { report } = await run(
                { pattern: "PrivateWithEndpoints", services: [{ service: "sqs", endpointType: "Interface" }, interfaceEndpoint], vpcCidrBlocks: ["127.0.0.0/8"] },
                { lookup: loopbackDns, servicePort: secretsPort, ca: secrets.cert },
            );
            const [sqs, secretsManager] = report.services;
            expect(sqs).to.deep.include({ hostname: `sqs.${REGION}.amazonaws.com`, inVpc: null, verdict: "problem" });
            expect(sqs.dns.error?.code).to.equal("ENOTFOUND");
            expect(secretsManager.verdict).to.equal("ok");
        });

        it("skips a service with no bare hostname (execute-api) without counting it as a problem", async () => {
            const { report } = await run({ pattern: "PrivateWithEndpoints", services: [{ service: "execute-api", endpointType: "Interface" }] });
            expect(report.services[0]).to.deep.include({ hostname: null, verdict: "skipped" });
            expect(report.summary.problems.filter((p) => p.startsWith("service"))).to.deep.equal([]);
        });

        it("does not probe services when the region is unknown, and says why", async () => {
            const saved = process.env.AWS_REGION;
            delete process.env.AWS_REGION;
            try {
                const { report } = await run({ pattern: "PrivateWithEndpoints", services: [interfaceEndpoint] }, { region: undefined });
                expect(report.services).to.deep.equal([]);
                expect(report.summary.problems.some((p) => p.startsWith("AWS_REGION is not set"))).to.equal(true);
            } finally {
                if (saved !== undefined) process.env.AWS_REGION = saved;
            }
        });
    });

    describe("service hostnames", () => {
        it("is <service>.<region>.amazonaws.com in general", () => {
            expect(serviceHostname("secretsmanager", "eu-west-1")).to.equal("secretsmanager.eu-west-1.amazonaws.com");
            expect(serviceHostname("dynamodb", "us-east-1")).to.equal("dynamodb.us-east-1.amazonaws.com");
        });

        it("follows the services whose hostname differs from their endpoint name", () => {
            expect(serviceHostname("ecr.api", "us-east-1")).to.equal("api.ecr.us-east-1.amazonaws.com");
            expect(serviceHostname("ecr.dkr", "us-east-1", "123456789012")).to.equal("123456789012.dkr.ecr.us-east-1.amazonaws.com");
            expect(serviceHostname("kinesis-streams", "us-east-1")).to.equal("kinesis.us-east-1.amazonaws.com");
            expect(serviceHostname("sagemaker.runtime", "us-east-1")).to.equal("runtime.sagemaker.us-east-1.amazonaws.com");
        });

        it("uses amazonaws.com.cn in the China regions", () => {
            expect(serviceHostname("sqs", "cn-north-1")).to.equal("sqs.cn-north-1.amazonaws.com.cn");
        });

        it("has no hostname for services reached only through per-resource names", () => {
            expect(serviceHostname("execute-api", "us-east-1")).to.equal(null);
        });

        it("reads its tables by own name only: a service called toString is an ordinary service", () => {
            expect(serviceHostname("toString", "us-east-1")).to.equal("toString.us-east-1.amazonaws.com");
        });

        it("names the ecr.dkr probe after the account in the function's ARN", async () => {
            const { report } = await run(
                { pattern: "PrivateWithEndpoints", services: [{ service: "ecr.dkr", endpointType: "Interface" }] },
                { context: { invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:diag" } },
            );
            expect(report.services[0].hostname).to.equal("123456789012.dkr.ecr.us-east-1.amazonaws.com");
        });
    });

    describe("address classification", () => {
        it("tells addresses inside the VPC's IPv4 and IPv6 blocks from those outside", () => {
            const inVpc = makeAddressRange(["10.0.0.0/16", "2600:1f18:1234:5600::/56"]);
            expect(["10.0.3.7", "10.0.255.255", "2600:1f18:1234:56ff::1"].map(inVpc)).to.deep.equal([true, true, true]);
            expect(["10.1.0.1", "52.216.8.1", "2600:1f18:1234:5700::1", "fd00::1"].map(inVpc)).to.deep.equal([false, false, false, false]);
        });

        it("falls back to the private ranges when the VPC's blocks are not given", async () => {
            const { report } = await run({ pattern: "PrivateWithEndpoints" });
            expect(report.config?.addressRanges).to.equal("privateRanges");
            const privateRange = makeAddressRange(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7"]);
            expect(["10.9.9.9", "172.31.0.1", "192.168.1.1", "100.64.0.1", "fd12::1"].map(privateRange)).to.deep.equal([true, true, true, true, true]);
            expect(["172.32.0.1", "100.128.0.1", "8.8.8.8", "2600::1"].map(privateRange)).to.deep.equal([false, false, false, false]);
        });

        it("classifies against the fallback ranges in a real run: a 10.x answer is in, a 52.x answer is out", async () => {
            const { report } = await run(
                {
                    pattern: "PrivateWithEndpoints",
                    services: [
                        { service: "sqs", endpointType: "Interface" },
                        { service: "sns", endpointType: "Interface" },
                    ],
                },
                { lookup: lookupFrom({ [`sqs.${REGION}.amazonaws.com`]: ["10.0.1.20"], [`sns.${REGION}.amazonaws.com`]: ["52.94.1.1"] }), timeoutMs: 50 },
            );
            expect(report.services.map((s) => [s.service, s.inVpc])).to.deep.equal([
                ["sqs", true],
                ["sns", false],
            ]);
            expect(report.services[1].reason).to.contain("resolves to 52.94.1.1, outside the VPC");
        });

        it("is false for something that is not an address", () => {
            expect(makeAddressRange(["0.0.0.0/0"])("not-an-address")).to.equal(false);
        });
    });

    describe("configuration and event validation", () => {
        it("reads the compact form the component writes (v: 1), targets as [host, port] pairs", async () => {
            const compact = JSON.stringify({ v: 1, p: "Isolated", i: 0, d: 0, g: [], e: [], t: [["127.0.0.1", listenerPort]], c: ["10.0.0.0/16"] });
            const { report } = await run(compact);
            expect(report.config).to.deep.include({ pattern: "Isolated", internetExpected: false, dualStack: false, vpcCidrBlocks: ["10.0.0.0/16"] });
            expect(report.targets.map((t) => [t.host, t.port])).to.deep.equal([["127.0.0.1", listenerPort]]);
            expect(report.summary.problems.filter((p) => p.startsWith("VPC_LAMBDA_DIAGNOSTICS"))).to.deep.equal([]);
        });

        it("turns invalid JSON into a problem and still reports the function's own network", async () => {
            const { report } = await run("{ not json");
            expect(report.summary.ok).to.equal(false);
            expect(report.summary.problems[0]).to.match(/^VPC_LAMBDA_DIAGNOSTICS is not valid JSON/);
            expect(report.self).to.not.equal(null);
        });

        it("skips each bad entry with a problem naming it, and keeps the good ones", async () => {
            const { report } = await run(
                {
                    pattern: "Sideways",
                    internetExpected: "yes",
                    targets: [{ host: "127.0.0.1", port: listenerPort }, { host: "db", port: 70000 }, "db:5432"],
                    services: [{ service: "sqs", endpointType: "Tunnel" }],
                    vpcCidrBlocks: ["10.0.0.0/16", "10.0.0.0/33"],
                },
                { event: { targets: "db:5432", timeoutMs: -1 } },
            );
            expect(report.config).to.deep.include({ pattern: null, internetExpected: false, vpcCidrBlocks: ["10.0.0.0/16"] });
            expect(report.targets.map((t) => t.port)).to.deep.equal([listenerPort]);
            expect(report.services).to.deep.equal([]);
            const problems = report.summary.problems.join("\n");
            for (const field of [
                "VPC_LAMBDA_DIAGNOSTICS.pattern",
                "VPC_LAMBDA_DIAGNOSTICS.internetExpected",
                "VPC_LAMBDA_DIAGNOSTICS.targets[1].port",
                "VPC_LAMBDA_DIAGNOSTICS.targets[2]",
                "VPC_LAMBDA_DIAGNOSTICS.services[0].endpointType",
                "VPC_LAMBDA_DIAGNOSTICS.vpcCidrBlocks[1]",
                "event.targets",
                "event.timeoutMs",
            ]) {
                expect(problems).to.contain(field);
            }
        });

        it("treats every field but pattern as optional", async () => {
            const { report } = await run({ pattern: "PrivateWithNat" });
            expect(report.config).to.deep.include({ pattern: "PrivateWithNat", internetExpected: false, dualStack: false, vpcCidrBlocks: [] });
            expect(report.targets).to.deep.equal([]);
            expect(report.services).to.deep.equal([]);
        });

        it("ignores an event that is not an object, with a problem", async () => {
            const { report } = await run({ pattern: "Isolated" }, { event: "ping" });
            expect(report.summary.problems.some((p) => p.startsWith("The event must be a JSON object"))).to.equal(true);
        });
    });

    describe("internet reachability against the pattern's expectation", () => {
        it('is "expected" when the internet is expected and reachable', async () => {
            const { report } = await run({ pattern: "PrivateWithNat", internetExpected: true }, { internetPort: listenerPort });
            expect(report.internet).to.deep.include({ host: "127.0.0.1", port: listenerPort, expected: true, reachable: true, verdict: "expected" });
            expect(report.summary.problems.filter((p) => p.startsWith("internet"))).to.deep.equal([]);
        });

        it('is "unexpected", and a problem, when the internet is reachable from a pattern without a route out', async () => {
            const { report } = await run({ pattern: "Isolated", internetExpected: false }, { internetPort: listenerPort });
            expect(report.internet).to.deep.include({ reachable: true, verdict: "unexpected" });
            expect(report.summary.problems.some((p) => p.startsWith("internet:") && p.includes("0.0.0.0/0 or ::/0"))).to.equal(true);
        });

        it('is "unexpected", pointing at the NAT gateway, when the internet is expected but unreachable', async () => {
            const { report } = await run({ pattern: "PrivateWithNat", internetExpected: true }, { internetPort: await closedPort() });
            expect(report.internet).to.deep.include({ reachable: false, verdict: "unexpected" });
            expect(report.internet?.reason).to.contain("NAT gateway");
        });
    });

    describe("the function's own network", () => {
        const ROUTE = [
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
            "eth0\t00000000\t0100FEA9\t0003\t0\t0\t0\t00000000\t0\t0\t0",
            "eth0\t0000FEA9\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0",
            "eth1\t0020000A\t00000000\t0001\t0\t0\t0\t00E0FFFF\t0\t0\t0",
            "",
        ].join("\n");
        const IPV6_ROUTE = [
            "26001f18123456000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth1",
            "00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000002 00000000 00000003     eth1",
            "",
        ].join("\n");
        const RESOLV_CONF = "; generated by the runtime\nnameserver 169.254.78.1\nnameserver fd00:ec2::253 # IPv6\nsearch ec2.internal\noptions timeout:2 attempts:5\n";

        it("parses /proc/net/route: little-endian hex into CIDR blocks and gateways", () => {
            expect(parseIpv4Routes(ROUTE)).to.deep.equal([
                { destination: "0.0.0.0/0", gateway: "169.254.0.1", interface: "eth0", metric: 0, flags: 3 },
                { destination: "169.254.0.0/16", gateway: null, interface: "eth0", metric: 0, flags: 1 },
                { destination: "10.0.32.0/19", gateway: null, interface: "eth1", metric: 0, flags: 1 },
            ]);
        });

        it("parses /proc/net/ipv6_route: hex prefix lengths and compressed addresses", () => {
            expect(parseIpv6Routes(IPV6_ROUTE)).to.deep.equal([
                { destination: "2600:1f18:1234:5600::/64", gateway: null, interface: "eth1", metric: 256, flags: 1 },
                { destination: "::/0", gateway: "fe80::1", interface: "eth1", metric: 1024, flags: 3 },
            ]);
        });

        it("reads the nameservers, search domains and options from resolv.conf, ignoring comments", () => {
            expect(parseResolvConf(RESOLV_CONF)).to.deep.equal({
                nameservers: ["169.254.78.1", "fd00:ec2::253"],
                search: ["ec2.internal"],
                options: ["timeout:2", "attempts:5"],
            });
        });

        it("reports routes and the resolver from the files, with the raw resolv.conf", async () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-proc-"));
            try {
                const paths = { resolvConf: path.join(dir, "resolv.conf"), ipv4Routes: path.join(dir, "route"), ipv6Routes: path.join(dir, "ipv6_route") };
                fs.writeFileSync(paths.resolvConf, RESOLV_CONF);
                fs.writeFileSync(paths.ipv4Routes, ROUTE);
                fs.writeFileSync(paths.ipv6Routes, IPV6_ROUTE);
                const { report } = await run({ pattern: "Isolated" }, { paths });
                expect(report.self?.routes.ipv4.routes.map((r) => r.destination)).to.deep.equal(["0.0.0.0/0", "169.254.0.0/16", "10.0.32.0/19"]);
                expect(report.self?.routes.ipv6.routes.map((r) => r.destination)).to.deep.equal(["2600:1f18:1234:5600::/64", "::/0"]);
                expect(report.self?.resolver).to.deep.include({ nameservers: ["169.254.78.1", "fd00:ec2::253"], raw: RESOLV_CONF });
                expect(report.self?.hostname).to.equal(os.hostname());
                expect(report.self?.interfaces.some((i) => i.address === "127.0.0.1")).to.equal(true);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });

        it("records a missing file as an error in its own field and still reads the others", async () => {
            const missing = path.join(os.tmpdir(), "vpc-lambda-no-such-dir", "file");
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-proc-"));
            try {
                const ipv4Routes = path.join(dir, "route");
                fs.writeFileSync(ipv4Routes, ROUTE);
                const { report } = await run({ pattern: "Isolated" }, { paths: { resolvConf: missing, ipv4Routes, ipv6Routes: missing } });
                expect(report.self?.resolver).to.deep.include({ nameservers: [], raw: null });
                expect(report.self?.resolver.error?.code).to.equal("ENOENT");
                expect(report.self?.routes.ipv6).to.deep.include({ routes: [] });
                expect(report.self?.routes.ipv6.error?.code).to.equal("ENOENT");
                expect(report.self?.routes.ipv4.routes).to.have.length(3);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });

        it("shows the runtime's environment variables and never credentials", () => {
            const shown = lambdaEnvironment({
                AWS_REGION: "us-east-1",
                AWS_LAMBDA_FUNCTION_NAME: "diag",
                APP_VPC_ID: "vpc-123",
                AWS_ACCESS_KEY_ID: "AKIAEXAMPLE",
                AWS_SECRET_ACCESS_KEY: "secret",
                AWS_SESSION_TOKEN: "token",
                VPC_DB_PASSWORD: "hunter2",
                HOME: "/home/sbx_user1051",
            });
            expect(shown).to.deep.equal({ AWS_REGION: "us-east-1", AWS_LAMBDA_FUNCTION_NAME: "diag", APP_VPC_ID: "vpc-123" });
        });
    });

    describe("handler(event, context)", () => {
        const SECRETS = { AWS_ACCESS_KEY_ID: "AKIADIAGNOSTICSTEST", AWS_SECRET_ACCESS_KEY: "diagnostics-secret-value", AWS_SESSION_TOKEN: "diagnostics-session-token" };
        const ENV_NAMES = [CONFIG_ENV, "AWS_REGION", ...Object.keys(SECRETS)];
        let savedEnv: Record<string, string | undefined>;
        let savedLog: typeof console.log;
        let logged: string[];
        const context = {
            functionName: "app-diagnostics",
            functionVersion: "$LATEST",
            invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:app-diagnostics",
            awsRequestId: "c6af9ac6-7b61-11e6-9a41-93e812345678",
            memoryLimitInMB: "128",
            getRemainingTimeInMillis: () => 10_000,
        };

        beforeEach(() => {
            savedEnv = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
            Object.assign(process.env, SECRETS, { AWS_REGION: REGION });
            savedLog = console.log;
            logged = [];
            console.log = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
        });

        afterEach(() => {
            console.log = savedLog;
            for (const [name, value] of Object.entries(savedEnv)) {
                if (value === undefined) delete process.env[name];
                else process.env[name] = value;
            }
        });

        it("runs the configured probes, logs the report once as JSON and returns it", async () => {
            process.env[CONFIG_ENV] = JSON.stringify({ pattern: "Isolated", targets: [{ host: "127.0.0.1", port: listenerPort }], vpcCidrBlocks: ["10.0.0.0/16"] });
            const report = await handler({ timeoutMs: TIMEOUT_MS }, context);
            expect(report.function).to.deep.equal({
                name: "app-diagnostics",
                version: "$LATEST",
                arn: context.invokedFunctionArn,
                requestId: context.awsRequestId,
                memoryLimitInMB: 128,
                logGroupName: null,
                logStreamName: null,
            });
            expect(report.config).to.deep.include({ pattern: "Isolated", region: REGION, vpcCidrBlocks: ["10.0.0.0/16"], addressRanges: "vpcCidrBlocks" });
            expect(report.targets[0].tcp.ok).to.equal(true);
            expect(Date.parse(report.startedAt)).to.be.a("number").and.not.NaN;
            expect(report.durationMs).to.be.at.least(0);
            expect(logged).to.have.length(1);
            expect(JSON.parse(logged[0])).to.deep.equal(JSON.parse(JSON.stringify(report)));
        });

        it("returns a JSON-serialisable report that survives a round trip unchanged", async () => {
            process.env[CONFIG_ENV] = JSON.stringify({ pattern: "Isolated", targets: [{ host: "127.0.0.1", port: listenerPort }] });
            const report = await handler({ timeoutMs: TIMEOUT_MS }, context);
            expect(JSON.parse(JSON.stringify(report))).to.deep.equal(report);
        });

        it("answers with a report naming the problem when the configuration is not JSON", async () => {
            process.env[CONFIG_ENV] = "pattern=Isolated";
            const report = await handler({ timeoutMs: TIMEOUT_MS }, context);
            expect(report.summary.ok).to.equal(false);
            expect(report.summary.problems[0]).to.contain("VPC_LAMBDA_DIAGNOSTICS is not valid JSON");
        });

        it("answers even with no configuration, no event and no context", async () => {
            delete process.env[CONFIG_ENV];
            const report = await handler(undefined);
            expect(report.summary.problems[0]).to.contain("VPC_LAMBDA_DIAGNOSTICS is not set");
            expect(report.function.name).to.equal(null);
        });

        it("never puts the credentials' values in the report or the log", async () => {
            process.env[CONFIG_ENV] = JSON.stringify({ pattern: "Isolated" });
            const report = await handler({ timeoutMs: TIMEOUT_MS }, context);
            const output = JSON.stringify(report) + logged.join("\n");
            for (const [name, value] of Object.entries(SECRETS)) {
                expect(output).to.not.contain(name);
                expect(output).to.not.contain(value);
            }
            expect(report.self?.env.AWS_REGION).to.equal(REGION);
        });
    });
});
