// Everything a script or a link brings is shown as text, never as HTML:
// printed output, model, table and column names (Models, Session, Graph,
// Database), SQL text and parameters, error messages, and code opened from
// a share link. Each payload would set window.__xss or add an <img> if the
// page ever parsed it as HTML.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { deflateRawSync } from "node:zlib";
import { launch, openPage, typeText, runAndWait, PAGE_URL } from "./chromium.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PAYLOAD = `<img src=x onerror="window.__xss=1">`;

const SCRIPT = `from sqlalchemy import create_engine, String, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class Evil(Base):
    __tablename__ = '${PAYLOAD}'
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column('${PAYLOAD}', String(80))
    def __repr__(self):
        return '${PAYLOAD}'

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
print('${PAYLOAD}')
with Session(engine) as s:
    s.add(Evil(name='${PAYLOAD}'))
    s.commit()
    s.add(Evil(name='x'))
    s.flush()
    with engine.connect() as c:
        c.execute(text("""SELECT '${PAYLOAD}' FROM nowhere"""))
`;

async function noInjection(page) {
  assert.equal(await page.evaluate(() => window.__xss), undefined, "a payload ran");
  assert.equal(await page.locator('img[src="x"]').count(), 0, "a payload became an element");
}

test("a script's output, names, SQL and errors are shown as text", async () => {
  const { page, errors, close } = await openPage(browser);
  await typeText(page, SCRIPT);
  await runAndWait(page);
  // the output holds the payload as text
  assert.match(await page.locator('[data-testid="stdout"]').textContent(), /<img src=x onerror=/);
  assert.match(await page.locator('[data-testid="error"]').innerText(), /OperationalError/);
  for (const tab of ["tab-sql-log", "tab-session", "tab-graph", "tab-database", "tab-results"]) {
    await page.locator(`[data-testid="${tab}"]`).click();
    await noInjection(page);
  }
  await page.locator('[data-testid="tab-sql-log"]').click();
  assert.match(await page.locator('[data-testid="sql-log"]').innerText(), /CREATE TABLE "<img src=x onerror=/);
  await page.locator('[data-testid="tab-session"]').click();
  assert.match(await page.locator('[data-testid="session"]').innerText(), /<img src=x onerror=/);
  assert.deepEqual(errors, []);
  await close();
});

test("code from a share link is shown as text, and a hostile fragment is refused", async () => {
  const code = `print("${PAYLOAD.replaceAll('"', "'")}")\n# ${PAYLOAD}\n`;
  const link = PAGE_URL + "?autorun=1#code=v1." + deflateRawSync(Buffer.from(code)).toString("base64url");
  const { page, errors, close } = await openPage(browser, link);
  await page.locator('[data-testid="status"]:is([data-state="done"], [data-state="error"])').waitFor({ timeout: 60000 });
  assert.match(await page.locator('[data-testid="editor"] .cm-content').innerText(), /# <img src=x onerror=/);
  await noInjection(page);
  await page.goto(PAGE_URL + `#code=${encodeURIComponent(PAYLOAD)}`);
  await page.reload();
  await page.locator('[data-testid="status"][data-state="ready"]').waitFor({ timeout: 60000 });
  await noInjection(page);
  assert.deepEqual(errors, []);
  await close();
});
