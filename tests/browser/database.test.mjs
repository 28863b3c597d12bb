// The database as a file: download what a run left as .sqlite, open one as
// the starting database for runs, refuse a file that is not a database.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launch, PAGE_URL } from "./chromium.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function page() {
  const context = await browser.newContext({ acceptDownloads: true });
  const p = await context.newPage();
  await p.goto(PAGE_URL);
  await p.locator('[data-testid="status"][data-state="ready"]').waitFor({ timeout: 60000 });
  return { p, close: () => context.close() };
}

async function run(p, sql) {
  await p.locator('[data-testid="editor"] .cm-content').click();
  await p.keyboard.press("Control+a");
  await p.keyboard.insertText(sql);
  await p.keyboard.press("Control+Enter");
  await p.locator('[data-testid="status"]:is([data-state="done"], [data-state="error"])').waitFor({ timeout: 60000 });
}

test("a run's database downloads as .sqlite and opens as the start of later runs", async () => {
  const first = await page();
  await first.p.locator('[data-testid="run"]').click();
  await first.p.locator('[data-testid="status"][data-state="done"]').waitFor();
  await first.p.locator('[data-testid="tab-database"]').click();
  const [download] = await Promise.all([first.p.waitForEvent("download"), first.p.locator('[data-testid="download-db"]').click()]);
  assert.equal(download.suggestedFilename(), "retort.sqlite");
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 16).toString("latin1"), "SQLite format 3\0");
  await first.p.locator('[data-testid="status"]', { hasText: "Database saved" }).waitFor();
  await first.close();

  const second = await page();
  await second.p.locator('[data-testid="tab-database"]').click();
  await second.p.locator('[data-testid="open-db"]').setInputFiles({ name: "retort.sqlite", mimeType: "application/vnd.sqlite3", buffer: bytes });
  await second.p.locator('[data-testid="status"]', { hasText: "Runs start from retort.sqlite" }).waitFor();
  await run(second.p, "SELECT count(*) AS n FROM user_account;");
  await second.p.locator('[data-testid="tab-results"]').click();
  assert.deepEqual(await second.p.locator('[data-testid="results"] td').allInnerTexts(), ["3"]);
  // Each run starts from the file again, not from the last run.
  await run(second.p, "DELETE FROM user_account; SELECT count(*) AS n FROM user_account;");
  await run(second.p, "SELECT count(*) AS n FROM user_account;");
  assert.deepEqual(await second.p.locator('[data-testid="results"] td').allInnerTexts(), ["3"]);
  await second.p.locator('[data-testid="tab-database"]').click();
  await second.p.locator('[data-testid="clear-db"]').click();
  await run(second.p, "SELECT count(*) AS n FROM user_account;");
  assert.match(await second.p.locator('[data-testid="error"]').innerText(), /no such table: user_account/);
  await second.close();
});

test("a file that is not a database is refused with a clear message", async () => {
  const { p, close } = await page();
  await p.locator('[data-testid="tab-database"]').click();
  await p.locator('[data-testid="open-db"]').setInputFiles({ name: "notes.sqlite", mimeType: "text/plain", buffer: Buffer.from("just some notes") });
  await p.locator('[data-testid="status"]', { hasText: "Runs start from notes.sqlite" }).waitFor();
  await run(p, "SELECT 1;");
  assert.equal(await p.locator('[data-testid="error"]').innerText(), "cannot open the database: file is not a database");
  await close();
});
