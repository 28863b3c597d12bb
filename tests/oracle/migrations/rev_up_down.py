# Revisions: upgrade to head through two steps, then downgrade to base; the schema returns to where it was.
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
    op.create_table("user", sa.Column("id", sa.Integer(), nullable=False), sa.Column("name", sa.String(length=50), nullable=True), sa.PrimaryKeyConstraint("id"))
def down1():
    op.drop_table("user")
def up2():
    op.add_column("user", sa.Column("email", sa.String(length=120), nullable=True))
    op.create_index("ix_user_email", "user", ["email"], unique=True)
def down2():
    op.drop_index("ix_user_email", table_name="user")
    with op.batch_alter_table("user") as batch_op:
        batch_op.drop_column("email")

rmap = RevisionMap(lambda: [rev("a1", None, up1, down1, "create user"), rev("b2", "a1", up2, down2, "add email")])
engine = create_engine("sqlite://")
before = schema(engine)
with engine.connect() as conn:
    print(migrate(conn, rmap, "head", True))
    conn.execute(text("INSERT INTO user (name, email) VALUES ('ann', 'a@x'), ('bob', NULL)"))
    conn.commit()
    print(schema(engine))
    print(migrate(conn, rmap, "a1", False))
    print(conn.execute(text("SELECT * FROM user ORDER BY id")).all())
    print(migrate(conn, rmap, "base", False))
print(schema(engine) == {"alembic_version": [("version_num", "VARCHAR(32)", False)]}, before)
