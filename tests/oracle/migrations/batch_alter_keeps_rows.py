# batch_alter_table: rename a column, change its type and nullability, add and drop columns; the rows are copied over.
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
    conn.execute(text("CREATE TABLE person (id INTEGER NOT NULL, nm VARCHAR(20), age INTEGER, junk TEXT, PRIMARY KEY (id))"))
    conn.execute(text("INSERT INTO person (nm, age, junk) VALUES ('ann', 30, 'x'), ('bob', 41, 'y')"))
with engine.begin() as conn:
    op = Operations(MigrationContext.configure(conn))
    with op.batch_alter_table("person") as batch_op:
        batch_op.alter_column("nm", new_column_name="name", type_=String(50), nullable=False)
        batch_op.drop_column("junk")
        batch_op.add_column(Column("city", String(30), server_default="Paris"))
show("person")
with engine.connect() as conn:
    print(conn.execute(text("SELECT * FROM person ORDER BY id")).all())
