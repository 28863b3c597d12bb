# Autogenerate with compare_server_default=True: server defaults changed, added and removed.
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
Table("s", old, Column("id", Integer, primary_key=True), Column("a", String(10), server_default="x"), Column("b", Integer), Column("c", Integer, server_default=text("5")))
new = MetaData()
Table("s", new, Column("id", Integer, primary_key=True), Column("a", String(10), server_default="y"), Column("b", Integer, server_default="3"), Column("c", Integer))
render(old, new, compare_server_default=True)
