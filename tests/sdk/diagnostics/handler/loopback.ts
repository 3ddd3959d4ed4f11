// Real servers on loopback for the diagnostics handler's probes: listeners, closed ports, a
// lookup that answers from a table, and throwaway certificates.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import type { Lookup } from "../../../../sdk/diagnostics/handler/index";

/** A lookup that answers from a table, like a resolver with private hosted zones. */
export function lookupFrom(table: Record<string, string[]>): Lookup {
    return async (hostname) => {
        const addresses = table[hostname];
        if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
        return addresses.map((address) => ({ address, family: net.isIP(address) }));
    };
}

export const neverAnswers: Lookup = () => new Promise(() => undefined);

export async function listen(server: net.Server, host = "127.0.0.1"): Promise<number> {
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, host, resolve));
    return (server.address() as net.AddressInfo).port;
}

export async function close(server: net.Server): Promise<void> {
    await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A port that was just free: listened on, noted, closed. */
export async function closedPort(): Promise<number> {
    const server = net.createServer();
    const port = await listen(server);
    await close(server);
    return port;
}

/** A throwaway self-signed certificate for `hostname`, made at test time (no key is committed). */
export function selfSignedCertificate(hostname: string): { key: string; cert: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-diag-"));
    try {
        const keyFile = path.join(dir, "key.pem");
        const certFile = path.join(dir, "cert.pem");
        execFileSync(
            "openssl",
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", `/CN=${hostname}`, "-addext", `subjectAltName=DNS:${hostname}`, "-keyout", keyFile, "-out", certFile],
            { stdio: "ignore" },
        );
        return { key: fs.readFileSync(keyFile, "utf8"), cert: fs.readFileSync(certFile, "utf8") };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/**
 * Accepts TCP and then says nothing: a TLS client waits for a ServerHello that never comes.
 * `close` ends the connections it holds, then the server.
 */
export function silentServer(): { server: net.Server; close: () => Promise<void> } {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((socket) => {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
    });
    return {
        server,
        close: async () => {
            for (const socket of sockets) socket.destroy();
            await close(server);
        },
    };
}
