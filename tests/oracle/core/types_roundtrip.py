# Types read back through select(): Boolean, Date, DateTime, Numeric at its
# scale, Enum by name (strings and a Python enum), JSON documents, Uuid,
# LargeBinary; NULLs; comparisons bound through the column's type.
import datetime
import decimal
import enum
import uuid
from sqlalchemy import (MetaData, Table, Column, Integer, Boolean, Date, DateTime, Numeric, Enum, JSON, Uuid,
    LargeBinary, String, create_engine, insert, select)


class Status(enum.Enum):
    draft = "d"
    live = "l"


engine = create_engine("sqlite://")
metadata = MetaData()
doc = Table("doc", metadata, Column("id", Integer, primary_key=True), Column("ok", Boolean), Column("day", Date),
    Column("at", DateTime), Column("price", Numeric(8, 3)), Column("status", Enum(Status)),
    Column("size", Enum("s", "m", "l", name="size")), Column("meta", JSON), Column("uid", Uuid),
    Column("raw", LargeBinary), Column("title", String(20)))
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(doc), [
        {"ok": True, "day": datetime.date(2024, 3, 1), "at": datetime.datetime(2024, 3, 1, 12, 30), "price": decimal.Decimal("2.5"),
         "status": Status.live, "size": "m", "meta": {"k": [1, None]}, "uid": uuid.UUID(int=255), "raw": b"ab", "title": "x"},
        {"ok": False, "day": None, "at": None, "price": None, "status": Status.draft, "size": "l", "meta": None,
         "uid": None, "raw": None, "title": None},
    ])
    for row in conn.execute(select(doc).order_by(doc.c.id)):
        print(row)
    print(conn.execute(select(doc.c.id).where(doc.c.status == Status.live)).scalars().all())
    print(conn.execute(select(doc.c.id).where(doc.c.day > datetime.date(2024, 1, 1))).scalars().all())
    print(conn.execute(select(doc.c.id).where(doc.c.price >= decimal.Decimal("2.499"))).scalars().all())
    print(conn.execute(select(doc.c.id).where(doc.c.ok == False)).scalars().all())
    print(conn.execute(select(doc.c.uid)).scalars().all())
