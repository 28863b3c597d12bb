// Start-up benchmark (cargo xtask bench): cold loads of the page, measuring
// when the editor is interactive and when the engine is ready to run.
import { launch, PAGE_URL } from "./chromium.mjs";

const RUNS = 5;
const browser = await launch();
const editor = [];
const ready = [];
const transfer = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  page.on("response", async (r) => { try { bytes += (await r.body()).length; } catch {} });
  const start = Date.now();
  await page.goto(PAGE_URL);
  await page.locator('[data-testid="editor"] .cm-content').waitFor();
  editor.push(Date.now() - start);
  await page.locator('[data-testid="status"][data-state="ready"]').waitFor({ timeout: 60000 });
  ready.push(Date.now() - start);
  transfer.push(bytes);
  await context.close();
}
await browser.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`editor interactive: median ${median(editor)} ms  (runs: ${editor.join(", ")})`);
console.log(`ready to run:       median ${median(ready)} ms  (runs: ${ready.join(", ")})`);
console.log(`bytes fetched (uncompressed, as served here): ${(median(transfer) / 1024).toFixed(0)} KB`);
