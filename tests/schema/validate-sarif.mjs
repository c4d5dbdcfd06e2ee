// Validates a SARIF log against the official SARIF 2.1.0 JSON Schema (as shipped by Microsoft's SARIF
// multitool package) with ajv. Usage: node tests/schema/validate-sarif.mjs FILE.sarif — exit 1 when invalid.
import fs from "node:fs";
import { createRequire } from "node:module";
import Ajv2020 from "ajv/dist/2020.js";

const require = createRequire(import.meta.url);
const schemaPath = require.resolve("@microsoft/sarif-multitool-linux/sarif-2.1.0.json");
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(schema);
const log = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const valid = validate(log);
console.log(JSON.stringify({ valid, errors: validate.errors ?? [] }));
process.exit(valid ? 0 : 1);
