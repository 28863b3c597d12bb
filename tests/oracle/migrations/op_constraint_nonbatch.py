# Constraints outside batch mode on SQLite: alembic says to use batch mode.
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
    op.create_table("q", Column("id", Integer, primary_key=True), Column("a", Integer))
    for f in (lambda: op.create_unique_constraint("uq_a", "q", ["a"]), lambda: op.drop_constraint("uq_a", "q", type_="unique"),
              lambda: op.create_foreign_key("fk_a", "q", "q", ["a"], ["id"]), lambda: op.create_check_constraint("ck_a", "q", "a > 0")):
        try:
            f()
        except NotImplementedError as e:
            print(e)
