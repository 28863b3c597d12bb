# Date, DateTime, Numeric and Boolean values stored in SQLite and read back.
from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, String, Text, Numeric, Boolean, Date, DateTime, ForeignKey,
    select, insert, update, delete, func, and_, or_, not_, text, literal, literal_column, case, cast, exists, union, union_all,
    except_, intersect, bindparam, tuple_, inspect, desc, asc, nulls_first, nulls_last, distinct)

engine = create_engine("sqlite://")
metadata = MetaData()
user = Table("user_account", metadata, Column("id", Integer, primary_key=True), Column("name", String(30), nullable=False),
             Column("fullname", String(60)), Column("age", Integer))
address = Table("address", metadata, Column("id", Integer, primary_key=True), Column("user_id", ForeignKey("user_account.id"), nullable=False),
                Column("email", String(100), nullable=False))
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(user), [{"name": "spongebob", "fullname": "Spongebob Squarepants", "age": 20},
                                {"name": "sandy", "fullname": "Sandy Cheeks", "age": 33},
                                {"name": "patrick", "fullname": None, "age": 31}, {"name": "squidward", "fullname": "Squidward Tentacles", "age": None}])
    conn.execute(insert(address), [{"user_id": 1, "email": "spongebob@sqlalchemy.org"}, {"user_id": 2, "email": "sandy@sqlalchemy.org"},
                                   {"user_id": 2, "email": "sandy@squirrelpower.org"}, {"user_id": 3, "email": "pat_star%@x.org"}])


def show(stmt, **kw):
    with engine.connect() as conn:
        for row in conn.execute(stmt, kw or None):
            print(row)


import datetime, decimal
ev = Table("ev", metadata, Column("id", Integer, primary_key=True), Column("d", Date), Column("ts", DateTime), Column("price", Numeric(10, 2)),
           Column("ok", Boolean))
ev.create(engine)
with engine.begin() as conn:
    conn.execute(insert(ev), [{"d": datetime.date(2024, 2, 29), "ts": datetime.datetime(2024, 3, 1, 12, 30, 5, 250), "price": decimal.Decimal("9.99"), "ok": True},
                              {"d": datetime.date(1999, 12, 31), "ts": datetime.datetime(2000, 1, 1), "price": decimal.Decimal("0.5"), "ok": False}])
show(select(ev).order_by(ev.c.id))
show(select(ev.c.id).where(ev.c.d > datetime.date(2000, 1, 1)))
show(select(ev.c.id).where(ev.c.ok == False))
show(select(func.sum(ev.c.price)))
with engine.connect() as conn:
    print(conn.execute(text("SELECT d, ts, price, ok FROM ev ORDER BY id")).all())
