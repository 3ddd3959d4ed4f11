/**
 * The AWS rules and quotas this package designs against, in one place, so no other file
 * hard-codes a number. Each entry cites where the fact comes from; the collected facts
 * live in `shared/AWS-FACTS.md` of the project (checked 2026-11-25).
 */
export const AWS_LIMITS = {
    /** IPv4 VPC and subnet CIDRs range from /16 to /28 (Amazon VPC user guide, "VPC CIDR blocks"). */
    minPrefixLength: 16,
    maxPrefixLength: 28,
    /** An Amazon-provided IPv6 block is a /56 per VPC; each subnet's IPv6 block is a /64. */
    ipv6VpcPrefixLength: 56,
    ipv6SubnetPrefixLength: 64,
    /** AWS reserves the first four and the last address of every subnet. */
    reservedAddressesPerSubnet: 5,
    /** `aws.lambda.Function.vpcConfig` takes at most 16 subnets and 5 security groups. */
    lambdaMaxSubnets: 16,
    lambdaMaxSecurityGroups: 5,
    /** A function's environment variables total at most 4 KB (Lambda quotas). */
    lambdaEnvironmentBytes: 4096,
    /** Lambda Hyperplane ENIs per VPC (shared with EFS). */
    lambdaEnisPerVpc: 500,
    /** One Hyperplane ENI carries up to 65,000 connections before Lambda adds another. */
    connectionsPerHyperplaneEni: 65_000,
    /** Interface endpoints per VPC (Amazon VPC quotas). */
    interfaceEndpointsPerVpc: 50,
    /** Gateway endpoints per Region (per VPC the quota is 255). */
    gatewayEndpointsPerRegion: 20,
    /**
     * The longest VPC endpoint policy, in characters including white space; not adjustable
     * (AWS PrivateLink guide, "AWS PrivateLink quotas", Characters per VPC endpoint policy; and
     * "Control access to VPC endpoints using endpoint policies", Considerations).
     */
    endpointPolicyMaxCharacters: 20_480,
    /** NAT gateways per Availability Zone. */
    natGatewaysPerAz: 5,
    /** Inbound or outbound rules per security group (Amazon VPC quotas, default). */
    rulesPerSecurityGroupDirection: 60,
    /**
     * The retention periods CloudWatch Logs accepts (PutRetentionPolicy API reference);
     * 0 is the provider's way to say "never expire".
     */
    logRetentionDays: [0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653],
    /** A flow log aggregates records over 60 s or 600 s (the default). */
    flowLogAggregationIntervals: [60, 600],
    /**
     * The partitions an S3 bucket ARN may name here (`arn:<partition>:s3:::<bucket>`): AWS's
     * commercial regions, China and GovCloud (US).
     */
    partitions: ["aws", "aws-cn", "aws-us-gov"],
    /**
     * S3 general purpose bucket names: 3 to 63 lowercase letters, digits, dots and hyphens,
     * beginning and ending with a letter or digit, no two dots in a row (Amazon S3 user guide,
     * "Bucket naming rules"; buckets made in us-east-1 before March 2018 may be named otherwise).
     */
    s3BucketNameMinLength: 3,
    s3BucketNameMaxLength: 63,
    /**
     * A flow log's S3 prefix may not be `AWSLogs`: AWS reserves it for the folders it writes
     * under the prefix (CreateFlowLogs API reference, LogDestination).
     */
    flowLogReservedS3Folder: "AWSLogs",
    /** The only services with gateway endpoints; they are free. */
    gatewayEndpointServices: ["s3", "dynamodb"],
    /**
     * Pulumi names a resource it auto-names `<resource name>-<7 random characters>`: 8 characters
     * beyond the Pulumi name count against the AWS limit (Pulumi docs, "Resource names: autonaming").
     */
    autoNameSuffixLength: 8,
    /**
     * The AWS names the component's resources get from their Pulumi names, by kind: the longest
     * name AWS accepts and the characters it allows (as a regular-expression character class).
     */
    physicalNames: {
        /** IAM CreateRole (terraform-provider-aws internal/service/iam/validate.go, role.go roleNameMaxLen). */
        iamRole: { label: "IAM role", maxLength: 64, characters: "A-Za-z0-9+=,.@_-", allowed: "letters, digits and + = , . @ _ -" },
        /** IAM CreatePolicy: the same characters as a role, up to 128. */
        iamPolicy: { label: "IAM policy", maxLength: 128, characters: "A-Za-z0-9+=,.@_-", allowed: "letters, digits and + = , . @ _ -" },
        /** EC2 CreateSecurityGroup, GroupName (the same rule holds for its description). */
        securityGroup: {
            label: "security group",
            maxLength: 255,
            characters: "A-Za-z0-9. _:/()#,@\\[\\]+=&;{}!$*-",
            allowed: "letters, digits, spaces and . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *",
        },
        /** CloudWatch Logs CreateLogGroup, logGroupName. */
        logGroup: { label: "log group", maxLength: 512, characters: "A-Za-z0-9._/#-", allowed: "letters, digits and . _ - / #" },
        /** Lambda CreateFunction, FunctionName: a bare name is at most 64 of [a-zA-Z0-9-_]. */
        lambdaFunction: { label: "Lambda function", maxLength: 64, characters: "A-Za-z0-9_-", allowed: "letters, digits and _ -" },
    },
    /** Tag keys: up to 128 characters, and the `aws:` prefix is reserved. */
    tagKeyMaxLength: 128,
    tagValueMaxLength: 256,
    /** The longest id EC2 gives a security group: `sg-` and 17 characters (8 or 17 after the hyphen: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html). */
    securityGroupIdMaxLength: 20,
} as const;
