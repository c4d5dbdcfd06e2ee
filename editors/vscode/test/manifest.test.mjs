// What VS Code reads from the extension: its manifest, and the packaged .vsix (built by `npm run package` first).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import yauzl from "yauzl";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

test("plans, registries, drills and planlang.yaml are associated with the schemas the compiler generates", () => {
  const byPattern = Object.fromEntries(manifest.contributes.yamlValidation.map((v) => [v.fileMatch, v.url]));
  assert.deepEqual(Object.keys(byPattern).sort(), ["*.drill.yaml", "*.plan.yaml", "*.registry.yaml", "planlang.yaml"]);
  for (const url of Object.values(byPattern)) {
    const shipped = join(root, url);
    assert.ok(existsSync(shipped), `${url} is not built`);
    assert.equal(readFileSync(shipped, "utf8"), readFileSync(join(root, "..", "..", "schemas", url.split("/").pop()), "utf8"));
  }
});

test("every contributed command is registered by the extension", () => {
  const code = readFileSync(join(root, manifest.main), "utf8");
  for (const { command } of manifest.contributes.commands) {
    assert.ok(code.includes(`registerCommand("${command}"`), `${command} is contributed but not registered`);
  }
  assert.ok(manifest.contributes.commands.some((c) => c.command === "planlang.renderHandbook"));
  assert.ok(manifest.contributes.commands.some((c) => c.command === "planlang.showCapacity"));
});

test("the .vsix holds the bundled extension and its schemas", async () => {
  const vsix = join(root, "planlang.vsix");
  assert.ok(existsSync(vsix), "planlang.vsix is missing: run npm run package");
  const names = await new Promise((resolve, reject) => {
    yauzl.open(vsix, { lazyEntries: false }, (error, zip) => {
      if (error) {
        reject(error);
        return;
      }
      const entries = [];
      zip.on("entry", (entry) => entries.push(entry.fileName));
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
    });
  });
  for (const name of [
    "extension.vsixmanifest",
    "extension/package.json",
    "extension/dist/extension.js",
    "extension/schemas/plan.schema.json",
    "extension/schemas/registry.schema.json",
  ]) {
    assert.ok(names.includes(name), `${name} is not in the .vsix`);
  }
  // One bundled file carries the language client; sources, tests and node_modules stay out.
  assert.ok(!names.some((n) => /^extension\/(src|test|out|node_modules)\//.test(n)), names.join("\n"));
  // The bundle may only load VS Code's API and Node's built-ins: the language client is inside it.
  const bundle = readFileSync(join(root, "dist", "extension.js"), "utf8");
  const loaded = new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
  const outside = [...loaded].filter((m) => m !== "vscode" && !builtinModules.includes(m.replace(/^node:/, "")));
  assert.deepEqual(outside, []);
  assert.ok(bundle.includes("BaseLanguageClient"));
});
