import { expect } from "chai";
import { NetworkGraph } from "../../../sdk/network/network-graph";
import { natStack, T, withSecretsEndpoint } from "../reachability/stack";

describe("the network model: endpoints", () => {
    it("reads an interface endpoint's service, subnets and the groups it names", () => {
        const [endpoint] = new NetworkGraph(withSecretsEndpoint(natStack(), true).resources).endpoints;
        expect(endpoint).to.deep.include({ name: "secrets-endpoint", service: "secretsmanager", type: "Interface", vpcId: "vpc-id", subnetIds: ["private-id"], securityGroupIds: ["endpoint-sg-id"] });
    });

    it("gives an interface endpoint naming no group its VPC's default group, as AWS does: the one the stack adopts", () => {
        const stack = withSecretsEndpoint(natStack(), true).set("secrets-endpoint", { securityGroupIds: undefined }).add(T.defaultSecurityGroup, "default-sg", { vpcId: "vpc-id" });
        expect(new NetworkGraph(stack.resources).endpoints[0].securityGroupIds).to.deep.equal(["default-sg-id"]);
    });

    it("gives it, without an adopted one, the VPC's defaultSecurityGroupId; none when the stack does not show it", () => {
        const stack = withSecretsEndpoint(natStack(), true).set("secrets-endpoint", { securityGroupIds: undefined });
        expect(new NetworkGraph(stack.resources).endpoints[0].securityGroupIds).to.deep.equal([]);
        stack.get("vpc").outputs = { defaultSecurityGroupId: "sg-0default" };
        expect(new NetworkGraph(stack.resources).endpoints[0].securityGroupIds).to.deep.equal(["sg-0default"]);
    });

    it("takes an endpoint without vpcEndpointType for a Gateway endpoint, the provider's default", () => {
        const stack = natStack().add(T.vpcEndpoint, "s3", { vpcId: "vpc-id", serviceName: "com.amazonaws.us-east-1.s3", routeTableIds: ["private-rt-id"] });
        expect(new NetworkGraph(stack.resources).endpoints[0]).to.deep.include({ type: "Gateway", service: "s3", routeTableIds: ["private-rt-id"], securityGroupIds: [] });
    });
});
