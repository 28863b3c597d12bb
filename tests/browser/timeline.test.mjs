// The timeline: a slider over the run's steps (each top-level line that sent
// SQL or changed mapped objects) that shows the session, the object graph
// and the SQL log as they were when that step was done.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, typeText, runAndWait } from "./chromium.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SCRIPT = `from sqlalchemy import create_engine, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
ada = User(name="ada")
session.add(ada)
session.commit()
ada.name = "Ada"
session.flush()
`;

const label = (page) => page.locator('[data-testid="timeline-label"]');
const slider = (page) => page.locator('[data-testid="timeline"]');
const objectsIn = (page, state) => page.locator(`[data-testid="objects"] [data-state="${state}"] [data-testid="session-object"]`);

test("the timeline replays the session and the SQL log step by step", async () => {
  const { page, errors, close } = await openPage(browser);
  await typeText(page, SCRIPT);
  await runAndWait(page);
  await page.locator('[data-testid="tab-session"]').click();
  // create_all, User(...), add, commit, the attribute set, flush
  assert.equal(await slider(page).getAttribute("max"), "6");
  assert.equal(await slider(page).inputValue(), "6");
  assert.equal(await label(page).innerText(), "End of the run · 6 steps");
  assert.equal(await objectsIn(page, "persistent").count(), 1);

  // by keyboard: Home is the first step, each arrow one more
  await slider(page).focus();
  await page.keyboard.press("Home");
  assert.equal(await label(page).innerText(), "Step 1 of 6 · line 13");
  assert.equal(await page.locator('[data-testid="session-object"]').count(), 0);
  await page.keyboard.press("ArrowRight");
  assert.equal(await label(page).innerText(), "Step 2 of 6 · line 15");
  assert.equal(await objectsIn(page, "transient").count(), 1);
  await page.keyboard.press("ArrowRight");
  assert.equal(await label(page).innerText(), "Step 3 of 6 · line 16");
  assert.equal(await objectsIn(page, "pending").count(), 1);
  assert.match(await objectsIn(page, "pending").innerText(), /name = 'ada'/);
  await page.locator('[data-testid="timeline-next"]').click();
  assert.equal(await label(page).innerText(), "Step 4 of 6 · line 17");
  assert.equal(await objectsIn(page, "persistent").count(), 1);

  // the SQL log at that step: the commit's statements stand out, the flush's come later
  await page.locator('[data-testid="tab-sql-log"]').click();
  assert.equal(await label(page).innerText(), "Step 4 of 6 · line 17");
  const entries = page.locator('[data-testid="sql-entry"]');
  const at = await entries.evaluateAll((li) => li.map((e) => [e.dataset.when, e.dataset.line, e.dataset.kind]));
  const step = at.filter(([when]) => when === "step");
  assert.deepEqual(step.map(([, line, kind]) => [line, kind]), [["17", "begin"], ["17", "sql"], ["17", "commit"]]);
  const later = at.filter(([when]) => when === "later");
  assert.ok(later.length >= 2 && later.every(([, line]) => line === "19"), JSON.stringify(later));
  assert.ok(at.slice(0, at.length - later.length - step.length).every(([when]) => when === "before"));

  // the end of the run again (after the last step): nothing is marked
  await page.locator('[data-testid="timeline-next"]').click();
  await page.locator('[data-testid="timeline-next"]').click();
  assert.equal(await label(page).innerText(), "Step 6 of 6 · line 19");
  await page.locator('[data-testid="timeline-next"]').click();
  assert.equal(await label(page).innerText(), "End of the run · 6 steps");
  assert.equal(await page.locator('[data-testid="sql-entry"][data-when]').count(), 0);
  assert.deepEqual(errors, []);
  await close();
});

test("a dirty attribute shows the database's value and the new one", async () => {
  const { page, errors, close } = await openPage(browser);
  await typeText(page, SCRIPT.replace("ada.name = \"Ada\"\nsession.flush()\n", "print(ada.name)\nada.name = \"Ada\"\n"));
  await runAndWait(page);
  await page.locator('[data-testid="tab-session"]').click();
  const changed = page.locator('[data-testid="changed-attribute"]');
  assert.equal(await changed.count(), 1);
  assert.equal((await changed.innerText()).replace(/\s+/g, " ").trim(), "name = 'ada' → 'Ada'");
  assert.deepEqual(errors, []);
  await close();
});
