# Autogenerate: a new table with a foreign key, an index and a unique column.
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
Table("author", old, Column("id", Integer, primary_key=True), Column("name", String(50), nullable=False))
new = MetaData()
Table("author", new, Column("id", Integer, primary_key=True), Column("name", String(50), nullable=False))
Table("book", new, Column("id", Integer, primary_key=True), Column("author_id", ForeignKey("author.id"), nullable=False),
      Column("title", String(100), index=True), Column("isbn", String(13), unique=True), Column("price", Numeric(8, 2)))
render(old, new)
