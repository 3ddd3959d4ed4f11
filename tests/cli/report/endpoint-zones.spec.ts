import { expect } from "chai";
import { assessEndpointZones } from "../../../cli/report/endpoint-zones";
import { renderEndpointZonesText, renderWarningsText } from "../../../cli/report/text-sections";
import { NetworkPattern } from "../../../sdk/args";
import { VpcLambdaNetwork } from "../../../sdk/component";
import { MockStack } from "../../../sdk/offline-engine/mock-stack";
import { recordNetwork, vpcFunction } from "./fixtures";

// The offline plan shows what the lookups changed: an endpoint kept out of a zone that lacks its
// service, and the warnings the component logged (endpoints left to ones the VPC already has).

describe("report: interface endpoints by zone, and the program's warnings", () => {
    let stack: MockStack;

    before(async () => {
        stack = await MockStack.install({ zonesWithoutEndpointService: { lambda: ["us-east-1b"] } });
    });

    it("lists each interface endpoint's zones, and the Lambda zone whose functions reach it across zones", async () => {
        const graph = await recordNetwork(stack, () => {
            const net = new VpcLambdaNetwork("ez", { pattern: NetworkPattern.PrivateWithEndpoints, numberOfAvailabilityZones: 3, interfaceEndpoints: ["sqs", "lambda"] });
            vpcFunction("ez-fn", net.vpcConfig);
        });
        expect(assessEndpointZones(graph)).to.have.deep.members([
            { endpoint: "ez-sqs-endpoint", service: "sqs", zones: ["us-east-1a", "us-east-1b", "us-east-1c"], lambdaZonesWithout: [], zonesUnknown: false },
            { endpoint: "ez-lambda-endpoint", service: "lambda", zones: ["us-east-1a", "us-east-1c"], lambdaZonesWithout: ["us-east-1b"], zonesUnknown: false },
        ]);
        expect(renderEndpointZonesText(assessEndpointZones(graph))).to.contain(
            "ez-lambda-endpoint (lambda): us-east-1a, us-east-1c; not in us-east-1b, whose functions reach it across zones (the service is not offered there)",
        );
    });

    it("says nothing when there is no interface endpoint", () => {
        expect(renderEndpointZonesText([])).to.equal("");
    });

    it("prints the program's warnings, as pulumi preview would", () => {
        expect(renderWarningsText(stack.warnings)).to.contain('Warnings (as pulumi preview prints them):\n  interfaceEndpoints: "lambda" is not offered in us-east-1b');
    });
});
