// The expected matrix of one function, short enough for an environment variable (Lambda's are
// 4 KB in all): what the diagnostics function, which runs where the functions run, compares
// with what it finds. One entry per destination, space-separated:
//
//   i4=R  i6=B:subnet  s:sts=B:route  s:s3=R  g:sg-0123456789abcdef0:5432=U
//
// i4 / i6: the internet over IPv4 / IPv6; s:<service>; g:<security group id>:<port>. R reachable,
// U unknown, B:<hop> blocked at that hop (the model's hop kinds). The format is the handler's
// (sdk/diagnostics/handler/expectations.js, which reads it back): its codes are written with the
// handler's own `destinationCode`.
import { destinationCode } from "./handler/expectations";
import type { Destination, Reachability } from "../reachability/types";

/** What the diagnostics function is told to expect. */
export interface EncodedExpectations {
    /** The matrix, as above. */
    matrix: string;
    /** For each destination expected to be blocked, by its code: the blocking hop's resource, and how to open it. */
    blockedHops: Record<string, [resource: string | null, fix: string]>;
}

/**
 * The cells as the diagnostics function reads them, each security group by the id `groupIdOf`
 * gives (the model names a group the component plans by its key, and an Output by a stand-in).
 */
export function encodeExpectations(cells: readonly Reachability[], groupIdOf: (modelId: string) => string = (id) => id): EncodedExpectations {
    const blockedHops: EncodedExpectations["blockedHops"] = {};
    const entries = cells.map((cell) => {
        const code = codeOf(cell.destination, groupIdOf);
        if (cell.verdict === "blocked") {
            blockedHops[code] = [cell.blockedAt!.resource ?? null, cell.fix ?? cell.blockedAt!.says];
        }
        return `${code}=${cell.verdict === "reachable" ? "R" : cell.verdict === "unknown" ? "U" : `B:${cell.blockedAt!.hop}`}`;
    });
    return { matrix: entries.join(" "), blockedHops };
}

/** The destination's code in the format, as the handler that reads it spells it. */
function codeOf(destination: Destination, groupIdOf: (modelId: string) => string): string {
    return destinationCode(destination.kind === "securityGroup" ? { kind: "securityGroup", securityGroupId: groupIdOf(destination.securityGroupId), port: destination.port } : destination);
}
