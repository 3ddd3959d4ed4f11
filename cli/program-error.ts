/** The program failed: its own error, to print as it is. Kept apart so that the CLI can recognise it without loading Pulumi. */
export class ProgramError extends Error {
    constructor(readonly cause: unknown) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.name = "ProgramError";
    }
}
