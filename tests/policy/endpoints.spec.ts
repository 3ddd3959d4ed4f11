import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { MockStack } from "../../sdk/offline-engine/mock-stack";
import { blamed, verdictsOf, violationsOf } from "./helpers";
import { plainStack, PlainStackOptions } from "./plain-stack";

/**
 * A Secrets Manager interface endpoint in a VPC with DNS on. Without `securityGroupIds` it wears
 * the VPC's default group, here adopted as a DefaultSecurityGroup that admits 443 from anywhere;
 * `privateDns: "elsewhere"` leaves the endpoint's own flag off and has an aws.vpc.EndpointPrivateDns
 * turn it on, with a value computed from the endpoint (not known in a preview).
 */
function endpointStack(prefix: string, options: { securityGroup: "named" | "default"; privateDns: boolean | "elsewhere" }): void {
    const n = (name: string) => `${prefix}-${name}`;
    const vpc = new aws.ec2.Vpc(n("vpc"), { cidrBlock: "10.0.0.0/16", enableDnsSupport: true, enableDnsHostnames: true });
    const subnet = new aws.ec2.Subnet(n("subnet"), { vpcId: vpc.id, cidrBlock: "10.0.0.0/24", availabilityZone: "us-east-1a" });
    new aws.ec2.DefaultSecurityGroup(n("default-sg"), { vpcId: vpc.id, ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] });
    const named = options.securityGroup === "named" ? [new aws.ec2.SecurityGroup(n("endpoint-sg"), { vpcId: vpc.id, description: "interface endpoints" }).id] : undefined;
    const endpoint = new aws.ec2.VpcEndpoint(n("secretsmanager"), {
        vpcId: vpc.id,
        serviceName: "com.amazonaws.us-east-1.secretsmanager",
        vpcEndpointType: "Interface",
        subnetIds: [subnet.id],
        ...(named ? { securityGroupIds: named } : {}),
        privateDnsEnabled: options.privateDns === true,
    });
    if (options.privateDns === "elsewhere") {
        new aws.vpc.EndpointPrivateDns(n("private-dns"), { vpcEndpointId: endpoint.id, privateDnsEnabled: endpoint.id.apply(() => true) });
    }
}

describe("policies: interface endpoints", () => {
    let stack: MockStack;
    const verdicts = (options: PlainStackOptions, config?: Parameters<typeof verdictsOf>[2]) => verdictsOf(stack, (prefix) => plainStack(prefix, options), config);

    before(async () => {
        stack = await MockStack.install();
    });

    describe("interface-endpoint-private-dns", () => {
        it("accepts private DNS on an endpoint in a VPC with DNS support and hostnames", async () => {
            expect(violationsOf(await verdicts({ interfaceEndpoint: { privateDnsEnabled: true } }), "interface-endpoint-private-dns")).to.deep.equal([]);
        });

        it("rejects an endpoint without private DNS (the provider's default), blaming the endpoint", async () => {
            const [violation] = violationsOf(await verdicts({ interfaceEndpoint: {} }), "interface-endpoint-private-dns");
            expect(violation.level).to.equal("mandatory");
            expect(blamed(violation)).to.match(/-secretsmanager$/);
            expect(violation.message).to.include("(secretsmanager)").and.include("its privateDnsEnabled is false");
        });

        it("rejects an endpoint whose VPC has DNS hostnames off", async () => {
            const [violation] = violationsOf(await verdicts({ interfaceEndpoint: { privateDnsEnabled: true }, enableDnsHostnames: false }), "interface-endpoint-private-dns");
            expect(violation.message).to.match(/its VPC "p\d+-vpc" has enableDnsHostnames false/);
        });

        it("skips services listed in exemptServices", async () => {
            const result = await verdicts({ interfaceEndpoint: {} }, { "interface-endpoint-private-dns": { exemptServices: ["secretsmanager"] } });
            expect(violationsOf(result, "interface-endpoint-private-dns")).to.deep.equal([]);
        });
    });

    describe("endpoint-sg-least-privilege", () => {
        it("accepts an endpoint group admitting 443 from the function's security group", async () => {
            expect(violationsOf(await verdicts({ interfaceEndpoint: { privateDnsEnabled: true } }), "endpoint-sg-least-privilege")).to.deep.equal([]);
        });

        it("rejects an endpoint group admitting 443 from 0.0.0.0/0, blaming the group", async () => {
            const result = await verdicts({ interfaceEndpoint: { privateDnsEnabled: true, admitHttpsFromAnywhere: true } });
            const [violation] = violationsOf(result, "endpoint-sg-least-privilege");
            expect(violation.level).to.equal("mandatory");
            expect(blamed(violation)).to.match(/-endpoint-sg$/);
            expect(violation.message).to.match(/admits HTTPS from the Internet: tcp 443 from 0\.0\.0\.0\/0 \(ingress rule "p\d+-endpoint-https"\)/);
        });

        it("rejects an endpoint naming no group when its VPC's default group, which AWS gives it, admits HTTPS from 0.0.0.0/0", async () => {
            const [violation, ...others] = violationsOf(await verdictsOf(stack, (prefix) => endpointStack(prefix, { securityGroup: "default", privateDns: true })), "endpoint-sg-least-privilege");
            expect(others).to.deep.equal([]);
            expect(blamed(violation)).to.match(/-default-sg$/);
            expect(violation.message).to.match(/^Default security group "p\d+-default-sg", attached to interface endpoint "p\d+-secretsmanager", admits HTTPS from the Internet: tcp 443 from 0\.0\.0\.0\/0 \(an inline rule\)/);
        });

        it("does not judge the default group of an endpoint that names its own", async () => {
            expect(violationsOf(await verdictsOf(stack, (prefix) => endpointStack(prefix, { securityGroup: "named", privateDns: true })), "endpoint-sg-least-privilege")).to.deep.equal([]);
        });
    });
});

describe("policies: interface endpoints in a preview", () => {
    let stack: MockStack;

    before(async () => {
        stack = await MockStack.install({ preview: true });
    });

    it("does not judge private DNS while an aws.vpc.EndpointPrivateDns that may turn it on is not known yet", async () => {
        const result = await verdictsOf(stack, (prefix) => endpointStack(prefix, { securityGroup: "named", privateDns: "elsewhere" }));
        expect(violationsOf(result, "interface-endpoint-private-dns")).to.deep.equal([]);
    });

    it("still rejects private DNS off, with nothing else to turn it on", async () => {
        const [violation] = violationsOf(await verdictsOf(stack, (prefix) => endpointStack(prefix, { securityGroup: "named", privateDns: false })), "interface-endpoint-private-dns");
        expect(violation.message).to.include("its privateDnsEnabled is false");
    });
});
