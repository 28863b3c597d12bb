# op.alter_column outside batch mode: SQLite renames a column but refuses ALTER COLUMN ... SET NOT NULL.
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

with engine.connect() as conn:
    op = Operations(MigrationContext.configure(conn))
    op.create_table("p", Column("id", Integer, primary_key=True), Column("nm", String(20)))
    op.alter_column("p", "nm", new_column_name="name")
    conn.commit()
    show("p")
    try:
        op.alter_column("p", "name", nullable=False)
    except Exception as e:
        print(type(e).__name__)
    conn.rollback()
