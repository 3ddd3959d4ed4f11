import { expect } from "chai";
import { ExistingEndpoint, privateDnsConflict, routeTablesFreeOfService } from "../../../sdk/checks/existing-endpoints";

// An endpoint already in the user's VPC, as getVpcEndpoint reports it: a route table takes one
// route to a service's prefix list, and only one interface endpoint per VPC holds its private DNS.

const existing = (over: Partial<ExistingEndpoint> = {}): ExistingEndpoint => ({
    id: "vpce-0aaaaaaaaaaaaaaaa",
    routeTableIds: ["rtb-taken1", "rtb-taken2"],
    privateDnsEnabled: true,
    securityGroupIds: [],
    ...over,
});

/** Runs `routeTablesFreeOfService` and keeps what it warned. */
function freeTables(routeTableIds: string[], endpoint: ExistingEndpoint): { free: string[]; warnings: string[] } {
    const warnings: string[] = [];
    const free = routeTablesFreeOfService("s3", routeTableIds, endpoint, (message) => warnings.push(message));
    return { free, warnings };
}

describe("validation: endpoints already in the user's VPC", () => {
    describe("routeTablesFreeOfService", () => {
        it("keeps every route table, without a warning, when the existing endpoint is on none of them", () => {
            const { free, warnings } = freeTables(["rtb-free1", "rtb-free2"], existing());
            expect(free).to.deep.equal(["rtb-free1", "rtb-free2"]);
            expect(warnings).to.deep.equal([]);
        });

        it("leaves the tables the existing endpoint is on to it, keeping the others in order", () => {
            const { free } = freeTables(["rtb-free1", "rtb-taken1", "rtb-free2"], existing());
            expect(free).to.deep.equal(["rtb-free1", "rtb-free2"]);
        });

        it("warns which tables route the service through the existing endpoint, and which the network's endpoint takes", () => {
            const { warnings } = freeTables(["rtb-taken1", "rtb-free1", "rtb-taken2", "rtb-free2"], existing());
            expect(warnings).to.deep.equal([
                "gatewayEndpoints: rtb-taken1, rtb-taken2 already route s3 through vpce-0aaaaaaaaaaaaaaaa, an endpoint this network did not make; " +
                    "this network's s3 endpoint is attached to rtb-free1, rtb-free2 only, and the functions reach s3 through vpce-0aaaaaaaaaaaaaaaa.",
            ]);
        });

        it("says the network's endpoint is attached to no route table when the existing one is on all of them", () => {
            const { free, warnings } = freeTables(["rtb-taken1", "rtb-taken2"], existing());
            expect(free).to.deep.equal([]);
            expect(warnings).to.have.length(1);
            expect(warnings[0])
                .to.contain("gatewayEndpoints: rtb-taken1, rtb-taken2 already route s3 through vpce-0aaaaaaaaaaaaaaaa")
                .and.contain("this network's s3 endpoint is attached to no route table, and the functions reach s3 through vpce-0aaaaaaaaaaaaaaaa.");
        });
    });

    describe("privateDnsConflict", () => {
        const conflict = (endpoint: ExistingEndpoint) => privateDnsConflict("app", "vpc-0bbbbbbbbbbbbbbbb", "sqs", "com.amazonaws.eu-west-1.sqs", endpoint);

        it("finds no conflict when the existing endpoint has private DNS off", () => {
            expect(conflict(existing({ privateDnsEnabled: false, securityGroupIds: ["sg-0ccccccccccccccc1"] }))).to.equal(undefined);
        });

        it("refuses a second private DNS for the service, naming the VPC, the service and the existing endpoint", () => {
            expect(conflict(existing())).to.equal(
                'VpcLambdaNetwork "app": interfaceEndpoints: "vpc-0bbbbbbbbbbbbbbbb" already has an interface endpoint for com.amazonaws.eu-west-1.sqs with private DNS ' +
                    '(vpce-0aaaaaaaaaaaaaaaa), and AWS lets only one endpoint per VPC hold a service\'s private DNS ("conflicting DNS domain"). Remove "sqs" ' +
                    "from interfaceEndpoints and let the functions use vpce-0aaaaaaaaaaaaaaaa: add allowTo: [{ securityGroupId: <its security group>, port: 443 }], " +
                    "and make that group admit lambdaSecurityGroupId on 443.",
            );
        });

        it("writes the allowTo entries for each of the existing endpoint's security groups", () => {
            expect(conflict(existing({ securityGroupIds: ["sg-0ccccccccccccccc1", "sg-0ccccccccccccccc2"] }))).to.contain(
                'add allowTo: [{ securityGroupId: "sg-0ccccccccccccccc1", port: 443 }, { securityGroupId: "sg-0ccccccccccccccc2", port: 443 }], ',
            );
        });
    });
});
