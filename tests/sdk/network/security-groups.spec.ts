import { expect } from "chai";
import { carriesTcp, NetworkGraph, protocolOf, SecurityGroupPermission } from "../../../sdk/network/network-graph";
import { natStack, T } from "../reachability/stack";

/** A permission as a rule of `protocol` from `fromPort` to `toPort` would give. */
function rule(protocol: string, ports: [number, number] | "none" | "unknown" = "none"): SecurityGroupPermission {
    const graph = new NetworkGraph(natStack().resources);
    const declaredBy = graph.resource("fn-sg-id")!;
    return {
        securityGroupId: "fn-sg-id",
        direction: "ingress",
        protocol,
        ...(Array.isArray(ports) ? { fromPort: ports[0], toPort: ports[1] } : ports === "unknown" ? { portsUnknown: true as const } : {}),
        peer: { kind: "cidr", cidr: "0.0.0.0/0" },
        declaredBy,
    };
}

describe("the network model: security groups", () => {
    it("reads a group's rules whichever way they are declared, each naming the resource that declares it", () => {
        const stack = natStack()
            .set("db-sg", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"] }] })
            .add(T.securityGroupRule, "db-legacy", { type: "ingress", securityGroupId: "db-sg-id", protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] });
        const rules = new NetworkGraph(stack.resources).permissionsOf("db-sg-id", "ingress");
        expect(rules.map((r) => [r.declaredBy.name, r.fromPort, r.peer])).to.deep.equal([
            ["db-sg", 22, { kind: "cidr", cidr: "10.0.0.0/8" }],
            ["db-from-fn", 5432, { kind: "securityGroup", id: "fn-sg-id" }],
            ["db-legacy", 80, { kind: "cidr", cidr: "0.0.0.0/0" }],
        ]);
    });

    it("names protocols given by number as AWS does: -1 is all, 6 tcp, 17 udp, 1 icmp, 58 icmpv6", () => {
        expect(["-1", "ALL", "6", "17", "1", "58", "50", "unknown"].map((p) => protocolOf(rule(p)))).to.deep.equal(["all", "all", "tcp", "udp", "icmp", "icmpv6", "50", "unknown"]);
    });

    it("carries TCP to a port within a TCP rule's range, and every port with all protocols", () => {
        expect(carriesTcp(rule("tcp", [443, 443]), 443)).to.equal("yes");
        expect(carriesTcp(rule("6", [1024, 65535]), 443)).to.equal("no");
        expect(carriesTcp(rule("-1"), 5432)).to.equal("yes");
        expect(carriesTcp(rule("udp", [0, 65535]), 53)).to.equal("no");
    });

    it("cannot tell while the protocol or the ports are not known yet", () => {
        expect(carriesTcp(rule("unknown"), 443)).to.equal("maybe");
        expect(carriesTcp(rule("tcp", "unknown"), 443)).to.equal("maybe");
    });
});
