# How each type's values are sent to SQLite (bind processing): the trace's
# params are the processed values.
import datetime
import decimal
import enum
import uuid
from sqlalchemy import (MetaData, Table, Column, Integer, Boolean, Date, DateTime, Time, Numeric, Enum, JSON,
    Uuid, Interval, LargeBinary, Float, create_engine, insert, select)

class Color(enum.Enum):
    red = 1
    green = 2

engine = create_engine("sqlite://")
metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("flag", Boolean), Column("day", Date),
    Column("at", DateTime), Column("clock", Time), Column("price", Numeric(10, 2)), Column("ratio", Float),
    Column("color", Enum(Color)), Column("doc", JSON), Column("uid", Uuid), Column("span", Interval),
    Column("raw", LargeBinary))
metadata.create_all(engine)
rows = [
    dict(flag=True, day=datetime.date(2024, 2, 29), at=datetime.datetime(2024, 5, 6, 7, 8, 9, 120),
         clock=datetime.time(23, 59, 1, 5), price=decimal.Decimal("1.005"), ratio=0.1, color=Color.red,
         doc={"a": [1, 2.5, None, True], "b": "é\"x"}, uid=uuid.UUID("12345678-1234-5678-1234-567812345678"),
         span=datetime.timedelta(days=1, seconds=5, microseconds=7), raw=b"\x00\xff"),
    dict(flag=False, day=datetime.date(1, 1, 1), at=datetime.datetime(1999, 12, 31), clock=datetime.time(0, 0),
         price=decimal.Decimal("12345678.9"), ratio=-2.0, color=Color.green, doc=[], uid=uuid.UUID(int=0),
         span=datetime.timedelta(seconds=-1), raw=b""),
    dict(flag=None, day=None, at=None, clock=None, price=None, ratio=None, color=None, doc=None, uid=None,
         span=None, raw=None),
]
with engine.begin() as conn:
    for row in rows:
        conn.execute(insert(t).values(**row))
    for row in conn.execute(select(t).order_by(t.c.id)):
        print(row)
