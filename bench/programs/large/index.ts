// The large network of `npm run bench`: six Availability Zones with one NAT gateway each, twenty
// interface endpoints, dual stack and the diagnostics function.
import { NatGatewayStrategy, NetworkPattern, VpcLambdaNetwork } from "pulumi-vpc-lambda";

const net = new VpcLambdaNetwork("large", {
    pattern: NetworkPattern.PrivateWithNat,
    numberOfAvailabilityZones: 6,
    natGateways: { strategy: NatGatewayStrategy.OnePerAz },
    interfaceEndpoints: [
        "secretsmanager", "ssm", "ssmmessages", "sts", "kms", "sqs", "sns", "lambda", "ecr.api", "ecr.dkr",
        "xray", "logs", "monitoring", "events", "states", "kinesis-streams", "elasticloadbalancing", "ec2", "rds", "execute-api",
    ],
    dualStack: true,
    diagnostics: { enabled: true },
});

export const vpcId = net.vpcId;
