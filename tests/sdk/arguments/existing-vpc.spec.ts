import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import type { VpcLambdaNetworkArgs } from "../../../sdk/args";
import { validateExistingVpc } from "../../../sdk/arguments/network-fields";
import { ProblemList } from "../../../sdk/arguments/problems";
import { expectProblem, rejectionOf, validateLoose } from "../../helpers/plan";

const vpcId = "vpc-0123456789abcdef0";
const subnetId = (i: number) => `subnet-${i.toString(16).padStart(17, "0")}`;

describe("validation: existingVpc", () => {
    it("rejects an empty subnet list", () => {
        expectProblem({ pattern: "Isolated", existingVpc: { vpcId, subnetIds: [] } }, "existingVpc.subnetIds", "0 subnets", "1 to 16");
    });

    it("rejects 17 subnets, one more than a Lambda function takes", () => {
        const subnetIds = Array.from({ length: 17 }, (_, i) => subnetId(i + 1));
        expectProblem({ pattern: "Isolated", existingVpc: { vpcId, subnetIds } }, "existingVpc.subnetIds", "17 subnets", "1 to 16");
    });

    it("accepts 16 subnets", () => {
        const subnetIds = Array.from({ length: 16 }, (_, i) => subnetId(i + 1));
        expect(validateLoose({ pattern: "Isolated", existingVpc: { vpcId, subnetIds } }).vpc).to.deep.include({ kind: "existing", subnetIds });
    });

    it("rejects a cidrBlock beside it", () => {
        expectProblem({ pattern: "Isolated", cidrBlock: "10.0.0.0/16", existingVpc: { vpcId, subnetIds: [subnetId(1)] } }, "cidrBlock", "existingVpc", "remove it");
    });

    it("rejects natGateways beside it", () => {
        expectProblem({ pattern: "PrivateWithNat", natGateways: { strategy: "Single" }, existingVpc: { vpcId, subnetIds: [subnetId(1)] } }, "natGateways", "existingVpc", "remove it");
    });

    it("rejects numberOfAvailabilityZones beside it", () => {
        expectProblem({ pattern: "Isolated", numberOfAvailabilityZones: 2, existingVpc: { vpcId, subnetIds: [subnetId(1)] } }, "numberOfAvailabilityZones", "existingVpc");
    });

    it("rejects a VPC id that is not vpc-...", () => {
        expectProblem({ pattern: "Isolated", existingVpc: { vpcId: "my-vpc", subnetIds: [subnetId(1)] } }, "existingVpc.vpcId", '"my-vpc"', '"vpc-0123456789abcdef0"');
    });

    it("rejects a subnet id that is not subnet-...", () => {
        expectProblem({ pattern: "Isolated", existingVpc: { vpcId, subnetIds: ["sn-1"] } }, "existingVpc.subnetIds[0]", '"sn-1"', '"subnet-0123456789abcdef0"');
    });
});

describe("validation: existingVpc, its shape and ids", () => {
    const routeTableId = (i: number) => `rtb-${i.toString(16).padStart(17, "0")}`;
    const inVpc = (existingVpc: unknown) => ({ pattern: "Isolated", existingVpc });

    it("takes the route tables given, as given", () => {
        const routeTableIds = [routeTableId(1), routeTableId(2)];
        expect(validateLoose(inVpc({ vpcId, subnetIds: [subnetId(1)], routeTableIds })).vpc).to.deep.equal({ kind: "existing", vpcId, subnetIds: [subnetId(1)], routeTableIds });
    });

    it("refuses route tables that are not a list", () => {
        expectProblem(inVpc({ vpcId, subnetIds: [subnetId(1)], routeTableIds: routeTableId(1) }), "existingVpc.routeTableIds", `"${routeTableId(1)}" is not a list of route table ids.`);
    });

    it("refuses a route table id that is not rtb-..., and one listed twice", () => {
        expectProblem(inVpc({ vpcId, subnetIds: [subnetId(1)], routeTableIds: ["rt-1"] }), "existingVpc.routeTableIds[0]", '"rt-1" is not a route table id such as "rtb-0123456789abcdef0".');
        expectProblem(inVpc({ vpcId, subnetIds: [subnetId(1)], routeTableIds: [routeTableId(1), routeTableId(1)] }), "existingVpc.routeTableIds[1]", "listed twice");
    });

    it("refuses a subnet listed twice", () => {
        expectProblem(inVpc({ vpcId, subnetIds: [subnetId(1), subnetId(1)] }), "existingVpc.subnetIds[1]", "listed twice");
    });

    it("takes ids that are Outputs or promises, known only at deployment", () => {
        const vpc = pulumi.output(vpcId);
        const subnet = Promise.resolve(subnetId(1));
        const table = pulumi.output(routeTableId(1));
        expect(validateLoose(inVpc({ vpcId: vpc, subnetIds: [subnet], routeTableIds: [table] })).vpc).to.deep.equal({ kind: "existing", vpcId: vpc, subnetIds: [subnet], routeTableIds: [table] });
    });

    it("refuses subnet ids that are not a list, and a VPC given as anything but an object", () => {
        expectProblem(inVpc({ vpcId, subnetIds: subnetId(1) }), "existingVpc.subnetIds", `has "${subnetId(1)}"; a Lambda function takes 1 to 16 subnets.`);
        expectProblem(inVpc(vpcId), "existingVpc", `"${vpcId}" is not an object such as { vpcId, subnetIds, routeTableIds }.`);
    });

    it("refuses availabilityZoneNames beside it", () => {
        expectProblem({ pattern: "Isolated", availabilityZoneNames: ["us-east-1a"], existingVpc: { vpcId, subnetIds: [subnetId(1)] } }, "availabilityZoneNames", "cannot be set with existingVpc");
    });

    it("reports the new-VPC arguments beside it even when it is not an object", () => {
        const error = rejectionOf({ pattern: "Isolated", cidrBlock: "10.0.0.0/16", existingVpc: "vpc" });
        expect(error.problems.map((p) => p.field)).to.deep.equal(["cidrBlock", "existingVpc"]);
    });
});

describe("validation: existingVpc, as the validator returns it", () => {
    it("returns empty id lists for lists it refused, never the refused value", () => {
        const problems = new ProblemList();
        const settings = validateExistingVpc(problems, { pattern: "Isolated", existingVpc: { vpcId, subnetIds: "subnet-1", routeTableIds: "rtb-1" } } as unknown as VpcLambdaNetworkArgs);
        expect(settings).to.deep.equal({ kind: "existing", vpcId, subnetIds: [], routeTableIds: [] });
        expect(problems.problems.map((p) => p.field)).to.deep.equal(["existingVpc.subnetIds", "existingVpc.routeTableIds"]);
    });
});
