// Real SQLAlchemy's recorded traces, checked through the page: every public
// oracle case (tests/oracle/public) and every example of the Examples menu
// (tests/oracle/examples, each an oracle case with its own trace) runs in
// headless Chromium, and what the page shows (stdout, the error, the SQL
// log's entries with their parameters) is compared with the trace, at the
// SQL level as crates/retort_runtime/tests/oracle/trace.rs compares it:
// PRAGMA and sqlite_master reads left out, whitespace collapsed, the rows
// of an executemany as a set.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { launch, openPage, typeText, runAndWait } from "./chromium.mjs";

const ROOT = new URL("../../", import.meta.url);
const read = (path) => readFileSync(new URL(path, ROOT), "utf8");

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The events the SQL level compares, as the trace writes them.
function sqlLevel(events) {
  return events
    .filter((e) => !(e.sql && (e.sql.startsWith("PRAGMA") || e.sql.includes("sqlite_master"))))
    .map((e) => {
      if (e.tx) return { tx: e.tx };
      const params = e.many ? [...e.params].map((r) => JSON.stringify(r)).sort() : JSON.stringify(e.params);
      return { sql: e.sql.split(/\s+/).join(" ").trim(), params, many: Boolean(e.many) };
    });
}

/// What the page shows of a run: stdout, the error's type, the SQL log.
async function shown(page) {
  await page.locator('[data-testid="tab-results"]').click();
  const out = page.locator('[data-testid="stdout"]');
  const stdout = (await out.count()) ? await out.textContent() : "";
  const error = (await page.locator('[data-testid="error"]').count()) ? await page.locator('[data-testid="error"]').innerText() : null;
  await page.locator('[data-testid="tab-sql-log"]').click();
  const events = await page.locator('[data-testid="sql-entry"]').evaluateAll((items) =>
    items.map((li) => {
      const kind = li.dataset.kind;
      if (kind !== "sql") return { tx: kind };
      return {
        sql: li.querySelector('[data-testid="sql-text"]').textContent,
        params: JSON.parse(li.querySelector('[data-testid="sql-params"]').textContent),
        many: li.dataset.many === "true",
      };
    }),
  );
  return { stdout, error, events };
}

async function run(page, source) {
  await typeText(page, source);
  await runAndWait(page);
  return shown(page);
}

const cases = readdirSync(new URL("tests/oracle/public/", ROOT)).filter((f) => f.endsWith(".py")).sort();

test("every public oracle case: the page shows what real SQLAlchemy did", async () => {
  assert.ok(cases.length >= 12, `only ${cases.length} public cases`);
  const { page, errors, close } = await openPage(browser);
  for (const name of cases) {
    const want = JSON.parse(read(`tests/oracle/public/${name.replace(/\.py$/, ".trace.json")}`));
    const got = await run(page, read(`tests/oracle/public/${name}`));
    assert.equal(got.stdout, want.stdout, `${name}: stdout`);
    if (want.error) assert.match(got.error ?? "", new RegExp(want.error.type.split(".").pop()), `${name}: error`);
    else assert.equal(got.error, null, `${name}: no error`);
    assert.deepEqual(sqlLevel(got.events), sqlLevel(want.events), `${name}: the SQL log`);
  }
  assert.deepEqual(errors, []);
  await close();
});

test("every example of the menu (an oracle case) shows what real SQLAlchemy did", async () => {
  const examples = readdirSync(new URL("tests/oracle/examples/", ROOT)).filter((f) => f.endsWith(".py")).sort();
  assert.ok(examples.length >= 12, `only ${examples.length} examples`);
  const { page, errors, close } = await openPage(browser);
  for (const name of examples) {
    const want = JSON.parse(read(`tests/oracle/examples/${name.replace(/\.py$/, ".trace.json")}`));
    const got = await run(page, read(`tests/oracle/examples/${name}`));
    assert.equal(got.error, null, `${name}: no error`);
    assert.equal(got.stdout, want.stdout, `${name}: stdout`);
    assert.deepEqual(sqlLevel(got.events), sqlLevel(want.events), `${name}: the SQL log`);
  }
  assert.deepEqual(errors, []);
  await close();
});
