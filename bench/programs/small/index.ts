// The small network of `npm run bench`: Isolated, one Availability Zone.
import { NetworkPattern, VpcLambdaNetwork } from "pulumi-vpc-lambda";

const net = new VpcLambdaNetwork("small", {
    pattern: NetworkPattern.Isolated,
    numberOfAvailabilityZones: 1,
});

export const vpcId = net.vpcId;
