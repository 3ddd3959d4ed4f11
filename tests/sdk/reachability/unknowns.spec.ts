import { expect } from "chai";
import type { NetworkResource } from "../../../sdk/network/network-resource";
import { DB, dualStackNatStack, INTERNET_4, INTERNET_6, natStack, service, Stack, T, UNKNOWN } from "./stack";

// A preview does not know the ids of resources still to be created, nor anything computed from
// them; the engine still records which resources each input came from. The model follows those
// dependencies, and where a value decides a hop and is not known, says `unknown`: never a verdict
// the deployment could contradict.

/**
 * The stack as `pulumi preview` records it before anything exists: no ids, every input that
 * names another resource's id unknown, with a dependency on that resource instead.
 */
function asPreview(stack: Stack): Stack {
    const byId = new Map(stack.resources.filter((r) => r.id).map((r) => [r.id!, r]));
    const preview = new Stack();
    for (const resource of stack.resources) {
        const dependencies: Record<string, string[]> = {};
        const hide = (key: string, v: unknown): unknown => {
            const names = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string" && byId.has(x));
            if (names.length === 0) {
                return v;
            }
            dependencies[key] = [...(dependencies[key] ?? []), ...names.map((id) => byId.get(id)!.urn)];
            return UNKNOWN;
        };
        const inputs: Record<string, unknown> = {};
        for (const [key, v] of Object.entries(resource.inputs)) {
            if (key === "vpcConfig") {
                // Computed from unknown ids: unknown as a whole, its dependencies still recorded.
                const config = v as Record<string, unknown>;
                hide(key, config.subnetIds);
                hide(key, config.securityGroupIds);
                inputs[key] = UNKNOWN;
            } else {
                inputs[key] = hide(key, v);
            }
        }
        if (resource.type === T.function) {
            // The role is named by its ARN, which is unknown too.
            inputs.role = UNKNOWN;
            dependencies.role = [stack.get("fn-role").urn];
        }
        if (resource.type === T.dbInstance) {
            inputs.dbSubnetGroupName = UNKNOWN;
            dependencies.dbSubnetGroupName = [stack.get("db-subnets").urn];
        }
        preview.resources.push({ urn: resource.urn, type: resource.type, name: resource.name, inputs, propertyDependencies: dependencies } satisfies NetworkResource);
    }
    return preview;
}

describe("reachability: a preview's unknown values give unknown, never a wrong verdict", () => {
    it("a preview whose ids are all unknown still reaches the internet, the role's service and the database through dependencies", () => {
        const preview = asPreview(natStack());
        expect([INTERNET_4, service("secretsmanager")].map((d) => preview.cell(d).verdict)).to.deep.equal(["reachable", "reachable"]);
        const db = preview.matrix().find((r) => r.destination.kind === "securityGroup")!;
        expect(db).to.deep.include({ verdict: "reachable" });
        expect(db.destination).to.deep.equal({ kind: "securityGroup", securityGroupId: preview.get("db-sg").urn, port: 5432, name: "db-sg" });
    });

    it("a preview finds the same blocking hop as the update", () => {
        const update = natStack().without("public-default").cell(INTERNET_4);
        const preview = asPreview(natStack().without("public-default")).cell(INTERNET_4);
        expect([preview.verdict, preview.blockedAt?.hop, preview.fix]).to.deep.equal([update.verdict, update.blockedAt?.hop, update.fix]);
    });

    it("IPv6 is unknown when the whole vpcConfig is, as whether the function opts in is not known", () => {
        const cell = asPreview(dualStackNatStack()).cell(INTERNET_6);
        expect(cell.verdict).to.equal("unknown");
        expect(cell.path.find((h) => h.status === "unknown")).to.include({ hop: "function", resource: "fn" });
    });

    it("a route whose destination is not known yet may be the default route: unknown", () => {
        const cell = natStack().set("private-default", { destinationCidrBlock: UNKNOWN }).cell(INTERNET_4);
        expect(cell.verdict).to.equal("unknown");
        expect(cell.path.find((h) => h.status === "unknown")).to.include({ hop: "route", resource: "private-rt" });
    });

    it("a hop that certainly denies still blocks after an unknown one: an unknown route, and no egress rule", () => {
        const cell = natStack().set("private-default", { destinationCidrBlock: UNKNOWN }).without("fn-sg-out").cell(INTERNET_4);
        expect([cell.verdict, cell.blockedAt?.hop]).to.deep.equal(["blocked", "securityGroupEgress"]);
    });

    it("an egress rule whose peer is not known yet makes the egress unknown, not denied", () => {
        const cell = natStack().set("fn-sg-out", { cidrIpv4: UNKNOWN }).cell(INTERNET_4);
        expect(cell.verdict).to.equal("unknown");
        expect(cell.path.find((h) => h.status === "unknown")?.hop).to.equal("securityGroupEgress");
    });

    it("a security group the stack does not create may have rules it cannot see: unknown where the stack's rules do not allow", () => {
        const stack = natStack().without("fn-sg-out").set("fn", { vpcConfig: { subnetIds: ["private-id"], securityGroupIds: ["sg-0outside"] } });
        const cell = stack.cell(INTERNET_4);
        expect(cell.verdict).to.equal("unknown");
        expect(cell.path.find((h) => h.status === "unknown")).to.deep.include({ hop: "securityGroupEgress", resource: "sg-0outside" });
    });

    it("a rule the stack adds to a group it does not create still allows", () => {
        const stack = natStack().set("fn-sg-out", { securityGroupId: "sg-0outside" }).set("fn", { vpcConfig: { subnetIds: ["private-id"], securityGroupIds: ["sg-0outside"] } });
        expect(stack.cell(INTERNET_4).verdict).to.equal("reachable");
    });

    it("a target group the stack does not create: unknown ingress where the stack shows no rule admitting the function", () => {
        const stack = natStack()
            .without("db-from-fn")
            .add(T.egressRule, "fn-to-outside", { securityGroupId: "fn-sg-id", referencedSecurityGroupId: "sg-0outside", ipProtocol: "tcp", fromPort: 6379, toPort: 6379 });
        const cell = stack.cell({ kind: "securityGroup", securityGroupId: "sg-0outside", port: 6379 });
        expect(cell.verdict).to.equal("unknown");
    });

    it("a subnet the stack does not create: its routes cannot be read, so the internet is unknown", () => {
        const cell = natStack().without("private-assoc").set("fn", { vpcConfig: { subnetIds: ["subnet-0outside"], securityGroupIds: ["fn-sg-id"] } }).cell(INTERNET_4);
        expect(cell.verdict).to.equal("unknown");
        expect(cell.path[1]).to.include({ hop: "routeTable", status: "unknown" });
    });

    it("private DNS not known yet: which way the service's name resolves is unknown", () => {
        const cell = natStack()
            .without("private-default")
            .add(T.vpcEndpoint, "secrets-endpoint", { vpcId: "vpc-id", serviceName: "com.amazonaws.us-east-1.secretsmanager", vpcEndpointType: "Interface", privateDnsEnabled: UNKNOWN, subnetIds: ["private-id"] })
            .cell(service("secretsmanager"));
        expect(cell.verdict).to.equal("unknown");
        expect(cell.path[cell.path.length - 1]).to.include({ hop: "dns", status: "unknown" });
    });

    it("a network ACL rule whose number is not known may decide first: unknown", () => {
        const cell = natStack()
            .add(T.networkAcl, "data-acl", {
                vpcId: "vpc-id",
                subnetIds: ["data-id"],
                ingress: [
                    { ruleNo: UNKNOWN, action: "deny", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" },
                    { ruleNo: 200, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" },
                ],
                egress: [{ ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" }],
            })
            .cell(DB);
        expect(cell.verdict).to.equal("unknown");
        expect(cell.path[cell.path.length - 1]).to.include({ hop: "networkAcl", status: "unknown", resource: "data-acl" });
    });

    it("a NAT gateway the stack does not create: whether it reaches the internet is unknown", () => {
        const cell = natStack().without("nat").set("private-default", { natGatewayId: "nat-0outside" }).cell(INTERNET_4);
        expect(cell.verdict).to.equal("unknown");
        expect(cell.path.find((h) => h.status === "unknown")).to.include({ hop: "natGateway", resource: "nat-0outside" });
    });
});
