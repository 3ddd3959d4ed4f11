/** An error the user can fix (a flag, a file, a project); the CLI prints its message without a stack trace and exits 2. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}
