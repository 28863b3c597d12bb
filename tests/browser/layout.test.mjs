// The layouts in headless Chromium: the main page at a desktop width and at
// 700 px, and embed mode, each after running an ORM example. At 700 px
// nothing overflows sideways and every control stays on screen and usable.
// Screenshots of each layout are kept in target/screenshots/ (CI keeps
// them as artefacts; look at them after a layout change).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { launch, openPage, runAndWait, PAGE_URL } from "./chromium.mjs";

const SHOTS = new URL("../../target/screenshots/", import.meta.url);
mkdirSync(SHOTS, { recursive: true });

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const open = (url, width, height) => openPage(browser, url, { width, height });

/// Elements (by a selector) whose box sticks out of the viewport sideways.
function outside(page, selector) {
  return page.evaluate((selector) => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll(selector)]
      .filter((e) => e.getClientRects().length > 0)
      .filter((e) => { const r = e.getBoundingClientRect(); return r.left < -1 || r.right > width + 1; })
      .map((e) => e.dataset.testid || e.className || e.tagName);
  }, selector);
}

for (const width of [1280, 700]) {
  test(`the main layout at ${width} px: every control on screen, nothing overflows`, async () => {
    const { page, errors, close } = await open(PAGE_URL, width, 800);
    await page.locator('[data-testid="examples"]').selectOption({ label: "One-to-many" });
    await runAndWait(page, { key: false });
    assert.equal(await page.locator('[data-testid="status"]').getAttribute("data-state"), "done");
    // no sideways scrolling of the page
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(scroll <= 0, `the page scrolls sideways by ${scroll} px`);
    assert.deepEqual(await outside(page, "button, select, input, .tab, [data-testid='editor']"), []);
    // the editor takes typing, and each tab shows its pane within the width
    await page.locator('[data-testid="editor"] .cm-content').click();
    assert.ok(await page.locator('[data-testid="editor"] .cm-content').isVisible());
    for (const tab of ["tab-sql-log", "tab-session", "tab-graph", "tab-database", "tab-migrations", "tab-results"]) {
      const button = page.locator(`[data-testid="${tab}"]`);
      if ((await button.count()) === 0) continue;
      await button.click();
      assert.deepEqual(await outside(page, ".output-tabs, .tabs, .timeline"), [], tab);
    }
    await page.locator('[data-testid="tab-sql-log"]').click();
    await page.locator(".cm-scroller").evaluate((e) => { e.scrollLeft = 0; });
    await page.screenshot({ path: new URL(`main-${width}.png`, SHOTS).pathname, fullPage: true });
    await page.locator('[data-testid="tab-graph"]').click();
    await page.screenshot({ path: new URL(`graph-${width}.png`, SHOTS).pathname, fullPage: true });
    assert.deepEqual(errors, []);
    await close();
  });
}

test("the embed layout: the panes asked for, compact", async () => {
  const url = new URL(PAGE_URL);
  url.search = "?embed=1&panes=output,sql,session&autorun=1";
  const { page, errors, close } = await open(url.href, 700, 480);
  await page.locator('[data-testid="status"]:is([data-state="done"], [data-state="error"])').waitFor({ timeout: 60000 });
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(scroll <= 0, `the embed scrolls sideways by ${scroll} px`);
  assert.deepEqual(await outside(page, "button, .tab, [data-testid='editor']"), []);
  await page.screenshot({ path: new URL("embed-700.png", SHOTS).pathname });
  assert.deepEqual(errors, []);
  await close();
});
