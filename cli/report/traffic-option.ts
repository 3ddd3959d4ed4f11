import { InvalidArgumentError } from "commander";

/**
 * `--traffic-gb N`: GB a month through the network's billed path. A non-negative number;
 * anything else stops the command with a message that says what to give.
 */
export function parseTrafficGb(text: string): number {
    const gb = text.trim() === "" ? NaN : Number(text);
    if (!Number.isFinite(gb) || gb < 0) {
        throw new InvalidArgumentError(`give a non-negative number of GB a month, e.g. --traffic-gb 250 (got ${JSON.stringify(text)}).`);
    }
    return gb;
}
