// The extension ships the JSON Schemas the compiler generates (../../schemas, checked current by a test), so the YAML
// extension validates and completes plans without network access.
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const from = join(here, "..", "..", "..", "schemas");
const to = join(here, "..", "schemas");
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from).filter((n) => n.endsWith(".schema.json"))) {
  copyFileSync(join(from, name), join(to, name));
}
