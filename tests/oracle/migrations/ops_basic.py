# Alembic operations on SQLite: create, add and drop columns, indexes, rename, drop.
from sqlalchemy import create_engine, Column, Integer, String, inspect, text
from alembic.migration import MigrationContext
from alembic.operations import Operations

engine = create_engine("sqlite://")
with engine.begin() as conn:
    op = Operations(MigrationContext.configure(conn))
    op.create_table("account", Column("id", Integer, primary_key=True), Column("name", String(40), nullable=False))
    op.add_column("account", Column("email", String(100)))
    op.create_index("ix_account_email", "account", ["email"], unique=True)
    op.execute("INSERT INTO account (name, email) VALUES ('ann', 'a@x')")
    op.drop_index("ix_account_email")
    op.drop_column("account", "email")
    op.rename_table("account", "member")
    op.create_table("tmp", Column("id", Integer, primary_key=True))
    op.drop_table("tmp")
print(sorted(inspect(engine).get_table_names()))
print([c["name"] for c in inspect(engine).get_columns("member")])
with engine.connect() as conn:
    print(conn.execute(text("SELECT id, name FROM member")).all())
