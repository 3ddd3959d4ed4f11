import { execFile } from "child_process";
import { expect } from "chai";
import * as path from "path";
import { parseFlowchart } from "./mermaid-edges";

const ROOT = path.resolve(__dirname, "..", "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli", "main.js");
/** A dual-stack PrivateWithNat network with one function (tests/fixtures/cli/dual-stack). */
const PROGRAM = path.join("tests", "fixtures", "cli", "dual-stack");

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

/** `vpc-lambda plan <program> --format <format>` in its own process, as cli.spec.ts runs it. */
function plan(format: string): Promise<Run> {
    return new Promise((resolve) => {
        execFile(process.execPath, [CLI, "plan", PROGRAM, "--format", format], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
            resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
        });
    });
}

describe("report: vpc-lambda plan on a dual-stack program", function () {
    this.timeout(60_000);

    describe("--format json", () => {
        let run: Run;
        let document: any;
        before(async () => {
            run = await plan("json");
            document = JSON.parse(run.stdout);
        });

        it("exits 0: no policy is violated", () => {
            expect(run.code, run.stderr).to.equal(0);
            expect(document.policy.violations).to.deep.equal([]);
        });

        it("lists the egress-only gateway and each Lambda route table's ::/0 route to it", () => {
            const eigw = document.resources.find((r: any) => r.type === "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway");
            expect(eigw.name).to.equal("app-eigw");
            const ipv6Routes = document.resources.filter((r: any) => r.type === "aws:ec2/route:Route" && r.inputs.destinationIpv6CidrBlock === "::/0");
            const igw = document.resources.find((r: any) => r.type === "aws:ec2/internetGateway:InternetGateway");
            expect(ipv6Routes.map((r: any) => [r.name, r.inputs.egressOnlyGatewayId, r.inputs.gatewayId]).sort()).to.deep.equal([
                ["app-lambda-rt-1-default-ipv6", eigw.id, undefined],
                ["app-lambda-rt-2-default-ipv6", eigw.id, undefined],
                ["app-public-rt-default-ipv6", undefined, igw.id],
            ]);
        });

        it("draws both Lambda subnets' ::/0 through the egress-only gateway in the diagram, and 0.0.0.0/0 through NAT", () => {
            const chart = parseFlowchart(document.diagram);
            for (const zone of [1, 2]) {
                expect(chart.between(`app-lambda-subnet-${zone}`, "Egress-only IGW app-eigw").map((e) => e.label)).to.deep.equal(["::/0"]);
                expect(chart.between(`app-lambda-subnet-${zone}`, `NAT gateway app-nat-${zone}`).map((e) => e.label)).to.deep.equal(["0.0.0.0/0"]);
            }
            expect(chart.between("Egress-only IGW app-eigw", "Internet")).to.have.length(1);
        });

        it("costs the egress-only gateway at $0 within a $73.00 total, and notes the IPv6 route", () => {
            expect(document.cost.monthlyUsd).to.equal(73);
            expect(document.cost.lines.find((l: any) => l.item === "Egress-only internet gateways")).to.deep.include({ resources: ["app-eigw"], monthlyUsd: 0 });
            expect(document.cost.notes.join("\n")).to.contain("::/0 from app-lambda-subnet-1, app-lambda-subnet-2 to egress-only internet gateway app-eigw");
        });

        it("counts capacity by the IPv4 block and shows each Lambda subnet's /64", () => {
            expect(document.capacity.subnets.map((s: any) => [s.cidrBlock, s.usable, s.free])).to.deep.equal([
                ["10.0.0.0/19", 8187, 8186],
                ["10.0.32.0/19", 8187, 8186],
            ]);
            for (const subnet of document.capacity.subnets) {
                expect(subnet.ipv6CidrBlock).to.match(/^2600:[0-9a-f:]+::\/64$/);
            }
            expect(document.capacity.notes[0]).to.contain("IPv4 is what limits");
        });
    });

    describe("--format text", () => {
        let run: Run;
        before(async () => {
            run = await plan("text");
        });

        it("lists the egress-only gateway and the IPv6 routes among the resources", () => {
            expect(run.code, run.stderr).to.equal(0);
            expect(run.stdout).to.match(/aws:ec2\/egressOnlyInternetGateway:EgressOnlyInternetGateway +app-eigw$/m);
            expect(run.stdout).to.match(/aws:ec2\/route:Route +app-lambda-rt-1-default-ipv6$/m);
        });

        it("names the ::/0 route and prices the gateway at $0.00 in the cost section", () => {
            expect(run.stdout).to.match(/^ {2}Egress-only internet gateways +730 gateway-hours +\$0\.00$/m);
            expect(run.stdout).to.contain("IPv6: ::/0 from app-lambda-subnet-1, app-lambda-subnet-2 to egress-only internet gateway app-eigw");
        });
    });

    describe("--format markdown", () => {
        let run: Run;
        before(async () => {
            run = await plan("markdown");
        });

        it("holds a mermaid block with the IPv6 path, the $0 cost row and the capacity note", () => {
            expect(run.code, run.stderr).to.equal(0);
            const block = /```mermaid\n([\s\S]*?)```/.exec(run.stdout);
            expect(block, "no mermaid block").to.not.equal(null);
            const chart = parseFlowchart(block![1]);
            expect(chart.between("app-lambda-subnet-1", "Egress-only IGW app-eigw").map((e) => e.label)).to.deep.equal(["::/0"]);
            expect(chart.between("app-public-subnet-1", "Internet gateway app-igw").map((e) => e.label)).to.deep.equal(["0.0.0.0/0, ::/0"]);
            expect(run.stdout).to.match(/^\| Egress-only internet gateways \| app-eigw \| 730 gateway-hours \| \$0\.00 \| \$0\.00 \|$/m);
            expect(run.stdout).to.contain("Dual-stack subnets are counted by their IPv4 block");
        });
    });
});
