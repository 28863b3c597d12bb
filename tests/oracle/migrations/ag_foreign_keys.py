# Autogenerate: a foreign key added to an existing column, and one removed.
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
Table("a", old, Column("id", Integer, primary_key=True))
Table("b", old, Column("id", Integer, primary_key=True), Column("a_id", Integer), Column("old_a", ForeignKey("a.id")))
new = MetaData()
Table("a", new, Column("id", Integer, primary_key=True))
Table("b", new, Column("id", Integer, primary_key=True), Column("a_id", ForeignKey("a.id", ondelete="CASCADE")), Column("old_a", Integer))
render(old, new)
