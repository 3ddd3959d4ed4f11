export { MockAws, MockAwsOptions } from "../offline-engine/mock-aws";
export { isSecret, MockStack, MockStackOptions, RecordedResource, UNKNOWN } from "../offline-engine/mock-stack";
