import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// The repository names no package registry's host: installs go through each ecosystem's own
// client and its configured registry, never a host written into a doc, a script or a test.
// Lock files (package-lock.json, go.sum) are written by those clients and exempt. Go module
// paths such as golang.org/x/... are names, not hosts, and are not matched.

const ROOT = path.resolve(__dirname, "..", "..", "..");

/** A host name matcher, built from its labels so that this file spells no host itself. */
const host = (...labels: string[]) => labels.map((label) => label.replace(/\./g, "\\.")).join("\\.");
/** A domain and any of its subdomains, as a whole name (not the tail of a longer label). */
const domain = (...labels: string[]) => new RegExp(`(?<![a-z0-9.-])([a-z0-9-]+\\.)*${host(...labels)}(?!\\.?[a-z0-9-])`, "i");
/** Exactly these hosts. */
const hosts = (...names: string[][]) => new RegExp(`(?<![a-z0-9.-])(${names.map((labels) => host(...labels)).join("|")})(?!\\.?[a-z0-9-])`, "i");

const REGISTRY_HOSTS: { registry: string; pattern: RegExp }[] = [
    { registry: "npm", pattern: domain("npmjs", "org") },
    { registry: "npm (website)", pattern: domain("npmjs", "com") },
    { registry: "Yarn's npm mirror", pattern: domain("yarnpkg", "com") },
    { registry: "PyPI", pattern: domain("pypi", "org") },
    { registry: "PyPI (legacy)", pattern: hosts(["pypi", "python", "org"]) },
    { registry: "PyPI's file host", pattern: domain("pythonhosted", "org") },
    { registry: "the Go module proxy and checksum database", pattern: hosts(["proxy", "golang", "org"], ["sum", "golang", "org"], ["index", "golang", "org"]) },
    { registry: "Maven Central", pattern: domain("maven", "org") },
    { registry: "Maven Central (Apache)", pattern: hosts(["repo", "maven", "apache", "org"]) },
    { registry: "Maven Central (Sonatype)", pattern: hosts(["central", "sonatype", "com"], ["oss", "sonatype", "org"], ["s01", "oss", "sonatype", "org"]) },
    { registry: "Rust's crates registry", pattern: domain("crates", "io") },
    { registry: "Debian's mirrors", pattern: /(?<![a-z0-9.-])(deb|security|httpredir|snapshot|ftp(\.[a-z]{2})?|cdn-fastly\.deb)\.debian\.org(?!\.?[a-z0-9-])/i },
    { registry: "NuGet", pattern: domain("nuget", "org") },
    { registry: "RubyGems", pattern: domain("rubygems", "org") },
];

/** Written by the package clients themselves. */
const EXEMPT = /(^|\/)(package-lock\.json|go\.sum)$/;

function trackedFiles(): string[] {
    return execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" })
        .split("\0")
        .filter((file) => file && !EXEMPT.test(file) && fs.existsSync(path.join(ROOT, file)));
}

/** `file:line: host (registry)` for every line that names a registry's host. */
export function registryHostsIn(file: string, text: string): string[] {
    return text.split("\n").flatMap((line, i) =>
        REGISTRY_HOSTS.flatMap(({ registry, pattern }) => {
            const match = pattern.exec(line);
            return match ? [`${file}:${i + 1}: ${match[0]} (${registry})`] : [];
        }),
    );
}

describe("package registry hosts", () => {
    it("are named in no tracked file (lock files aside)", () => {
        const files = trackedFiles();
        expect(files.length).to.be.greaterThan(100);
        const found = files.flatMap((file) => registryHostsIn(file, fs.readFileSync(path.join(ROOT, file), "utf8")));
        expect(found).to.deep.equal([]);
    });

    it("are recognised in a URL, a bare host and a subdomain, for each registry", () => {
        const samples = [
            `https://${["registry", "npmjs", "org"].join(".")}/left-pad`,
            ["www", "npmjs", "com"].join("."),
            ["files", "pythonhosted", "org"].join("."),
            `GOPROXY=https://${["proxy", "golang", "org"].join(".")}`,
            ["sum", "golang", "org"].join("."),
            ["repo1", "maven", "org"].join("."),
            ["repo", "maven", "apache", "org"].join("."),
            ["static", "crates", "io"].join("."),
            `http://${["deb", "debian", "org"].join(".")}/debian`,
            ["api", "nuget", "org"].join("."),
            ["rubygems", "org"].join("."),
        ];
        expect(samples.filter((line) => registryHostsIn("sample", line).length === 0)).to.deep.equal([]);
    });

    it("leave module paths and words alone: golang.org/x/..., PyPI, Maven, a host that only ends like one", () => {
        const lines = ["require golang.org/x/net v0.40.0", "pulumi 3.272.0 from PyPI", "a Maven project", ["my", "crates", "io", "example"].join("."), ["notnpmjs", "org"].join(".")];
        expect(lines.flatMap((line) => registryHostsIn("sample", line))).to.deep.equal([]);
    });
});
