// Start-up benchmark (cargo xtask bench): cold loads of the page (a new
// browser context each, so nothing is cached), timed by the page's own clock
// from navigation start: when the editor is interactive (CodeMirror's
// content is in the page), when the engine is ready to run, and when the
// example it opens with has run (Run pressed once ready). Then, in one page:
// re-runs of an ORM example (click to rendered panels), and the page's JS
// heap after 1 and after 20 runs.
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { launch, PAGE_URL } from "./chromium.mjs";

const RUNS = 5;

// Runs in the page before its scripts: notes the moments we measure.
function watch() {
  const marks = (window.__retortMarks = {});
  new MutationObserver(() => {
    if (!marks.editor && document.querySelector('[data-testid="editor"] .cm-content')) marks.editor = performance.now();
    if (!marks.ready && document.querySelector('[data-testid="status"][data-state="ready"]')) marks.ready = performance.now();
    if (!marks.done && document.querySelector('[data-testid="status"][data-state="done"]')) marks.done = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

const browser = await launch();
// One load first, not counted: it starts Chromium's renderer processes.
{ const c = await browser.newContext(); await (await c.newPage()).goto(PAGE_URL); await c.close(); }
const editor = [];
const ready = [];
const first = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(watch);
  await page.goto(PAGE_URL);
  // the example the page opens with, run as soon as the engine is ready
  await page.locator('[data-testid="status"][data-state="ready"]').waitFor({ timeout: 60000 });
  await page.locator('[data-testid="run"]').click();
  await page.locator('[data-testid="status"][data-state="done"]').waitFor({ timeout: 60000 });
  const marks = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(window.__retortMarks))));
  editor.push(Math.round(marks.editor));
  ready.push(Math.round(marks.ready));
  first.push(Math.round(marks.done));
  await context.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`editor interactive: median ${median(editor)} ms  (runs: ${editor.join(", ")})`);
console.log(`ready to run:       median ${median(ready)} ms  (runs: ${ready.join(", ")})`);
console.log(`first example run:  median ${median(first)} ms  (runs: ${first.join(", ")})`);

// Re-runs of a 60-line ORM script (tests/bench/orm_rerun.py, opened from a
// share link) in one page: from the click to the first frame
// after the status says done (the panels rendered). A person reads the
// last run before pressing Run again: the runs are 150 ms apart, which is
// when the worker prepares the next one (retort_runtime::prepared).
{
  const context = await browser.newContext();
  const page = await context.newPage();
  const script = readFileSync(new URL("../bench/orm_rerun.py", import.meta.url));
  await page.goto(PAGE_URL + "#code=v1." + deflateRawSync(script).toString("base64url"));
  await page.locator('[data-testid="status"][data-state="ready"]').waitFor({ timeout: 60000 });
  const lines = await page.evaluate(() => document.querySelectorAll(".cm-line").length);
  const heap = () => page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : 0));
  const rerun = async () => {
    await page.waitForTimeout(150);
    return page.evaluate(
      () =>
        new Promise((resolve) => {
          const status = document.querySelector('[data-testid="status"]');
          const t0 = performance.now();
          const watch = new MutationObserver(() => {
            const s = status.getAttribute("data-state");
            if (s !== "done" && s !== "error") return;
            watch.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          });
          watch.observe(status, { attributes: true });
          document.querySelector('[data-testid="run"]').click();
        }),
    );
  };
  await rerun();
  const afterOne = await heap();
  const times = [];
  for (let i = 0; i < 19; i++) times.push(Math.round(await rerun()));
  const afterTwenty = await heap();
  console.log(`re-run (${lines}-line ORM script, click to rendered): median ${median(times)} ms  (runs: ${times.join(", ")})`);
  console.log(`page JS heap: ${(afterOne / 1048576).toFixed(1)} MB after 1 run, ${(afterTwenty / 1048576).toFixed(1)} MB after 20 (${(afterTwenty / afterOne).toFixed(2)}x; the worker's wasm memory is not in it)`);
  await context.close();
}
await browser.close();
