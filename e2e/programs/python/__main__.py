"""For `make e2e`: the Python snippet of docs/other-languages.md, run by the real engine through the Python language
host, in a VPC the program makes first (as a platform team would) with the database's security
group in it.

In Python the component is constructed by its plugin, which the engine calls only once every
input is known: an `allow_to` group that waits on the network's own outputs (TypeScript's
`deferredOutput`, as examples/nat-rds does) would never be known, and the program would hang.
So the group comes first, in a VPC given to the network as `existing_vpc`."""
import json

import pulumi
import pulumi_aws as aws
import pulumi_vpc_lambda as vpc_lambda

# The VPC, two private subnets with a route table each, and the database's security group.
vpc = aws.ec2.Vpc("shared", cidr_block="10.30.0.0/16", enable_dns_support=True, enable_dns_hostnames=True)
zones = aws.get_availability_zones(state="available").names[:2]
subnets = [
    aws.ec2.Subnet(f"shared-private-{i + 1}", vpc_id=vpc.id, availability_zone=zone, cidr_block=f"10.30.{i * 16}.0/20")
    for i, zone in enumerate(zones)
]
route_tables = []
for i, subnet in enumerate(subnets):
    table = aws.ec2.RouteTable(f"shared-private-{i + 1}", vpc_id=vpc.id)
    aws.ec2.RouteTableAssociation(f"shared-private-{i + 1}", subnet_id=subnet.id, route_table_id=table.id)
    route_tables.append(table)
db_security_group = aws.ec2.SecurityGroup("db-sg", vpc_id=vpc.id, description="MySQL, reachable from the Lambda functions only")

role = aws.iam.Role("fn-role", assume_role_policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}))

# The snippet, in that VPC: no NAT gateway there, so PrivateWithEndpoints.
net = vpc_lambda.VpcLambdaNetwork("app",
    pattern="PrivateWithEndpoints",
    existing_vpc={"vpc_id": vpc.id, "subnet_ids": [s.id for s in subnets], "route_table_ids": [t.id for t in route_tables]},
    allow_to=[{"security_group_id": db_security_group.id, "port": 3306, "description": "MySQL"}])

# allow_to opens the Lambda side; the database's group admits the Lambda group on 3306.
aws.vpc.SecurityGroupIngressRule("db-from-lambda",
    security_group_id=db_security_group.id,
    referenced_security_group_id=net.lambda_security_group_id,
    ip_protocol="tcp", from_port=3306, to_port=3306,
    description="MySQL from the Lambda security group")

eni_access = aws.iam.RolePolicyAttachment("fn-eni", role=role.name, policy_arn=net.eni_policy_arn)
fn = aws.lambda_.Function("fn",
    role=role.arn,
    vpc_config={"subnet_ids": net.lambda_subnet_ids, "security_group_ids": [net.lambda_security_group_id]},
    opts=pulumi.ResourceOptions(depends_on=[eni_access]),
    runtime="nodejs24.x", handler="index.handler",
    code=pulumi.AssetArchive({"index.mjs": pulumi.StringAsset("export const handler = async () => ({ ok: true });\n")}))

pulumi.export("vpcId", net.vpc_id)
pulumi.export("lambdaSubnetIds", net.lambda_subnet_ids)
