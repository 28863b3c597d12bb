# op.bulk_insert: one executemany of the rows, into a table described with sa.table().
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

with engine.begin() as conn:
    op = Operations(MigrationContext.configure(conn))
    t = op.create_table("color", Column("id", Integer, primary_key=True), Column("name", String(10)), Column("hex", String(7)))
    op.bulk_insert(t, [{"id": 1, "name": "red", "hex": "#f00"}, {"id": 2, "name": "green", "hex": "#0f0"}])
    op.bulk_insert(t, [{"id": 3, "name": "blue", "hex": "#00f"}], multiinsert=False)
with engine.connect() as conn:
    print(conn.execute(text("SELECT * FROM color ORDER BY id")).all())
