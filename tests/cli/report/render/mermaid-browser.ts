import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BrowserContext, chromium, Page } from "playwright-core";

/**
 * The real `mermaid` package, run in Debian's Chromium (headless), as GitHub runs it on a pull
 * request comment: with Mermaid's default settings, so its default limits apply. No browser is
 * downloaded (playwright-core never does) and nothing is fetched: the page is blank and the
 * Mermaid bundle is read from node_modules.
 */

/** Debian's Chromium, or the one VPC_LAMBDA_CHROMIUM names (tests/cli/report/render/install-chromium.sh reads the same variable). */
export const CHROMIUM = process.env.VPC_LAMBDA_CHROMIUM ?? "/usr/bin/chromium";
const MERMAID_BUNDLE = require.resolve("mermaid/dist/mermaid.min.js");
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface RenderedDiagram {
    /** The drawing's own size (its SVG viewBox), in CSS pixels. */
    width: number;
    height: number;
    /** Mermaid's render time in the page, in milliseconds. */
    renderMs: number;
}

export class MermaidBrowser {
    private count = 0;

    private constructor(
        private readonly context: BrowserContext,
        private readonly page: Page,
        private readonly userDataDir: string,
    ) {}

    /** Starts Chromium with a fresh profile and loads Mermaid into a blank page; fails in one line when Chromium is missing. */
    static async launch(): Promise<MermaidBrowser> {
        if (!fs.existsSync(CHROMIUM)) {
            throw new Error(`Chromium is not installed at ${CHROMIUM}: \`make test\` installs it when run as root (tests/cli/report/render/install-chromium.sh); otherwise run \`sudo apt-get install -y chromium\``);
        }
        const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-chromium-"));
        const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: ARGS });
        try {
            const page = context.pages()[0] ?? (await context.newPage());
            await page.setContent("<!doctype html><html><body></body></html>");
            await page.addScriptTag({ path: MERMAID_BUNDLE });
            await page.evaluate(() => (globalThis as any).mermaid.initialize({ startOnLoad: false }));
            return new MermaidBrowser(context, page, userDataDir);
        } catch (error) {
            await context.close();
            fs.rmSync(userDataDir, { recursive: true, force: true });
            throw error;
        }
    }

    /**
     * Renders a diagram; throws Mermaid's own message when it refuses one (a parse error, "Edge
     * limit exceeded"), and when it draws its "Maximum text size in diagram exceeded" stand-in.
     */
    async render(text: string): Promise<RenderedDiagram> {
        const id = `diagram${++this.count}`;
        const result = await this.page.evaluate(
            async ({ id, text }) => {
                const page = globalThis as any;
                const started = page.performance.now();
                try {
                    const { svg } = await page.mermaid.render(id, text);
                    const renderMs = page.performance.now() - started;
                    const host = page.document.createElement("div");
                    host.innerHTML = svg;
                    const element = host.querySelector("svg");
                    const viewBox = String(element?.getAttribute("viewBox") ?? "").split(/\s+/).map(Number);
                    const words = String(host.textContent ?? "");
                    return { svg: true, viewBox, renderMs, words };
                } catch (error) {
                    return { error: String((error as Error)?.message ?? error) };
                }
            },
            { id, text },
        );
        if ("error" in result) {
            throw new Error(`Mermaid refused the diagram: ${result.error}`);
        }
        if (/Syntax error in text/.test(result.words)) {
            throw new Error("Mermaid drew its syntax error diagram instead of the diagram");
        }
        if (/Maximum text size in diagram exceeded/.test(result.words)) {
            throw new Error(`Mermaid drew "Maximum text size in diagram exceeded" instead of the diagram (${text.length} characters)`);
        }
        if (result.viewBox.length !== 4 || !result.viewBox.every(Number.isFinite)) {
            throw new Error(`Mermaid drew an SVG with no size (viewBox ${JSON.stringify(result.viewBox)})`);
        }
        return { width: Math.round(result.viewBox[2]), height: Math.round(result.viewBox[3]), renderMs: Math.round(result.renderMs) };
    }

    /** Parses a diagram as Mermaid does before drawing it (the edge limit is enforced here); throws Mermaid's message. */
    async parse(text: string): Promise<void> {
        const error = await this.page.evaluate(async (text) => {
            try {
                await (globalThis as any).mermaid.parse(text);
                return undefined;
            } catch (error) {
                return String((error as Error)?.message ?? error);
            }
        }, text);
        if (error !== undefined) {
            throw new Error(`Mermaid refused the diagram: ${error}`);
        }
    }

    async close(): Promise<void> {
        await this.context.close();
        fs.rmSync(this.userDataDir, { recursive: true, force: true });
    }
}
