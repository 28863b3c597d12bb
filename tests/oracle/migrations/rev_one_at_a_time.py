# Revisions applied one at a time: the alembic_version row is inserted, updated, then deleted.
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
    op.create_table("tag", sa.Column("id", sa.Integer(), nullable=False), sa.Column("label", sa.String(length=20), nullable=False), sa.PrimaryKeyConstraint("id"))
def down1():
    op.drop_table("tag")
def up2():
    op.add_column("tag", sa.Column("color", sa.String(length=10), nullable=True))
def down2():
    op.drop_column("tag", "color")
def up3():
    op.create_table("note", sa.Column("id", sa.Integer(), nullable=False), sa.Column("tag_id", sa.Integer(), nullable=True), sa.ForeignKeyConstraint(["tag_id"], ["tag.id"]), sa.PrimaryKeyConstraint("id"))
def down3():
    op.drop_table("note")

rmap = RevisionMap(lambda: [rev("r1", None, up1, down1, "tag"), rev("r2", "r1", up2, down2, "color"), rev("r3", "r2", up3, down3, "note")])
engine = create_engine("sqlite://")
with engine.connect() as conn:
    for target in ["r1", "r2", "r3"]:
        print("up", migrate(conn, rmap, target, True))
    print(sorted(inspect(engine).get_table_names()))
    for target in ["r2", "r1", "base"]:
        print("down", migrate(conn, rmap, target, False))
    print(sorted(inspect(engine).get_table_names()))
