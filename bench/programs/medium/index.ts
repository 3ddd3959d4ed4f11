// The medium network of `npm run bench`: the default PrivateWithNat pattern in two Availability
// Zones, with three interface endpoints.
import { NetworkPattern, VpcLambdaNetwork } from "pulumi-vpc-lambda";

const net = new VpcLambdaNetwork("medium", {
    pattern: NetworkPattern.PrivateWithNat,
    numberOfAvailabilityZones: 2,
    interfaceEndpoints: ["secretsmanager", "sts", "sqs"],
});

export const vpcId = net.vpcId;
