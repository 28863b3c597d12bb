# batch_alter_table drops a named unique constraint and an index; the copy keeps the other index.
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
    conn.execute(text("CREATE TABLE acct (id INTEGER NOT NULL, email VARCHAR(50), nick VARCHAR(20), PRIMARY KEY (id), CONSTRAINT uq_email UNIQUE (email))"))
    conn.execute(text("CREATE INDEX ix_acct_nick ON acct (nick)"))
    conn.execute(text("CREATE INDEX ix_acct_email ON acct (email)"))
    conn.execute(text("INSERT INTO acct (email, nick) VALUES ('a@x', 'a')"))
with engine.begin() as conn:
    op = Operations(MigrationContext.configure(conn))
    with op.batch_alter_table("acct") as batch_op:
        batch_op.drop_constraint("uq_email", type_="unique")
        batch_op.drop_index("ix_acct_email")
show("acct")
with engine.connect() as conn:
    print(conn.execute(text("SELECT * FROM acct")).all())
