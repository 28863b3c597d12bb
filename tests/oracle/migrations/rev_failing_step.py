# A revision that fails halfway: adding a NOT NULL column without a default to a table with rows.
# SQLite refuses the ALTER; the step's transaction is rolled back and alembic_version keeps the old revision.
import types
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, Text, Boolean, ForeignKey, Index, UniqueConstraint, text, inspect
import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext, RevisionStep
from alembic.script.revision import RevisionMap
from alembic.script.base import Script
from alembic.operations import Operations
from alembic import op


def rev(rev_id, down, up, down_fn, doc):
    m = types.ModuleType("rev_" + rev_id)
    m.__doc__ = doc
    m.revision, m.down_revision, m.upgrade, m.downgrade = rev_id, down, up, down_fn
    return Script(m, rev_id, rev_id + ".py")


def migrate(conn, rmap, target, up):
    def fn(heads, ctx):
        if up:
            return [RevisionStep(rmap, s, True) for s in reversed(list(rmap.iterate_revisions(target, heads, implicit_base=True)))]
        return [RevisionStep(rmap, s, False) for s in rmap.iterate_revisions(heads, target, implicit_base=True)]
    ctx = MigrationContext.configure(conn, opts={"fn": fn})
    with Operations.context(ctx):
        with ctx.begin_transaction():
            ctx.run_migrations()
    conn.commit()
    return ctx.get_current_revision()


def schema(engine):
    insp = inspect(engine)
    return {t: [(c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(t)] for t in insp.get_table_names()}

def up1():
    op.create_table("item", sa.Column("id", sa.Integer(), nullable=False), sa.Column("name", sa.String(length=20), nullable=True), sa.PrimaryKeyConstraint("id"))
def down1():
    op.drop_table("item")
def up2():
    op.create_table("extra", sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id"))
    op.add_column("item", sa.Column("price", sa.Integer(), nullable=False))
def down2():
    op.drop_column("item", "price")
    op.drop_table("extra")
rmap = RevisionMap(lambda: [rev("f1", None, up1, down1, "item"), rev("f2", "f1", up2, down2, "price")])
engine = create_engine("sqlite://")
with engine.connect() as conn:
    print(migrate(conn, rmap, "f1", True))
    conn.execute(text("INSERT INTO item (name) VALUES ('pen')"))
    conn.commit()
    try:
        migrate(conn, rmap, "f2", True)
    except Exception as e:
        print(type(e).__name__)
    conn.rollback()
    print(MigrationContext.configure(conn).get_current_revision())
    conn.rollback()
print(sorted(inspect(engine).get_table_names()))
print(schema(engine)["item"])
