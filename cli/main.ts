#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import * as fs from "fs";
import * as path from "path";
import { FORMATS } from "./formats";
import { loadingPackages, missingPackage, missingPackageName, MissingPackageError } from "./missing-package";
import { ProgramError } from "./program-error";
import { UsageError } from "./usage-error";
import { parseTrafficGb } from "./report/traffic-option";
import { DEFAULT_TIMEOUT_SECONDS, parseTimeoutSeconds, PlanTimeoutError, TIMEOUT_EXIT_CODE } from "./timeout";

// Only commander and the CLI's own light modules load up front: `--help` and `--version` need
// nothing more, and the plan's packages (Pulumi, the policy pack's) load when `plan` runs, where
// a missing one is reported by name, in one line.

/** This file is dist/cli/main.js: the package's package.json is two folders up, here and installed. */
const VERSION: string = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version;

const EXIT_CODES =
    "Exit codes: 0 the plan was printed; 1 the program failed; 2 a usage error, or a package to install; " +
    `3 a mandatory policy violation; ${TIMEOUT_EXIT_CODE} the program did not finish within --timeout.`;
const DEBUG_NOTE = "Every failure is one line on stderr; VPC_LAMBDA_DEBUG=1 adds its stack trace.";

const program = new Command()
    .name("vpc-lambda")
    .description("Tools for pulumi-vpc-lambda networks that need neither the Pulumi CLI nor an AWS account.")
    .version(VERSION, "-V, --version", "print the version of pulumi-vpc-lambda")
    // One line per command and flag, however narrow the terminal: the terminal wraps, not us.
    .configureHelp({ helpWidth: Number.MAX_SAFE_INTEGER })
    .exitOverride()
    .showHelpAfterError();

const plan = program
    .command("plan")
    .description("Run a Pulumi program against mocked AWS and print what `pulumi preview` would create.")
    .argument("[program-dir]", "the folder holding Pulumi.yaml", ".")
    .option("-s, --stack <name>", "the stack whose Pulumi.<stack>.yaml config to use")
    .addOption(new Option("-f, --format <format>", "the report's format; markdown and json carry the network diagram").choices(FORMATS).default("text"))
    .option("-o, --out <file>", "write the report to a file instead of standard output")
    .option("--traffic-gb <gb>", "GB a month through the NAT gateways or interface endpoints, to estimate the per-GB charges", parseTrafficGb)
    .option("--policy-config <file>", "policy pack config JSON (levels, exemptions), as `pulumi preview --policy-pack-config` takes")
    .option("--no-fail-on-policy", "report policy violations without exiting non-zero (a mandatory violation exits 3)")
    .option("--timeout <seconds>", `give up on a program still running after this long (exits ${TIMEOUT_EXIT_CODE})`, parseTimeoutSeconds, DEFAULT_TIMEOUT_SECONDS)
    .action(async (programDir: string, options) => {
        const { planCommand } = await loadingPackages(() => import("./plan-command"));
        process.exitCode = await planCommand(programDir, options);
    });

plan.addHelpText("after", `\n${EXIT_CODES}\n${DEBUG_NOTE}`);
// `vpc-lambda --help` lists every command's flags too, not only the commands' names.
program.addHelpText("after", () => `\n${plan.helpInformation()}\n${EXIT_CODES}\n${DEBUG_NOTE}`);

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
        // Commander has printed its own message (unknown option, bad choice, help, version).
        return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
        report(error.message, error);
        return 2;
    }
    if (error instanceof MissingPackageError) {
        report(error.message, error.cause);
        return 2;
    }
    if (error instanceof PlanTimeoutError) {
        report(error.message, error);
        return TIMEOUT_EXIT_CODE;
    }
    if (error instanceof ProgramError) {
        const cause = error.cause;
        const packageName = missingPackageName(cause);
        if (packageName) {
            report(missingPackage(packageName, cause, "program").message, cause);
            return 2;
        }
        report(`the program failed: ${messageOf(cause)}`, cause);
        return 1;
    }
    report(`${messageOf(error)} (an unexpected failure of vpc-lambda; VPC_LAMBDA_DEBUG=1 prints its stack trace)`, error);
    return 1;
}

/** Writes one line to stderr; with VPC_LAMBDA_DEBUG set, the stack trace of its cause as well. */
function report(line: string, cause: unknown): void {
    process.stderr.write(`vpc-lambda: ${line}\n`);
    if (process.env.VPC_LAMBDA_DEBUG && cause instanceof Error && cause.stack) {
        process.stderr.write(`${cause.stack}\n`);
    }
}

/** An error's message; Node's "Cannot find module" message without the "Require stack" lines after it. */
function messageOf(error: unknown): string {
    if (!(error instanceof Error)) {
        return String(error);
    }
    return (error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" ? error.message.split("\n")[0] : error.message;
}

void main(process.argv);
