// Lambda + RDS MySQL behind NAT: the function connects to the database on 3306, and reaches
// Secrets Manager (for the database password) and the internet through its zone's NAT gateway.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { NetworkPattern, VpcLambdaNetwork } from "pulumi-vpc-lambda";

// The database's security group lives in the VPC the network creates, and the network's
// allowTo needs the group's id: a deferred output breaks that cycle without losing the
// dependency between the two.
const [dbSecurityGroupId, resolveDbSecurityGroupId] = pulumi.deferredOutput<string>();

const net = new VpcLambdaNetwork("app", {
    pattern: NetworkPattern.PrivateWithNat,
    allowTo: [{ securityGroupId: dbSecurityGroupId, port: 3306, description: "MySQL" }],
    tags: { project: "vpc-lambda-demo" },
});

const dbSecurityGroup = new aws.ec2.SecurityGroup("db-sg", {
    vpcId: net.vpcId,
    description: "MySQL, reachable from the Lambda functions only",
});
resolveDbSecurityGroupId(dbSecurityGroup.id);
new aws.vpc.SecurityGroupIngressRule("db-sg-from-lambda", {
    securityGroupId: dbSecurityGroup.id,
    referencedSecurityGroupId: net.lambdaSecurityGroupId,
    ipProtocol: "tcp",
    fromPort: 3306,
    toPort: 3306,
    description: "MySQL from the Lambda security group",
});

const dbSubnets = new aws.rds.SubnetGroup("db-subnets", { subnetIds: net.lambdaSubnetIds });
const db = new aws.rds.Instance("db", {
    engine: "mysql",
    engineVersion: "8.0",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    dbName: "app",
    username: "app",
    manageMasterUserPassword: true,
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
new aws.iam.RolePolicyAttachment("fn-logs", {
    role: role.name,
    policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole,
});
// The function must depend on this attachment: on destroy, Lambda still needs the ENI
// permissions to delete its network interfaces after the function is gone.
const eniAccess = new aws.iam.RolePolicyAttachment("fn-eni", { role: role.name, policyArn: net.eniPolicyArn });
// The secret RDS keeps the master password in (manageMasterUserPassword): the function may read
// that one secret, nothing else.
const dbSecretArn = db.masterUserSecrets.apply((secrets) => secrets[0].secretArn);
new aws.iam.RolePolicy("fn-db-secret", {
    role: role.id,
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{ Sid: "ReadDatabaseSecret", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: dbSecretArn }],
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
        // On destroy, move the function's network interfaces to a rule-less group first, so
        // the Lambda security group is not held for the ~20 minutes Lambda takes to free them.
        replaceSecurityGroupsOnDestroy: true,
        replacementSecurityGroupIds: [net.replacementSecurityGroupId],
        environment: {
            variables: {
                DB_HOST: db.address,
                DB_NAME: "app",
                DB_SECRET_ARN: dbSecretArn,
            },
        },
    },
    { dependsOn: [eniAccess] },
);

export const vpcId = net.vpcId;
export const lambdaSubnetIds = net.lambdaSubnetIds;
export const natGatewayIds = net.natGatewayIds;
export const functionName = fn.name;
export const dbEndpoint = db.endpoint;
