import * as fs from "fs";
import { Format, FORMATS } from "./formats";
import { renderTree } from "./render-tree";
import { redactSecrets, SECRET_PLACEHOLDER } from "./secrets";
import { loadProject } from "./project";
import { PlannedStack, runProgram } from "./run-program";
import { DEFAULT_TIMEOUT_SECONDS, withTimeout } from "./timeout";
import { UsageError } from "./usage-error";
import { renderMarkdownReport } from "./report/markdown";
import { buildReviewReport, ReviewReport } from "./report/review-report";
import { renderCapacityText, renderCostText, renderEndpointZonesText, renderReachabilityText, renderWarningsText } from "./report/text-sections";
import { policyExitCode, policyJson, policyVerdicts, renderPolicyText } from "./policy-verdicts";
import type { PolicyVerdicts } from "./policy-runner";

export interface PlanOptions {
    stack?: string;
    format: Format;
    out?: string;
    /** GB a month through the network's billed path (NAT gateways or interface endpoints), to estimate per-GB charges. */
    trafficGb?: number;
    /** Exit non-zero on a mandatory policy violation (`--no-fail-on-policy` turns it off). @default true */
    failOnPolicy?: boolean;
    /** A policy pack config JSON file, as `pulumi preview --policy-pack-config` takes. */
    policyConfig?: string;
    /** Seconds to wait for the program before giving up. @default 120 */
    timeout?: number;
}

/** `vpc-lambda plan`: run the program against mocked AWS and print what it would create. */
export async function planCommand(programDir: string, options: PlanOptions): Promise<number> {
    if (!FORMATS.includes(options.format)) {
        throw new UsageError(`--format ${JSON.stringify(options.format)} is not a format; allowed: ${FORMATS.join(", ")}.`);
    }
    const project = loadProject(programDir, options.stack);
    const planned = await withTimeout(runProgram(project), options.timeout ?? DEFAULT_TIMEOUT_SECONDS);
    const review = buildReviewReport(planned, { trafficGb: options.trafficGb });
    const verdicts = await policyVerdicts(planned, options.policyConfig);
    const report =
        options.format === "json"
            ? renderJson(planned, review, verdicts)
            : options.format === "markdown"
              ? renderMarkdownReport(planned, review, policyJson(verdicts))
              : renderText(planned, review, verdicts);
    if (options.out) {
        writeReport(options.out, report);
    } else {
        process.stdout.write(report);
    }
    const exitCode = policyExitCode(verdicts, options.failOnPolicy ?? true);
    if (exitCode !== 0) {
        process.stderr.write("vpc-lambda: the plan violates a mandatory policy (see the report); pass --no-fail-on-policy to report without failing.\n");
    }
    return exitCode;
}

function writeReport(file: string, report: string): void {
    try {
        fs.writeFileSync(file, report);
    } catch (error) {
        throw new UsageError(`cannot write the report to ${file}: ${(error as Error).message}`);
    }
}

function renderText(planned: PlannedStack, review: ReviewReport, verdicts: PolicyVerdicts): string {
    const { project, resources, region } = planned;
    const header = `Offline plan of project "${project.name}", stack "${project.stack}" (mocked AWS account in ${region}): ${resources.length} resources to create.`;
    const notes = project.secretKeys.length > 0 ? `\nEncrypted config cannot be read offline and was replaced by "${SECRET_PLACEHOLDER}": ${project.secretKeys.join(", ")}.` : "";
    const sections = [
        renderTree(resources),
        renderWarningsText(planned.warnings),
        renderReachabilityText(review.reachability),
        renderCostText(review.cost),
        renderCapacityText(review.capacity),
        renderEndpointZonesText(review.endpointZones),
        renderPolicyText(verdicts),
    ].filter((section) => section !== "");
    return `${header}${notes}\n\n${sections.join("\n\n")}\n`;
}

function renderJson(planned: PlannedStack, review: ReviewReport, verdicts: PolicyVerdicts): string {
    const resources = planned.resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        // Only cloud resources have ids; components and the stack have none.
        ...(r.custom && r.id ? { id: r.id } : {}),
        ...(r.parent ? { parent: r.parent } : {}),
        inputs: redactSecrets(r.inputs),
        // What must exist first: explicit dependsOn and every resource an input came from.
        ...(r.dependencies.length > 0 ? { dependencies: r.dependencies } : {}),
    }));
    const document = {
        project: planned.project.name,
        stack: planned.project.stack,
        region: planned.region,
        resources,
        diagram: review.diagram,
        // Per function and destination: { function, urn, destination, verdict, path, blockedAt?, fix?, reasons }.
        reachability: review.reachability,
        cost: review.cost,
        capacity: review.capacity,
        endpointZones: review.endpointZones,
        warnings: planned.warnings,
        policy: policyJson(verdicts),
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}
