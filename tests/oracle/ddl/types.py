# Every generic type's SQLite DDL, nullability and server defaults.
import enum
from sqlalchemy import (MetaData, Table, Column, Integer, BigInteger, SmallInteger, String, Text, Unicode,
    UnicodeText, Boolean, Float, Double, Numeric, Date, DateTime, Time, Interval, Enum, JSON, LargeBinary,
    Uuid, create_engine, text, func, VARCHAR, CHAR, INTEGER, TIMESTAMP, DECIMAL, REAL, BLOB, CLOB)

class Color(enum.Enum):
    red = 1
    green = 2
    blue = 3

engine = create_engine("sqlite://")
metadata = MetaData()
Table(
    "all_types", metadata,
    Column("id", Integer, primary_key=True),
    Column("big", BigInteger),
    Column("small", SmallInteger, nullable=False),
    Column("name", String(40), nullable=False, server_default="anon"),
    Column("plain", String),
    Column("body", Text),
    Column("uni", Unicode(10)),
    Column("unitext", UnicodeText),
    Column("flag", Boolean, server_default=text("1")),
    Column("ratio", Float),
    Column("precise", Double),
    Column("price", Numeric(10, 2)),
    Column("num", Numeric),
    Column("born", Date),
    Column("seen", DateTime, server_default=func.now()),
    Column("at", Time),
    Column("span", Interval),
    Column("color", Enum(Color)),
    Column("size", Enum("small", "medium", "large", name="size")),
    Column("data", JSON),
    Column("blob", LargeBinary),
    Column("uid", Uuid),
    Column("v", VARCHAR(12)),
    Column("c", CHAR(3)),
    Column("i", INTEGER),
    Column("ts", TIMESTAMP),
    Column("d", DECIMAL(8, 3)),
    Column("r", REAL),
    Column("b", BLOB),
    Column("cl", CLOB),
)
metadata.create_all(engine)
metadata.drop_all(engine)
