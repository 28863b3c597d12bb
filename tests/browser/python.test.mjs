// End-to-end tests of Python scripts in headless Chromium: a SQLAlchemy Core
// script runs in the worker (the interpreter, the sqlalchemy module and the
// engine), its output, SQL log and tables appear, and an uncaught exception
// shows CPython's traceback and underlines its line.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, typeText, runAndWait } from "./chromium.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const status = (page) => page.locator('[data-testid="status"]');

const open = () => openPage(browser);

async function typeAndRun(page, source) {
  await typeText(page, source);
  await runAndWait(page);
}

const SCRIPT = `from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, select

engine = create_engine("sqlite://")
metadata = MetaData()
user = Table("user_account", metadata, Column("id", Integer, primary_key=True), Column("name", String(30)))
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(user), [{"name": "spongebob"}, {"name": "sandy"}])
    for row in conn.execute(select(user).order_by(user.c.name)):
        print(row.id, row.name)
`;

test("a SQLAlchemy Core script runs in the page: output, SQL log by line, tables", async () => {
  const { page, errors, close } = await open();
  await typeAndRun(page, SCRIPT);
  assert.equal(await status(page).getAttribute("data-state"), "done");
  assert.equal((await page.locator('[data-testid="stdout"]').innerText()).trim(), "2 sandy\n1 spongebob");
  await page.locator('[data-testid="tab-sql-log"]').click();
  const log = await page.locator('[data-testid="sql-log"]').innerText();
  assert.match(log, /CREATE TABLE user_account/);
  assert.match(log, /INSERT INTO user_account \(name\) VALUES \(\?\)/);
  assert.match(log, /SELECT user_account\.id, user_account\.name/);
  // the SELECT's rows, previewed under it
  const select = page.locator('[data-testid="sql-entry"]', { hasText: "SELECT user_account.id" });
  await select.locator('[data-testid="sql-preview"] summary').click();
  const preview = await select.locator('[data-testid="sql-preview"]').innerText();
  assert.match(preview, /the 2 rows/);
  assert.match(preview, /id\s+name/);
  assert.match(preview, /2\s+sandy/);
  // the text view: the log as echo=True would have logged it
  await page.locator('[data-testid="echo-view"]').click();
  const echo = await page.locator('[data-testid="sql-echo"]').innerText();
  assert.match(echo, /^BEGIN \(implicit\)$/m);
  assert.match(echo, /^INSERT INTO user_account \(name\) VALUES \(\?\)\n\[generated in \d\.\d{5}s\] \[\('spongebob',\), \('sandy',\)\]$/m);
  assert.match(echo, /^COMMIT$/m);
  await page.locator('[data-testid="echo-view"]').click();
  assert.equal(await page.locator('[data-testid="sql-echo"]').count(), 0);
  await page.locator('[data-testid="tab-database"]').click();
  assert.match(await page.locator('[data-testid="database"]').innerText(), /spongebob/);
  assert.deepEqual(errors, []);
  await close();
});

test("an uncaught exception shows CPython's traceback", async () => {
  const { page, errors, close } = await open();
  await typeAndRun(page, "import math\n\ndef f(x):\n    return math.sqrt(x)\n\nprint(f(4))\nprint(f(-1))\n");
  assert.equal(await status(page).getAttribute("data-state"), "error");
  assert.equal((await page.locator('[data-testid="stdout"]').innerText()).trim(), "2.0");
  const panel = await page.locator('[data-testid="error"]').innerText();
  assert.match(panel, /Traceback \(most recent call last\):/);
  assert.match(panel, /line 7, in <module>/);
  assert.match(panel, /ValueError: math domain error/);
  assert.equal(await page.locator(".cm-retort-error").count(), 1);
  assert.deepEqual(errors, []);
  await close();
});

const ORM_SCRIPT = `from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    books: Mapped[List["Book"]] = relationship(back_populates="author")

class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Optional[Author]] = relationship(back_populates="books")

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
ada = Author(name="Ada", books=[Book(title="Notes")])
session.add(ada)
session.commit()
print(ada.name, len(ada.books))
draft = Book(title="Draft")
session.add(draft)
`;

test("an ORM script: its models and the session's objects by state", async () => {
  const { page, errors, close } = await open();
  await typeAndRun(page, ORM_SCRIPT);
  assert.equal(await status(page).getAttribute("data-state"), "done");
  assert.equal((await page.locator('[data-testid="stdout"]').innerText()).trim(), "Ada 1");
  await page.locator('[data-testid="tab-session"]').click();
  const models = await page.locator('[data-testid="models"]').innerText();
  assert.match(models, /Author · table author/);
  assert.match(models, /books → Book \(one-to-many, list, back_populates author/);
  assert.match(models, /author_id\s+INTEGER\s+FK → author\.id · NULL/);
  const persistent = page.locator('[data-testid="objects"] section[data-state="persistent"]');
  assert.match(await persistent.innerText(), /persistent \(2\)/i);
  assert.match(await persistent.innerText(), /name = 'Ada'/);
  const pending = await page.locator('[data-testid="objects"] section[data-state="pending"]').innerText();
  assert.match(pending, /pending \(1\)/i);
  assert.match(pending, /title = 'Draft'/);
  assert.deepEqual(errors, []);
  await close();
});

test("the Examples menu opens a topic's script, which runs", async () => {
  const { page, errors, close } = await open();
  await page.locator('[data-testid="examples"]').selectOption({ label: "CRUD" });
  assert.match(await page.locator(".cm-content").innerText(), /# CRUD: create, read, update, delete/);
  await runAndWait(page, { key: false });
  assert.equal(await status(page).getAttribute("data-state"), "done");
  assert.match(await page.locator('[data-testid="stdout"]').innerText(), /\[<Book Dune \(1965\)>, <Book Neuromancer \(1984\)>, <Book Hyperion \(1989\)>\]/);
  await page.locator('[data-testid="tab-sql-log"]').click();
  assert.match(await page.locator('[data-testid="sql-log"]').innerText(), /INSERT INTO book \(title, year\) VALUES \(\?, \?\) RETURNING id/);
  assert.deepEqual(errors, []);
  await close();
});

test("the Graph tab draws the mapped tables, laid out, with their links", async () => {
  const { page, errors, close } = await open();
  await page.locator('[data-testid="examples"]').selectOption({ label: "Many-to-many" });
  await runAndWait(page, { key: false });
  assert.equal(await status(page).getAttribute("data-state"), "done");
  await page.locator('[data-testid="tab-graph"]').click();
  const tables = page.locator('[data-testid="graph"] g.table');
  const names = await tables.evaluateAll((gs) => gs.map((g) => g.dataset.table));
  assert.ok(names.length >= 3, names.join());
  assert.ok(await page.locator('[data-testid="graph"] g.table.association').count() >= 1, "the association table");
  // laid out: no two boxes at the same place
  const places = await tables.evaluateAll((gs) => gs.map((g) => g.getAttribute("transform")));
  assert.equal(new Set(places).size, places.length, places.join(" "));
  const edges = page.locator('[data-testid="graph"] path.edge');
  assert.ok(await edges.count() >= 2);
  await tables.first().click();
  assert.equal(await page.locator('[data-testid="graph"] g.table.selected').count(), 1);
  assert.ok(await page.locator('[data-testid="graph"] path.edge.lit').count() >= 1, "its links are highlighted");
  // keyboard: Enter on a focused table selects it
  await tables.nth(1).focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator('[data-testid="graph"] g.table.selected').getAttribute("data-table"), names[1]);
  // its key and the foreign keys joining on it stand out
  assert.ok(await page.locator('[data-testid="graph"] g.column.lit').count() >= 1, "its columns are highlighted");
  // the SQL that touched it: counted here, marked in the SQL log
  const hint = await page.locator('[data-testid="table-sql"]').textContent();
  const counted = Number(hint.match(/named by (\d+) statement/)[1]);
  assert.ok(counted >= 2, hint);
  await page.locator('[data-testid="table-sql"] button').click();
  const marked = page.locator('[data-testid="sql-entry"][data-touches="true"] [data-testid="sql-text"]');
  assert.equal(await marked.count(), counted);
  const word = new RegExp(`\\b${names[1]}\\b`, "i");
  for (const text of await marked.allTextContents()) assert.match(text, word);
  const unmarked = await page.locator('[data-testid="sql-entry"][data-kind="sql"]:not([data-touches]) [data-testid="sql-text"]').allTextContents();
  for (const text of unmarked) assert.doesNotMatch(text.replace(/'[^']*'/g, ""), word);
  await page.locator('[data-testid="table-filter"] button').click();
  assert.equal(await page.locator('[data-testid="sql-entry"][data-touches]').count(), 0);
  await page.locator('[data-testid="tab-graph"]').click();
  assert.equal(await page.locator('[data-testid="graph"] g.table.selected').count(), 0);
  // the object graph: the run's objects by state, linked by their loaded relationships
  await typeText(page, ORM_SCRIPT);
  await runAndWait(page);
  await page.locator('[data-testid="tab-graph"]').click();
  const objects = page.locator('[data-testid="object-graph"] g.object');
  assert.ok(await objects.count() >= 2);
  const states = await objects.evaluateAll((gs) => gs.map((g) => g.dataset.state));
  assert.ok(states.every((s) => ["transient", "pending", "persistent", "deleted", "detached"].includes(s)), states.join());
  assert.ok(await page.locator('[data-testid="object-graph"] path.edge').count() >= 1, "loaded relationships link objects");
  assert.deepEqual(errors, []);
  await close();
});

test("the bar between editor and output resizes them, by drag or by keyboard", async () => {
  const { page, errors, close } = await open();
  await page.setViewportSize({ width: 1200, height: 700 });
  const editor = page.locator('[data-testid="editor"]');
  const splitter = page.locator('[data-testid="splitter"]');
  const before = (await editor.boundingBox()).width;
  await splitter.focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await splitter.getAttribute("aria-valuenow"), "40");
  const narrower = (await editor.boundingBox()).width;
  assert.ok(narrower < before - 80, `${narrower} < ${before}`);
  const bar = await splitter.boundingBox();
  await page.mouse.move(bar.x + 2, bar.y + 100);
  await page.mouse.down();
  await page.mouse.move(900, bar.y + 100, { steps: 5 });
  await page.mouse.up();
  assert.equal(await splitter.getAttribute("aria-valuenow"), "75");
  assert.ok((await editor.boundingBox()).width > before + 200);
  assert.deepEqual(errors, []);
  await close();
});

test("the editor: completion of the script's names, undo, search", async () => {
  const { page, errors, close } = await open();
  await typeText(page, "from sqlalchemy import select, create_engine\n");
  await page.keyboard.type("sel");
  // the imported name is offered; Enter takes it
  const option = page.locator(".cm-tooltip-autocomplete li", { hasText: "select" });
  await option.first().waitFor({ timeout: 5000 });
  // CodeMirror ignores Enter for its interactionDelay (75 ms) after the list
  // opens, so a fast (or loaded) machine would type a newline instead
  await page.waitForTimeout(200);
  await page.keyboard.press("Enter");
  const lastLine = () => page.locator(".cm-line").last().innerText();
  assert.equal(await lastLine(), "select");
  // undo takes the completion back
  await page.keyboard.press("Control+z");
  assert.notEqual(await lastLine(), "select");
  // Ctrl-F opens the search panel
  await page.keyboard.press("Control+f");
  await page.locator(".cm-search").waitFor({ timeout: 5000 });
  assert.deepEqual(errors, []);
  await close();
});
