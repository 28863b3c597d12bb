// Start-up benchmark (cargo xtask bench): cold loads of the page (a new
// browser context each, so nothing is cached), timed by the page's own clock
// from navigation start: when the editor is interactive (CodeMirror's
// content is in the page) and when the engine is ready to run.
import { launch, PAGE_URL } from "./chromium.mjs";

const RUNS = 5;

// Runs in the page before its scripts: notes the moments we measure.
function watch() {
  const marks = (window.__retortMarks = {});
  new MutationObserver(() => {
    if (!marks.editor && document.querySelector('[data-testid="editor"] .cm-content')) marks.editor = performance.now();
    if (!marks.ready && document.querySelector('[data-testid="status"][data-state="ready"]')) marks.ready = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

const browser = await launch();
// One load first, not counted: it starts Chromium's renderer processes.
{ const c = await browser.newContext(); await (await c.newPage()).goto(PAGE_URL); await c.close(); }
const editor = [];
const ready = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(watch);
  await page.goto(PAGE_URL);
  await page.locator('[data-testid="status"][data-state="ready"]').waitFor({ timeout: 60000 });
  const marks = await page.evaluate(() => window.__retortMarks);
  editor.push(Math.round(marks.editor));
  ready.push(Math.round(marks.ready));
  await context.close();
}
await browser.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`editor interactive: median ${median(editor)} ms  (runs: ${editor.join(", ")})`);
console.log(`ready to run:       median ${median(ready)} ms  (runs: ${ready.join(", ")})`);
