# batch_alter_table changing a column's type family: the copy CASTs the old values.
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
    conn.execute(text("CREATE TABLE m (id INTEGER NOT NULL, code INTEGER, PRIMARY KEY (id))"))
    conn.execute(text("INSERT INTO m (code) VALUES (12), (7)"))
with engine.begin() as conn:
    op = Operations(MigrationContext.configure(conn))
    with op.batch_alter_table("m") as batch_op:
        batch_op.alter_column("code", type_=String(10))
show("m")
with engine.connect() as conn:
    print(conn.execute(text("SELECT id, code, typeof(code) FROM m ORDER BY id")).all())
