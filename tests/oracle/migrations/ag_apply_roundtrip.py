# Autogenerate, then run the produced operations: upgrade reaches the models, downgrade returns to the old schema.
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

from alembic.operations import Operations
from sqlalchemy import inspect
old = MetaData()
Table("t", old, Column("id", Integer, primary_key=True), Column("a", String(10)), Column("gone", Integer))
Table("dropme", old, Column("id", Integer, primary_key=True))
new = MetaData()
Table("t", new, Column("id", Integer, primary_key=True), Column("a", String(10)), Column("b", Text))
Table("added", new, Column("id", Integer, primary_key=True), Column("t_id", ForeignKey("t.id")))
old.create_all(engine)
def schema():
    insp = inspect(engine)
    return {t: [c["name"] for c in insp.get_columns(t)] for t in insp.get_table_names()}
before = schema()
with engine.begin() as conn:
    conn.execute(text("INSERT INTO t (a, gone) VALUES ('keep', 1)"))
with engine.begin() as conn:
    ctx = MigrationContext.configure(conn)
    mig = produce_migrations(ctx, new)
    op = Operations(ctx)
    for o in mig.upgrade_ops.ops:
        for sub in getattr(o, "ops", [o]):
            op.invoke(sub)
print(schema())
with engine.begin() as conn:
    ctx = MigrationContext.configure(conn)
    print(compare_metadata(ctx, new))
    op = Operations(ctx)
    for o in mig.downgrade_ops.ops:
        for sub in getattr(o, "ops", [o]):
            op.invoke(sub)
print(schema() == before, schema())
with engine.connect() as conn:
    print(conn.execute(text("SELECT * FROM t")).all())
