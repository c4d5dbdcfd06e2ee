// Whole-process timing of `planlang lsp`: the real server over stdio, driven as an editor drives it, on the sample
// workspace and on a generated one of 1,000 plans and 20 registries. Measures the time from a didChange that breaks a
// task's owner (and from the one that fixes it) to the publishDiagnostics of that file, and the round trip of
// definition, references, hover and completion at that owner. Warm-up rounds first, then the median of ROUNDS
// (default 9). Baseline in the same run: one `planlang check` process on the same workspace.
// Usage: node bench/lsp-time.mjs   (after `dotnet build cli -c Release` and `npm ci` in editors/vscode)
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(join(repo, "editors", "vscode", "package.json"));
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require("vscode-languageserver-protocol/node");
const dll = join(repo, "cli", "bin", "Release", "net10.0", "planlang.dll");
const rounds = Number(process.env.ROUNDS ?? 9);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

async function measure(workspace, planFile) {
  const child = spawn("dotnet", [dll, "lsp", "--lang", "en"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiting;
  connection.onNotification("textDocument/publishDiagnostics", (p) => {
    if (waiting && p.uri === waiting.uri && waiting.match(p.diagnostics)) {
      const done = waiting.resolve;
      waiting = undefined;
      done();
    }
  });
  connection.listen();
  const uri = pathToFileURL(planFile).href;
  const published = (match) => new Promise((resolve) => { waiting = { uri, match, resolve }; });

  await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {} });
  const text = readFileSync(planFile, "utf8");
  const owner = /(- \{ id: [\w-]+, title: [^,]+, owner: )([\w-]+)/.exec(text);
  const broken = text.replace(owner[0], `${owner[1]}${owner[2]}x`);
  const before = text.slice(0, owner.index + owner[1].length).split("\n");
  const position = { textDocument: { uri }, position: { line: before.length - 1, character: before.at(-1).length + 1 } };

  const start = process.hrtime.bigint();
  let first = published(() => true);
  await connection.sendNotification("initialized", {});
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
  await first;
  const open = ms(start);

  const times = { break: [], fix: [], definition: [], references: [], hover: [], completion: [] };
  let version = 1;
  for (let i = 0; i < rounds + 2; i++) {
    const keep = i >= 2; // two warm-up rounds
    let t = process.hrtime.bigint();
    let next = published((d) => d.some((x) => x.code === "PL2001"));
    await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: ++version }, contentChanges: [{ text: broken }] });
    await next;
    if (keep) times.break.push(ms(t));
    t = process.hrtime.bigint();
    next = published((d) => !d.some((x) => x.code === "PL2001"));
    await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
    await next;
    if (keep) times.fix.push(ms(t));
    for (const [name, method] of [["definition", "textDocument/definition"], ["references", "textDocument/references"], ["hover", "textDocument/hover"], ["completion", "textDocument/completion"]]) {
      t = process.hrtime.bigint();
      const result = await connection.sendRequest(method, { ...position, context: { includeDeclaration: true } });
      if (!result || (Array.isArray(result) && result.length === 0)) throw new Error(`${method} answered nothing`);
      if (keep) times[name].push(ms(t));
    }
  }
  await connection.sendRequest("shutdown");
  const exited = new Promise((resolve) => child.on("exit", resolve));
  await connection.sendNotification("exit");
  await exited;
  connection.dispose();
  return { open, ...Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) };
}

function checkTime(workspace) {
  const runs = [];
  for (let i = 0; i < 4; i++) {
    const t = process.hrtime.bigint();
    try { execFileSync("dotnet", [dll, "check", workspace, "--today", "2026-11-22"], { stdio: "ignore" }); } catch { /* warnings exit non-zero in some workspaces */ }
    if (i > 0) runs.push(ms(t));
  }
  return median(runs);
}

const generated = join(repo, "bench", "out", "ws-lsp-1000");
execFileSync("node", [join(repo, "bench", "generate-workspace.mjs"), generated, "1000", "20"], { stdio: "ignore" });
const firstPlan = (dir) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".plan.yaml")).sort()[0];
const cases = [
  ["sample plans/ (14 plans)", join(repo, "plans"), join(repo, "plans", "longwan", "typhoon.plan.yaml")],
  ["generated (1,000 plans, 20 registries)", generated, join(generated, firstPlan(generated))],
];
console.log("| workspace | `check` process | open → diagnostics | break → PL2001 | fix → cleared | definition | references | hover | completion |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const [name, workspace, plan] of cases) {
  const r = await measure(workspace, plan);
  const c = checkTime(workspace);
  const f = (x) => `${Math.round(x).toLocaleString("en")} ms`;
  console.log(`| ${name} | ${f(c)} | ${f(r.open)} | ${f(r.break)} | ${f(r.fix)} | ${f(r.definition)} | ${f(r.references)} | ${f(r.hover)} | ${f(r.completion)} |`);
}
