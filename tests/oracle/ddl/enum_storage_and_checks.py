# Enum as SQLAlchemy stores it on SQLite: values_callable's values (and
# back to members), length=, validate_strings=True's LookupError, and
# create_constraint=True's named CHECK (Boolean's too).
import enum
from sqlalchemy import MetaData, Table, Column, Integer, Enum, Boolean, create_engine, insert, select
from sqlalchemy.exc import StatementError
from sqlalchemy.schema import CreateTable


class Color(enum.Enum):
    RED = "r"
    GREEN = "g"


md = MetaData()
t = Table("t", md, Column("id", Integer, primary_key=True),
          Column("c1", Enum(Color)),
          Column("c2", Enum(Color, values_callable=lambda e: [m.value for m in e])),
          Column("c3", Enum("a", "bb", name="abc", validate_strings=True)),
          Column("c4", Enum(Color, native_enum=False, length=20)),
          Column("c5", Enum(Color, create_constraint=True)),
          Column("flag", Boolean(create_constraint=True, name="ck_flag")))
print(CreateTable(t))
print(repr(t.c.c1.type), repr(t.c.c2.type), repr(t.c.c3.type), t.c.c2.type.enums, t.c.c3.type.enums)
engine = create_engine("sqlite://")
md.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), {"c1": Color.RED, "c2": Color.GREEN, "c3": "bb", "c4": Color.GREEN, "c5": "RED"})
    print(conn.execute(select(t)).all())
    try:
        conn.execute(insert(t), {"c3": "zz"})
    except StatementError as e:
        print(type(e).__name__, e)
    try:
        conn.execute(insert(t), {"c1": "BLUE"})
    except StatementError as e:
        print(type(e).__name__, e)
try:
    Enum(Color, length=2)
except ValueError as e:
    print("ValueError", e)
