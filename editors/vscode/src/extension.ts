import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";
import * as planlang from "./planlang";

let client: LanguageClient | undefined;

/** Messages follow VS Code's display language: Chinese for zh-*, English otherwise. */
function t(zh: string, en: string): string {
  return vscode.env.language.toLowerCase().startsWith("zh") ? zh : en;
}

function settings(): planlang.Settings {
  const config = vscode.workspace.getConfiguration("planlang");
  return {
    path: config.get<string>("path", "planlang"),
    language: config.get<string>("language", ""),
    handbookFormat: config.get<string>("handbookFormat", "html"),
  };
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const call = planlang.server(settings());
  const serverOptions: ServerOptions = { command: call.command, args: call.args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "yaml", pattern: "**/*.plan.yaml" },
      { scheme: "file", language: "yaml", pattern: "**/*.registry.yaml" },
      { scheme: "file", language: "yaml", pattern: "**/planlang.yaml" },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.plan.yaml,*.registry.yaml,planlang.yaml}") },
  };
  client = new LanguageClient("planlang", "PlanLang", serverOptions, clientOptions);
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (error) {
    void vscode.window.showErrorMessage(
      t(`无法启动 planlang 语言服务（${call.command}）：请安装 planlang 或设置 planlang.path。`,
        `Cannot start the planlang language server (${call.command}): install planlang or set planlang.path.`) + ` ${String(error)}`);
  }
}

/** The plan file a command applies to: the one it was invoked on, or the active editor's. Unsaved text is saved first,
 * because the CLI reads the file from disk. */
async function planFile(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !document.fileName.endsWith(".plan.yaml")) {
    void vscode.window.showWarningMessage(t("请先打开一个 *.plan.yaml 预案文件。", "Open a *.plan.yaml plan first."));
    return undefined;
  }
  if (document.isDirty) {
    await document.save();
  }
  return document;
}

async function renderHandbook(uri?: vscode.Uri): Promise<void> {
  const document = await planFile(uri);
  if (!document) {
    return;
  }
  const root = planlang.workspaceRoot(document.fileName) ?? dirname(document.fileName);
  const outDir = join(root, "out");
  const current = settings();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t("正在生成预案文本…", "Rendering the handbook…") },
    () => planlang.run(planlang.handbook(current, document.fileName, outDir), root));
  const written = planlang.writtenFiles(result.stdout);
  if (result.code !== 0 || written.length === 0) {
    void vscode.window.showErrorMessage(planlang.firstError(result));
    return;
  }
  const file = vscode.Uri.file(written[0]);
  if (current.handbookFormat === "md") {
    await vscode.commands.executeCommand("markdown.showPreview", file);
  } else {
    await vscode.env.openExternal(file);
  }
  void vscode.window.showInformationMessage(t(`已生成 ${basename(written[0])}`, `Wrote ${basename(written[0])}`));
}

async function showCapacity(uri?: vscode.Uri): Promise<void> {
  const document = await planFile(uri);
  if (!document) {
    return;
  }
  const id = planlang.planId(document.getText());
  const root = planlang.workspaceRoot(document.fileName);
  if (!id || !root) {
    void vscode.window.showErrorMessage(t("预案缺少 id，或不在含 planlang.yaml 的工作区中。", "The plan has no id, or is not in a workspace with planlang.yaml."));
    return;
  }
  // capacity exits with 1 when a level is short of something; the table is the answer either way.
  const result = await planlang.run(planlang.capacity(settings(), root, id), root);
  if (result.code > 1 || result.stdout.trim().length === 0) {
    void vscode.window.showErrorMessage(planlang.firstError(result));
    return;
  }
  const file = join(mkdtempSync(join(tmpdir(), "planlang-")), `${id.replace(/[\\/]/g, "-")}.capacity.md`);
  writeFileSync(file, `# ${t("能力对照表", "Capacity")} — ${id}\n\n${result.stdout}`);
  await vscode.commands.executeCommand("markdown.showPreview", vscode.Uri.file(file));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("planlang.renderHandbook", renderHandbook),
    vscode.commands.registerCommand("planlang.showCapacity", showCapacity),
    vscode.commands.registerCommand("planlang.restartServer", async () => {
      await client?.stop();
      await startClient(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("planlang.path") || event.affectsConfiguration("planlang.language")) {
        await vscode.commands.executeCommand("planlang.restartServer");
      }
    }));
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
