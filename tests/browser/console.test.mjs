// End-to-end tests of the SQL console in headless Chromium, against dist/
// served on 127.0.0.1 by `cargo xtask test`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, typeText, runAndWait, PAGE_URL } from "./chromium.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const status = (page) => page.locator('[data-testid="status"]');

const open = () => openPage(browser);
const type = typeText;

test("the page reaches ready and runs the example it opens with", async () => {
  const { page, errors, close } = await open();
  await runAndWait(page, { key: false });
  assert.equal(await status(page).getAttribute("data-state"), "done");
  const results = page.locator('[data-testid="results"]');
  assert.match(await results.innerText(), /spongebob/);
  assert.equal(await results.locator("table tbody tr").count(), 3);
  assert.deepEqual(errors, []);
  await close();
});

test("SQL typed into the editor runs on Ctrl-Enter and its rows appear", async () => {
  const { page, errors, close } = await open();
  await type(page, "CREATE TABLE t (a INTEGER, b TEXT, c BLOB);\nINSERT INTO t VALUES (1, 'x', x'00ff'), (2, NULL, NULL);\nSELECT a, b, c FROM t ORDER BY a;");
  await runAndWait(page);
  assert.equal(await status(page).getAttribute("data-state"), "done");
  const rows = page.locator('[data-testid="results"] table tbody tr');
  assert.equal(await rows.count(), 2);
  assert.deepEqual(await rows.nth(0).locator("td").allInnerTexts(), ["1", "x", "x'00ff'"]);
  assert.deepEqual(await rows.nth(1).locator("td").allInnerTexts(), ["2", "NULL", "NULL"]);
  assert.match(await page.locator('[data-testid="results"]').innerText(), /2 rows affected/);
  assert.deepEqual(errors, []);
  await close();
});

test("a SQL error shows a clear message and marks its line", async () => {
  const { page, close } = await open();
  await type(page, "SELECT 1;\nSELECT * FROM nowhere;");
  await runAndWait(page);
  assert.equal(await status(page).getAttribute("data-state"), "error");
  assert.equal(await page.locator('[data-testid="error"]').innerText(), "Line 2: no such table: nowhere (OperationalError)");
  assert.equal(await page.locator(".cm-retort-error").innerText(), "SELECT * FROM nowhere;");
  // The statement before the error still shows its result.
  assert.equal(await page.locator('[data-testid="results"] table').count(), 1);
  await close();
});

test("an empty editor says there was nothing to run", async () => {
  const { page, close } = await open();
  await type(page, "");
  await runAndWait(page);
  assert.equal(await status(page).getAttribute("data-state"), "done");
  assert.match(await page.locator('[data-testid="results"]').innerText(), /Nothing to run/);
  await close();
});

test("a million-row result shows the first 1,000 rows and says how many there were", async () => {
  const { page, close } = await open();
  await type(page, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) SELECT x FROM c;");
  await runAndWait(page);
  const results = page.locator('[data-testid="results"]');
  assert.match(await results.innerText(), /first 1000 of 1000000 rows/);
  assert.equal(await results.locator("table tbody tr").count(), 1000);
  await close();
});

test("Stop ends a runaway statement within 2 s and the page keeps working", async () => {
  const { page, errors, close } = await open();
  await type(page, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c");
  await page.keyboard.press("Control+Enter");
  await page.locator('[data-testid="status"][data-state="running"]').waitFor();
  await page.waitForTimeout(300);
  const pressed = Date.now();
  await page.locator('[data-testid="stop"]').click();
  await page.locator('[data-testid="status"]:not([data-state="running"])').waitFor({ timeout: 2000 });
  assert.ok(Date.now() - pressed <= 2000);
  assert.match(await page.locator('[data-testid="error"]').innerText(), /Stopped/);
  await type(page, "SELECT 40 + 2 AS answer;");
  await runAndWait(page);
  assert.equal(await status(page).getAttribute("data-state"), "done");
  assert.deepEqual(await page.locator('[data-testid="results"] td').allInnerTexts(), ["42"]);
  assert.deepEqual(errors, []);
  await close();
});

test("an engine that fails to load says so and can be retried", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route("**/worker_bg.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(PAGE_URL);
  await page.locator('[data-testid="status"][data-state="error"]').waitFor({ timeout: 30000 });
  assert.match(await page.locator('[data-testid="error"]').innerText(), /The engine could not start: cannot download the engine: HTTP 404/);
  assert.equal(await page.locator('[data-testid="run"]').isDisabled(), true);
  await page.unroute("**/worker_bg.wasm");
  await page.locator('[data-testid="retry"]').click();
  await page.locator('[data-testid="status"][data-state="ready"]').waitFor({ timeout: 60000 });
  await type(page, "SELECT 'back' AS state;");
  await runAndWait(page);
  assert.deepEqual(await page.locator('[data-testid="results"] td').allInnerTexts(), ["back"]);
  await context.close();
});

test("the SQL log lists each statement with its line, and the database tab shows the tables", async () => {
  const { page, errors, close } = await open();
  await type(page, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);\nINSERT INTO t (name) VALUES ('a'), ('b');\n\nSELECT name FROM t;\nINSERT INTO t (id) VALUES (1);");
  await runAndWait(page);
  await page.locator('[data-testid="tab-sql-log"]').click();
  const events = page.locator('[data-testid="sql-entry"]');
  assert.equal(await events.count(), 4);
  assert.deepEqual(await events.evaluateAll((els) => els.map((e) => e.dataset.line)), ["1", "2", "4", "5"]);
  assert.deepEqual(await events.evaluateAll((els) => els.map((e) => e.dataset.kind)), ["sql", "sql", "sql", "sql"]);
  assert.equal(await events.nth(2).locator('[data-testid="sql-text"]').innerText(), "SELECT name FROM t");
  assert.equal(await events.nth(2).locator('[data-testid="sql-params"]').innerText(), "[]");
  assert.match(await events.nth(1).innerText(), /2 rows affected/);
  assert.match(await events.nth(2).innerText(), /2 rows returned/);
  assert.match(await events.nth(3).innerText(), /IntegrityError: UNIQUE constraint failed: t\.id/);
  await page.locator('[data-testid="tab-database"]').click();
  const table = page.locator('[data-testid="database"] [data-table="t"]');
  assert.match(await table.locator("h3").innerText(), /2 rows/);
  assert.deepEqual(await table.locator("tbody td").allInnerTexts(), ["1", "a", "2", "b"]);
  await page.locator('[data-testid="tab-results"]').click();
  assert.equal(await page.locator('[data-testid="results"] table').count(), 1);
  assert.deepEqual(errors, []);
  await close();
});

test("lines that sent SQL carry a count, and a click selects their statements", async () => {
  const { page, errors, close } = await open();
  await type(page, "CREATE TABLE t (x);\nINSERT INTO t VALUES (1); INSERT INTO t VALUES (2);\n\nSELECT x FROM t;");
  await runAndWait(page);
  const counts = page.locator(".cm-sql-gutter .cm-sql-count");
  assert.deepEqual(await counts.allInnerTexts(), ["1", "2", "1"]);
  await counts.nth(1).click();
  assert.equal(await page.locator('[data-testid="tab-sql-log"]').getAttribute("class"), "tab active");
  const selected = page.locator('[data-testid="sql-entry"].selected');
  assert.equal(await selected.count(), 2);
  assert.deepEqual(await selected.evaluateAll((els) => els.map((e) => e.dataset.line)), ["2", "2"]);
  assert.equal(await page.locator(".cm-retort-selected").innerText(), "INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);");
  // And the other way: a click on a log entry selects its line in the editor.
  await page.locator('[data-testid="sql-entry"][data-line="4"]').click();
  assert.equal(await page.locator(".cm-retort-selected").innerText(), "SELECT x FROM t;");
  assert.deepEqual(errors, []);
  await close();
});
