import { expect } from "chai";
import { isWholeRange } from "../../../sdk/addresses/whole-range";

describe("addresses: the whole range of a family", () => {
    it("takes any /0 of either family for the whole family, spaces around it aside", () => {
        expect(["0.0.0.0/0", "::/0", "0::/0", " 0.0.0.0/0 "].map(isWholeRange)).to.deep.equal([true, true, true, true]);
    });

    it("takes no longer prefix for the whole family, nor a /0 inside a longer one", () => {
        expect(["10.0.0.0/16", "10.0.0.0/10", "::/01", "0.0.0.0/0/16", "0.0.0.0"].map(isWholeRange)).to.deep.equal([false, false, false, false, false]);
    });
});
