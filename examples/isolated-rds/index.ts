// A Lambda function and RDS PostgreSQL in an Isolated network: the subnets have no route out
// and the Lambda security group may open connections to the database only. The function signs
// in with IAM database authentication: the token is signed locally with the function's own
// credentials, so it needs neither a stored password nor a route to Secrets Manager.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { NetworkPattern, VpcLambdaNetwork } from "pulumi-vpc-lambda";

// The database role the function signs in as. Create it once, as the master user:
//   CREATE USER ledger_reader; GRANT rds_iam TO ledger_reader; GRANT SELECT ON ALL TABLES IN SCHEMA public TO ledger_reader;
const DB_USER = "ledger_reader";
const DB_PORT = 5432;

// The database's security group lives in the VPC the network creates, and the network's
// allowTo needs that group's id: a deferred output breaks the cycle and keeps the dependency.
const [dbSecurityGroupId, resolveDbSecurityGroupId] = pulumi.deferredOutput<string>();

const net = new VpcLambdaNetwork("ledger", {
    pattern: NetworkPattern.Isolated,
    allowTo: [{ securityGroupId: dbSecurityGroupId, port: DB_PORT, description: "PostgreSQL" }],
    tags: { project: "isolated-rds" },
});

const dbSecurityGroup = new aws.ec2.SecurityGroup("db-sg", {
    vpcId: net.vpcId,
    description: "PostgreSQL, reachable from the Lambda functions only",
});
resolveDbSecurityGroupId(dbSecurityGroup.id);
new aws.vpc.SecurityGroupIngressRule("db-sg-from-lambda", {
    securityGroupId: dbSecurityGroup.id,
    referencedSecurityGroupId: net.lambdaSecurityGroupId,
    ipProtocol: "tcp",
    fromPort: DB_PORT,
    toPort: DB_PORT,
    description: "PostgreSQL from the Lambda security group",
});

const dbSubnets = new aws.rds.SubnetGroup("db-subnets", { subnetIds: net.lambdaSubnetIds });
const db = new aws.rds.Instance("db", {
    engine: "postgres",
    engineVersion: "16",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    port: DB_PORT,
    dbName: "ledger",
    username: "ledger_admin",
    // The master password stays in RDS's own secret, for people; the function never reads it.
    manageMasterUserPassword: true,
    iamDatabaseAuthenticationEnabled: true,
    dbSubnetGroupName: dbSubnets.name,
    vpcSecurityGroupIds: [dbSecurityGroup.id],
    publiclyAccessible: false,
    storageEncrypted: true,
    skipFinalSnapshot: true,
});

const role = new aws.iam.Role("fn-role", {
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
});
// Log delivery to CloudWatch does not go through the VPC, so even an isolated function logs.
new aws.iam.RolePolicyAttachment("fn-logs", { role: role.name, policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole });
// The function depends on this attachment: on destroy, Lambda still needs these permissions to
// delete the function's network interfaces.
const eniAccess = new aws.iam.RolePolicyAttachment("fn-eni", { role: role.name, policyArn: net.eniPolicyArn });

// rds-db:connect for this one database user on this one instance (by its resource id, which
// survives a rename of the instance).
const partition = aws.getPartitionOutput().partition;
const region = aws.getRegionOutput().region;
const accountId = aws.getCallerIdentityOutput().accountId;
new aws.iam.RolePolicy("fn-db-connect", {
    role: role.id,
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ConnectAsLedgerReader",
                Effect: "Allow",
                Action: "rds-db:connect",
                Resource: pulumi.interpolate`arn:${partition}:rds-db:${region}:${accountId}:dbuser:${db.resourceId}/${DB_USER}`,
            },
        ],
    }),
});

const fn = new aws.lambda.Function(
    "fn",
    {
        runtime: aws.lambda.Runtime.NodeJS24dX,
        handler: "index.handler",
        role: role.arn,
        timeout: 10,
        code: new pulumi.asset.AssetArchive({ ".": new pulumi.asset.FileArchive(path.join(__dirname, "handler")) }),
        vpcConfig: net.vpcConfig,
        replaceSecurityGroupsOnDestroy: true,
        replacementSecurityGroupIds: [net.replacementSecurityGroupId],
        environment: {
            variables: {
                DB_HOST: db.address,
                DB_PORT: String(DB_PORT),
                DB_NAME: "ledger",
                DB_USER,
                // IAM authentication requires TLS; Lambda's Node.js 20+ runtimes load the Amazon
                // (RDS) certificate authorities only when asked to.
                NODE_EXTRA_CA_CERTS: "/var/runtime/ca-cert.pem",
            },
        },
    },
    { dependsOn: [eniAccess] },
);

export const vpcId = net.vpcId;
export const lambdaSubnetIds = net.lambdaSubnetIds;
export const functionName = fn.name;
export const dbAddress = db.address;
