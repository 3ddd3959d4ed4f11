// The client is created once per execution environment; the short connect timeout turns a
// missing endpoint (a call with no route out) into a clear error instead of a function timeout.
import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";

const sqs = new SQSClient({ maxAttempts: 2, requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 } });

export async function handler(event) {
    const { MessageId } = await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify(event ?? {}) }));
    return { statusCode: 202, body: JSON.stringify({ messageId: MessageId }) };
}
