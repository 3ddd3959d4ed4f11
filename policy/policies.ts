import type { Policies } from "@pulumi/policy";
import { endpointPolicyPolicies } from "./endpoint-policies";
import { endpointPolicies } from "./endpoints";
import { flowLogPolicies } from "./flow-logs";
import { lambdaIamPolicies } from "./lambda-iam";
import { lambdaNetworkPolicies } from "./lambda-network";
import { reachabilityPolicies } from "./reachability";
import { subnetCapacityPolicies } from "./subnet-capacity";

/**
 * The policies of the `vpc-lambda-guard` pack, as a plain array: `index.ts` serves them to the
 * Pulumi engine, and tests and the offline plan run them in-process (a `PolicyPack` starts a
 * gRPC server, one per process, so nothing else may construct one).
 */
export const policies: Policies = [...lambdaNetworkPolicies, ...lambdaIamPolicies, ...flowLogPolicies, ...endpointPolicies, ...endpointPolicyPolicies, ...subnetCapacityPolicies, ...reachabilityPolicies];

export const POLICY_PACK_NAME = "vpc-lambda-guard";
