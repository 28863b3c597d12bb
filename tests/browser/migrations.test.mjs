// End-to-end test of the Migrations panel in headless Chromium: run a
// Flask-SQLAlchemy script (the live database: a table with two rows),
// change a model, Autogenerate a revision, Upgrade (ALTER TABLE, the rows
// survive), Downgrade (batch mode's move and copy, the rows survive again),
// and the revision travels in a share link.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, typeText, runAndWait } from "./chromium.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const MODELS = (email) => `from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)

class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
${email ? "    email = db.Column(db.String(120))\n" : ""}
with app.app_context():
    db.create_all()
    db.session.add_all([User(name="ann"), User(name="bob")])
    db.session.commit()
`;

const current = (page) => page.locator('[data-testid="current-revision"]');

async function waitForCurrent(page, text) {
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="current-revision"]')?.textContent === want
      && document.querySelector('[data-testid="status"]')?.dataset.state !== "running",
    text, { timeout: 60000 });
}

test("change a model, autogenerate, upgrade and downgrade: the rows survive", async () => {
  const { page, errors, close } = await openPage(browser);
  await typeText(page, MODELS(false));
  await runAndWait(page);
  await typeText(page, MODELS(true));

  await page.locator('[data-testid="tab-migrations"]').click();
  assert.equal(await current(page).innerText(), "base");
  await page.locator('[data-testid="migration-message"]').fill("add email");
  await page.locator('[data-testid="autogenerate"]').click();
  await page.locator('[data-testid="revision"]').first().waitFor({ timeout: 60000 });
  const id = await page.locator('[data-testid="revision"]').getAttribute("data-id");
  assert.match(id, /^[0-9a-f]{12}$/);
  const script = await page.locator('[data-testid="revision-source"]').inputValue();
  assert.match(script, /^"""add email\n\nRevision ID: [0-9a-f]{12}\nRevises: \n/);
  assert.match(script, /with op\.batch_alter_table\('user', schema=None\) as batch_op:\n\s+batch_op\.add_column\(sa\.Column\('email', sa\.String\(length=120\), nullable=True\)\)/);
  assert.match(script, /batch_op\.drop_column\('email'\)/);

  await page.locator('[data-testid="upgrade"]').click();
  await waitForCurrent(page, id);
  assert.equal(await page.locator('[data-testid="status"]').getAttribute("data-state"), "done");
  await page.locator('[data-testid="tab-sql-log"]').click();
  const upLog = await page.locator('[data-testid="sql-log"]').innerText();
  assert.match(upLog, /ALTER TABLE user ADD COLUMN email VARCHAR\(120\)/);
  assert.match(upLog, new RegExp(`INSERT INTO alembic_version \\(version_num\\) VALUES \\('${id}'\\)`));
  await page.locator('[data-testid="tab-database"]').click();
  let db = await page.locator('[data-testid="database"]').innerText();
  assert.match(db, /email/);
  assert.match(db, /ann/);
  assert.match(db, /bob/);

  await page.locator('[data-testid="tab-migrations"]').click();
  await page.locator('[data-testid="downgrade"]').click();
  await waitForCurrent(page, "base");
  await page.locator('[data-testid="tab-sql-log"]').click();
  const downLog = await page.locator('[data-testid="sql-log"]').innerText();
  assert.match(downLog, /CREATE TABLE _alembic_tmp_user/);
  assert.match(downLog, /INSERT INTO _alembic_tmp_user \(id, name\) SELECT user\.id, user\.name\s+FROM user/);
  assert.match(downLog, /ALTER TABLE _alembic_tmp_user RENAME TO user/);
  assert.match(downLog, new RegExp(`DELETE FROM alembic_version WHERE alembic_version\\.version_num = '${id}'`));
  await page.locator('[data-testid="tab-database"]').click();
  db = await page.locator('[data-testid="database"]').innerText();
  assert.doesNotMatch(db, /email/);
  assert.match(db, /ann/);
  assert.match(db, /bob/);

  // the revision travels in a share link, which opens with it
  await page.locator('[data-testid="share"]').click();
  await page.waitForFunction(() => location.hash.startsWith("#code=v2."));
  const url = await page.evaluate(() => location.href);
  const other = await openPage(browser, url);
  await other.page.locator('[data-testid="tab-migrations"]').click();
  assert.equal(await other.page.locator('[data-testid="revision"]').getAttribute("data-id"), id);
  assert.deepEqual(other.errors, []);
  await other.close();
  assert.deepEqual(errors, []);
  await close();
});

test("a failing revision says what happened and the panel stays usable", async () => {
  const { page, errors, close } = await openPage(browser);
  await typeText(page, MODELS(false));
  await runAndWait(page);
  await page.locator('[data-testid="tab-migrations"]').click();
  await page.locator('[data-testid="migration-message"]').fill("by hand");
  await page.locator('[data-testid="new-revision"]').click();
  const id = await page.locator('[data-testid="revision"]').getAttribute("data-id");
  await page.locator('[data-testid="revision"] summary').click();
  const editor = page.locator('[data-testid="revision-source"]');
  const text = (await editor.inputValue()).replace(
    'def upgrade() -> None:\n    """Upgrade schema."""\n    pass',
    'def upgrade() -> None:\n    """Upgrade schema."""\n    op.add_column("user", sa.Column("age", sa.Integer(), nullable=False))');
  await editor.fill(text);
  await editor.blur();
  await page.locator('[data-testid="upgrade"]').click();
  await page.locator('[data-testid="status"][data-state="error"]').waitFor({ timeout: 60000 });
  const panel = await page.locator('[data-testid="error"]').innerText();
  assert.match(panel, /OperationalError/);
  assert.match(panel, /the database stays at revision base/);
  assert.equal(await page.locator('[data-testid="current-revision"]').innerText(), "base");
  // fix the script: a nullable column works
  await editor.fill(text.replace("nullable=False", "nullable=True"));
  await editor.blur();
  await page.locator('[data-testid="upgrade"]').click();
  await waitForCurrent(page, id);
  assert.deepEqual(errors, []);
  await close();
});
