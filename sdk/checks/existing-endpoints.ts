/** An endpoint already in the user's VPC for a service the network would build one for, as `getVpcEndpoint` reports it. */
export interface ExistingEndpoint {
    id: string;
    routeTableIds: string[];
    privateDnsEnabled: boolean;
    securityGroupIds: string[];
}

/**
 * The route tables a gateway endpoint of the network may still take: a route table takes one
 * route to a service's prefix list, so a table another endpoint of the service is on would make
 * AWS refuse ours ("route already exists"). Those are left to the existing endpoint, with a
 * warning; the Lambda security group's rule to the prefix list serves either endpoint.
 */
export function routeTablesFreeOfService(service: string, routeTableIds: readonly string[], existing: ExistingEndpoint, warn: (message: string) => void): string[] {
    const taken = routeTableIds.filter((id) => existing.routeTableIds.includes(id));
    const free = routeTableIds.filter((id) => !taken.includes(id));
    if (taken.length > 0) {
        warn(
            `gatewayEndpoints: ${taken.join(", ")} already route ${service} through ${existing.id}, an endpoint this network did not make; ` +
                `${free.length > 0 ? `this network's ${service} endpoint is attached to ${free.join(", ")} only` : `this network's ${service} endpoint is attached to no route table`}, ` +
                `and the functions reach ${service} through ${existing.id}.`,
        );
    }
    return free;
}

/**
 * Why AWS would refuse the network's interface endpoint: another one in the VPC already holds the
 * service's private DNS ("conflicting DNS domain"; only one endpoint per VPC may). Undefined when
 * the existing endpoint has private DNS off. The fix keeps the functions' access: use the existing
 * endpoint through `allowTo` on its security group.
 */
export function privateDnsConflict(componentName: string, vpcId: string, service: string, serviceName: string, existing: ExistingEndpoint): string | undefined {
    if (!existing.privateDnsEnabled) {
        return undefined;
    }
    const groups = existing.securityGroupIds.map((id) => `{ securityGroupId: ${JSON.stringify(id)}, port: 443 }`).join(", ");
    return (
        `VpcLambdaNetwork "${componentName}": interfaceEndpoints: ${JSON.stringify(vpcId)} already has an interface endpoint for ${serviceName} with private DNS ` +
        `(${existing.id}), and AWS lets only one endpoint per VPC hold a service's private DNS ("conflicting DNS domain"). Remove ${JSON.stringify(service)} ` +
        `from interfaceEndpoints and let the functions use ${existing.id}: add allowTo: [${groups || "{ securityGroupId: <its security group>, port: 443 }"}], ` +
        `and make that group admit lambdaSecurityGroupId on 443.`
    );
}
