// `make schema`: writes provider/schema.json from the component's TypeScript types, in this
// process, the way `pulumi package get-schema` would ask the running plugin for it.
import * as fs from "fs";
import * as path from "path";
import { createComponentProvider, PLUGIN_DIR } from "./component-provider";

/** The schema as the plugin serves it, pretty-printed for review in diffs. */
export async function renderSchema(): Promise<string> {
    const schema = JSON.parse(await createComponentProvider().getSchema());
    return `${JSON.stringify(schema, null, 2)}\n`;
}

export const SCHEMA_FILE = path.join(PLUGIN_DIR, "schema.json");

if (require.main === module) {
    renderSchema()
        .then((text) => {
            fs.writeFileSync(SCHEMA_FILE, text);
            process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
        })
        .catch((error: unknown) => {
            process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
            process.exitCode = 1;
        });
}
