// One connection per execution environment, opened outside the handler and reused across
// invocations, with short connect/read timeouts so that a network problem fails fast instead
// of running into the function's own timeout.
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import mysql from "mysql2/promise";

const secrets = new SecretsManagerClient({});
let connection;

async function getConnection() {
    if (connection) {
        return connection;
    }
    const secret = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
    const { username, password } = JSON.parse(secret.SecretString);
    connection = await mysql.createConnection({
        host: process.env.DB_HOST,
        user: username,
        password,
        database: process.env.DB_NAME,
        connectTimeout: 5000,
    });
    // If the connection dies between invocations, open a fresh one next time.
    connection.on("error", () => {
        connection = undefined;
    });
    return connection;
}

export async function handler() {
    try {
        const db = await getConnection();
        const [rows] = await db.query({ sql: "SELECT NOW() AS now", timeout: 5000 });
        return { statusCode: 200, body: JSON.stringify(rows[0]) };
    } catch (error) {
        connection = undefined;
        throw error;
    }
}
