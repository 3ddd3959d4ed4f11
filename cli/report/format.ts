// One formatter for every amount: `toLocaleString` with options builds a new one per call
// (about 0.2 ms each, a few milliseconds a report).
const USD = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `$1,234.50`: dollars to the cent, as a bill shows them. */
export function formatUsd(usd: number): string {
    return `$${USD.format(usd)}`;
}

/** A 0..1 ratio as a percentage, rounded down so that 19.99% never reads as 20%. */
export function formatPercent(ratio: number): string {
    return `${Math.floor(ratio * 1000) / 10}%`;
}

/** A unit price as AWS lists it: `$0.045`, `$0.50`, never `$0.5`. */
export function formatRate(usd: number): string {
    const decimals = Math.max(2, (String(usd).split(".")[1] ?? "").length);
    return `$${usd.toFixed(decimals)}`;
}
