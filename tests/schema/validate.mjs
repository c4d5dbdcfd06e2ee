// Validates PlanLang YAML files against the committed JSON Schemas with ajv, an independent validator,
// reading YAML as VS Code's YAML extension does (YAML 1.2 core schema).
// Usage: node tests/schema/validate.mjs SCHEMA_DIR FILE...   Prints one JSON line per file; exit 1 if any is invalid.
import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { parse } from "yaml";

const [schemaDir, ...files] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
const load = (name) => ajv.compile(JSON.parse(fs.readFileSync(path.join(schemaDir, name), "utf8")));
const validators = { plan: load("plan.schema.json"), registry: load("registry.schema.json"), config: load("config.schema.json"), drill: load("drill.schema.json") };

const kindOf = (file) => {
  const base = path.basename(file);
  if (base === "planlang.yaml") return "config";
  if (base.endsWith(".registry.yaml")) return "registry";
  if (base.endsWith(".plan.yaml")) return "plan";
  if (base.endsWith(".drill.yaml")) return "drill";
  return null;
};

let failed = false;
for (const file of files) {
  const kind = kindOf(file);
  const validate = validators[kind];
  const data = parse(fs.readFileSync(file, "utf8"));
  const valid = validate(data);
  if (!valid) failed = true;
  console.log(JSON.stringify({ file, kind, valid, errors: (validate.errors ?? []).map((e) => ({ path: e.instancePath, keyword: e.keyword, params: e.params, message: e.message })) }));
}
process.exit(failed ? 1 : 0);
