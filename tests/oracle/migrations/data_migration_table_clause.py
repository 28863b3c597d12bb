# A data migration as Alembic's docs write it: a lightweight table() of the
# columns it needs (from sqlalchemy.sql), op.bulk_insert() and an UPDATE
# through it; text() with a required bindparam() typed, its value given at
# execution.
from sqlalchemy import create_engine, Column, Integer, String, Boolean, text, bindparam, select
from sqlalchemy.sql import table, column
from alembic.migration import MigrationContext
from alembic.operations import Operations

engine = create_engine("sqlite://")
with engine.begin() as conn:
    op = Operations(MigrationContext.configure(conn))
    op.create_table("account", Column("id", Integer, primary_key=True), Column("name", String(50), nullable=False), Column("active", Boolean))
    accounts = table("account", column("id", Integer), column("name", String), column("active", Boolean))
    print(accounts.c.keys(), [str(c.type) for c in accounts.c])
    op.bulk_insert(accounts, [{"id": 1, "name": "ada", "active": True}, {"id": 2, "name": "bob", "active": False}])
    op.execute(accounts.update().where(accounts.c.name == "bob").values(active=True))
    print(select(accounts.c.name).where(accounts.c.active))
    print(conn.execute(select(accounts.c.id, accounts.c.name).where(accounts.c.active).order_by(accounts.c.id)).all())
with engine.connect() as conn:
    stmt = text("SELECT name FROM account WHERE id = :i").bindparams(bindparam("i", type_=Integer))
    print(conn.execute(stmt, {"i": 2}).scalar())
    print(conn.execute(text("SELECT :x + 1").bindparams(bindparam("x", 41))).scalar())
