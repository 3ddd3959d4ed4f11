import { expect } from "chai";
import { kmsKeyProblem, parseKmsKeyArn } from "../../../sdk/arguments/kms-key-arn";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY = `arn:aws:kms:us-east-1:123456789012:key/${KEY_ID}`;
const EXAMPLE = '"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"';
const NOT_THE_FORM = `is not a KMS key ARN of the form arn:<partition>:kms:<region>:<12-digit account>:key/<key id>, such as ${EXAMPLE}.`;

describe("validation: what parseKmsKeyArn reads from a KMS key ARN", () => {
    it("the partition, the Region, the account and the key id after key/", () => {
        expect(parseKmsKeyArn(KEY)).to.deep.equal({ partition: "aws", region: "us-east-1", accountId: "123456789012", keyId: KEY_ID });
    });

    it("a multi-Region key in a Region of three parts, in the GovCloud partition", () => {
        const mrk = "mrk-0123456789abcdef0123456789abcdef";
        expect(parseKmsKeyArn(`arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/${mrk}`)).to.deep.equal({
            partition: "aws-us-gov",
            region: "us-gov-west-1",
            accountId: "123456789012",
            keyId: mrk,
        });
    });
});

describe("validation: parseKmsKeyArn, what it refuses and how it says so", () => {
    it("text that is not an ARN, showing the form it takes", () => {
        expect(parseKmsKeyArn("my-key")).to.deep.equal({ problem: `is not an ARN; CloudWatch Logs takes the key's ARN, such as ${EXAMPLE} (an aws.kms.Key's arn output).` });
    });

    it("text around an ARN, and an ARN with a second line", () => {
        for (const arn of [` ${KEY}`, `x${KEY}`, `${KEY}\nextra`]) {
            expect(parseKmsKeyArn(arn), JSON.stringify(arn)).to.deep.equal({ problem: `is not an ARN; CloudWatch Logs takes the key's ARN, such as ${EXAMPLE} (an aws.kms.Key's arn output).` });
        }
    });

    it("a bare key id, by that name, and not text that merely holds one", () => {
        expect(parseKmsKeyArn(KEY_ID)).to.deep.equal({ problem: `is a bare key id; CloudWatch Logs takes the key's ARN, such as ${EXAMPLE} (an aws.kms.Key's arn output).` });
        for (const text of [`x${KEY_ID}`, `${KEY_ID}x`]) {
            expect(parseKmsKeyArn(text), text).to.deep.equal({ problem: `is not an ARN; CloudWatch Logs takes the key's ARN, such as ${EXAMPLE} (an aws.kms.Key's arn output).` });
        }
    });

    it("a partition other than aws, aws-cn and aws-us-gov", () => {
        expect(parseKmsKeyArn(`arn:aws-iso:kms:us-iso-east-1:123456789012:key/${KEY_ID}`)).to.deep.equal({
            problem: 'names the partition "aws-iso"; allowed: "aws", "aws-cn", "aws-us-gov".',
        });
    });

    it("an ARN with no service", () => {
        expect(parseKmsKeyArn(`arn:aws::us-east-1:123456789012:key/${KEY_ID}`)).to.deep.equal({ problem: `is the ARN of no service, not of a KMS key; give one such as ${EXAMPLE}.` });
    });

    it("a Region that is not one, however close", () => {
        for (const region of ["us-east", "xus-east-1", "us-east-1x", "US-EAST-1", "useast-1"]) {
            expect(parseKmsKeyArn(`arn:aws:kms:${region}:123456789012:key/${KEY_ID}`), region).to.deep.equal({ problem: NOT_THE_FORM });
        }
    });

    it("an account that is not 12 digits", () => {
        for (const account of ["12345678901", "1234567890123", "x123456789012", "123456789012x"]) {
            expect(parseKmsKeyArn(`arn:aws:kms:us-east-1:${account}:key/${KEY_ID}`), account).to.deep.equal({ problem: NOT_THE_FORM });
        }
    });

    it("a resource other than key/, even with a key id after its slash", () => {
        expect(parseKmsKeyArn(`arn:aws:kms:us-east-1:123456789012:xyz/${KEY_ID}`)).to.deep.equal({ problem: NOT_THE_FORM });
    });

    it("a key id that is not a UUID or mrk- and 32 hexadecimal digits", () => {
        for (const keyId of ["flow-logs", `x${KEY_ID}`, `${KEY_ID}x`, "mrk-0123"]) {
            expect(parseKmsKeyArn(`arn:aws:kms:us-east-1:123456789012:key/${keyId}`), keyId).to.deep.equal({ problem: NOT_THE_FORM });
        }
    });
});

describe("validation: kmsKeyProblem, the key CloudWatch Logs would refuse for the log group", () => {
    it("has none for a well-formed key in the log group's Region", () => {
        expect(kmsKeyProblem("app", KEY, "us-east-1")).to.equal(undefined);
    });

    it("names the component, the field and the value of a key ARN that is malformed", () => {
        expect(kmsKeyProblem("app", "alias/flow-logs", "us-east-1")).to.equal(
            `VpcLambdaNetwork "app": flowLogs.kmsKeyId "alias/flow-logs" is an alias; CloudWatch Logs takes the key's ARN, such as ${EXAMPLE} (an aws.kms.Key's arn output).`,
        );
    });

    it("refuses a key of another Region, naming both Regions", () => {
        expect(kmsKeyProblem("app", KEY, "eu-west-1")).to.equal(
            `VpcLambdaNetwork "app": flowLogs.kmsKeyId "${KEY}" is a key in us-east-1, but the flow log's ` +
                "log group is in eu-west-1; CloudWatch Logs encrypts a log group only with a key of its own Region. Give a key made in eu-west-1.",
        );
    });
});
