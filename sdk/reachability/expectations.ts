// The expected matrix of one function, short enough for an environment variable (Lambda's are
// 4 KB in all): what the diagnostics function, which runs where the functions run, compares
// with what it finds. One entry per destination, space-separated:
//
//   i4=R  i6=B:subnet  s:sts=B:route  s:s3=R  g:sg-0123456789abcdef0:5432=U
//
// i4 / i6: the internet over IPv4 / IPv6; s:<service>; g:<security group id>:<port>. R reachable,
// U unknown, B:<hop> blocked at that hop (the model's hop kinds).
import { Destination, HopKind, Reachability, Verdict } from "./types";

export interface Expectation {
    destination: Destination;
    verdict: Verdict;
    /** The hop expected to block, for a blocked one. */
    blockedAt?: HopKind;
}

export function encodeExpectations(cells: readonly Reachability[]): string {
    return cells.map((cell) => `${destinationCode(cell.destination)}=${cell.verdict === "reachable" ? "R" : cell.verdict === "unknown" ? "U" : `B:${cell.blockedAt!.hop}`}`).join(" ");
}

export function decodeExpectations(text: string): Expectation[] {
    return text
        .split(" ")
        .filter((entry) => entry !== "")
        .map((entry) => {
            const at = entry.lastIndexOf("=");
            const [code, verdict] = [entry.slice(0, at), entry.slice(at + 1)];
            const destination = destinationOf(code);
            if (verdict === "R" || verdict === "U") {
                return { destination, verdict: verdict === "R" ? "reachable" : "unknown" };
            }
            if (!verdict.startsWith("B:")) {
                throw new Error(`"${entry}" is not an expectation: it ends in =R, =U or =B:<hop>`);
            }
            return { destination, verdict: "blocked", blockedAt: verdict.slice(2) as HopKind };
        });
}

function destinationCode(destination: Destination): string {
    switch (destination.kind) {
        case "internet":
            return `i${destination.ipVersion}`;
        case "service":
            return `s:${destination.service}`;
        case "securityGroup":
            return `g:${destination.securityGroupId}:${destination.port}`;
    }
}

function destinationOf(code: string): Destination {
    if (code === "i4" || code === "i6") {
        return { kind: "internet", ipVersion: code === "i4" ? 4 : 6 };
    }
    if (code.startsWith("s:")) {
        return { kind: "service", service: code.slice(2) };
    }
    const group = /^g:(.+):(\d+)$/.exec(code);
    if (group) {
        return { kind: "securityGroup", securityGroupId: group[1], port: Number(group[2]) };
    }
    throw new Error(`"${code}" is not a destination: i4, i6, s:<service> or g:<security group id>:<port>`);
}
