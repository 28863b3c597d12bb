# op.inline_literal(): values written into a data migration's SQL
import datetime
from sqlalchemy import create_engine, Column, Integer, String, Boolean, Date, Float, select
from sqlalchemy.sql import table, column
from alembic.migration import MigrationContext
from alembic.operations import Operations

engine = create_engine("sqlite://")
with engine.begin() as conn:
    op = Operations(MigrationContext.configure(conn))
    op.create_table("account", Column("id", Integer, primary_key=True), Column("name", String(50)), Column("active", Boolean),
                    Column("since", Date), Column("score", Float))
    accounts = table("account", column("id", Integer), column("name", String), column("active", Boolean),
                     column("since", Date), column("score", Float))
    op.bulk_insert(accounts, [{"id": 1, "name": "o'neil", "active": False, "since": None, "score": None},
                              {"id": 2, "name": "bob", "active": False, "since": None, "score": None}])
    op.execute(accounts.update().where(accounts.c.name == op.inline_literal("o'neil"))
               .values(active=op.inline_literal(True), since=op.inline_literal(datetime.date(2024, 5, 1)), score=op.inline_literal(2.5)))
    op.execute(accounts.delete().where(accounts.c.id == op.inline_literal(2)))
    print(conn.execute(select(accounts)).all())
