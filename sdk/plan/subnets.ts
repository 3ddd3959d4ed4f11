import { lambdaSubnetSlot, publicSubnetSlot } from "../addresses/subnet-layout";
import type { SubnetPlan, ZonePlan } from "./types";

/**
 * One Lambda subnet per zone, and one public subnet per zone when the pattern has them, each in
 * its zone's fixed slot of the layout (subnet-layout.ts), so that none moves as zones are added.
 */
export function planSubnets(vpcCidr: string, zones: ZonePlan[], withPublicSubnets: boolean, dualStack: boolean): SubnetPlan[] {
    const subnets: SubnetPlan[] = [];
    for (const zone of zones) {
        const slot = lambdaSubnetSlot(vpcCidr, zone.number);
        subnets.push({
            key: `lambda-subnet-${zone.number}`,
            role: "lambda",
            zone: zone.number,
            cidrBlock: slot.cidrBlock,
            mapPublicIpOnLaunch: false,
            ...(dualStack ? { ipv6SubnetIndex: slot.ipv6SubnetIndex } : {}),
        });
    }
    if (withPublicSubnets) {
        for (const zone of zones) {
            const slot = publicSubnetSlot(vpcCidr, zone.number);
            subnets.push({
                key: `public-subnet-${zone.number}`,
                role: "public",
                zone: zone.number,
                cidrBlock: slot.cidrBlock,
                // Only NAT gateways live here, and they take an Elastic IP explicitly.
                mapPublicIpOnLaunch: false,
                ...(dualStack ? { ipv6SubnetIndex: slot.ipv6SubnetIndex } : {}),
            });
        }
    }
    return subnets;
}
