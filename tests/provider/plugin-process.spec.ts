import { expect } from "chai";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PLUGIN_DIR } from "../../provider/component-provider";
import { SCHEMA_FILE } from "../../provider/write-schema";

// The gRPC client the Pulumi SDK itself uses (its dependency, resolved from it, not ours).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [path.dirname(require.resolve("@pulumi/pulumi"))] }));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ResourceProviderClient } = require("@pulumi/pulumi/proto/provider_grpc_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { GetSchemaRequest } = require("@pulumi/pulumi/proto/provider_pb");

/**
 * Starts the plugin the way pulumi-language-nodejs does for `pulumi package add` or a YAML
 * program: `node @pulumi/pulumi/cmd/run-plugin <plugin folder>`, in the consumer's folder (here
 * an empty one, like a YAML or Python project's: no tsconfig.json, no node_modules). `port`
 * resolves with the port the plugin prints for the engine.
 */
function startPlugin(consumerDir: string): { plugin: ChildProcess; port: Promise<number> } {
    const plugin = spawn(process.execPath, [require.resolve("@pulumi/pulumi/cmd/run-plugin"), PLUGIN_DIR], { cwd: consumerDir, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const port = new Promise<number>((resolve, reject) => {
        plugin.stdout!.on("data", (chunk: Buffer) => {
            stdout += chunk.toString();
            const line = /^(\d+)\s*$/m.exec(stdout);
            if (line) {
                resolve(Number(line[1]));
            }
        });
        plugin.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        plugin.on("exit", (code) => reject(new Error(`the plugin exited (${code}) before serving:\n${stderr}${stdout}`)));
    });
    return { plugin, port };
}

describe("provider plugin, started as Pulumi starts it", function () {
    this.timeout(120_000);
    let consumerDir: string;
    let plugin: ChildProcess | undefined;
    let port: number;

    before(async () => {
        consumerDir = fs.mkdtempSync(path.join(os.tmpdir(), "vpc-lambda-consumer-"));
        const started = startPlugin(consumerDir);
        plugin = started.plugin; // killed in after() even if it never serves
        port = await started.port;
    });

    after(() => {
        plugin?.kill();
        fs.rmSync(consumerDir, { recursive: true, force: true });
    });

    /** The schema the running plugin serves, as `pulumi package add` asks for it. */
    let served: any;

    before(async () => {
        const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        const text = await new Promise<string>((resolve, reject) =>
            client.getSchema(new GetSchemaRequest(), (error: Error | null, response: { getSchema(): string }) => (error ? reject(error) : resolve(response.getSchema()))),
        );
        client.close();
        served = JSON.parse(text);
    });

    it("serves over gRPC exactly the committed provider/schema.json", () => {
        expect(served).to.deep.equal(JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")));
    });

    it("serves the whole-number arguments as integers (int in Go, Integer in Java, int in .NET)", () => {
        const types = served.types;
        expect(served.resources["vpc-lambda:index:VpcLambdaNetwork"].inputProperties.numberOfAvailabilityZones.type).to.equal("integer");
        expect(types["vpc-lambda:index:AllowToTarget"].properties.port.type).to.equal("integer");
        expect(types["vpc-lambda:index:FlowLogSettings"].properties.retentionInDays.type).to.equal("integer");
        expect(types["vpc-lambda:index:FlowLogSettings"].properties.maxAggregationInterval.type).to.equal("integer");
    });
});
