import { expect } from "chai";
import { privateDnsOf, vpcDnsOf } from "../../../sdk/network/dns";
import { NetworkGraph } from "../../../sdk/network/network-graph";
import { natStack, Stack, T, UNKNOWN, withSecretsEndpoint } from "../reachability/stack";

describe("the network model: DNS in a VPC", () => {
    it("reads a VPC's DNS attributes, DNS hostnames off by default on aws.ec2.Vpc", () => {
        const graph = new NetworkGraph(natStack().set("vpc", { enableDnsHostnames: undefined }).resources);
        expect(vpcDnsOf(graph, "vpc-id")).to.deep.equal({ support: true, hostnames: false });
    });

    it("takes both attributes as on in a default VPC", () => {
        const graph = new NetworkGraph(new Stack().add(T.defaultVpc, "default-vpc", {}).resources);
        expect(vpcDnsOf(graph, "default-vpc-id")).to.deep.equal({ support: true, hostnames: true });
    });

    it("knows no attribute of a VPC the stack does not create, and marks one not known yet", () => {
        const graph = new NetworkGraph(natStack().set("vpc", { enableDnsSupport: UNKNOWN }).resources);
        expect(vpcDnsOf(graph, "vpc-0123456789abcdef0")).to.equal(undefined);
        expect(vpcDnsOf(graph, "vpc-id")).to.deep.equal({ support: "unknown", hostnames: true });
    });

    it("reads an endpoint's private DNS: off by default, on by its own flag or by an aws.vpc.EndpointPrivateDns", () => {
        const off = withSecretsEndpoint(natStack(), false);
        expect(privateDnsOf(new NetworkGraph(off.resources), "secrets-endpoint-id")).to.equal(false);
        expect(privateDnsOf(new NetworkGraph(withSecretsEndpoint(natStack(), true).resources), "secrets-endpoint-id")).to.equal(true);
        off.add(T.endpointPrivateDns, "private-dns", { vpcEndpointId: "secrets-endpoint-id", privateDnsEnabled: true });
        expect(privateDnsOf(new NetworkGraph(off.resources), "secrets-endpoint-id")).to.equal(true);
    });

    it("cannot tell an endpoint's private DNS while an aws.vpc.EndpointPrivateDns that may turn it on is not known yet", () => {
        const stack = withSecretsEndpoint(natStack(), false).add(T.endpointPrivateDns, "private-dns", { vpcEndpointId: "secrets-endpoint-id", privateDnsEnabled: UNKNOWN });
        expect(privateDnsOf(new NetworkGraph(stack.resources), "secrets-endpoint-id")).to.equal("unknown");
    });
});
