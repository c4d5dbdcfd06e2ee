// The extension's calls of the planlang CLI, run against the real CLI built by `dotnet test` (or PLANLANG_DLL).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node.js";
import * as planlang from "../out/planlang.js";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const dll = process.env.PLANLANG_DLL ?? join(repo, "cli", "bin", "Release", "net10.0", "planlang.dll");
const sample = join(repo, "plans", "longwan", "typhoon.plan.yaml");
const settings = { path: dll, language: "zh-CN", handbookFormat: "html" };

test("the CLI the tests drive is built", () => {
  assert.ok(existsSync(dll), `${dll} is missing: build it with dotnet build cli -c Release (scripts/test.sh does)`);
});

test("a .dll runs under dotnet, a command runs as it is, the language is passed on", () => {
  assert.deepEqual(planlang.server({ path: "/opt/planlang/planlang.dll", language: "", handbookFormat: "html" }),
    { command: "dotnet", args: ["/opt/planlang/planlang.dll", "lsp"] });
  assert.deepEqual(planlang.server({ path: "planlang", language: "en", handbookFormat: "html" }),
    { command: "planlang", args: ["lsp", "--lang", "en"] });
  assert.deepEqual(planlang.handbook({ path: "planlang", language: "", handbookFormat: "pdf" }, "/w/a.plan.yaml", "/w/out").args,
    ["render", "handbook", "/w/a.plan.yaml", "--format", "pdf", "-o", "/w/out"]);
});

test("the plan id is read from the top-level id line, quoted or not", () => {
  assert.equal(planlang.planId(readFileSync(sample, "utf8")), "longwan/typhoon");
  assert.equal(planlang.planId("planlang: 1\nid: \"a/b\" # comment\n"), "a/b");
  assert.equal(planlang.planId("tasks:\n  - id: x\n"), undefined);
});

test("the workspace root is the folder holding planlang.yaml", () => {
  assert.equal(planlang.workspaceRoot(sample), join(repo, "plans"));
  assert.equal(planlang.workspaceRoot(join(tmpdir(), "x.plan.yaml")), undefined);
});

test("render handbook writes the plan's handbook and reports where", async () => {
  const out = mkdtempSync(join(tmpdir(), "planlang-ext-"));
  const result = await planlang.run(planlang.handbook(settings, sample, out), join(repo, "plans"));
  assert.equal(result.code, 0, result.stderr);
  const written = planlang.writtenFiles(result.stdout);
  assert.deepEqual(written, [join(out, "longwan-typhoon.handbook.html")]);
  assert.match(readFileSync(written[0], "utf8"), /龙湾区防台风应急预案/);
});

test("a broken plan's render error names the PL code, file and line", async () => {
  const result = await planlang.run(planlang.handbook(settings, join(repo, "plans", "missing.plan.yaml"), tmpdir()), repo);
  assert.notEqual(result.code, 0);
  assert.match(planlang.firstError(result), /PL\d{4}/);
});

test("the capacity table of the plan lists every level's needs", async () => {
  const id = planlang.planId(readFileSync(sample, "utf8"));
  const result = await planlang.run(planlang.capacity(settings, planlang.workspaceRoot(sample), id), repo);
  assert.equal(result.code, 0, result.stderr);
  for (const level of ["Ⅲ级响应", "Ⅱ级响应", "Ⅰ级响应"]) {
    assert.match(result.stdout, new RegExp(`\\| ${level} \\| 避难场所容量 \\|`));
  }
});

test("the language server the extension starts publishes a diagnostic for a misspelled role", async () => {
  const call = planlang.server({ ...settings, language: "en" });
  const child = spawn(call.command, call.args, { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  try {
    const uri = pathToFileURL(sample).href;
    const published = new Promise((resolve) => connection.onNotification("textDocument/publishDiagnostics", (p) => {
      if (p.uri === uri && p.diagnostics.length > 0) {
        resolve(p.diagnostics);
      }
    }));
    const init = await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(join(repo, "plans")).href, capabilities: {} });
    assert.ok(init.capabilities.definitionProvider);
    await connection.sendNotification("initialized", {});
    const text = readFileSync(sample, "utf8").replace("owner: water, from: IV", "owner: watr, from: IV");
    await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
    const diagnostics = await published;
    assert.ok(diagnostics.some((d) => d.code === "PL2001" && /did you mean 'water'/.test(d.message)), JSON.stringify(diagnostics));
    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
  } finally {
    connection.dispose();
    child.kill();
  }
});
