// The page's debug build (`cargo xtask test` serves dist-debug/ for this file
// only): Yew checks there what the release build does not, such as a hook
// called after an early return, which panics. A learner's common path runs
// once: the page opens, a script that sends no SQL runs (empty panels), then
// one that does (every panel fills), and nothing panics or logs an error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, typeText, runAndWait } from "./chromium.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the debug build runs a script and fills its panels without a panic", async () => {
  const { page, errors, close } = await openPage(browser);
  const consoleErrors = [];
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  await typeText(page, "print('no SQL yet')\n");
  await runAndWait(page);
  await page.locator('[data-testid="tab-sql-log"]').click();
  await page.locator('[data-testid="sql-log"]').waitFor();
  await typeText(page, [
    "from sqlalchemy import create_engine, String",
    "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session",
    "class Base(DeclarativeBase): pass",
    "class User(Base):",
    "    __tablename__ = 'user_account'",
    "    id: Mapped[int] = mapped_column(primary_key=True)",
    "    name: Mapped[str] = mapped_column(String(30))",
    "engine = create_engine('sqlite://')",
    "Base.metadata.create_all(engine)",
    "with Session(engine) as session:",
    "    session.add(User(name='ada'))",
    "    session.commit()",
    "    print(session.get(User, 1).name)",
    "",
  ].join("\n"));
  await runAndWait(page);
  await page.locator('[data-testid="tab-results"]').click();
  assert.equal((await page.locator('[data-testid="stdout"]').textContent()).trim(), "ada");
  await page.locator('[data-testid="tab-sql-log"]').click();
  assert.ok((await page.locator('[data-testid="sql-entry"]').count()) > 3, "the SQL log shows the run's statements");
  assert.deepEqual(errors, []);
  assert.deepEqual(consoleErrors.filter((t) => /panicked|RuntimeError|unreachable/.test(t)), []);
  await close();
});
