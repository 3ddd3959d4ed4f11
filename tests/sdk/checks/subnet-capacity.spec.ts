import { expect } from "chai";
import { NetworkPattern, VpcLambdaNetworkArgs } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { InvalidNetworkArgumentsError } from "../../../sdk/arguments/problems";
import { subnetCapacityProblems } from "../../../sdk/checks/subnet-capacity";
import { planFor } from "../../helpers/plan";

// Each interface endpoint takes one address in every Lambda subnet, the functions' Hyperplane ENI
// one more, and AWS reserves 5 of every subnet. The smallest VPC the layout allows without NAT, a
// /25, has /28 Lambda subnets with 11 usable addresses: 13 endpoints cannot fit.

const SERVICES = ["secretsmanager", "ssm", "sts", "kms", "sqs", "sns", "lambda", "ecr.api", "ecr.dkr", "xray", "logs", "ec2", "events"];
const withEndpoints = (count: number, cidrBlock: string): VpcLambdaNetworkArgs => ({ pattern: NetworkPattern.PrivateWithEndpoints, cidrBlock, interfaceEndpoints: SERVICES.slice(0, count) });

describe("validation: the Lambda subnets hold the interface endpoints", () => {
    it("refuses a /25 with 13 interface endpoints, counting 14 needed against 11 usable, and says what fits", () => {
        const [problem] = subnetCapacityProblems(planFor(withEndpoints(13, "10.0.0.0/25")));
        expect(problem.field).to.equal("interfaceEndpoints");
        expect(problem.message)
            .to.contain("13 interface endpoints")
            .and.contain("14 addresses")
            .and.contain('cidrBlock "10.0.0.0/25" are /28s with 11 usable (16 less the 5 AWS reserves)')
            .and.contain("Use a cidrBlock of /24 or larger, or at most 10 interface endpoints");
    });

    it("accepts as many endpoints as leave one address for the functions", () => {
        expect(subnetCapacityProblems(planFor(withEndpoints(10, "10.0.0.0/25")))).to.deep.equal([]);
        expect(subnetCapacityProblems(planFor(withEndpoints(11, "10.0.0.0/25")))).to.have.length(1);
    });

    it("suggests the longest VPC prefix whose Lambda subnets hold exactly the addresses needed", () => {
        // 26 endpoints and the functions' interface need 27 addresses: a /27 Lambda subnet's 27 usable, in a /24.
        const services = Array.from({ length: 26 }, (_, i) => `service${i}`);
        const [problem] = subnetCapacityProblems(planFor({ pattern: NetworkPattern.PrivateWithEndpoints, cidrBlock: "10.0.0.0/25", interfaceEndpoints: services }));
        expect(problem.message).to.contain("27 addresses").and.contain("Use a cidrBlock of /24 or larger");
    });

    it("judges the Lambda subnets, not the smaller public ones, wherever the plan lists them", () => {
        // A /22 with NAT has /25 Lambda subnets (123 usable) and /28 public ones (11 usable).
        const plan = planFor({ pattern: NetworkPattern.PrivateWithNat, cidrBlock: "10.0.0.0/22", interfaceEndpoints: SERVICES });
        const publicFirst = { ...plan, subnets: [...plan.subnets].reverse() };
        expect(publicFirst.subnets[0].role).to.equal("public");
        expect(subnetCapacityProblems(publicFirst)).to.deep.equal([]);
    });

    it("accepts 13 endpoints in a /24, whose /27 Lambda subnets have 27 usable addresses", () => {
        expect(subnetCapacityProblems(planFor(withEndpoints(13, "10.0.0.0/24")))).to.deep.equal([]);
    });

    it("leaves an existing VPC's subnets, whose sizes only a lookup knows, to the subnet-ip-capacity policy", () => {
        const existingVpc = { vpcId: "vpc-0aaaaaaaaaaaaaaaa", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa"] };
        expect(subnetCapacityProblems(planFor({ pattern: NetworkPattern.PrivateWithEndpoints, existingVpc, gatewayEndpoints: [], interfaceEndpoints: SERVICES }))).to.deep.equal([]);
    });

    it("makes the constructor throw before any resource is registered", async () => {
        const stack = await MockStack.install();
        expect(() => new VpcLambdaNetwork("app", withEndpoints(13, "10.0.0.0/25"))).to.throw(InvalidNetworkArgumentsError, /interfaceEndpoints: 13 interface endpoints/);
        expect(await stack.settle()).to.deep.equal([]);
    });
});
