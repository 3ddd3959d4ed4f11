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
 * The subnet's one conditional replacement, as the pinned provider has it. @pulumi/aws 7.48.0's
 * own docs for `ipv6CidrBlock` (node_modules/@pulumi/aws/ec2/subnet.d.ts) carry the sentence of
 * terraform-provider-aws#46043: "If the existing IPv6 subnet was created with
 * assignIpv6AddressOnCreation = true, changing this value will force resource recreation", so the
 * bundled vpc_subnet.go has `CustomizeDiff: ForceNewIf("ipv6_cidr_block", ...)`: it fires when
 * `d.HasChange("ipv6_cidr_block")` and the old `assign_ipv6_address_on_creation` was true (read
 * 2026-11-30). `ipv6_cidr_block` is Optional and Computed, and an argument of that kind removed
 * from the inputs keeps its old value in the plan: no change, no replacement (the resource's update
 * says as much: "When Optional+Computed, removal from config doesn't trigger HasChange()"), and the
 * update disassociates the block in place. So moving a dual-stack subnet to another /64 replaces
 * it; dropping its block (dual stack turned off) updates it.
 */
export function subnetIpv6Replacement(before: Record<string, unknown>, after: Record<string, unknown>): string | undefined {
    if (before.assignIpv6AddressOnCreation === true && after.ipv6CidrBlock !== undefined && before.ipv6CidrBlock !== after.ipv6CidrBlock) {
        return `ipv6CidrBlock changes from ${JSON.stringify(before.ipv6CidrBlock)} to ${JSON.stringify(after.ipv6CidrBlock)} while assignIpv6AddressOnCreation was on`;
    }
    return undefined;
}

/**
 * An update AWS refuses: a VPC that gives up its Amazon-provided IPv6 block while subnets still
 * hold /64s of it. The provider disassociates the VPC's block when `assignGeneratedIpv6CidrBlock`
 * goes from true to unset, and the engine updates the VPC before the subnets that depend on it, so
 * DisassociateVpcCidrBlock fails with InvalidCidrBlock.InUse ("currently has a subnet within CIDR
 * block", terraform-provider-aws#39854 and #40791).
 */
export function vpcIpv6Refusal(before: Record<string, unknown>, after: Record<string, unknown>, subnetsHoldingIpv6: number): string | undefined {
    if (before.assignGeneratedIpv6CidrBlock === true && after.assignGeneratedIpv6CidrBlock !== true && subnetsHoldingIpv6 > 0) {
        return `assignGeneratedIpv6CidrBlock is dropped while ${subnetsHoldingIpv6} subnets hold /64s of the VPC's /56: AWS refuses to disassociate it (InvalidCidrBlock.InUse), and the VPC is updated before its subnets`;
    }
    return undefined;
}

/**
 * Values AWS keeps unique while the old and the new resource both exist: a replacement created
 * before the old one is deleted (Pulumi's default) asks for the same value and is refused, unless
 * the resource is registered with `deleteBeforeReplace`. `scope` is the input within which the
 * value is unique; `value` the inputs that make it up.
 */
export const UNIQUE_WHILE_BOTH_EXIST: Readonly<Record<string, { scope: string; value: readonly string[]; why: string }>> = {
    "aws:ec2/subnet:Subnet": { scope: "vpcId", value: ["cidrBlock"], why: "a VPC's subnets may not overlap (InvalidSubnet.Conflict)" },
    "aws:ec2/vpcEndpoint:VpcEndpoint": {
        scope: "vpcId",
        value: ["serviceName", "vpcEndpointType"],
        why: "one interface endpoint per VPC may hold a service's private DNS, and a route table takes one route to a gateway endpoint's prefix list",
    },
};

const RULE_SOURCES = ["cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId"] as const;

/**
 * Which kind of peer a security-group rule has. The provider replaces a rule whose kind of
 * peer changes (e.g. from a CIDR to a security group: EC2's ModifySecurityGroupRules cannot),
 * while a new peer of the same kind is an update (ModifyPlan in vpc_security_group_ingress_rule.go).
 */
export function ruleSourceKind(inputs: Record<string, unknown>): string | undefined {
    return RULE_SOURCES.find((source) => inputs[source] !== undefined);
}
