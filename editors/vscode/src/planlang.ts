// How the extension calls the planlang CLI: kept free of the vscode module so the tests run it under plain Node
// against the real CLI.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";

export interface Settings {
  /** The planlang command, or the path of planlang.dll (run with dotnet). */
  path: string;
  /** zh-CN, en, or empty for the locale. */
  language: string;
  handbookFormat: string;
}

export interface Invocation {
  command: string;
  args: string[];
}

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** A planlang command line; a .dll is run by the dotnet host, as `dotnet run` would. */
export function invocation(settings: Settings, args: string[]): Invocation {
  const lang = settings.language ? ["--lang", settings.language] : [];
  return settings.path.toLowerCase().endsWith(".dll")
    ? { command: "dotnet", args: [settings.path, ...args, ...lang] }
    : { command: settings.path || "planlang", args: [...args, ...lang] };
}

export function server(settings: Settings): Invocation {
  return invocation(settings, ["lsp"]);
}

export function handbook(settings: Settings, planFile: string, outDir: string): Invocation {
  return invocation(settings, ["render", "handbook", planFile, "--format", settings.handbookFormat || "html", "-o", outDir]);
}

export function capacity(settings: Settings, workspace: string, planId: string): Invocation {
  return invocation(settings, ["capacity", workspace, "--plan", planId, "--format", "markdown"]);
}

/** The plan's id, from its top-level `id:` line (the file may not be saved, so it is read from the editor text). */
export function planId(text: string): string | undefined {
  const match = /^id:[ \t]*["']?([^\s"'#]+)/m.exec(text);
  return match?.[1];
}

/** The workspace a file belongs to: the nearest folder above it holding planlang.yaml. */
export function workspaceRoot(file: string): string | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "planlang.yaml"))) {
      return dir;
    }
    if (dirname(dir) === dir) {
      return undefined;
    }
  }
}

/** The files a render command reports writing: the last word of each output line that is an absolute path. */
export function writtenFiles(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/).pop() ?? "")
    .filter((word) => word.length > 0 && isAbsolute(word));
}

/** The first error line the CLI printed, which carries its PLnnnn code and file(line,col). */
export function firstError(result: Result): string {
  const lines = (result.stderr + "\n" + result.stdout).split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  return lines.find((l) => /\bPL\d{4}\b/.test(l)) ?? lines[0] ?? `exit code ${result.code}`;
}

export function run(call: Invocation, cwd: string): Promise<Result> {
  return new Promise((resolve) => {
    execFile(call.command, call.args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 127) : 0;
      resolve({ code, stdout: String(stdout), stderr: error && code === 127 ? `${error.message}\n${stderr}` : String(stderr) });
    });
  });
}
