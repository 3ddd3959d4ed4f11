/** The report formats of `vpc-lambda plan --format`. Kept apart so that `--help` loads no Pulumi. */
export const FORMATS = ["text", "json", "markdown"] as const;
export type Format = (typeof FORMATS)[number];
