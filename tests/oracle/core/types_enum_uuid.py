# Enum (a Python enum and a list of strings) and Uuid columns.
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


import enum, uuid
from sqlalchemy import Enum, Uuid
class Color(enum.Enum):
    red = 1
    green = 2
thing = Table("thing", metadata, Column("id", Integer, primary_key=True), Column("color", Enum(Color)), Column("size", Enum("S", "M", "L", name="size")),
              Column("key", Uuid))
thing.create(engine)
with engine.begin() as conn:
    conn.execute(insert(thing), [{"color": Color.green, "size": "M", "key": uuid.UUID("12345678-1234-5678-1234-567812345678")}])
show(select(thing.c.color, thing.c.size, thing.c.key))
show(select(thing.c.id).where(thing.c.color == Color.green))
with engine.connect() as conn:
    print(conn.execute(text("SELECT color, size, key FROM thing")).all())
