// Clients are created once per execution environment and reused across invocations. Timeouts
// are short on purpose: in a VPC, a call to a service without an endpoint does not fail, it
// hangs until the function times out; a 1 s connect timeout turns that into a clear error.
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

const clientOptions = { maxAttempts: 2, requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 } };
const dynamodb = new DynamoDBClient(clientOptions);
const secrets = new SecretsManagerClient(clientOptions);

// The API key is cached for a few minutes: a rotated key is picked up without a call per invocation.
const API_KEY_TTL_MS = 5 * 60 * 1000;
let apiKey;
let apiKeyFetchedAt = 0;

async function getApiKey() {
    if (apiKey === undefined || Date.now() - apiKeyFetchedAt > API_KEY_TTL_MS) {
        const secret = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.API_KEY_SECRET_ARN }));
        apiKey = secret.SecretString;
        apiKeyFetchedAt = Date.now();
    }
    return apiKey;
}

export async function handler(event) {
    const orderId = event?.orderId;
    if (typeof orderId !== "string" || orderId === "") {
        return { statusCode: 400, body: JSON.stringify({ error: "orderId (a string) is required" }) };
    }
    const [key, order] = await Promise.all([
        getApiKey(),
        dynamodb.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { orderId: { S: orderId } } })),
    ]);
    // The key itself is never returned or logged.
    return { statusCode: order.Item ? 200 : 404, body: JSON.stringify({ orderId, found: Boolean(order.Item), apiKeyLoaded: Boolean(key) }) };
}
