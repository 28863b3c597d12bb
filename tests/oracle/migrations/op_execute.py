# op.execute with a string and with a Core statement, inside the migration's transaction.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, Text, Boolean, Numeric, DateTime, ForeignKey, Index, UniqueConstraint, CheckConstraint, text, inspect, func
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations
from alembic.autogenerate import compare_metadata, produce_migrations, render_python_code

engine = create_engine("sqlite://")


def show(table):
    insp = inspect(engine)
    print([(c["name"], str(c["type"]), c["nullable"], c["default"]) for c in insp.get_columns(table)])
    print(insp.get_indexes(table), insp.get_unique_constraints(table), insp.get_foreign_keys(table))

meta = MetaData()
kv = Table("kv", meta, Column("k", String(10), primary_key=True), Column("v", Integer))
with engine.begin() as conn:
    op = Operations(MigrationContext.configure(conn))
    op.create_table("kv", Column("k", String(10), primary_key=True), Column("v", Integer))
    op.execute("INSERT INTO kv (k, v) VALUES ('a', 1)")
    op.execute(kv.insert().values(k="b", v=2))
    op.execute(kv.update().where(kv.c.k == "a").values(v=10))
with engine.connect() as conn:
    print(conn.execute(text("SELECT * FROM kv ORDER BY k")).all())
