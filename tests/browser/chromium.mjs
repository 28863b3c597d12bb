// Launches Debian's headless Chromium through playwright-core, with the flags
// this machine needs (no sandbox as root, no background networking).
import { createRequire } from "node:module";

// The npm packages live in www/ (see Trunk.toml for why).
const require = createRequire(new URL("../../www/package.json", import.meta.url));
const { chromium } = require("playwright-core");

export const PAGE_URL = process.env.RETORT_URL ?? "http://127.0.0.1:8080/";

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/// Opens the page in a fresh context (of a given viewport, if asked), waits
/// for the engine (or an autorun's end), and collects uncaught page errors.
export async function openPage(browser, url = PAGE_URL, viewport = undefined) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.locator('[data-testid="status"]:is([data-state="ready"], [data-state="done"])').waitFor({ timeout: 60000 });
  return { page, errors, close: () => context.close() };
}

/// Replaces the editor's text, as a user would: select all, type.
export async function typeText(page, text) {
  await page.locator('[data-testid="editor"] .cm-content').click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  if (text) await page.keyboard.insertText(text);
}

/// Runs (Ctrl-Enter, or the Run button) and waits for the run to end.
export async function runAndWait(page, { key = true } = {}) {
  if (key) await page.keyboard.press("Control+Enter");
  else await page.locator('[data-testid="run"]').click();
  await page.locator('[data-testid="status"]:is([data-state="done"], [data-state="error"])').waitFor({ timeout: 60000 });
}
