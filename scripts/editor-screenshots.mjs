// Drives VS Code (code-server) in Debian's Chromium to show the extension's completion, hover, and a diagnostic with its quick fix on the
// sample plan longwan/typhoon.plan.yaml, and saves one screenshot of each. Run by scripts/editor-screenshots.sh.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [url, workspace, out] = process.argv.slice(2);
const require = createRequire(join(process.env.NODE_PATH, "noop.js"));
const puppeteer = require("puppeteer-core");
mkdirSync(out, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--lang=zh-CN", "--font-render-hinting=none"],
  defaultViewport: { width: 1440, height: 900 },
});
const page = await browser.newPage();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function chord(...keys) {
  for (const k of keys) await page.keyboard.down(k);
  for (const k of keys.reverse()) await page.keyboard.up(k);
}

async function command(name) {
  await chord("Control", "Shift", "KeyP");
  await page.waitForSelector(".quick-input-widget:not([style*='display: none']) input", { visible: true });
  await page.keyboard.type(name);
  await sleep(600);
  await page.keyboard.press("Enter");
  await sleep(600);
}

/** Puts the cursor at a one-based line and column with "Go to Line/Column". */
async function goTo(line, column) {
  await chord("Control", "KeyG");
  await page.waitForSelector(".quick-input-widget input", { visible: true });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press("Enter");
  await sleep(400);
}

/** Shows the hover at a position (Ctrl+K Ctrl+I) and waits until it contains `text`. */
async function hoverAt(line, column, text) {
  await goTo(line, column);
  await chord("Control", "KeyK");
  await chord("Control", "KeyI");
  await page.waitForFunction((t) => [...document.querySelectorAll(".monaco-hover")].some((h) => h.textContent.includes(t)), { timeout: 30000 }, text);
  await sleep(800);
}

async function shot(name) {
  const file = join(out, name);
  await page.screenshot({ path: file, clip: { x: 0, y: 0, width: 1440, height: 900 } });
  console.log(`wrote ${file}`);
}

try {
  await page.goto(url, { waitUntil: "networkidle2", timeout: 120000 });
  await page.waitForSelector(".monaco-workbench", { timeout: 120000 });
  await sleep(3000);

  // Open the plan through Quick Open, as a user would.
  await chord("Control", "KeyP");
  await page.waitForSelector(".quick-input-widget input", { visible: true });
  await page.keyboard.type("longwan/typhoon.plan.yaml");
  await sleep(1500);
  await page.keyboard.press("Enter");
  await page.waitForSelector(".monaco-editor .view-lines", { visible: true });

  // Wait for the language server: its first diagnostics pass is done when the status bar stops showing progress.
  await sleep(8000);

  const text = (await import("node:fs")).readFileSync(join(workspace, "longwan", "typhoon.plan.yaml"), "utf8").split("\n");
  const line = text.findIndex((l) => l.includes("id: close-outdoor")) + 1;
  const column = text[line - 1].indexOf("owner: streets") + "owner: ".length + 1;

  // Completion: clear the owner and ask for suggestions; a second Ctrl+Space opens the details beside the list.
  await goTo(line, column);
  for (let i = 0; i < "streets".length; i++) await chord("Shift", "ArrowRight");
  await page.keyboard.press("Backspace");
  await chord("Control", "Space");
  await page.waitForSelector(".suggest-widget.visible", { visible: true, timeout: 30000 });
  await sleep(800);
  await chord("Control", "Space");
  await sleep(1200);
  await shot("editor-completion.png");
  await page.keyboard.press("Escape");
  await chord("Control", "KeyZ");
  await sleep(1500);

  // Hover on the role the task names.
  await hoverAt(line, column + 2, "A角");
  await shot("editor-hover.png");
  await page.keyboard.press("Escape");

  // A misspelled owner: the diagnostic, and its quick fix.
  await goTo(line, column + "streets".length);
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await page.waitForSelector(".squiggly-error", { visible: true, timeout: 30000 });
  await hoverAt(line, column + 1, "PL2001");
  await shot("editor-diagnostic.png");
} finally {
  await browser.close();
}
