/**
 * An AWS service's endpoint name: the part after `com.amazonaws.<region>.` (`sqs`, `ecr.api`,
 * `execute-api`, `bedrock-runtime`). One pattern for the arguments that list services and for
 * the needs tag the policy pack reads.
 */
export const SERVICE_NAME = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
