import { execFileSync } from "child_process";
import * as fs from "fs";
import { marked, Token, Tokens } from "marked";
import * as path from "path";

// The repository's documentation read as GitHub reads it: marked's lexer (GitHub-flavoured
// Markdown) finds the fenced blocks, the links and the headings, so that a block inside a list
// item or a link inside a table is found as a reader sees it, and one in a code span is not.

export const ROOT = path.resolve(__dirname, "..", "..", "..");

/** README.md, CONTRIBUTING.md and every docs/*.md, relative to the root. */
export function documentationFiles(): string[] {
    const docs = fs.existsSync(path.join(ROOT, "docs")) ? fs.readdirSync(path.join(ROOT, "docs")).filter((name) => name.endsWith(".md")) : [];
    return ["README.md", "CONTRIBUTING.md", ...docs.sort().map((name) => `docs/${name}`)];
}

/** What the comment right before a block says about it: `<!-- fragment: ... -->`, `<!-- unchecked: ... -->`, `<!-- output: ... -->`. */
export interface BlockMarker {
    kind: "fragment" | "unchecked" | "output";
    /** The text after the colon, or "" for a bare `<!-- fragment -->`. */
    value: string;
}

export interface CodeBlock {
    file: string;
    /** The line of the opening fence, from 1. */
    line: number;
    /** The info string's first word, lowercased; "" when the fence has none. */
    lang: string;
    text: string;
    marker?: BlockMarker;
}

const MARKER = /^<!--\s*(fragment|unchecked|output)\s*(?::([\s\S]*?))?\s*-->\s*$/;

function readDocument(file: string): { text: string; tokens: Token[] } {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    return { text, tokens: marked.lexer(text) };
}

/** The 1-based line where `raw` starts in `text`, searching from `from` (an offset kept by the caller). */
function lineOf(text: string, raw: string, from: { offset: number }): number {
    const at = text.indexOf(raw.trimStart().split("\n")[0], from.offset);
    if (at < 0) {
        return 0;
    }
    from.offset = at + 1;
    return text.slice(0, at).split("\n").length;
}

/** The block tokens inside a token: a list's items, a blockquote's or a list item's children. */
function childBlocks(token: Token): Token[][] {
    if (token.type === "list") {
        return (token as Tokens.List).items.map((item) => item.tokens);
    }
    if (token.type === "blockquote") {
        return [(token as Tokens.Blockquote).tokens];
    }
    return [];
}

/** Every fenced (or indented) code block of a file, with the marker comment right before it. */
export function codeBlocks(file: string): CodeBlock[] {
    const { text, tokens } = readDocument(file);
    const blocks: CodeBlock[] = [];
    const from = { offset: 0 };
    const visit = (level: Token[]) => {
        let previous: Token | undefined;
        for (const token of level) {
            if (token.type === "code") {
                const code = token as Tokens.Code;
                const marker = previous?.type === "html" ? MARKER.exec((previous as Tokens.HTML).text.trim()) : null;
                blocks.push({
                    file,
                    line: lineOf(text, code.raw, from),
                    lang: (code.lang ?? "").split(/\s/)[0].toLowerCase(),
                    text: code.text,
                    ...(marker ? { marker: { kind: marker[1] as BlockMarker["kind"], value: (marker[2] ?? "").trim() } } : {}),
                });
            }
            childBlocks(token).forEach(visit);
            if (token.type !== "space") {
                previous = token;
            }
        }
    };
    visit(tokens);
    return blocks;
}

/** The plain text of inline tokens, as a heading renders: code spans' text, no emphasis marks. */
function plainText(tokens: Token[] | undefined): string {
    return (tokens ?? [])
        .map((token) => {
            const inner = (token as { tokens?: Token[] }).tokens;
            return inner ? plainText(inner) : token.type === "html" ? "" : ((token as { text?: string }).text ?? "");
        })
        .join("");
}

/** GitHub's anchor for a heading's text: lowercase, punctuation dropped, spaces to hyphens. */
export function githubSlug(heading: string): string {
    return heading
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
        .replace(/ /g, "-");
}

/** The anchors GitHub gives a file's headings; a repeated heading gets -1, -2... */
export function headingAnchors(file: string): Set<string> {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    marked.walkTokens(readDocument(file).tokens, (token) => {
        if (token.type === "heading") {
            const slug = githubSlug(plainText((token as Tokens.Heading).tokens));
            const count = seen.get(slug) ?? 0;
            seen.set(slug, count + 1);
            anchors.add(count === 0 ? slug : `${slug}-${count}`);
        }
    });
    return anchors;
}

/** Every link and image target of a file, outside code. */
export function linkTargets(file: string): string[] {
    const targets: string[] = [];
    marked.walkTokens(readDocument(file).tokens, (token) => {
        if (token.type === "link" || token.type === "image") {
            targets.push((token as Tokens.Link | Tokens.Image).href);
        }
    });
    return targets;
}

/** Whether a file carries the Pulumi Registry's front matter (`layout: package`), and so is a Registry page. */
export function isRegistryPage(file: string): boolean {
    const front = /^---\n([\s\S]*?)\n---\n/.exec(fs.readFileSync(path.join(ROOT, file), "utf8"));
    return front !== null && /^layout:\s*package\s*$/m.test(front[1]);
}

/** The files git would commit (tracked, or new and not ignored), and the folders holding them. */
export function committablePaths(): Set<string> {
    const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
    const paths = new Set<string>(files);
    for (const file of files) {
        for (let dir = path.posix.dirname(file); dir !== "."; dir = path.posix.dirname(dir)) {
            paths.add(dir);
        }
    }
    return paths;
}
