import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { NetworkPattern } from "../../sdk/args";
import { VpcLambdaNetwork } from "../../sdk/component";
import { MockStack } from "../../sdk/offline-engine/mock-stack";
import { blamed, functionOn, verdictsOf, violationsOf } from "./helpers";

// What only the stack knows: every resource placed in a subnet takes an address of it, and AWS
// reserves 5. A /28 has 11 usable; the policy counts what the stack puts there.

const SERVICES = ["secretsmanager", "ssm", "sts", "kms", "sqs", "sns", "lambda", "ecr.api", "ecr.dkr", "xray", "logs", "ec2", "events"];

/** A VPC with one subnet of `cidrBlock` and `endpoints` interface endpoints in it. */
function subnetWithEndpoints(prefix: string, cidrBlock: string, endpoints: number) {
    const vpc = new aws.ec2.Vpc(`${prefix}-vpc`, { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true });
    const subnet = new aws.ec2.Subnet(`${prefix}-subnet`, { vpcId: vpc.id, cidrBlock, availabilityZone: "us-east-1a" });
    const group = new aws.ec2.SecurityGroup(`${prefix}-endpoint-sg`, { vpcId: vpc.id });
    for (const service of SERVICES.slice(0, endpoints)) {
        new aws.ec2.VpcEndpoint(`${prefix}-${service}`, {
            vpcId: vpc.id,
            serviceName: `com.amazonaws.us-east-1.${service}`,
            vpcEndpointType: "Interface",
            privateDnsEnabled: true,
            subnetIds: [subnet.id],
            securityGroupIds: [group.id],
        });
    }
    return { vpc, subnet };
}

/** A function in the subnet with a security group of its own. */
function functionIn(prefix: string, name: string, vpc: aws.ec2.Vpc, subnet: aws.ec2.Subnet): void {
    const group = new aws.ec2.SecurityGroup(`${prefix}-${name}-sg`, { vpcId: vpc.id });
    const role = new aws.iam.Role(`${prefix}-${name}-role`, { assumeRolePolicy: "{}" });
    new aws.lambda.Function(`${prefix}-${name}`, { role: role.arn, runtime: "nodejs24.x", handler: "index.handler", vpcConfig: { subnetIds: [subnet.id], securityGroupIds: [group.id] } });
}

describe("policies: subnet-ip-capacity", () => {
    let stack: MockStack;

    before(async () => {
        stack = await MockStack.install();
    });

    it("rejects a /28 holding 13 interface endpoints, 2 more than its 11 usable addresses, blaming the subnet", async () => {
        const [violation] = violationsOf(await verdictsOf(stack, (prefix) => subnetWithEndpoints(prefix, "10.0.0.0/28", 13)), "subnet-ip-capacity");
        expect(violation.level).to.equal("mandatory");
        expect(blamed(violation)).to.match(/-subnet$/);
        expect(violation.message).to.contain("(10.0.0.0/28) has 11 usable addresses, but the stack places 13 in it: 13 for interface endpoints");
    });

    it("accepts the same endpoints in a /27", async () => {
        expect(violationsOf(await verdictsOf(stack, (prefix) => subnetWithEndpoints(prefix, "10.0.0.0/27", 13)), "subnet-ip-capacity")).to.deep.equal([]);
    });

    it("counts one Lambda network interface per security-group set of the functions in the subnet", async () => {
        const verdicts = await verdictsOf(stack, (prefix) => {
            const { vpc, subnet } = subnetWithEndpoints(prefix, "10.0.0.0/28", 10);
            functionIn(prefix, "orders", vpc, subnet);
            functionIn(prefix, "billing", vpc, subnet);
        });
        const [violation] = violationsOf(verdicts, "subnet-ip-capacity");
        expect(violation.message).to.contain("places 12 in it").and.match(/2 for Lambda network interfaces, one per security-group set \(p\d+-orders, p\d+-billing\)/);
    });

    it("rejects a DB subnet group whose subnets have no address left for its instance", async () => {
        const verdicts = await verdictsOf(stack, (prefix) => {
            const { subnet } = subnetWithEndpoints(prefix, "10.0.0.0/28", 11);
            const group = new aws.rds.SubnetGroup(`${prefix}-db-subnets`, { subnetIds: [subnet.id] });
            new aws.rds.Instance(`${prefix}-db`, { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, dbSubnetGroupName: group.name });
        });
        const violation = violationsOf(verdicts, "subnet-ip-capacity").find((v) => blamed(v)?.endsWith("-db-subnets"));
        expect(violation?.message).to.match(/has 0 free addresses left .* but its DB instances \(p\d+-db\) need 1/);
    });

    it("passes a default VpcLambdaNetwork with a function on it", async () => {
        const verdicts = await verdictsOf(stack, (prefix) => functionOn(prefix, new VpcLambdaNetwork(prefix, { pattern: NetworkPattern.PrivateWithEndpoints, interfaceEndpoints: SERVICES })));
        expect(violationsOf(verdicts, "subnet-ip-capacity")).to.deep.equal([]);
    });
});
