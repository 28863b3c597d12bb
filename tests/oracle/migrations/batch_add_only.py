# batch_alter_table with only additions: plain ALTER TABLE ADD COLUMN and CREATE INDEX, no copy.
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
    conn.execute(text("CREATE TABLE log (id INTEGER NOT NULL, PRIMARY KEY (id))"))
with engine.begin() as conn:
    op = Operations(MigrationContext.configure(conn))
    with op.batch_alter_table("log") as batch_op:
        batch_op.add_column(Column("level", String(10)))
        batch_op.create_index("ix_log_level", ["level"])
    with op.batch_alter_table("log", recreate="always") as batch_op:
        batch_op.drop_index("ix_log_level")
show("log")
