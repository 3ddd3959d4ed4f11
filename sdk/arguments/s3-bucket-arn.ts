import { AWS_LIMITS } from "../aws/limits";
import { oneOf } from "./problems";

/** An S3 bucket's ARN, read: the bucket, and the key prefix written after it (may be empty). */
export interface S3BucketArn {
    partition: string;
    bucket: string;
    prefix: string;
}

const ARN = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/;
const BUCKET_NAME = new RegExp(`^(?!.*\\.\\.)[a-z0-9][a-z0-9.-]{${AWS_LIMITS.s3BucketNameMinLength - 2},${AWS_LIMITS.s3BucketNameMaxLength - 2}}[a-z0-9]$`);
const BUCKET_NAME_RULE = `${AWS_LIMITS.s3BucketNameMinLength} to ${AWS_LIMITS.s3BucketNameMaxLength} lowercase letters, digits, dots and hyphens, beginning and ending with a letter or digit, with no two dots in a row`;

/**
 * Reads `arn:<partition>:s3:::<bucket>[/<prefix>]`, the `logDestination` a flow log to S3 takes;
 * or says what is wrong with it, as the rest of a sentence that starts with the value.
 */
export function parseS3BucketArn(arn: string): S3BucketArn | { problem: string } {
    const match = ARN.exec(arn);
    if (!match) {
        const hint = BUCKET_NAME.test(arn) ? `for the bucket of that name, write "arn:aws:s3:::${arn}"` : 'give the bucket\'s ARN, such as "arn:aws:s3:::my-flow-logs"';
        return { problem: `is not an ARN; ${hint}.` };
    }
    const [, partition, service, region, account, resource] = match;
    if (!(AWS_LIMITS.partitions as readonly string[]).includes(partition)) {
        return { problem: `names the partition ${JSON.stringify(partition)}; allowed: ${oneOf(AWS_LIMITS.partitions)}.` };
    }
    if (service !== "s3") {
        return { problem: `is the ARN of ${service ? `a ${service} resource` : "no service"}, not of an S3 bucket; give one such as "arn:${partition}:s3:::my-flow-logs".` };
    }
    if (region !== "" || account !== "") {
        // Access points and S3 on Outposts have them; a flow log takes a bucket.
        return { problem: `has a region or an account; an S3 bucket's ARN has neither: "arn:${partition}:s3:::<bucket>".` };
    }
    const slash = resource.indexOf("/");
    const bucket = slash < 0 ? resource : resource.slice(0, slash);
    const prefix = slash < 0 ? "" : resource.slice(slash + 1);
    if (bucket === "") {
        return { problem: `names no bucket; write it after "arn:${partition}:s3:::", such as "arn:${partition}:s3:::my-flow-logs".` };
    }
    if (!BUCKET_NAME.test(bucket)) {
        return { problem: `names the bucket ${JSON.stringify(bucket)}, which is not a bucket name; S3 allows ${BUCKET_NAME_RULE}.` };
    }
    if (prefix.split("/").includes(AWS_LIMITS.flowLogReservedS3Folder)) {
        return { problem: `uses ${JSON.stringify(AWS_LIMITS.flowLogReservedS3Folder)} as a folder of its prefix, which AWS reserves for the folders it writes under the prefix; choose another prefix.` };
    }
    return { partition, bucket, prefix };
}
