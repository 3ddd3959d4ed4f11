import { expect } from "chai";
import { missingPackage, missingPackageName } from "../../cli/missing-package";

// Which package a failed `require` names: what the CLI puts in its one line when a package the
// plan or the program needs is not installed.

/** The error Node throws for `require(specifier)` when nothing is found. */
function notFound(specifier: string): Error {
    return Object.assign(new Error(`Cannot find module '${specifier}'\nRequire stack:\n- /app/index.js`), { code: "MODULE_NOT_FOUND" });
}

describe("cli: the package a missing module belongs to", () => {
    it("names a scoped package, without the subpath required", () => {
        expect(missingPackageName(notFound("@pulumi/policy/schema"))).to.equal("@pulumi/policy");
    });

    it("names an unscoped package, without the subpath required", () => {
        expect(missingPackageName(notFound("typescript/lib/typescript"))).to.equal("typescript");
    });

    it("names no package for a file of the program (relative or absolute)", () => {
        expect(missingPackageName(notFound("./settings"))).to.equal(undefined);
        expect(missingPackageName(notFound("/app/settings.js"))).to.equal(undefined);
    });

    it("names no package for any other error", () => {
        expect(missingPackageName(new Error("Cannot find module 'x'"))).to.equal(undefined);
        expect(missingPackageName("Cannot find module 'x'")).to.equal(undefined);
    });

    it("says what needs the package and the npm command that installs it, on one line", () => {
        const plan = missingPackage("@pulumi/policy").message;
        const program = missingPackage("@pulumi/aws", undefined, "program").message;
        expect(plan).to.equal("the plan's policy verdicts need @pulumi/policy, and it is not installed: npm install @pulumi/policy");
        expect(program).to.equal("the program needs @pulumi/aws, and it is not installed: npm install @pulumi/aws");
    });
});
