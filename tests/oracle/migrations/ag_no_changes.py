# Autogenerate on a database that matches the models: nothing to do, and compare_metadata is empty.
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
Table("same", old, Column("id", Integer, primary_key=True), Column("name", String(20), nullable=False, index=True), Column("n", Numeric(10, 2)))
render(old, old)
with engine.connect() as conn:
    print(compare_metadata(MigrationContext.configure(conn), old))
