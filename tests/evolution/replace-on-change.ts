/**
 * For each resource type the component registers, the inputs whose change makes the AWS
 * provider replace the resource instead of updating it: Terraform's `ForceNew` (SDK v2) or
 * `RequiresReplace` (plugin framework), which the Pulumi AWS provider inherits from
 * hashicorp/terraform-provider-aws. `source` names the schema the list was read from
 * (paths in that repository, read 2026-11-25); "not re-read" marks a list taken from the
 * provider's documentation without reading its schema again.
 *
 * Only inputs the component sets are listed. Pulumi's auto-names (a security group's `name`,
 * an IAM role's `name`, a log group's `name`) are ForceNew too; they are derived from the
 * resource's Pulumi name and kept by the engine across updates, so a kept Pulumi name is what
 * keeps them.
 */
export interface ReplaceOnChange {
    inputs: readonly string[];
    source: string;
}

export const REPLACE_ON_CHANGE: Readonly<Record<string, ReplaceOnChange>> = {
    "aws:ec2/vpc:Vpc": { inputs: ["cidrBlock", "ipv4IpamPoolId", "ipv4NetmaskLength"], source: "internal/service/ec2/vpc_.go" },
    "aws:ec2/subnet:Subnet": {
        inputs: ["vpcId", "cidrBlock", "availabilityZone", "availabilityZoneId", "outpostArn", "ipv6Native"],
        source: "internal/service/ec2/vpc_subnet.go",
    },
    "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway": { inputs: ["vpcId"], source: "internal/service/ec2/vpc_egress_only_internet_gateway.go" },
    "aws:ec2/securityGroup:SecurityGroup": { inputs: ["vpcId", "description", "name", "namePrefix"], source: "internal/service/ec2/vpc_security_group.go" },
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": { inputs: ["vpcId"], source: "internal/service/ec2/vpc_default_security_group.go (not re-read)" },
    "aws:ec2/natGateway:NatGateway": {
        inputs: ["subnetId", "allocationId", "connectivityType", "privateIp", "secondaryPrivateIpAddressCount"],
        source: "internal/service/ec2/vpc_nat_gateway.go",
    },
    "aws:ec2/eip:Eip": { inputs: ["address", "domain", "networkBorderGroup", "publicIpv4Pool"], source: "internal/service/ec2/ec2_eip.go (address read; the rest not re-read)" },
    "aws:ec2/internetGateway:InternetGateway": { inputs: [], source: "internal/service/ec2/vpc_internet_gateway.go (vpcId is attached and detached in place; not re-read)" },
    "aws:ec2/routeTable:RouteTable": { inputs: ["vpcId"], source: "internal/service/ec2/vpc_route_table.go (not re-read)" },
    "aws:ec2/route:Route": {
        inputs: ["routeTableId", "destinationCidrBlock", "destinationIpv6CidrBlock", "destinationPrefixListId"],
        source: "internal/service/ec2/vpc_route.go (targets such as natGatewayId change in place; not re-read)",
    },
    "aws:ec2/routeTableAssociation:RouteTableAssociation": {
        inputs: ["subnetId", "gatewayId"],
        source: "internal/service/ec2/vpc_route_table_association.go (routeTableId changes in place; not re-read)",
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": {
        inputs: ["vpcId", "serviceName", "vpcEndpointType", "serviceRegion", "resourceConfigurationArn", "serviceNetworkArn"],
        source: "internal/service/ec2/vpc_endpoint.go (subnetIds, securityGroupIds, routeTableIds change in place)",
    },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
        inputs: ["securityGroupId"],
        source: "internal/service/ec2/vpc_security_group_ingress_rule.go (also replaced when the kind of source changes: see ruleSourceKind)",
    },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
        inputs: ["securityGroupId"],
        source: "internal/service/ec2/vpc_security_group_egress_rule.go (taken to match the ingress rule; not re-read; see ruleSourceKind)",
    },
    "aws:ec2/flowLog:FlowLog": {
        inputs: ["vpcId", "subnetId", "eniId", "trafficType", "logDestination", "logDestinationType", "logFormat", "iamRoleArn", "maxAggregationInterval", "destinationOptions", "deliverCrossAccountRole"],
        source: "internal/service/ec2/vpc_flow_log.go (every argument but tags: AWS cannot modify a flow log)",
    },
    "aws:cloudwatch/logGroup:LogGroup": { inputs: ["name", "namePrefix", "logGroupClass"], source: "internal/service/logs/group.go (retentionInDays changes in place; not re-read)" },
    "aws:iam/role:Role": { inputs: ["name", "namePrefix", "path"], source: "internal/service/iam/role.go (assumeRolePolicy and description change in place; not re-read)" },
    "aws:iam/rolePolicy:RolePolicy": { inputs: ["role", "name", "namePrefix"], source: "internal/service/iam/role_policy.go (not re-read)" },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": { inputs: ["role", "policyArn"], source: "internal/service/iam/role_policy_attachment.go (not re-read)" },
    "aws:lambda/function:Function": {
        inputs: ["name", "packageType"],
        source: "internal/service/lambda/function.go (code, role, runtime, environment and vpcConfig change in place; not re-read)",
    },
    "aws:iam/policy:Policy": { inputs: ["name", "namePrefix", "path", "description"], source: "internal/service/iam/policy.go (IAM cannot change a policy's description; not re-read)" },
};

/**
 * The subnet's one conditional replacement (`CustomizeDiff: ForceNewIf("ipv6_cidr_block", ...)` in
 * internal/service/ec2/vpc_subnet.go, read 2026-11-25): a change of `ipv6CidrBlock` replaces the
 * subnet when it had `assignIpv6AddressOnCreation` on. Adding a block to a subnet without one is
 * an update; taking a dual-stack subnet's block away (or moving it) replaces the subnet.
 */
export function subnetIpv6Replacement(before: Record<string, unknown>, after: Record<string, unknown>): string | undefined {
    if (before.assignIpv6AddressOnCreation === true && before.ipv6CidrBlock !== after.ipv6CidrBlock) {
        return `ipv6CidrBlock changes from ${JSON.stringify(before.ipv6CidrBlock)} to ${JSON.stringify(after.ipv6CidrBlock)} while assignIpv6AddressOnCreation was on`;
    }
    return undefined;
}

const RULE_SOURCES = ["cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId"] as const;

/**
 * Which kind of peer a security-group rule has. The provider replaces a rule whose kind of
 * peer changes (e.g. from a CIDR to a security group: EC2's ModifySecurityGroupRules cannot),
 * while a new peer of the same kind is an update (ModifyPlan in vpc_security_group_ingress_rule.go).
 */
export function ruleSourceKind(inputs: Record<string, unknown>): string | undefined {
    return RULE_SOURCES.find((source) => inputs[source] !== undefined);
}
