import * as path from "path";

/**
 * A package the plan needs is not installed where Node looks for it. The CLI prints the message
 * (one line, naming the package and the command that installs it) and exits 2.
 */
export class MissingPackageError extends Error {
    constructor(
        readonly packageName: string,
        message: string,
        readonly cause?: unknown,
    ) {
        super(message);
        this.name = "MissingPackageError";
    }
}

/** Why the plan needs each package it loads at run time, for the one line that names it. */
const NEEDED_FOR: Record<string, string> = {
    "@pulumi/pulumi": "the plan runs Pulumi programs with @pulumi/pulumi",
    "@pulumi/policy": "the plan's policy verdicts need @pulumi/policy",
};

/**
 * The package a failed `require` names, when Node could not find a package (not a file of the
 * program): `@scope/name` or `name`, without a subpath.
 */
export function missingPackageName(error: unknown): string | undefined {
    if (!(error instanceof Error) || (error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") {
        return undefined;
    }
    const specifier = /Cannot find module '([^']+)'/.exec(error.message)?.[1];
    if (!specifier || specifier.startsWith(".") || path.isAbsolute(specifier)) {
        return undefined;
    }
    const parts = specifier.split("/");
    return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

/** The error to report for a missing package: what needs it (the plan, or the program it runs), and the command that installs it. */
export function missingPackage(packageName: string, cause?: unknown, neededBy: "plan" | "program" = "plan"): MissingPackageError {
    const neededFor = (neededBy === "plan" && NEEDED_FOR[packageName]) || `the ${neededBy} needs ${packageName}`;
    return new MissingPackageError(packageName, `${neededFor}, and it is not installed: npm install ${packageName}`, cause);
}

/** Runs `load`, turning "Cannot find module" for a package into a MissingPackageError. */
export async function loadingPackages<T>(load: () => Promise<T>): Promise<T> {
    try {
        return await load();
    } catch (error) {
        const packageName = missingPackageName(error);
        throw packageName ? missingPackage(packageName, error) : error;
    }
}
