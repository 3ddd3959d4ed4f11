import { expect } from "chai";
import { NetworkPattern } from "../../../sdk/args";
import { planFor } from "../../helpers/plan";

// What planNetwork carries from the validated arguments into the plan unchanged. (The flow log's
// other fields are pinned in tests/sdk/plan/flow-logs.spec.ts.)

describe("plan: settings carried from the arguments", () => {
    it("encrypts the flow log's log group with the KMS key given, and plans none without one", () => {
        const key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        const withKey = planFor({ pattern: NetworkPattern.Isolated, flowLogs: { kmsKeyId: key } }).flowLog?.destination;
        expect(withKey).to.deep.include({ kind: "cloud-watch-logs", logGroupKey: "flow-log-group", kmsKeyId: key });
        expect(planFor({ pattern: NetworkPattern.Isolated }).flowLog?.destination).to.not.have.property("kmsKeyId");
    });
});
