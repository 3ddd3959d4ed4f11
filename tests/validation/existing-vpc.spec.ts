import { expect } from "chai";
import { expectProblem, validateLoose } from "../helpers/plan";

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
