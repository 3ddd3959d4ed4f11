import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MockStack, RecordedResource } from "../../sdk/offline-engine/mock-stack";
import { policies, POLICY_PACK_NAME } from "../../policy/policies";
import { plainStack } from "./plain-stack";

// The pack served by @pulumi/policy's own analyzer server, in its own process, called over gRPC
// the way the Pulumi CLI calls it during `pulumi preview --policy-pack policy`: what the runner
// stands in for, checked once end to end. Twice, in fact: the policy/ folder the package ships,
// and the self-contained pack `make policy-pack` bundles for `pulumi policy publish`, run from a
// folder outside the repository where only @pulumi/policy and @pulumi/pulumi can be found.

/* eslint-disable @typescript-eslint/no-require-imports */
const analyzerProto = require("@pulumi/pulumi/proto/analyzer_pb");
const analyzerRpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
const rpc = require("@pulumi/pulumi/runtime/rpc");
// The gRPC and protobuf libraries the SDK's generated code uses, resolved from the SDK itself.
const fromSdk = (module: string) => require(require.resolve(module, { paths: [path.dirname(require.resolve("@pulumi/pulumi"))] }));
const grpc = fromSdk("@grpc/grpc-js");
const { Struct } = fromSdk("google-protobuf/google/protobuf/struct_pb");
const { Empty } = fromSdk("google-protobuf/google/protobuf/empty_pb");
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, "..", "..", "..");
const POLICY_DIR = path.join(ROOT, "policy");

/**
 * `make policy-pack`'s pack, copied into a new folder outside the repository beside a
 * node_modules holding only the two packages its package.json names, as `npm install` there would.
 */
function bundledPackOutsideTheRepository(): string {
    execFileSync("make", ["--no-print-directory", "--silent", "policy-pack"], { cwd: ROOT, stdio: "pipe", timeout: 120_000 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-guard-"));
    fs.cpSync(path.join(ROOT, "build", "policy-pack"), dir, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    for (const name of Object.keys(manifest.dependencies)) {
        fs.mkdirSync(path.dirname(path.join(dir, "node_modules", name)), { recursive: true });
        fs.symlinkSync(path.join(ROOT, "node_modules", name), path.join(dir, "node_modules", name), "dir");
    }
    return dir;
}

/** Starts the pack as the CLI does (its folder as working directory) and returns its port. */
function servePack(packDir: string): Promise<{ server: ChildProcess; port: number }> {
    return new Promise((resolve, reject) => {
        const server = spawn(process.execPath, ["-e", 'require(".")'], { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        server.stderr!.on("data", (chunk) => (stderr += chunk));
        server.stdout!.once("data", (chunk) => resolve({ server, port: Number(String(chunk).trim()) }));
        server.once("exit", (code) => reject(new Error(`the policy pack exited with ${code}: ${stderr}`)));
    });
}

/** A recorded resource as the engine sends it in an AnalyzeStack request. */
async function analyzerResource(r: RecordedResource): Promise<unknown> {
    const resource = new analyzerProto.AnalyzerResource();
    resource.setType(r.type);
    resource.setUrn(r.urn);
    resource.setName(r.name);
    // The SDK's serializer writes the engine's wire format: unknowns and archives included.
    const props = await rpc.serializeProperties(r.name, { ...r.outputs, ...(r.custom ? { id: r.id ?? pulumi.unknown } : {}) });
    resource.setProperties(Struct.fromJavaScript(props));
    const options = new analyzerProto.AnalyzerResourceOptions();
    resource.setOptions(options);
    if (r.parent) {
        resource.setParent(r.parent);
    }
    resource.setDependenciesList(r.dependencies);
    for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        const dependencies = new analyzerProto.AnalyzerPropertyDependencies();
        dependencies.setUrnsList(urns);
        resource.getPropertydependenciesMap().set(key, dependencies);
    }
    return resource;
}

interface Diagnostic {
    policy: string;
    level: number;
    message: string;
    urn: string;
}

const PACKS: { name: string; dir: () => string; temporary: boolean }[] = [
    { name: "the policy/ folder the package ships", dir: () => POLICY_DIR, temporary: false },
    { name: "the pack make policy-pack bundles, outside the repository", dir: bundledPackOutsideTheRepository, temporary: true },
];

for (const pack of PACKS) describe(`${pack.name}, behind @pulumi/policy's analyzer server, called over gRPC like the Pulumi CLI`, function () {
    this.timeout(120_000);
    let server: ChildProcess;
    let client: any;
    let packDir: string | undefined;

    before(async () => {
        packDir = pack.dir();
        const served = await servePack(packDir);
        server = served.server;
        client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${served.port}`, grpc.credentials.createInsecure());
    });

    after(() => {
        client?.close();
        server?.kill();
        if (pack.temporary && packDir) {
            fs.rmSync(packDir, { recursive: true, force: true });
        }
    });

    async function analyzeStack(preview: boolean, options: Parameters<typeof plainStack>[1]): Promise<Diagnostic[]> {
        const stack = await MockStack.install({ preview });
        plainStack(`grpc-${preview ? "preview" : "update"}`, options);
        const request = new analyzerProto.AnalyzeStackRequest();
        request.setResourcesList(await Promise.all((await stack.settle()).map(analyzerResource)));
        const response: any = await new Promise((resolve, reject) => client.analyzeStack(request, (err: unknown, res: unknown) => (err ? reject(err) : resolve(res))));
        return response.getDiagnosticsList().map((d: any) => ({ policy: d.getPolicyname(), level: d.getEnforcementlevel(), message: d.getMessage(), urn: d.getUrn() }));
    }

    it("serves the pack by its name with every policy of policy/policies.ts (GetAnalyzerInfo)", async () => {
        const info: any = await new Promise((resolve, reject) => client.getAnalyzerInfo(new Empty(), (err: unknown, res: unknown) => (err ? reject(err) : resolve(res))));
        expect(info.getName()).to.equal(POLICY_PACK_NAME);
        expect(info.getPoliciesList().map((p: any) => p.getName())).to.deep.equal(policies.map((p) => p.name));
    });

    it("runs the resource policies on each resource's inputs (Analyze)", async () => {
        const stack = await MockStack.install();
        plainStack("grpc-resource", { vpcConfig: "absent" });
        const fn = (await stack.settle()).find((r) => r.type === "aws:lambda/function:Function")!;
        const request = new analyzerProto.AnalyzeRequest();
        request.setType(fn.type);
        request.setUrn(fn.urn);
        request.setName(fn.name);
        request.setProperties(Struct.fromJavaScript(await rpc.serializeProperties(fn.name, fn.inputs)));
        request.setOptions(new analyzerProto.AnalyzerResourceOptions());
        const response: any = await new Promise((resolve, reject) => client.analyze(request, (err: unknown, res: unknown) => (err ? reject(err) : resolve(res))));
        const policies = response.getDiagnosticsList().map((d: any) => d.getPolicyname());
        expect(policies).to.deep.equal(["lambda-in-vpc"]);
    });

    it("reports a mandatory violation on the resource it blames", async () => {
        const diagnostics = await analyzeStack(false, { functionIngress: { cidrIpv4: "0.0.0.0/0", fromPort: 22, toPort: 22 } });
        expect(diagnostics.map((d) => d.policy)).to.deep.equal(["lambda-sg-no-public-ingress"]);
        expect(diagnostics[0].level).to.equal(analyzerProto.EnforcementLevel.MANDATORY);
        expect(diagnostics[0].urn).to.match(/::grpc-update-fn-sg$/);
        expect(diagnostics[0].message).to.include("admits tcp 22 from 0.0.0.0/0");
    });

    it("in a preview, with unknown ids, reports the same violation and nothing it could not run", async () => {
        const diagnostics = await analyzeStack(true, { functionIngress: { cidrIpv4: "0.0.0.0/0", fromPort: 22, toPort: 22 } });
        expect(diagnostics.map((d) => d.policy)).to.deep.equal(["lambda-sg-no-public-ingress"]);
        expect(diagnostics[0].urn).to.match(/::grpc-preview-fn-sg$/);
    });
});
