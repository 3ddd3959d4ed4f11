/** A host name of `length` characters (labels of at most 63, as DNS allows), like a long private hosted zone record. */
export function host(i: number, length: number): string {
    const suffix = `.db${String(i).padStart(2, "0")}.example.internal`;
    const labels = "x".repeat(length - suffix.length).match(/.{1,60}/g)!;
    const name = labels.join(".").slice(0, length - suffix.length);
    return `${name.replace(/\.$/, "y")}${suffix}`;
}

/** `count` diagnostics targets on port 5432, each host `length` characters long. */
export const targets = (count: number, length: number) => Array.from({ length: count }, (_, i) => ({ host: host(i, length), port: 5432 }));
