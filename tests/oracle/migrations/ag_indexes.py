# Autogenerate: indexes added, removed and changed (columns or uniqueness).
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, Text, Boolean, Numeric, DateTime, ForeignKey, Index, UniqueConstraint, text, func
from alembic.migration import MigrationContext
from alembic.autogenerate import compare_metadata, produce_migrations, render_python_code

engine = create_engine("sqlite://")


def render(old, new, **opts):
    old.create_all(engine)
    with engine.connect() as conn:
        mig = produce_migrations(MigrationContext.configure(conn, opts=opts), new)
        print(render_python_code(mig.upgrade_ops))
        print(render_python_code(mig.downgrade_ops))
        print(mig.upgrade_ops.is_empty(), len(mig.upgrade_ops.as_diffs()))

old = MetaData()
Table("t", old, Column("id", Integer, primary_key=True), Column("a", Integer), Column("b", Integer), Column("c", Integer))
old.create_all(engine)
with engine.begin() as conn:
    # one by one: create_all's order of several indexes changes from run to run on CPython
    for sql in ["CREATE INDEX ix_a ON t (a)", "CREATE INDEX ix_b ON t (b)", "CREATE INDEX ix_old ON t (c)"]:
        conn.execute(text(sql))
new = MetaData()
Table("t", new, Column("id", Integer, primary_key=True), Column("a", Integer), Column("b", Integer), Column("c", Integer),
      Index("ix_a", "a", "b"), Index("ix_b", "b", unique=True), Index("ix_new", "c"))
render(old, new)
