// End-to-end tests of embed mode in headless Chromium: ?embed=1 shows a
// compact page with the panes asked for, a read-only editor and a theme;
// a parent page drives it with postMessage and gets the run's
// retort-trace/1 back; the Embed button makes the iframe snippet.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, PAGE_URL } from "./chromium.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SCRIPT = `from sqlalchemy import create_engine, text
engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE t (x INTEGER)"))
    conn.execute(text("INSERT INTO t VALUES (:x)"), [{"x": 1}, {"x": 2}])
    print(conn.execute(text("SELECT sum(x) FROM t")).scalar())
`;

test("?embed=1 shows the panes asked for, read-only and themed", async () => {
  const url = new URL(PAGE_URL);
  url.search = "?embed=1&panes=sql,db&readonly=1&theme=dark";
  const { page, errors, close } = await openPage(browser, url.href);
  assert.equal(await page.locator(".app.embed").count(), 1);
  assert.deepEqual(await page.locator(".tabs .tab").allInnerTexts(), ["SQL log", "Database"]);
  assert.equal(await page.locator('[data-testid="share"]').count(), 0);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.equal(await page.locator(".cm-content").getAttribute("contenteditable"), "false");
  assert.deepEqual(errors, []);
  await close();
});

test("a parent page posts retort:run and gets retort:trace back", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // a documentation page on another origin (about:blank) holding the iframe
  await page.setContent(`<iframe id="r" src="${PAGE_URL}?embed=1" width="800" height="500"></iframe>`);
  const frame = page.frameLocator("#r");
  await frame.locator('[data-testid="status"][data-state="ready"]').waitFor({ timeout: 60000 });
  const reply = await page.evaluate((code) => new Promise((resolve) => {
    window.addEventListener("message", (e) => { if (e.data?.type === "retort:trace") resolve(e.data); });
    document.getElementById("r").contentWindow.postMessage({ type: "retort:run", code }, "*");
  }), SCRIPT);
  assert.equal(reply.trace.format, "retort-trace/1");
  assert.equal(reply.trace.stdout, "3\n");
  assert.equal(reply.trace.error, null);
  const sql = reply.trace.events.filter((e) => e.sql);
  assert.deepEqual(sql.map((e) => e.sql), ["CREATE TABLE t (x INTEGER)", "INSERT INTO t VALUES (?)", "SELECT sum(x) FROM t"]);
  assert.deepEqual(sql.map((e) => e.line), [4, 5, 6]);
  assert.equal(sql[1].many, true);
  // the iframe shows the run too
  assert.equal((await frame.locator('[data-testid="stdout"]').innerText()).trim(), "3");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the Embed button makes an iframe snippet that opens the same code", async () => {
  const { page, errors, close } = await openPage(browser);
  await page.locator('[data-testid="embed"]').click();
  const snippet = await page.locator('[data-testid="embed-snippet"]').inputValue();
  assert.match(snippet, /^<iframe src="[^"]+\?embed=1&amp;panes=output,sql#code=v1\.[A-Za-z0-9_-]+" .*allow="clipboard-write"/);
  const src = snippet.match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&");
  const other = await openPage(browser, src);
  assert.equal(await other.page.locator(".app.embed").count(), 1);
  assert.match(await other.page.locator(".cm-content").innerText(), /SELECT|select|CREATE/);
  assert.deepEqual(other.errors, []);
  await other.close();
  assert.deepEqual(errors, []);
  await close();
});
