#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import { FORMATS, planCommand } from "./plan-command";
import { UsageError } from "./project";
import { ProgramError } from "./run-program";
import { parseTrafficGb } from "./report/traffic-option";
import { DEFAULT_TIMEOUT_SECONDS, parseTimeoutSeconds, PlanTimeoutError, TIMEOUT_EXIT_CODE } from "./timeout";

const program = new Command()
    .name("vpc-lambda")
    .description("Tools for pulumi-vpc-lambda networks that need neither the Pulumi CLI nor an AWS account.")
    .exitOverride()
    .showHelpAfterError();

program
    .command("plan")
    .description("Run a Pulumi program against mocked AWS and print what `pulumi preview` would create.")
    .argument("[program-dir]", "the folder holding Pulumi.yaml", ".")
    .option("-s, --stack <name>", "the stack whose Pulumi.<stack>.yaml config to use")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("text"))
    .option("-o, --out <file>", "write the report to a file instead of standard output")
    .option("--traffic-gb <gb>", "GB a month through the NAT gateways or interface endpoints, to estimate the per-GB charges", parseTrafficGb)
    .option("--policy-config <file>", "policy pack config JSON (levels, exemptions), as `pulumi preview --policy-pack-config` takes")
    .option("--no-fail-on-policy", "report policy violations without exiting non-zero (a mandatory violation exits 3)")
    .option("--timeout <seconds>", `give up on a program still running after this long (exits ${TIMEOUT_EXIT_CODE})`, parseTimeoutSeconds, DEFAULT_TIMEOUT_SECONDS)
    .action(async (programDir: string, options) => {
        process.exitCode = await planCommand(programDir, options);
    });

async function main(argv: string[]): Promise<void> {
    try {
        await program.parseAsync(argv);
    } catch (error) {
        process.exitCode = reportFailure(error);
        if (error instanceof PlanTimeoutError) {
            // The program's own timers or sockets may still hold the event loop: end it here.
            process.stderr.write("", () => process.exit());
        }
    }
}

function reportFailure(error: unknown): number {
    if (error instanceof CommanderError) {
        // Commander has printed its own message (unknown option, bad choice, help).
        return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
        process.stderr.write(`vpc-lambda: ${error.message}\n`);
        return 2;
    }
    if (error instanceof PlanTimeoutError) {
        process.stderr.write(`vpc-lambda: ${error.message}\n`);
        return TIMEOUT_EXIT_CODE;
    }
    if (error instanceof ProgramError) {
        const cause = error.cause;
        process.stderr.write(`vpc-lambda: the program failed: ${cause instanceof Error ? cause.message : String(cause)}\n`);
        if (process.env.VPC_LAMBDA_DEBUG && cause instanceof Error && cause.stack) {
            process.stderr.write(`${cause.stack}\n`);
        }
        return 1;
    }
    process.stderr.write(`vpc-lambda: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
}

void main(process.argv);
