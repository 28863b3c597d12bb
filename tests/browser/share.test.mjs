// Share links in headless Chromium: the code travels in the URL fragment,
// a broken link says so and opens the example, ?autorun=1 runs on load.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, PAGE_URL } from "./chromium.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function ready(page) {
  await page.locator('[data-testid="status"][data-state="ready"]').waitFor({ timeout: 60000 });
}

const editorText = (page) => page.locator('[data-testid="editor"] .cm-content').innerText();

test("a shared link reopens the same code", async () => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto(PAGE_URL);
  await ready(page);
  const code = "-- shared ✓\nSELECT 'it travels' AS how;";
  await page.locator('[data-testid="editor"] .cm-content').click();
  await page.keyboard.press("Control+a");
  await page.keyboard.insertText(code);
  await page.locator('[data-testid="share"]').click();
  await page.locator('[data-testid="status"]', { hasText: "Link copied" }).waitFor();
  const url = page.url();
  assert.match(url, /#code=v1\.[A-Za-z0-9_-]+$/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  assert.equal(await page.locator('[data-testid="share-url"]').inputValue(), url);

  const other = await context.newPage();
  await other.goto(url);
  await ready(other);
  assert.equal(await editorText(other), code);
  assert.equal(await other.locator('[data-testid="error"]').count(), 0);
  await context.close();
});

test("a broken link says so and opens the default example", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(PAGE_URL + "#code=v1.80_truncated");
  await ready(page);
  assert.match(await page.locator('[data-testid="error"]').innerText(), /^This link could not be opened: .*The default example is open instead\.$/);
  assert.match(await editorText(page), /Retort's SQL console/);
  await page.locator('[data-testid="run"]').click();
  await page.locator('[data-testid="status"][data-state="done"]').waitFor();
  await context.close();
});

test("?autorun=1 runs the shared code on load", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(PAGE_URL);
  await ready(page);
  await page.locator('[data-testid="editor"] .cm-content').click();
  await page.keyboard.press("Control+a");
  await page.keyboard.insertText("SELECT 6 * 7 AS answer;");
  await page.locator('[data-testid="share"]').click();
  await page.locator('[data-testid="status"]', { hasText: "Link" }).waitFor();
  const { hash } = new URL(page.url());
  const other = await context.newPage();
  await other.goto(PAGE_URL + "?autorun=1" + hash);
  await other.locator('[data-testid="status"][data-state="done"]').waitFor({ timeout: 60000 });
  assert.deepEqual(await other.locator('[data-testid="results"] td').allInnerTexts(), ["42"]);
  await context.close();
});
