import { execFile } from "child_process";
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseFlowchart } from "./mermaid-edges";

const ROOT = path.resolve(__dirname, "..", "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli", "main.js");

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

/** `vpc-lambda plan <args>` in its own process: Pulumi's runtime runs one program per process. */
function plan(...args: string[]): Promise<Run> {
    return new Promise((resolve) => {
        execFile(process.execPath, [CLI, "plan", ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
            resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
        });
    });
}

/** The body of a `### title` section of a Markdown report, up to the next heading. */
function section(markdown: string, title: string): string {
    const start = markdown.indexOf(`### ${title}\n`);
    expect(start, `no "### ${title}" section`).to.be.greaterThan(-1);
    const rest = markdown.slice(start + title.length + 5);
    const next = rest.search(/^#{2,3} /m);
    return next === -1 ? rest : rest.slice(0, next);
}

describe("report: vpc-lambda plan on the root program", function () {
    this.timeout(60_000);

    describe("--format markdown --traffic-gb 100", () => {
        let run: Run;
        before(async () => {
            run = await plan(".", "--format", "markdown", "--traffic-gb", "100");
        });

        it("exits 0", () => {
            expect(run.code, run.stderr).to.equal(0);
        });

        it("opens with the project and a summary naming the fixed monthly cost", () => {
            const [title, , summary] = run.stdout.split("\n");
            expect(title).to.equal("## Offline plan of `vpc-lambda-demo` (stack `dev`, us-east-1)");
            expect(summary).to.contain("fixed network cost **$73.00 a month**");
        });

        it("holds the network as a mermaid block whose edges take the function through a NAT gateway to the internet", () => {
            const block = /```mermaid\n([\s\S]*?)```/.exec(section(run.stdout, "Network"));
            expect(block, "no mermaid block").to.not.equal(null);
            const chart = parseFlowchart(block![1]);
            expect(chart.between("app-lambda-subnet-1", "NAT gateway app-nat-1")).to.have.length(1);
            expect(chart.between("Internet gateway app-igw", "Internet")).to.have.length(1);
            expect(chart.between("Lambda fn", "RDS db")[0]).to.include({ arrow: "==>", label: "tcp 3306 MySQL" });
        });

        it("has a cost table ending in the fixed total, and the traffic estimate", () => {
            const cost = section(run.stdout, "Monthly cost");
            expect(cost).to.match(/^\| NAT gateway hours \| app-nat-1, app-nat-2 \| 1,460 hours \| \$0\.045 \| \$65\.70 \|$/m);
            expect(cost).to.match(/^\| \*\*fixed total\*\* .*\*\*\$73\.00\*\* \|$/m);
            expect(cost).to.contain("With the given traffic: **$77.50 a month**");
        });

        it("places the policy pack's verdicts inside the report, before the folded resource list", () => {
            const policy = run.stdout.indexOf("### Policy pack `vpc-lambda-guard`");
            expect(policy).to.be.greaterThan(run.stdout.indexOf("### Capacity"));
            expect(policy).to.be.lessThan(run.stdout.indexOf("<details>"));
        });

        it("has a capacity row per Lambda subnet", () => {
            const capacity = section(run.stdout, "Capacity");
            expect(capacity).to.match(/^\| app-lambda-subnet-1 \| us-east-1a \| 10\.0\.0\.0\/19 \| 8187 \| 0 \| 0 \| 1 \| 8186 \| 99\.9% \|$/m);
            expect(capacity).to.match(/^\| app-lambda-subnet-2 \| us-east-1b \| 10\.0\.32\.0\/19 \|/m);
        });
    });

    describe("--format json", () => {
        let document: any;
        before(async () => {
            const run = await plan(".", "--format", "json");
            expect(run.code, run.stderr).to.equal(0);
            document = JSON.parse(run.stdout);
        });

        it("adds the Mermaid diagram as text", () => {
            expect(parseFlowchart(document.diagram).header).to.equal("flowchart LR");
        });

        it("adds the cost: monthlyUsd, currency, priceTableDate and the lines", () => {
            expect(document.cost).to.include({ monthlyUsd: 73, currency: "USD", priceTableDate: "2026-11-25" });
            expect(document.cost.lines.map((l: any) => [l.item, l.monthlyUsd])).to.deep.equal([
                ["NAT gateway hours", 65.7],
                ["Public IPv4 addresses", 7.3],
                ["Gateway endpoints", 0],
            ]);
        });

        it("adds the capacity of each Lambda subnet", () => {
            expect(document.capacity.subnets.map((s: any) => [s.name, s.usable, s.hyperplaneEnis])).to.deep.equal([
                ["app-lambda-subnet-1", 8187, 1],
                ["app-lambda-subnet-2", 8187, 1],
            ]);
        });

        it("keeps the resources", () => {
            expect(document.resources.some((r: any) => r.type === "aws:lambda/function:Function" && r.name === "fn")).to.equal(true);
        });

        it("adds reachability: a cell per function and destination, with its verdict", () => {
            expect(document.reachability.map((r: any) => [r.function, r.destination, r.verdict])).to.deep.equal([
                ["fn", { kind: "internet", ipVersion: 4 }, "reachable"],
                ["fn", { kind: "internet", ipVersion: 6 }, "blocked"],
                ["fn", { kind: "service", service: "secretsmanager" }, "reachable"],
                ["fn", { kind: "securityGroup", securityGroupId: document.resources.find((r: any) => r.name === "db-sg").id, port: 3306, name: "db-sg" }, "reachable"],
            ]);
        });

        it("gives each cell its URN and path, and a blocked one its blocking hop and fix", () => {
            const [internet, ipv6] = document.reachability;
            expect(internet.urn).to.match(/aws:lambda\/function:Function::fn$/);
            expect(internet.path.map((h: any) => [h.hop, h.status, h.resource])).to.deep.equal([
                ["subnet", "allows", "app-lambda-subnet-1"],
                ["routeTable", "allows", "app-lambda-rt-1"],
                ["route", "allows", "app-lambda-rt-1"],
                ["natGateway", "allows", "app-nat-1"],
                ["securityGroupEgress", "allows", "app-lambda-sg"],
                ["networkAcl", "allows", "app-vpc default network ACL"],
            ]);
            expect(internet).to.not.have.any.keys("blockedAt", "fix");
            expect(ipv6.blockedAt).to.deep.equal({ hop: "subnet", status: "denies", resource: "app-lambda-subnet-1", says: "subnet app-lambda-subnet-1 has no IPv6 block.", fix: ipv6.fix });
            expect(ipv6.fix).to.equal("Give subnet app-lambda-subnet-1 an IPv6 /64 of its VPC's block (ipv6CidrBlock, assignIpv6AddressOnCreation).");
        });
    });

    describe("text (the default)", () => {
        let run: Run;
        before(async () => {
            run = await plan(".");
        });

        it("ends with short cost and capacity sections", () => {
            expect(run.stdout).to.contain("Monthly cost: $73.00 fixed (us-east-1 list prices of 2026-11-25).");
            expect(run.stdout).to.contain("Capacity (per Lambda subnet):");
        });

        it("has the reachability matrix, its columns aligned, and each blocking hop with its fix", () => {
            const matrix = run.stdout.slice(run.stdout.indexOf("Reachability ("), run.stdout.indexOf("Monthly cost:")).trimEnd().split("\n");
            expect(matrix).to.deep.equal([
                "Reachability (✅ reachable, ❌ blocked at the hop named, ? not known until deployed):",
                "  function  internet IPv4  internet IPv6  secretsmanager  db-sg:3306",
                "  fn        ✅             ❌ subnet      ✅              ✅",
                "  ❌ the internet (IPv6): subnet app-lambda-subnet-1 has no IPv6 block. Fix: Give subnet app-lambda-subnet-1 an IPv6 /64 of its VPC's block (ipv6CidrBlock, assignIpv6AddressOnCreation). (fn)",
            ]);
        });
    });

    describe("--out", () => {
        it("writes the Markdown report to the file", async () => {
            const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-report-")), "plan.md");
            const run = await plan(".", "--format", "markdown", "--out", out);
            expect(run.code, run.stderr).to.equal(0);
            expect(fs.readFileSync(out, "utf8")).to.contain("```mermaid\nflowchart LR\n");
        });
    });

    describe("--traffic-gb validation", () => {
        for (const bad of ["-5", "lots", "1e999"]) {
            it(`refuses ${JSON.stringify(bad)} with exit code 2 and a message saying what to give`, async () => {
                const run = await plan(".", `--traffic-gb=${bad}`);
                expect(run.code).to.equal(2);
                expect(run.stderr).to.contain("give a non-negative number of GB a month");
            });
        }
    });
});
