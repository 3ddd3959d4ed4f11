import { expect } from "chai";
import { MockAws } from "../../sdk/testing/aws-mocks";

describe("MockAws", () => {
    // Found by `make e2e`: the YAML example passes the queue's url to its function, and with no
    // url the real engine saw a value missing after `up` and unknown in every later preview.
    it("gives an SQS queue the URL, ARN and name AWS gives it", () => {
        const { state } = new MockAws({ region: "eu-west-1" }).newResource({ type: "aws:sqs/queue:Queue", name: "queue", inputs: { name: "orders" } });
        expect(state).to.include({
            url: "https://sqs.eu-west-1.amazonaws.com/123456789012/orders",
            arn: "arn:aws:sqs:eu-west-1:123456789012:orders",
            name: "orders",
        });
    });

    it("names a FIFO queue with the .fifo suffix AWS requires", () => {
        const { state } = new MockAws().newResource({ type: "aws:sqs/queue:Queue", name: "jobs", inputs: { fifoQueue: true } });
        expect(String(state.name)).to.match(/^jobs-[0-9a-f]{7}\.fifo$/);
        expect(String(state.url)).to.equal(`https://sqs.us-east-1.amazonaws.com/123456789012/${state.name}`);
    });
});
