# A RevisionMap: heads, bases, revisions by id, by prefix, and the iteration order.
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

def noop():
    pass
rmap = RevisionMap(lambda: [rev("1a2b3c", None, noop, noop, "first"), rev("4d5e6f", "1a2b3c", noop, noop, "second\n\nlonger text"), rev("7a8b9c", "4d5e6f", noop, noop, "third")])
print(rmap.heads, rmap.bases)
print(rmap.get_revision("4d5").revision, rmap.get_revision("head").revision)
r = rmap.get_revision("4d5e6f")
print(r.doc, "|", r.longdoc.replace("\n", "/"), r.down_revision, r.is_base)
print([s.revision for s in rmap.iterate_revisions("head", "base")])
print([s.revision for s in rmap.iterate_revisions("7a8b9c", "1a2b3c")])
print(RevisionStep(rmap, r, True), RevisionStep(rmap, r, False))
try:
    rmap.get_revision("zzz")
except Exception as e:
    print(type(e).__name__, e)
