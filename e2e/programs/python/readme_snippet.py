"""For `make e2e` only: the README's Python snippet, run under Pulumi's Python mocks with the SDK
Pulumi's Python code generator makes from provider/schema.json and pulumi-aws 7.48.0 from PyPI.
Without the Python language host (not served here) no engine runs it; what it proves is that the
snippet's names exist in the generated SDK and in pulumi-aws, and what the SDK sends on the wire
for them. It prints, as JSON, every resource registered with the inputs it was sent."""
import json

import pulumi

COMPONENT = "vpc-lambda:index:VpcLambdaNetwork"
registered = []


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        registered.append({"type": args.typ, "name": args.name, "inputs": args.inputs})
        outputs = dict(args.inputs)
        if args.typ == COMPONENT:
            # What the plugin would answer: the component's outputs the snippet reads.
            outputs.update(
                lambdaSubnetIds=["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"],
                lambdaSecurityGroupId="sg-0a1b2c3d4e5f60718",
                eniPolicyArn="arn:aws:iam::123456789012:policy/app-lambda-eni-policy",
            )
        return [f"{args.name}-id", outputs]

    def call(self, args: pulumi.runtime.MockCallArgs):
        return {}


pulumi.runtime.set_mocks(Mocks(), preview=False)

import pulumi_aws as aws  # noqa: E402  (after set_mocks, as Pulumi's unit-testing guide does)
import pulumi_vpc_lambda as vpc_lambda  # noqa: E402


@pulumi.runtime.test
def readme_snippet():
    role = aws.iam.Role("fn-role", assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": []}))
    db_security_group = aws.ec2.SecurityGroup("db-sg")

    # The README's snippet, as written there (the function's runtime, handler and code added).
    net = vpc_lambda.VpcLambdaNetwork("app",
        pattern="PrivateWithNat",
        allow_to=[{"security_group_id": db_security_group.id, "port": 3306, "description": "MySQL"}])

    eni_access = aws.iam.RolePolicyAttachment("fn-eni", role=role.name, policy_arn=net.eni_policy_arn)
    fn = aws.lambda_.Function("fn",
        role=role.arn,
        vpc_config={"subnet_ids": net.lambda_subnet_ids, "security_group_ids": [net.lambda_security_group_id]},
        opts=pulumi.ResourceOptions(depends_on=[eni_access]),
        runtime="nodejs24.x", handler="index.handler", code=pulumi.AssetArchive({}))

    return pulumi.Output.all(fn.urn, eni_access.urn).apply(lambda _: print(json.dumps(registered, default=repr)))


readme_snippet()
