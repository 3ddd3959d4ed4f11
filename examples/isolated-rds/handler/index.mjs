// One connection per execution environment, opened outside the handler on first use and reused
// across invocations. Each new connection signs a fresh IAM token (valid 15 minutes, and only
// needed to connect); timeouts are short so that a network problem fails fast instead of running
// into the function's own timeout.
import { Signer } from "@aws-sdk/rds-signer";
import pg from "pg";

const { DB_HOST, DB_PORT, DB_NAME, DB_USER } = process.env;
const signer = new Signer({ hostname: DB_HOST, port: Number(DB_PORT), username: DB_USER });
let client;

async function getClient() {
    if (client) {
        return client;
    }
    const fresh = new pg.Client({
        host: DB_HOST,
        port: Number(DB_PORT),
        database: DB_NAME,
        user: DB_USER,
        password: () => signer.getAuthToken(),
        ssl: { rejectUnauthorized: true },
        connectionTimeoutMillis: 3000,
        query_timeout: 5000,
        statement_timeout: 5000,
    });
    // A connection that dies between invocations is replaced on the next one.
    fresh.on("error", () => {
        client = undefined;
    });
    await fresh.connect();
    client = fresh;
    return client;
}

export async function handler() {
    try {
        const db = await getClient();
        const { rows } = await db.query("SELECT now() AS now, current_user AS signed_in_as");
        return { statusCode: 200, body: JSON.stringify(rows[0]) };
    } catch (error) {
        client = undefined;
        throw error;
    }
}
