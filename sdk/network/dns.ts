// How names resolve inside a VPC: its two DNS attributes, and an interface endpoint's private
// DNS. An interface endpoint serves its service's usual name only with private DNS on and both
// attributes on in its VPC; with enableDnsSupport off, the VPC's resolver answers nothing. Facts:
// the EC2 API reference, CreateVpcEndpoint PrivateDnsEnabled; the VPC user guide, "DNS attributes
// for your VPC" (enableDnsHostnames defaults to false except in a default VPC).
import { AWS_RESOURCE_TYPES, VPC_TYPES } from "../aws/resource-types";
import { isUnknown } from "./known-values";
import { value } from "./network-resource";
import type { ResourceIndex } from "./resource-index";

/** A flag as the stack shows it: on, off, or not known yet (a preview, a value computed from new resources). */
export type Tristate = boolean | "unknown";

/** A VPC's DNS attributes; undefined for a VPC the stack does not create or adopt. */
export function vpcDnsOf(index: ResourceIndex, vpcId: string | undefined): { support: Tristate; hostnames: Tristate } | undefined {
    const vpc = vpcId === undefined ? undefined : index.resource(vpcId);
    if (!vpc || !VPC_TYPES.includes(vpc.type)) {
        return undefined;
    }
    // A default VPC has both attributes on; aws.ec2.Vpc leaves DNS hostnames off unless asked.
    return { support: flag(value(vpc, "enableDnsSupport"), true), hostnames: flag(value(vpc, "enableDnsHostnames"), vpc.type === AWS_RESOURCE_TYPES.defaultVpc) };
}

/** An endpoint's private DNS: its own flag (the provider's default is off), or an aws.vpc.EndpointPrivateDns that turns it on. */
export function privateDnsOf(index: ResourceIndex, endpointId: string): Tristate {
    const resource = index.resource(endpointId);
    const own = resource ? flag(value(resource, "privateDnsEnabled"), false) : "unknown";
    if (own === true) {
        return true;
    }
    const elsewhere = index
        .ofType(AWS_RESOURCE_TYPES.endpointPrivateDns)
        .filter((r) => index.ref(r, "vpcEndpointId", [AWS_RESOURCE_TYPES.vpcEndpoint]) === endpointId)
        .map((r) => flag(value(r, "privateDnsEnabled"), false));
    return elsewhere.includes(true) ? true : own === "unknown" || elsewhere.includes("unknown") ? "unknown" : false;
}

function flag(v: unknown, fallback: boolean): Tristate {
    return isUnknown(v) ? "unknown" : typeof v === "boolean" ? v : fallback;
}
