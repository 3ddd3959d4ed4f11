export { MockAws, MockAwsOptions } from "./aws-mocks";
export { MockStack, MockStackOptions, RecordedResource, UNKNOWN } from "./mock-stack";
