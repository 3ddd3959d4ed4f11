// For `make e2e` only: the Go snippet of docs/other-languages.md, compiled against the Go SDK that Pulumi's Go code
// generator makes from provider/schema.json. pulumi-aws's Go SDK is not served here, so the
// function's arguments are checked by type: its vpcConfig takes a pulumi.StringArrayInput for
// both lists, and the ENI policy attachment a pulumi.StringInput for the policy's ARN.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	vpclambda "example.com/pulumi-vpc-lambda/sdk/go/vpc-lambda"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		zones := 2
		net, err := vpclambda.NewVpcLambdaNetwork(ctx, "app", &vpclambda.VpcLambdaNetworkArgs{
			Pattern:                   vpclambda.NetworkPatternPrivateWithEndpoints,
			NumberOfAvailabilityZones: &zones,
			InterfaceEndpoints:        []string{"secretsmanager"},
			AllowTo: []vpclambda.AllowToTargetArgs{
				{SecurityGroupId: pulumi.String("sg-0123456789abcdef0"), Port: 3306},
			},
		})
		if err != nil {
			return err
		}
		var subnetIds pulumi.StringArrayInput = net.LambdaSubnetIds
		var securityGroupIds pulumi.StringArrayInput = pulumi.StringArray{net.LambdaSecurityGroupId}
		var policyArn pulumi.StringInput = net.EniPolicyArn
		ctx.Export("subnetIds", subnetIds)
		ctx.Export("securityGroupIds", securityGroupIds)
		ctx.Export("eniPolicyArn", policyArn)
		return nil
	})
}
