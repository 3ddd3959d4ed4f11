// Reads a station's daily observations from NOAA's public data set and the station list from the
// account's own bucket, and queues one message per observation. Every call goes through a VPC
// endpoint: the S3 gateway endpoint (whose policy allows the account's bucket and, as its one
// exception, reading the data set of another account) and the SQS interface endpoint (whose
// policy allows only the account's principals, to the account's queues). A call the endpoint
// policy does not allow fails at once with AccessDenied, not with a timeout.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";

const clientOptions = { maxAttempts: 2, requestHandler: { connectionTimeout: 1000, requestTimeout: 5000 } };
const s3 = new S3Client(clientOptions);
const sqs = new SQSClient(clientOptions);

async function text(bucket, key) {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return object.Body.transformToString();
}

export async function handler(event) {
    const station = event?.station;
    if (typeof station !== "string" || !/^[A-Z0-9]{11}$/.test(station)) {
        return { statusCode: 400, body: JSON.stringify({ error: "station (an 11-character GHCN station id) is required" }) };
    }
    const stations = await text(process.env.STATIONS_BUCKET, "stations.txt");
    if (!stations.split("\n").includes(station)) {
        return { statusCode: 404, body: JSON.stringify({ station, tracked: false }) };
    }
    const observations = (await text(process.env.DATASET_BUCKET, `csv/by_station/${station}.csv`)).trim().split("\n").slice(-7);
    for (const line of observations) {
        await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify({ station, line }) }));
    }
    return { statusCode: 200, body: JSON.stringify({ station, queued: observations.length }) };
}
