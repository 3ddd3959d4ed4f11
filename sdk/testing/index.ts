export { MockAws, MockAwsOptions } from "./aws-mocks";
export { isSecret, MockStack, MockStackOptions, RecordedResource, UNKNOWN } from "./mock-stack";
