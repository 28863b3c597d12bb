# Autogenerate: named unique constraints added and removed; an unnamed one already there is left alone.
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
Table("u", old, Column("id", Integer, primary_key=True), Column("email", String(50), unique=True), Column("nick", String(20)), Column("x", Integer),
      UniqueConstraint("x", name="uq_x"))
new = MetaData()
Table("u", new, Column("id", Integer, primary_key=True), Column("email", String(50), unique=True), Column("nick", String(20)), Column("x", Integer),
      UniqueConstraint("nick", name="uq_nick"))
render(old, new)
