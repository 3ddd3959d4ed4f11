// @ts-check
"use strict";
/**
 * The live check: the reachability the component predicted for the network's functions before
 * deploy (sdk/diagnostics/expectations.ts writes it), read back and compared, destination by
 * destination, with what the probes found from inside the network.
 *
 *   i4=R i6=B:subnet s:sts=R g:sg-0123456789abcdef0:5432=U
 *
 * i4 / i6: the internet over IPv4 / IPv6; s:<service>; g:<security group id>:<port>. R reachable,
 * U unknown, B:<hop> blocked at that hop.
 *
 * What a probe observes: a connection made, or refused by the host (the way there is open,
 * nothing listens), is `reachable`; a name that does not resolve, a connection that times out or
 * is reset by the network, a TLS answer that is not the service's, is `blocked`. A destination no
 * probe reaches is `not probed`, with the reason, never "as predicted".
 */

/** @typedef {import("./types").DiagnosticsConfig} DiagnosticsConfig */
/** @typedef {import("./types").Destination} Destination */
/** @typedef {import("./types").Expectation} Expectation */
/** @typedef {import("./types").StepResult} StepResult */
/** @typedef {import("./internet-probe").InternetReport} InternetReport */
/** @typedef {import("./service-probe").ServiceReport} ServiceReport */
/** @typedef {import("./target-probe").TargetReport} TargetReport */

/**
 * One destination: what was predicted, what was observed, and whether they agree.
 * @typedef {object} ReachabilityCheck
 * @property {Destination} destination
 * @property {{ verdict: "reachable" | "blocked" | "unknown", blockedAt?: { hop: string, resource: string | null, fix: string | null } }} predicted
 * @property {"reachable" | "blocked" | null} observed null when no probe reached it
 * @property {"as predicted" | "differs" | "observed only" | "not probed"} comparison `observed only`: the model could not tell, the probe did
 * @property {string} evidence what the probe saw, or why there was none
 */

/** @typedef {{ observed: "reachable" | "blocked" | null, evidence: string }} Observation */

/**
 * The expected matrix, read from its text; each entry that cannot be read becomes a problem.
 * @param {string} text
 * @returns {{ expectations: Expectation[], problems: string[] }}
 */
function decodeExpectations(text) {
    /** @type {Expectation[]} */
    const expectations = [];
    /** @type {string[]} */
    const problems = [];
    for (const entry of text.split(" ").filter((e) => e !== "")) {
        const at = entry.lastIndexOf("=");
        const destination = at > 0 ? destinationOf(entry.slice(0, at)) : null;
        const verdict = entry.slice(at + 1);
        if (at <= 0 || destination === null) {
            problems.push(`"${entry}" names no destination: i4, i6, s:<service> or g:<security group id>:<port>, then =R, =U or =B:<hop>`);
        } else if (verdict === "R" || verdict === "U") {
            expectations.push({ destination, verdict: verdict === "R" ? "reachable" : "unknown" });
        } else if (/^B:[a-zA-Z]+$/.test(verdict)) {
            expectations.push({ destination, verdict: "blocked", blockedAt: verdict.slice(2) });
        } else {
            problems.push(`"${entry}" is not an expectation: it ends in =R, =U or =B:<hop>`);
        }
    }
    return { expectations, problems };
}

/**
 * @param {string} code
 * @returns {Destination | null}
 */
function destinationOf(code) {
    if (code === "i4" || code === "i6") return { kind: "internet", ipVersion: code === "i4" ? 4 : 6 };
    if (code.startsWith("s:") && code.length > 2) return { kind: "service", service: code.slice(2) };
    const group = /^g:(sg-[0-9a-f]+):(\d{1,5})$/.exec(code);
    if (group && Number(group[2]) >= 1 && Number(group[2]) <= 65535) return { kind: "securityGroup", securityGroupId: group[1], port: Number(group[2]) };
    return null;
}

/** @param {Destination} destination */
function destinationCode(destination) {
    switch (destination.kind) {
        case "internet":
            return `i${destination.ipVersion}`;
        case "service":
            return `s:${destination.service}`;
        case "securityGroup":
            return `g:${destination.securityGroupId}:${destination.port}`;
    }
}

/** @param {Destination} destination */
function describeDestination(destination) {
    switch (destination.kind) {
        case "internet":
            return `the internet (IPv${destination.ipVersion})`;
        case "service":
            return destination.service;
        case "securityGroup":
            return `${destination.securityGroupId}:${destination.port}`;
    }
}

/**
 * Each expected destination against what the probes observed.
 * @param {DiagnosticsConfig} config
 * @param {{ internet: InternetReport | null, services: ServiceReport[], targets: TargetReport[] }} observed
 * @returns {ReachabilityCheck[]}
 */
function compareWithExpectations(config, observed) {
    return config.expectations.map((expectation) => {
        const { destination, verdict } = expectation;
        const hop = config.blockedHops[destinationCode(destination)];
        const predicted = verdict === "blocked" ? { verdict, blockedAt: { hop: expectation.blockedAt ?? "unknown", resource: hop?.resource ?? null, fix: hop?.fix ?? null } } : { verdict };
        const observation = observe(destination, config, observed);
        const comparison = observation.observed === null ? "not probed" : verdict === "unknown" ? "observed only" : verdict === observation.observed ? "as predicted" : "differs";
        return { destination, predicted, observed: observation.observed, comparison, evidence: observation.evidence };
    });
}

/**
 * The problem line of a destination that differs from its prediction.
 * @param {ReachabilityCheck} check
 */
function differenceProblem(check) {
    const at = check.predicted.blockedAt;
    const predicted = at ? `blocked at the ${at.hop}${at.resource ? ` (${at.resource})` : ""}` : check.predicted.verdict;
    const meaning =
        check.observed === "reachable"
            ? "something the plan does not show opens the way (a route or rule added outside this stack), or the probe reached another host than the one the plan means"
            : "something the plan does not show stops it (a rule or route changed outside this stack, a network ACL, the target's own security group)";
    return `reachability ${describeDestination(check.destination)}: predicted ${predicted}, observed ${check.observed} (${check.evidence}): ${meaning}.`;
}

/**
 * @param {Destination} destination
 * @param {DiagnosticsConfig} config
 * @param {{ internet: InternetReport | null, services: ServiceReport[], targets: TargetReport[] }} observed
 * @returns {Observation}
 */
function observe(destination, config, observed) {
    switch (destination.kind) {
        case "internet":
            return observeInternet(destination.ipVersion, observed.internet);
        case "service":
            return observeService(destination.service, observed.services);
        case "securityGroup":
            return observeGroup(destination.securityGroupId, destination.port, config, observed);
    }
}

/**
 * @param {4 | 6} family
 * @param {InternetReport | null} internet
 * @returns {Observation}
 */
function observeInternet(family, internet) {
    if (!internet) return { observed: null, evidence: "the internet probe itself failed (see summary.problems)." };
    const step = family === 4 ? internet.ipv4 : internet.ipv6;
    if (step === null) {
        return { observed: null, evidence: "the network is not dual-stack, so the function sends no IPv6 traffic to try." };
    }
    if (!internet.dns.ok) {
        return { observed: null, evidence: `${internet.host} does not resolve (${internet.dns.error?.code}), so there is no address to try.` };
    }
    if (step.skipped) {
        return { observed: null, evidence: `${step.error?.message ?? `${internet.host} has no IPv${family} address`}; pass a host that has one in the event's internetHost.` };
    }
    return connection(step, `${internet.host}:${internet.port} over IPv${family}`);
}

/**
 * @param {string} service
 * @param {ServiceReport[]} services
 * @returns {Observation}
 */
function observeService(service, services) {
    const report = services.find((s) => s.service === service);
    if (!report) return { observed: null, evidence: "no probe of it ran (see summary.problems)." };
    if (report.hostname === null) return { observed: null, evidence: report.reason };
    if (!report.dns.ok) return { observed: "blocked", evidence: `${report.hostname} does not resolve (${report.dns.error?.code}).` };
    if (report.tls.ok) return { observed: "reachable", evidence: `a trusted TLS handshake with ${report.hostname} at ${report.tls.address}.` };
    if (untried(report.tls)) return { observed: null, evidence: NO_TIME_LEFT };
    if (report.tls.handshake) return { observed: "blocked", evidence: `${report.tls.address} answered TLS for ${report.hostname} with a certificate that is not the service's (${report.tls.error?.code}).` };
    return { observed: "blocked", evidence: `${report.hostname} does not complete TLS on 443 (${report.tls.error?.code}).` };
}

/**
 * A security group is observed through a target that wears it, or, for the interface endpoints'
 * group, through the services' probes that reached an endpoint inside the VPC.
 * @param {string} groupId
 * @param {number} port
 * @param {DiagnosticsConfig} config
 * @param {{ services: ServiceReport[], targets: TargetReport[] }} observed
 * @returns {Observation}
 */
function observeGroup(groupId, port, config, observed) {
    const wearing = observed.targets.filter((t) => t.securityGroupId === groupId && t.port === port);
    const resolved = wearing.find((t) => t.dns.ok);
    if (resolved) return connection(resolved.tcp, `${resolved.host}:${port}, which wears ${groupId}`);
    if (wearing.length > 0) return { observed: null, evidence: `${wearing[0].host}, which wears ${groupId}, does not resolve (${wearing[0].dns.error?.code}).` };
    if (groupId === config.endpointGroupId && port === 443) {
        const endpoints = observed.services.filter((s) => s.endpointType === "Interface" && s.inVpc === true);
        const tried = endpoints.filter((s) => !untried(s.tls));
        const answered = tried.find((s) => s.tls.handshake);
        if (answered) return { observed: "reachable", evidence: `the ${answered.service} interface endpoint, which wears ${groupId}, answered TLS at ${answered.tls.address}.` };
        if (tried.length > 0) {
            return { observed: "blocked", evidence: `no interface endpoint answered on 443 (${tried.map((s) => `${s.service}: ${s.tls.error?.code}`).join(", ")}).` };
        }
        if (endpoints.length > 0) return { observed: null, evidence: NO_TIME_LEFT };
        return { observed: null, evidence: `no interface endpoint's name resolved inside the VPC, so no probe reached ${groupId}.` };
    }
    return {
        observed: null,
        evidence: `no target says it wears ${groupId}: add { "host": "<its address>", "port": ${port}, "securityGroupId": "${groupId}" } to diagnostics.targets or to the event's targets.`,
    };
}

const NO_TIME_LEFT = "no time was left in the invocation to try any address; invoke it again with a longer Lambda timeout or a shorter timeoutMs.";

/**
 * A connect step that ran out of time before trying any address observed nothing.
 * @param {StepResult} step
 */
function untried(step) {
    return !step.ok && step.address === undefined && step.error?.code === "ETIMEDOUT";
}

/**
 * @param {StepResult} step
 * @param {string} what
 * @returns {Observation}
 */
function connection(step, what) {
    if (untried(step)) return { observed: null, evidence: NO_TIME_LEFT };
    if (step.ok) return { observed: "reachable", evidence: `connected to ${what}${step.address && !what.startsWith(step.address) ? ` at ${step.address}` : ""}.` };
    if (step.error?.code === "ECONNREFUSED") return { observed: "reachable", evidence: `${what} refused the connection: the way there is open, nothing listens on the port.` };
    return { observed: "blocked", evidence: `no connection to ${what} (${step.error?.code}).` };
}

module.exports = { decodeExpectations, destinationCode, compareWithExpectations, differenceProblem };
