import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { checkKnownKeys, checkNoDuplicates, closestName, InvalidNetworkArgumentsError, isIntegerIn, isPlainObject, oneOf, ProblemList, show } from "../../../sdk/arguments/problems";
import { rejectionOf } from "../../helpers/plan";

describe("validation: how problems are found and worded", () => {
    describe("show", () => {
        // Equivalent mutant: removing `if (value === undefined) return "undefined"` changes nothing,
        // since JSON.stringify(undefined) is undefined and the fallback String(undefined) is
        // "undefined" too. The branch stays because it says so without that detour.
        it("quotes a value as JSON, an Output and undefined by name, and what JSON cannot write as text", () => {
            expect([show("sg-1"), show(42), show(null), show([1, "a"]), show({ a: 1 })]).to.deep.equal(['"sg-1"', "42", "null", '[1,"a"]', '{"a":1}']);
            expect([show(pulumi.output("x")), show(undefined), show(Symbol("s")), show(() => 1)]).to.deep.equal(["an Output", "undefined", "Symbol(s)", "() => 1"]);
        });

        it("keeps 80 characters whole and cuts a longer value to 77 and an ellipsis", () => {
            const eighty = "a".repeat(78);
            expect(show(eighty)).to.equal(`"${eighty}"`);
            expect(show(`${eighty}b`)).to.equal(`"${"a".repeat(76)}...`);
        });
    });

    it("oneOf quotes each allowed value and separates them with commas", () => {
        expect(oneOf(["s3", 60, true])).to.equal('"s3", 60, true');
    });

    describe("closestName", () => {
        const known = ["natGateways", "tags", "flowLogs"];

        it("finds a name one or two edits away, ignoring case", () => {
            expect([closestName("natGateway", known), closestName("NATGATEWAYS", known), closestName("tgas", known), closestName("flwLog", known)]).to.deep.equal([
                "natGateways",
                "natGateways",
                "tags",
                "flowLogs",
            ]);
        });

        it("finds none three edits away", () => {
            expect(closestName("tg", ["tags"])).to.equal("tags");
            expect(closestName("t", ["tags"])).to.equal(undefined);
            expect(closestName("flo", known)).to.equal(undefined);
        });

        it("prefers the nearer of two, and the first of two as near", () => {
            expect(closestName("cat", ["cart", "cat"])).to.equal("cat");
            expect(closestName("bat", ["cab", "bar", "bad"])).to.equal("bar");
        });

        it("counts an insertion, a deletion and a substitution as one edit each", () => {
            expect(closestName("abcdef", ["abXdef"])).to.equal("abXdef");
            expect(closestName("abcdef", ["abdef", "zzzzzz"])).to.equal("abdef");
            expect(closestName("abcdef", ["abcXdef"])).to.equal("abcXdef");
            expect(closestName("abcdef", ["XbcdeY"])).to.equal("XbcdeY");
            expect(closestName("abcdef", ["XYcdeZ"])).to.equal(undefined);
            expect(closestName("", ["ab"])).to.equal("ab");
            expect(closestName("abc", [""])).to.equal(undefined);
            expect(closestName("tagsxyz", ["tags"])).to.equal(undefined);
        });
    });

    it("isPlainObject: an object, not an array, null, an Output or a primitive", () => {
        expect([{}, [], null, pulumi.output({}), "x", undefined].map(isPlainObject)).to.deep.equal([true, false, false, false, false, false]);
    });

    it("isIntegerIn: an integer number within both bounds", () => {
        expect([1, 5, 3, 0, 6, 2.5, "3", NaN].map((v) => isIntegerIn(v, 1, 5))).to.deep.equal([true, true, true, false, false, false, false, false]);
    });

    it("checkNoDuplicates reports each repeat at its own index, and skips values that are not strings", () => {
        const problems = new ProblemList();
        checkNoDuplicates(problems, "ids", ["a", "b", "a", 1, 1, "a"]);
        expect(problems.problems).to.deep.equal([
            { field: "ids[2]", message: '"a" is listed twice; list each once.' },
            { field: "ids[5]", message: '"a" is listed twice; list each once.' },
        ]);
    });

    it("checkKnownKeys names a top-level key without a leading dot, and skips keys whose value is undefined", () => {
        const problems = new ProblemList();
        checkKnownKeys(problems, "", { pattern: 1, patern: 2, gone: undefined }, ["pattern"]);
        checkKnownKeys(problems, "natGateways", { strategy: 1, zone: 2 }, ["strategy"]);
        expect(problems.problems).to.deep.equal([
            { field: "patern", message: 'is not an argument of VpcLambdaNetwork; did you mean "pattern"?' },
            { field: "natGateways.zone", message: "is not an argument of VpcLambdaNetwork; allowed: strategy." },
        ]);
    });

    it("ProblemList is empty until a problem is added", () => {
        const problems = new ProblemList();
        expect(problems.isEmpty).to.equal(true);
        problems.add("a", "b");
        expect(problems.isEmpty).to.equal(false);
    });

    describe("the error", () => {
        it("counts one invalid argument in the singular, and lists it", () => {
            const error = new InvalidNetworkArgumentsError("app", [{ field: "pattern", message: "is required." }]);
            expect(error.message).to.equal('VpcLambdaNetwork "app" has 1 invalid argument; nothing was created:\n  - pattern: is required.');
        });

        it("lists several, one a line, in the order found", () => {
            const error = rejectionOf({ pattern: "Nope", cidrBlock: 16 });
            expect(error.message).to.equal(
                'VpcLambdaNetwork "app" has 2 invalid arguments; nothing was created:\n' +
                    '  - pattern: "Nope" is not a network pattern; allowed: "PrivateWithNat", "PrivateWithEndpoints", "Isolated".\n' +
                    '  - cidrBlock: 16 is not a string; write an IPv4 block such as "10.0.0.0/16".',
            );
        });

        it("refuses an Output or an array as the arguments", () => {
            expect(rejectionOf(pulumi.output({ pattern: "Isolated" }) as unknown as Record<string, unknown>).problems).to.deep.equal([
                { field: "args", message: "an Output is not an object; at least { pattern } is required." },
            ]);
        });
    });
});
