import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { committablePaths, documentationFiles, githubSlug, headingAnchors, isRegistryPage, linkTargets, ROOT } from "./markdown-documents";

// Every relative link in README.md, CONTRIBUTING.md and docs/*.md leads somewhere: to a file or
// folder the repository holds (not one that only a build makes), and, with an anchor, to a
// heading there. Web addresses are not fetched (the tests need no network).

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/**
 * What a link in `file` points at: the repository path and the anchor, or a problem. A Registry
 * page's `./other/` is Hugo's address of the page `other.md` beside it.
 */
export function resolveLink(file: string, href: string, paths: Set<string>): { target: string; anchor?: string } | { problem: string } {
    const [rawPath, anchor] = href.split("#", 2);
    if (href.startsWith("/")) {
        return { problem: "starts with /: GitHub and the Registry read it differently; write it relative to the file" };
    }
    let target = rawPath === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(rawPath)));
    target = target.replace(/\/$/, "");
    if (!paths.has(target) && rawPath.endsWith("/") && isRegistryPage(file) && paths.has(`${target}.md`)) {
        target = `${target}.md`;
    }
    if (target.startsWith("..") || !paths.has(target)) {
        return { problem: `${target} is not in the repository` };
    }
    return anchor === undefined ? { target } : { target, anchor };
}

/** `file: href: problem` for every link that leads nowhere. */
function brokenLinks(files: string[], paths: Set<string>): string[] {
    const anchorsOf = new Map<string, Set<string>>();
    return files.flatMap((file) =>
        linkTargets(file)
            .filter((href) => !EXTERNAL.test(href))
            .flatMap((href) => {
                const resolved = resolveLink(file, href, paths);
                if ("problem" in resolved) {
                    return [`${file}: ${href}: ${resolved.problem}`];
                }
                if (resolved.anchor === undefined) {
                    return [];
                }
                if (!resolved.target.endsWith(".md") || !fs.statSync(path.join(ROOT, resolved.target)).isFile()) {
                    return [`${file}: ${href}: an anchor into ${resolved.target}, which is not a Markdown file`];
                }
                const anchors = anchorsOf.get(resolved.target) ?? headingAnchors(resolved.target);
                anchorsOf.set(resolved.target, anchors);
                return anchors.has(resolved.anchor) ? [] : [`${file}: ${href}: ${resolved.target} has no heading #${resolved.anchor}`];
            }),
    );
}

describe("links in README.md, CONTRIBUTING.md and docs/*.md", () => {
    const files = documentationFiles().filter((file) => fs.existsSync(path.join(ROOT, file)));

    it("lead to a file or folder of the repository and, with an anchor, to a heading there", () => {
        const paths = committablePaths();
        const relative = files.flatMap((file) => linkTargets(file).filter((href) => !EXTERNAL.test(href)));
        expect(files).to.include.members(["README.md", "CONTRIBUTING.md", "docs/reference.md"]);
        expect(relative.length).to.be.greaterThan(30);
        expect(brokenLinks(files, paths)).to.deep.equal([]);
    });

    it("finds a missing file, a missing heading, an anchor into a folder and a link from the site root", () => {
        const paths = new Set(["README.md", "docs", "docs/operating.md"]);
        expect(resolveLink("README.md", "docs/missing.md", paths)).to.deep.equal({ problem: "docs/missing.md is not in the repository" });
        expect(resolveLink("docs/operating.md", "../README.md#install", paths)).to.deep.equal({ target: "README.md", anchor: "install" });
        expect(resolveLink("docs/operating.md", "#destroying", paths)).to.deep.equal({ target: "docs/operating.md", anchor: "destroying" });
        expect(resolveLink("docs/operating.md", "../../outside.md", paths)).to.have.property("problem");
        expect(resolveLink("README.md", "/docs/operating.md", paths)).to.have.property("problem").that.matches(/starts with \//);
    });

    it("anchors headings as GitHub does: lowercase, punctuation dropped, spaces to hyphens, code spans as their text", () => {
        expect(githubSlug("Destroying: Lambda's network interfaces linger")).to.equal("destroying-lambdas-network-interfaces-linger");
        expect(githubSlug("Dual stack (IPv6)")).to.equal("dual-stack-ipv6");
        expect(githubSlug("Policy pack vpc-lambda-guard")).to.equal("policy-pack-vpc-lambda-guard");
        expect(githubSlug("What AWS would refuse, caught before deploy")).to.equal("what-aws-would-refuse-caught-before-deploy");
    });
});
