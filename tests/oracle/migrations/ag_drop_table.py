# Autogenerate: a table gone from the models is dropped (its index first); the downgrade recreates it from the database.
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
Table("keep", old, Column("id", Integer, primary_key=True))
Table("legacy", old, Column("id", Integer, primary_key=True), Column("code", String(10), nullable=False), Column("keep_id", ForeignKey("keep.id")),
      Index("ix_legacy_code", "code"))
new = MetaData()
Table("keep", new, Column("id", Integer, primary_key=True))
render(old, new)
