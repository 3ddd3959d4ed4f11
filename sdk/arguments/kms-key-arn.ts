import { AWS_LIMITS } from "../aws/limits";
import { oneOf } from "./problems";

/** A KMS key's ARN, read. */
export interface KmsKeyArn {
    partition: string;
    region: string;
    accountId: string;
    keyId: string;
}

const ARN = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/;
// A key id is a UUID, or `mrk-` and 32 hexadecimal digits for a multi-Region key (KMS developer guide, "Key identifiers").
const KEY_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const EXAMPLE = '"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"';

/**
 * Reads `arn:<partition>:kms:<region>:<account>:key/<key id>`, the only form a log group's
 * `kmsKeyId` takes (CloudWatch Logs AssociateKmsKey API reference: "the Amazon Resource Name
 * (ARN) of the KMS key"), or says what is wrong with it, as the rest of a sentence that starts
 * with the value. An alias, an alias ARN or a bare key id are refused by CloudWatch Logs.
 */
export function parseKmsKeyArn(arn: string): KmsKeyArn | { problem: string } {
    const match = ARN.exec(arn);
    if (!match) {
        const what = arn.startsWith("alias/") ? "an alias" : KEY_ID.test(arn) ? "a bare key id" : "not an ARN";
        return { problem: `is ${what}; CloudWatch Logs takes the key's ARN, such as ${EXAMPLE} (an aws.kms.Key's arn output).` };
    }
    const [, partition, service, region, accountId, resource] = match;
    if (!(AWS_LIMITS.partitions as readonly string[]).includes(partition)) {
        return { problem: `names the partition ${JSON.stringify(partition)}; allowed: ${oneOf(AWS_LIMITS.partitions)}.` };
    }
    if (service !== "kms") {
        return { problem: `is the ARN of ${service ? `a ${service} resource` : "no service"}, not of a KMS key; give one such as ${EXAMPLE}.` };
    }
    if (resource.startsWith("alias/")) {
        return { problem: `is an alias ARN; CloudWatch Logs takes the key's own ARN (arn:${partition}:kms:${region}:${accountId}:key/<key id>), which an alias does not stand for there.` };
    }
    if (!REGION.test(region) || !/^\d{12}$/.test(accountId) || !resource.startsWith("key/") || !KEY_ID.test(resource.slice("key/".length))) {
        return { problem: `is not a KMS key ARN of the form arn:<partition>:kms:<region>:<12-digit account>:key/<key id>, such as ${EXAMPLE}.` };
    }
    return { partition, region, accountId, keyId: resource.slice("key/".length) };
}

/**
 * Why CloudWatch Logs would refuse the key for a log group in `region`, as a sentence; undefined
 * when the ARN is well formed and in that region. A log group can only be encrypted with a key of
 * its own Region (CloudWatch Logs user guide, "Encrypt log data in CloudWatch Logs using AWS KMS").
 */
export function kmsKeyProblem(componentName: string, arn: string, region: string): string | undefined {
    const parsed = parseKmsKeyArn(arn);
    if ("problem" in parsed) {
        return `VpcLambdaNetwork "${componentName}": flowLogs.kmsKeyId ${JSON.stringify(arn)} ${parsed.problem}`;
    }
    if (parsed.region !== region) {
        return (
            `VpcLambdaNetwork "${componentName}": flowLogs.kmsKeyId ${JSON.stringify(arn)} is a key in ${parsed.region}, but the flow log's ` +
            `log group is in ${region}; CloudWatch Logs encrypts a log group only with a key of its own Region. Give a key made in ${region}.`
        );
    }
    return undefined;
}
