# op.create_table with a foreign key, a unique constraint, an index=True column and a server default.
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
    op.create_table("parent", Column("id", Integer, primary_key=True), Column("code", String(8), nullable=False, unique=True))
    t = op.create_table("child", Column("id", Integer, primary_key=True), Column("parent_id", Integer, ForeignKey("parent.id", ondelete="CASCADE"), nullable=False),
                        Column("name", String(30), index=True), Column("qty", Integer, server_default="0"), UniqueConstraint("parent_id", "name", name="uq_child"))
    print(t.name, [c.name for c in t.columns])
show("child")
