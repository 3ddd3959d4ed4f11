import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ExistingEndpoint } from "../checks/existing-endpoints";
import type { BuildContext } from "./context";
import { foundEndpoint } from "../checks/lookup-answers";

// The provider's singular data sources fail with "no matching <type> found" when nothing matches
// and "multiple <type>s matched" for several (terraform-provider-aws internal/tfresource,
// SingularDataSourceFindError); EC2 has no "list the endpoints" data source in @pulumi/aws 7.
const NONE_MATCHED = /no matching/i;
const SEVERAL_MATCHED = /multiple .* matched/i;

/**
 * The endpoint of this service, of this type, that the user's VPC already has and this network did
 * not make (its own carry its `Name` tag), or undefined. When several match, the component cannot
 * tell which route tables or private DNS they hold: it warns and leaves the judgement to AWS. An
 * invoke, not a resource: the endpoints the network builds are declared whatever it finds.
 */
export function lookUpExistingEndpoint(
    ctx: BuildContext,
    endpoint: { key: string; service: string },
    vpcId: pulumi.Input<string>,
    serviceName: pulumi.Input<string>,
    vpcEndpointType: "Gateway" | "Interface",
): pulumi.Output<ExistingEndpoint | undefined> {
    const ownName = ctx.name(endpoint.key);
    return pulumi.all([vpcId, serviceName]).apply(async ([vpc, name]) => {
        let answer: aws.ec2.GetVpcEndpointResult;
        try {
            answer = await aws.ec2.getVpcEndpoint(
                { vpcId: vpc, serviceName: name, vpcEndpointType, filters: [{ name: "vpc-endpoint-state", values: ["pendingAcceptance", "pending", "available"] }] },
                { parent: ctx.parent },
            );
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            if (NONE_MATCHED.test(message)) {
                return undefined;
            }
            if (SEVERAL_MATCHED.test(message)) {
                pulumi.log.warn(
                    `${vpcEndpointType === "Gateway" ? "gatewayEndpoints" : "interfaceEndpoints"}: ${vpc} has several ${vpcEndpointType} endpoints for ${name}; ` +
                        `the component cannot tell which route tables or private DNS they hold. If AWS refuses this network's ${endpoint.service} endpoint ` +
                        `("route already exists", "conflicting DNS domain"), leave ${JSON.stringify(endpoint.service)} out and reach it through the existing endpoints.`,
                    ctx.parent,
                );
                return undefined;
            }
            throw error;
        }
        const { nameTag, ...found } = foundEndpoint(ctx.plan.name, answer, name, vpcEndpointType);
        return nameTag === ownName ? undefined : found;
    });
}
