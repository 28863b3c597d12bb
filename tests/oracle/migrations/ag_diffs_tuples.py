# compare_metadata's tuples for indexes, unique constraints and foreign keys.
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
Table("p", old, Column("id", Integer, primary_key=True))
Table("c", old, Column("id", Integer, primary_key=True), Column("p_id", Integer), Column("k", Integer), Index("ix_k", "k"))
old.create_all(engine)
new = MetaData()
Table("p", new, Column("id", Integer, primary_key=True))
Table("c", new, Column("id", Integer, primary_key=True), Column("p_id", ForeignKey("p.id")), Column("k", Integer, unique=True), UniqueConstraint("p_id", "k", name="uq_pk"))
with engine.connect() as conn:
    for d in compare_metadata(MigrationContext.configure(conn), new):
        kind, obj = d[0], d[1]
        print(kind, type(obj).__name__, getattr(obj, "name", None))
